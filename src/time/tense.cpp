#include "time/tense.hpp"

#include <array>

namespace newsnorm::detail {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Lower-case words ending like a weak Präteritum that are adjectives or present forms.
constexpr std::array<std::string_view, 42> not_preterite = {
    "harte", "harten", "zarte", "rechte", "rechten", "echte", "echten", "schlechte", "schlechten", "leichte",
    "leichten", "heute", "gute", "guten", "direkte", "direkten", "bekannte", "bekannten", "weite", "weiten",
    "rote", "roten", "mächte", "nächte", "konkrete", "konkreten",
    // ordinals and adjectives that end like "sagte": "am vierten Dezember", "die beliebte Sendung"
    "vierte", "vierten", "achte", "achten", "siebte", "siebten", "beliebte", "beliebten", "vierter", "achter",
    // the verbs "gelten" and "achten" ("es gelte", "die Regeln gelten"; "achten Sie darauf"): see t_stems_h
    "gelten", "gelte", "vergelten", "entgelten", "verachten", "verachte"};

// Strong participles that are also the plural Präteritum: "verloren die Magic am Samstag" (no auxiliary: a
// Präteritum), "haben am Samstag verloren" (a Perfekt). Past either way, unless "werden" or a modal points ahead
// ("soll am Montag entschieden werden"), so they count only when the clause shows no other tense.
constexpr std::array<std::string_view, 22> preterite_participles = {
    "verloren", "beschlossen", "entschieden", "verboten", "erschienen", "entstanden", "bestanden", "verstanden",
    "erschossen", "verschoben", "erwogen", "erlitten", "unterschrieben", "verliehen", "vertrieben", "bewiesen",
    "überschritten", "beschrieben", "betrieben", "verglichen", "bestritten", "vermieden"};

// Determiners after which a word ending like "sagte" is an adjective: "die kaltfeuchte Stimmung", "eine leichte
// Brise", "seine geplante Reise". Not "das" ("weil das passierte": a pronoun) nor after a clause's start ("Die
// sagte, ...", ", die arbeiteten").
constexpr std::array<std::string_view, 31> determiners = {
    "der", "die", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "diese", "dieser", "diesen",
    "diesem", "dieses", "seine", "seinen", "seiner", "seinem", "ihre", "ihren", "ihrer", "ihrem", "unsere", "unseren",
    "unserer", "unserem", "jede", "jeden", "jeder"};

// Words that open a clause: a determiner right after one may be a pronoun ("weil die streikten").
constexpr std::array<std::string_view, 12> clause_openers = {
    "dass", "weil", "als", "wie", "ob", "wenn", "bevor", "nachdem", "da", "und", "oder", "aber"};

// Infinitives and present forms of weak verbs whose stem ends in "-t" end like a Präteritum of a stem without it
// ("berichten", "verzichten" like "machten"; "warten", "erwarten" like "hörten"; "gelten" like "spielten"): "Am
// Samstag wird der Teamchef verzichten müssen", "Experten erwarten", "es gelte". Their Präteritum has "-ete"
// ("berichtete"). Checked only for stems ending in 'h' or 'r'; not "erreichte", "veröffentlichte", "machte".
// The stems' endings, without "te"/"ten": for 'h' ("berich-ten") and for 'r' ("erwar-ten").
constexpr std::array<std::string_view, 17> t_stems_h = {
    "rich", "zich", "nich", "pflich", "dich", "sich", "fürch", "leuch", "flüch", "beach", "bach", "trach", "nach",
    "erach", "gutach", "schlach", "missach"};
constexpr std::array<std::string_view, 4> t_stems_r = {"war", "star", "wor", "wer"};

template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& list) {
  for (auto x : list)
    if (w == x) return true;
  return false;
}

}  // namespace

bool weak_preterite(std::string_view w) {
  if (w.size() < 5) return false;
  std::string_view stem = w;
  if (ends_with(stem, "ten")) stem.remove_suffix(3);
  else if (ends_with(stem, "te")) stem.remove_suffix(2);
  else return false;
  if (stem.size() < 3) return false;
  for (auto x : not_preterite)
    if (w == x) return false;
  if (starts_with(w, "ge") || w.find("zehnt") != std::string_view::npos || ends_with(stem, "neun")) return false;
  const char c = stem.back();
  const std::string_view two = stem.substr(stem.size() - 2);
  // "sagte", "machte", "wirkte", "führte", "stellte", "teilte", "nannte", "meldete"
  if (c == 'h' && stem.size() >= 4 && stem[stem.size() - 2] == 'c') {
    for (auto x : t_stems_h)
      if (ends_with(stem, x)) return false;
  } else if (c == 'r' && (two == "ar" || two == "or" || two == "er")) {
    for (auto x : t_stems_r)
      if (ends_with(stem, x)) return false;
  }
  if (c == 'g' || c == 'h' || c == 'r') return true;
  // "setzte", "stürzte", "nutzte" (not "letzte"); "fasste"; "kaufte", "prüfte", "hoffte"; "stoppte"; "lebte";
  // "räumte" -- not superlatives ("beste", "nächste"), ordinals ("fünfte") or "sanfte", "bestimmte"
  if (c == 'z') return !ends_with(stem, "letz");
  if (c == 's') return two == "ss";
  if (c == 'f') return two == "ff" || two == "uf" || two == "pf" || ends_with(stem, "\xc3\xbc" "f");  // "schrumpfte"
  // "begrüßte", "stieß" is in the table; not the superlative "größte"
  if (ends_with(stem, "\xc3\x9f")) return !ends_with(stem, "gr\xc3\xb6\xc3\x9f");
  if (c == 'p') return two == "pp";
  if (c == 'b') return two == "eb" || two == "rb";
  if (c == 'm') return two == "um";
  if (c == 'k') return !(ends_with(stem, "ek") || ends_with(stem, "ik"));
  if (c == 'l') return two == "ll" || two == "il" || two == "el" || two == "hl";  // "spielte", "erzielte", "fehlte"
  if (c == 'n') return two == "nn" || two == "hn" || two == "rn" || two == "an";
  if (c == 'e') {  // "meldete", "arbeitete", "öffnete", "atmete"
    if (stem.size() < 4) return false;
    const char d = stem[stem.size() - 2];
    return d == 'd' || d == 't' || d == 'n' || d == 'm';
  }
  return false;
}

// Every participle and stative form below ends in "-t" (not "-st") or "-en" and has five bytes or more.
bool participle_ending(std::string_view w) {
  const std::size_t n = w.size();
  return n >= 5 && ((w[n - 1] == 't' && w[n - 2] != 's') || (w[n - 1] == 'n' && w[n - 2] == 'e'));
}

bool stative_participle(std::string_view w) {
  static constexpr std::array<std::string_view, 14> forms = {
      "geplant", "vorgesehen", "angesetzt", "terminiert", "anberaumt", "eingeladen", "geöffnet", "angekündigt",
      "festgesetzt", "festgelegt", "vereinbart", "erwartet", "geschlossen", "gesperrt"};
  for (auto x : forms)
    if (w == x) return true;
  return false;
}

bool participle(std::string_view w, bool separable) {
  if (w.size() < 5) return false;
  // every participle below ends in "-t" (not "-st") or "-en": most words stop here
  const bool ends_t = w.back() == 't' && w[w.size() - 2] != 's';
  const bool ends_en = ends_with(w, "en");
  if (!ends_t && !ends_en) return false;
  if (starts_with(w, "ge")) return true;
  if (w == "worden") return true;  // "ist am Freitag entbunden worden": the passive's Perfekt
  if (ends_with(w, "iert")) return true;  // "informiert", "kritisiert"
  // inseparable prefixes: "unterzeichnet", "beschlossen", "verloren", "erklärt", "entschieden"
  static constexpr std::array<std::string_view, 8> prefixes = {"be", "ver", "er", "ent", "zer", "unter", "über", "emp"};
  for (auto p : prefixes)
    if (starts_with(w, p) && (ends_with(w, "t") && !ends_with(w, "st"))) return w.size() >= 7;
  // separable verbs: "festgenommen", "angekündigt", "zurückgebracht", "eingegangen"
  // ("hingelegt", "hergestellt", "dargestellt", "hinzugefügt", "weitergegeben", "wiedergewählt", "kennengelernt";
  // infinitives such as "weitergehen", "hingegen" are too short for the length test below)
  static constexpr std::array<std::string_view, 42> particles = {
      "an", "auf", "aus", "ab", "bei", "ein", "fest", "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen",
      "frei", "los", "fort", "um", "durch", "statt", "teil", "hoch", "heraus", "hervor", "hin", "her", "dar",
      "hinzu", "herum", "heran", "hinaus", "hinein", "herein", "vorbei", "voran", "weiter", "wieder", "nieder",
      "entgegen", "bekannt", "kennen", "bereit"};
  if (separable && w.find("ge", 2) != std::string_view::npos) {
    for (auto p : particles)
      if (w.size() >= p.size() + 6 && starts_with(w, p) && w.substr(p.size(), 2) == "ge") return true;
  }
  if (!ends_en || w.size() < 7) return false;
  // strong participles with an inseparable prefix (their "-en" would otherwise read as an infinitive)
  // (also "beschlossen", "entschieden", "verloren": "wird ... entschieden" is a future, not a Präteritum)
  static constexpr std::array<std::string_view, 51> strong = {
      "beschlossen", "entschieden", "verloren", "begonnen", "bekommen", "vergessen", "verlassen", "betroffen", "verboten", "erschienen", "entstanden",
      "bestanden", "verstanden", "erschossen", "verschoben", "erwogen", "entkommen", "vergangen", "verschwunden",
      "erlitten", "empfangen", "unterbrochen", "unterschrieben", "übernommen", "unternommen", "vernommen",
      "verliehen", "vertrieben", "bewiesen", "entgangen", "erfunden", "empfohlen", "befohlen", "verstorben",
      "überschritten", "ertrunken", "erstochen", "erschlagen", "beworben", "betragen", "erhalten", "vertreten",
      "erfahren", "vergeben", "verlaufen", "beschrieben", "betrieben", "entsprochen", "verglichen", "bestritten",
      "vermieden"};
  for (auto x : strong)
    if (w == x) return true;
  return false;
}

bool past_participle_adjective(std::string_view w) {
  if (w.size() < 7) return false;
  static constexpr std::array<std::string_view, 5> endings = {"en", "er", "es", "em", "e"};
  for (std::string_view e : endings) {
    if (!ends_with(w, e)) continue;
    const std::string_view stem = w.substr(0, w.size() - e.size());
    return participle(stem, true) && !stative_participle(stem);
  }
  return false;
}

bool tense_reader::pluperfect(std::size_t s) {
  if (s >= pluperfect_.size()) return false;
  if (pluperfect_[s] >= 0) return pluperfect_[s] == 1;
  const sentence_range& r = a_.sentences[s];
  bool aux = false, part = false;
  for (std::size_t i = r.first; i < r.last && i < a_.tokens.size(); ++i) {
    const token& t = a_.tokens[i];
    if (!(t.flags & tf_word) || (t.flags & tf_upper_initial && !(t.flags & tf_sentence_start))) continue;
    const std::string_view f = a_.fold(t);
    if (f == "hatte" || f == "hatten" || f == "war" || f == "waren") aux = true;
    else if (participle(f, false)) part = true;  // separable verbs left out: measured on WikiWarsDE, value F1 0.907 -> 0.896 with them
  }
  pluperfect_[s] = aux && part ? 1 : 0;
  return aux && part;
}

namespace {
bool clause_boundary(std::string_view x) {
  if (x.empty() || x.size() > 3) return false;  // most tokens are words: one length test
  const unsigned char c = static_cast<unsigned char>(x[0]);
  if (x.size() == 1) return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"';
  return c == 0xE2 && (x == "\u2013" || x == "\u2014" || x == "\u201e" || x == "\u201c");
}
}  // namespace

namespace {
// Verbs of saying in the Präteritum: "Am Montag trifft sich der Rat, sagte ein Sprecher" -- the past of the
// saying does not place what is said.
bool speech_preterite(std::string_view f) {
  static constexpr std::array<std::string_view, 30> forms = {
      "sagte", "sagten", "erklärte", "erklärten", "teilte", "teilten", "mitteilte", "mitteilten", "betonte",
      "betonten", "meldete", "meldeten", "berichtete", "berichteten", "hieß", "schrieb", "schrieben", "kündigte",
      "kündigten", "ankündigte", "warnte", "warnten", "bestätigte", "bestätigten", "sprach", "meinte", "meinten",
      "fügte", "ergänzte", "verlautete"};
  for (auto x : forms)
    if (f == x) return true;
  return false;
}
bool speech_present(std::string_view f) {
  static constexpr std::array<std::string_view, 16> forms = {
      "sagt", "berichtet", "meldet", "vermeldet", "erklärt", "betont", "teilt", "schreibt", "bestätigt", "verlautet",
      // "Deutsche Medien berichten am Montag", "Das berichten die Zeitungen (Samstag)"
      "berichten", "melden", "vermelden", "schreiben", "bestätigen", "erklären"};
  for (auto x : forms)
    if (f == x) return true;
  return false;
}
}  // namespace

tense tense_reader::read(std::size_t first, std::size_t last, std::size_t keep_first, std::size_t keep_last,
                         bool reporting) const {
  bool past = false, perfect_aux = false, haben = false, part = false, stative = false, future = false;
  // "wird ... gekostet haben": "werden" and a participle before the infinitive "haben" (with a modal it is a reported past:
  // "soll ... geliefert haben")
  bool future_perfect = false, werden = false, preterite_participle = false;
  // once a past form is found the answer is past whatever follows: the loop stops there
  for (std::size_t i = first; i < last && i < a_.tokens.size() && !past; ++i) {
    const token& t = a_.tokens[i];
    if (!(t.flags & tf_word)) continue;
    // ", sagte ein Sprecher" after the clause: the inverted tag of reported speech
    if (i >= keep_last && i > 0 && a_.surface(i - 1) == "," && !(t.flags & tf_upper_initial) &&
        speech_preterite(a_.fold(t)))
      continue;
    // "vermeldet die Polizei am Freitag", "sagt Müller am Montag": the present of reporting tells of the past
    if (reporting && i >= keep_first && i < keep_last && !(t.flags & tf_upper_initial) && speech_present(a_.fold(t)))
      past = true;
    const time_word* w = i < words_.size() ? words_[i] : nullptr;
    // a capitalised word inside the sentence is a noun, not the verb form it spells ("Stand", "Bestand", "Tat")
    const bool noun = (t.flags & tf_upper_initial) && !(t.flags & tf_sentence_start);
    tense m = w && !noun ? w->marks : tense::none;
    if (m == tense::past && conditional_sollte(i)) m = tense::future;
    if (m == tense::past) past = true;
    else if (m == tense::perfect) {
      perfect_aux = true;
      const std::string_view f = a_.fold(t);
      if (f[0] == 'h') haben = true;  // "hat", "haben", "habe", "hätte" (not "ist", "sind", "sei", "wäre")
      if (f == "haben" && i > first && participle(a_.fold(i - 1))) future_perfect = true;
    } else if (m == tense::future) {
      future = true;
      const std::string_view f = a_.fold(t);
      if (f == "wird" || f == "werden" || f == "wirst" || f == "werde") werden = true;
    }
    else if (!(t.flags & tf_upper_initial)) {
      const std::string_view f = a_.fold(t);
      if (weak_preterite(f)) past = !after_determiner(i);
      else if (participle_ending(f)) {  // most words end otherwise: no list is compared
        if (stative_participle(f)) stative = true;
        else if (participle(f)) {
          part = true;
          // most participles stand with an auxiliary: the list is read only for one whose first letter fits
          if (!perfect_aux && (f[0] == 'v' || f[0] == 'b' || f[0] == 'e' || f[0] == 'u' || f[0] == '\xc3') &&
              one_of(f, preterite_participles))
            preterite_participle = true;
        }
      }
    }
  }
  // "ist für Dezember geplant", "sind eingeladen": a state in the present; "hat ... geplant" is a Perfekt
  if (werden && future_perfect && !past) return tense::future;
  if (past || (perfect_aux && part) || (haben && stative)) return tense::past;
  if (future) return tense::future;
  if (preterite_participle && !perfect_aux) return tense::past;
  return tense::none;
}

// "wird die kaltfeuchte Stimmung", "mit einer bekannten Sängerin": the token before i is a determiner and the one
// before that a word that does not open a clause, so the word at i is an adjective, not a Präteritum.
bool tense_reader::after_determiner(std::size_t i) const {
  if (i < 2) return false;
  const token& d = a_.tokens[i - 1];
  const token& w = a_.tokens[i - 2];
  if (!(d.flags & tf_word) || (d.flags & tf_sentence_start) || !(w.flags & tf_word) || d.sentence != w.sentence)
    return false;
  if (d.fold_len < 3 || d.fold_len > 7) return false;  // every determiner has three to seven bytes
  return one_of(a_.fold(i - 1), determiners) && !one_of(a_.fold(i - 2), clause_openers);
}

// "Sollten die Griechen am Sonntag das Sparpaket ablehnen, ...", "..., sollte das IOC die Sportler zulassen": "sollte"
// first in its sentence or right after a comma stands first in its clause, a condition (or an advice, "..., sollte
// man zuerst bohren"), which points ahead; the Präteritum "was to" stands second ("Der Bau sollte 2015 beginnen").
bool tense_reader::conditional_sollte(std::size_t i) const {
  const token& t = a_.tokens[i];
  if (t.fold_len != 6 && t.fold_len != 7) return false;
  const std::string_view f = a_.fold(t);
  if (f != "sollte" && f != "sollten") return false;
  return (t.flags & tf_sentence_start) || (i > 0 && a_.surface(i - 1) == ",");
}

std::pair<std::size_t, std::size_t> tense_reader::clause_around(std::size_t first, std::size_t last,
                                                               const sentence_range& r) const {
  // out to the nearest comma, colon, dash, bracket or quote, at most 40 tokens each way
  constexpr std::size_t reach = 40;
  std::size_t b = first;
  while (b > r.first && first - b < reach && !boundary(b - 1)) --b;
  std::size_t e = last;
  while (e < r.last && e < a_.tokens.size() && e - last < reach && !boundary(e)) ++e;
  return {b, e};
}

// A clause ends at token k: a comma, colon, dash, bracket or quote, or a verb joint ("und möchte"). One length test
// stops most words.
bool tense_reader::boundary(std::size_t k) const {
  const token& t = a_.tokens[k];
  if (t.end - t.begin > 4 || t.end == t.begin) return false;
  const std::string_view x = a_.surface(t);
  if (x.size() == 1 || static_cast<unsigned char>(x[0]) == 0xE2) return clause_boundary(x);
  const char c = x[0];
  return ((c == 'u' && x.size() == 3) || ((c == 'o' || c == 'a') && x.size() == 4)) && verb_joint(k);
}

// "Nun bin ich auf den Geschmack gekommen und möchte zu Silvester Rouladen kochen", "sei entlassen worden und solle
// am Samstagabend zurückkehren": "und", "oder", "aber" right before a finite verb of the tense table join two verb
// phrases, each with its own tense, as a comma would part two clauses
bool tense_reader::verb_joint(std::size_t k) const {
  const token& t = a_.tokens[k];
  if (k + 1 >= a_.tokens.size() || k + 1 >= words_.size() || !words_[k + 1]) return false;
  const std::string_view f = a_.fold(t);
  if (f != "und" && f != "oder" && f != "aber") return false;
  const token& v = a_.tokens[k + 1];
  const time_word* w = words_[k + 1];
  return w && w->marks != tense::none && w->marks != tense::measure && (v.flags & tf_word) &&
         !(v.flags & tf_upper_initial) && v.sentence == t.sentence;
}

tense_reader::clause tense_reader::own_clause(std::size_t first, std::size_t last) const {
  if (first >= a_.tokens.size()) return {first, last, tense::none};
  const std::size_t s = a_.tokens[first].sentence;
  if (s >= a_.sentences.size()) return {first, last, tense::none};
  const auto [b, e] = clause_around(first, last, a_.sentences[s]);
  return {b, e, read(b, e, b, e)};
}

tense tense_reader::of_clause(std::size_t first, std::size_t last, bool day) {
  if (first >= a_.tokens.size()) return tense::none;
  const std::size_t s = a_.tokens[first].sentence;
  if (s >= a_.sentences.size()) return tense::none;
  const sentence_range& r = a_.sentences[s];
  const auto [b, e] = clause_around(first, last, r);
  if (b > r.first || e < r.last) {  // a clause smaller than the sentence: its own verb decides when it has one
    // ", so Ban am Donnerstag": the tag of reported speech names when it was said
    if (b > r.first && a_.fold(b) == "so" && a_.surface(b - 1) == ",") return tense::past;
    const tense t = read(b, e, b, e, day);
    if (t != tense::none) return t;
    // else the other clauses, leaving out a verb of saying that opens one ("..., sagte er"); once per sentence
    // (when skipping all of them gives the sentence's own tense, none matters; only otherwise the exact read)
    if (others_[s] < 0) others_[s] = static_cast<std::int8_t>(read(r.first, r.last, r.first, r.first));
    if (static_cast<tense>(others_[s]) == of_sentence(s)) return of_sentence(s);
    return read(r.first, r.last, b, e);
  }
  if (day) {
    if (report_[s] < 0) report_[s] = static_cast<std::int8_t>(read(r.first, r.last, r.first, r.last, true));
    if (static_cast<tense>(report_[s]) == tense::past) return tense::past;
  }
  return of_sentence(s);
}

bool tense_reader::measured(std::size_t first, std::size_t last) const {
  if (first == 0 || first >= a_.tokens.size()) return false;
  const std::string_view before = a_.fold(first - 1);
  if (before == "ab" || before == "bis" || before == "von" || before == "seit" || before == "für") return false;
  const std::size_t s = a_.tokens[first].sentence;
  if (s >= a_.sentences.size()) return false;
  const sentence_range& r = a_.sentences[s];
  const auto [b, e] = clause_around(first, last, r);
  bool verb = false, number = false;
  for (std::size_t i = b; i < e; ++i) {
    if (i >= first && i < last) continue;
    const token& t = a_.tokens[i];
    if (t.flags & tf_number) { number = true; continue; }
    if (!(t.flags & tf_word) || ((t.flags & tf_upper_initial) && !(t.flags & tf_sentence_start))) continue;
    const time_word* w = i < words_.size() ? words_[i] : nullptr;
    if (w && w->marks == tense::measure) verb = true;
  }
  return verb && number;
}

tense tense_reader::of_sentence(std::size_t s) {
  if (s >= cache_.size()) return tense::none;
  if (cache_[s] >= 0) return static_cast<tense>(cache_[s]);
  const sentence_range& r = a_.sentences[s];
  const tense out = read(r.first, r.last, r.first, r.last);
  cache_[s] = static_cast<std::int8_t>(out);
  return out;
}

}  // namespace newsnorm::detail
