// Quotes with their speakers.
//
// Direct:   "Das sieht nach ... aus", sagte Kreml-Sprecher Dmitri Peskow vor Reportern.
//           Peskow sagte: „Wir ...“
// Reported: Im Januar erklärte der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby, dass ...
//           Ukrainer vor Ort sagen, sie hätten Raketenteile gefunden.
// Not a quote: Die britische Zeitung "The Guardian"   (a name in marks: short, no speaker)
//
// Pairing is one linear pass per zone with at most one open double and one open single quote,
// so a million unbalanced marks cost a million steps.
#include "article/article.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

#include <algorithm>

namespace newsnorm::detail {

namespace {

enum class mark_role : std::uint8_t { none, open_double, close_double, either_double, open_single, close_single };

// What a quotation mark can be, and which family it belongs to (so „ closes with “ and » with «).
struct mark_info {
  mark_role role;
  char family;  // 'g' German „“, 'e' English “”, 's' straight ", 'a' » «, 'f' « », 'G' ‚‘, 'E' ‘’, 'A' › ‹
};

mark_info classify_mark(std::string_view s) {
  if (s == "\xE2\x80\x9E") return {mark_role::open_double, 'g'};      // „
  if (s == "\xE2\x80\x9C") return {mark_role::either_double, 'e'};    // “ closes „, or opens English
  if (s == "\xE2\x80\x9D") return {mark_role::close_double, 'e'};     // ”
  if (s == "\"") return {mark_role::either_double, 's'};
  if (s == "\xC2\xBB") return {mark_role::either_double, 'a'};        // » opens German, closes French
  if (s == "\xC2\xAB") return {mark_role::either_double, 'f'};        // « closes German, opens French
  if (s == "\xE2\x80\x9A") return {mark_role::open_single, 'G'};      // ‚
  if (s == "\xE2\x80\x98") return {mark_role::open_single, 'E'};      // ‘ (also closes ‚)
  if (s == "\xE2\x80\x99") return {mark_role::close_single, 'E'};     // ’
  if (s == "\xE2\x80\xBA") return {mark_role::open_single, 'A'};      // ›
  if (s == "\xE2\x80\xB9") return {mark_role::close_single, 'A'};     // ‹
  return {mark_role::none, 0};
}

// Does a mark of `family` close a quote opened by `opener`?
bool closes(char opener, std::string_view s) {
  switch (opener) {
    case 'g': return s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\"";
    case 'e': return s == "\xE2\x80\x9D" || s == "\xE2\x80\x9C";
    case 's': return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D";
    case 'a': return s == "\xC2\xAB";
    case 'f': return s == "\xC2\xBB";
    case 'G': return s == "\xE2\x80\x98" || s == "\xE2\x80\x99";
    case 'E': return s == "\xE2\x80\x99";
    case 'A': return s == "\xE2\x80\xB9";
  }
  return false;
}

struct np {  // a noun phrase found around a speech verb
  std::size_t first = 0, last = 0;            // tokens [first, last)
  std::size_t role_first = 0, role_last = 0;  // role words inside it, empty when none
  std::size_t name_first = 0, name_last = 0;  // the name, empty when none
  bool pronoun = false;
  bool empty() const { return first == last; }
};

class quote_finder {
 public:
  quote_finder(const article_rules& rules, analysis& a) : r_(rules), a_(a) {}

  void run() {
    // A quote that runs over a paragraph break leaves the first paragraph unclosed and opens the next one with
    // a new opening mark (German and English news convention): the opener is carried into the next body
    // paragraph when that paragraph starts with a mark of the same family.
    open_quote carried;
    for (std::size_t zi = 0; zi < a_.zones.size(); ++zi) {
      const content_zone& z = a_.zones[zi];
      quotes_in_zone_ = 0;
      const open_quote left = pair_marks(z, carried);
      carried = open_quote{};
      if (left.at == SIZE_MAX || zi + 1 == a_.zones.size() || z.where != zone::body) continue;
      const content_zone& next = a_.zones[zi + 1];
      if (next.where != zone::body || next.first_token + 1 >= next.last_token) continue;
      const std::size_t first = next.first_token;
      const mark_info m = classify_mark(a_.surface(first));
      if ((m.role == mark_role::open_double || m.role == mark_role::either_double) && m.family == left.family &&
          a_.tokens[first + 1].begin == a_.tokens[first].end)
        carried = left;
    }
    find_reported_speech();
    std::sort(a_.doc->quotes.begin(), a_.doc->quotes.end(),
              [](const quote& x, const quote& y) { return x.start_byte < y.start_byte; });
    carry_speakers();
    resolve_speaker_names();
  }

 private:
  const article_rules& r_;
  analysis& a_;
  lexicon<std::string> full_names_;
  lexicon<std::uint8_t> role_named_;  // one-word speakers the article names after a person's role: "Künstler Stelarc"
  mutable std::vector<std::int8_t> role_cache_;
  std::size_t quotes_in_zone_ = 0;  // surname -> "Dmitri Peskow", from two- and three-word capitalised runs
  std::size_t sentence_speaker_ = SIZE_MAX;  // in doc->quotes: the last quote with a speaker in the sentence being read
  std::size_t resume_ = 0;                   // the token after the last reported quote's content
  std::size_t after_colon_ = 0;              // the token after the last colon before the speech verb being tried
  // Quotes without marks are inferred from a comma and a speech verb alone, so a text made of nothing but
  // attributions ("X, sagte Peskow. Y, sagte Peskow. ...") would make one a sentence: their memory is kept
  // to half the input's size (64 KiB at least: no real article comes near it), and the rest of such a
  // text is read without them, within the document's memory budget.
  std::size_t unmarked_left_ = (a_.text.size() / 2 + (std::size_t{64} << 10)) / (sizeof(quote) + analysis::span_text_estimate);

  std::uint32_t cls(std::size_t i) const { return i < a_.article_classes.size() ? a_.article_classes[i] : 0u; }
  // bounds-checked like cls() and is(): the rules look one or two tokens past a verb that may end the text
  // ("„…“, sagte" at the very end: the "freute sich" test reads the token after it)
  std::string_view fold(std::size_t i) const { return i < a_.tokens.size() ? a_.fold(i) : std::string_view{}; }
  bool word(std::size_t i) const { return a_.is(i, tf_word); }
  // "Präsident", or a compound that ends in a role head ("Kreml-Sprecher"); memoised per token because
  // the compound test probes several suffixes.
  bool role(std::size_t i) const {
    if (i >= a_.tokens.size()) return false;
    if (cls(i) & aw_role) return true;
    if (!cap(i)) return false;
    if (role_cache_.empty()) role_cache_.assign(a_.tokens.size(), -1);
    if (role_cache_[i] < 0) role_cache_[i] = role_form(fold(i)) ? 1 : 0;  // the table's answer is cls(i)
    return role_cache_[i] == 1;
  }
  // A compound role, an inflected role ("dem Präsidenten", "des Ministers", "der Sprecherinnen": the table
  // holds the nominative singular).
  bool role_form(std::string_view f) const {
    if (r_.is_role_compound(f)) return true;
    if (f.size() < 5 || (f.back() != 'n' && f.back() != 's')) return false;  // every ending below ends so
    for (const std::string_view ending : {std::string_view("en"), std::string_view("n"), std::string_view("es"), std::string_view("s"), std::string_view("nen")}) {
      if (f.size() < ending.size() + 4 || !f.ends_with(ending)) continue;
      const std::string_view stem = f.substr(0, f.size() - ending.size());
      if ((r_.classes(stem) & aw_role) || r_.is_role_compound(stem)) return true;
    }
    return false;
  }
  bool cap(std::size_t i) const { return a_.is(i, tf_word) && a_.is(i, tf_upper_initial | tf_all_upper); }
  bool is(std::size_t i, std::string_view s) const { return i < a_.tokens.size() && a_.surface(i) == s; }
  std::size_t sentence_first(std::size_t i) const { return a_.sentences[a_.tokens[i].sentence].first; }
  std::size_t sentence_last(std::size_t i) const { return a_.sentences[a_.tokens[i].sentence].last; }

  // A name word: capitalised, not a role, not a stop word ("Anfang", "Montag"); or an Arabic-style
  // "al-Assad", "el-Sisi" (a lower-case particle, a hyphen, a capital).
  bool name_word(std::size_t i) const {
    if (i >= a_.tokens.size()) return false;
    if (!cap(i)) return particle_name(i);
    return !(cls(i) & (aw_np_stop | aw_speech_verb | aw_finite_aux | aw_determiner | aw_preposition | aw_pronoun | aw_conjunction)) &&
           !role(i) && !(a_.tokens[i].end - a_.tokens[i].begin >= 10 && day_part(fold(i)));
  }
  // "Mittwochabend", "Montagfrüh": a time, not a name ("teilte der Konzern Mittwochabend mit")
  static bool day_part(std::string_view f) {
    if (f.size() < 10 || f.size() > 20 || !(f.ends_with("abend") || f.ends_with("morgen") || f.ends_with("mittag") ||
                                           f.ends_with("nacht") || f.ends_with("fr\xC3\xBCh")))
      return false;
    for (const std::string_view d : {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"})
      if (f.starts_with(d)) return true;
    return false;
  }
  // "Diese Woche sagte der Minister", "Vergangenen Montag erklärte sie", "Jeden Tag betont er": a time in the
  // accusative opens the sentence; the subject follows the verb
  bool time_phrase(const np& p) const {
    if (p.empty() || p.pronoun || p.last - p.first > 3) return false;
    const std::string_view f = fold(p.last - 1);
    for (const std::string_view w : {"woche", "monat", "jahr", "tag", "abend", "morgen", "nacht", "wochenende", "montag",
                                     "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mal"})
      if (f == w) return true;
    return day_part(f);
  }
  bool particle_name(std::size_t i) const {
    if (!a_.is(i, tf_has_hyphen)) return false;
    const std::string_view s = a_.surface(i);
    const std::size_t h = s.find('-');
    return h >= 2 && h <= 3 && h + 1 < s.size() && s[h + 1] >= 'A' && s[h + 1] <= 'Z' && s[0] >= 'a' && s[0] <= 'z';
  }
  bool name_particle(std::size_t i) const {
    const std::string_view f = fold(i);
    if (f.size() < 2 || f.size() > 3) return false;  // all of them have two or three letters
    // "von der Leyen", "Van der Bellen", not "Heil der Agentur"
    if (f == "der" || f == "den") return i > 0 && (fold(i - 1) == "von" || fold(i - 1) == "van");
    return f == "von" || f == "van" || f == "de" || f == "da" || f == "zu" || f == "al" || f == "bin" || f == "ibn" || f == "del" ||
           (f == "la" && i > 0 && fold(i - 1) == "de") || f == "di" || f == "du";  // "De la Calle", "Di Maio", "Du Bois"
  }
  // "von der Leyen", "van der Bellen": particles that go on to a name word
  // "Olaf", "Karl-Theodor" (its first part)
  bool first_name(std::size_t i) const {
    const std::string_view f = fold(i);
    if (r_.first_names.contains(f)) return true;
    const std::size_t h = f.find('-');
    return h != std::string_view::npos && h > 1 && r_.first_names.contains(f.substr(0, h));
  }
  bool particles_then_name(std::size_t k) const {
    std::size_t n = 0;
    while (n < 3 && name_particle(k + n)) ++n;
    // "zu" joins a name only after a first name ("Karl-Theodor zu Guttenberg"), not "Winkler zu Beginn"
    if (n == 1 && fold(k) == "zu" && !(k > 0 && first_name(k - 1))) return false;
    // "Bernd Jäckel von der Bundespolizeiinspektion", "Hans Golob von der Polizei", "Lea Maričić von ADRA": an
    // organisation follows, not a name
    return n > 0 && name_word(k + n) && !body_word(fold(k + n)) && !a_.is(k + n, tf_all_upper);
  }

  // "Freilassung", "Regierung", "Gesellschaft", "Organisation": a noun, never a first name
  static bool abstract_noun(std::string_view f) {
    if (f.size() < 6) return false;
    for (const std::string_view end : {std::string_view("ung"), std::string_view("heit"), std::string_view("keit"), std::string_view("schaft"),
                                       std::string_view("ion"), std::string_view("t\xC3\xA4t")})
      if (f.ends_with(end)) return true;
    return false;
  }
  // The Konjunktiv I of any verb in the third person singular, "verstoße", "beneide", right after its
  // subject ("ein Ausschluss verstoße gegen ...", "er beneide die Regierung nicht"): the closed list in the
  // function words has the frequent forms and those in -te ("gelte", "halte"), which the Präteritum shares.
  // A lower-case word in -e after a noun that no table knows is no adjective (those stand before a noun).
  bool subjunctive_verb(std::size_t k) const {
    if (cls(k) & aw_subjunctive) return true;
    if (k == 0 || !word(k) || cap(k) || cls(k)) return false;
    const std::string_view f = fold(k);
    if (f.size() < 5 || f.back() != 'e' || f.ends_with("te") || f.ends_with("ie") || f.ends_with("ee")) return false;
    // adverbs in -e ("kam zustande"), and the Konjunktiv II of strong verbs, which speakers use of themselves
    // ("Reizvoll wäre es", sagte er: a quote whose marks were lost)
    for (const std::string_view w : {"heute", "gerne", "gerade", "lange", "alleine", "bitte", "danke", "nahe", "ferne",
                                     "zuhause", "zustande", "zugrunde", "zuliebe", "zumute", "beiseite", "vorne", "ohne",
                                     "w\xC3\xA4re", "k\xC3\xA4me", "l\xC3\xA4ge", "ginge", "bliebe", "st\xC3\xBCnde", "fiele",
                                     "hie\xC3\x9F" "e", "lie\xC3\x9F" "e", "viele", "wenige", "einige", "manche", "alle", "beide",
                                     "andere", "solche", "welche", "jede", "jene", "meine", "deine", "seine", "ihre",
                                     "unsere", "eure", "keine", "eine", "diese"})
      if (f == w) return false;
    if (cap(k + 1)) return false;  // "der Senat neue Gesetze": an adjective after all
    const std::string_view prev = fold(k - 1);
    const bool third_person = (cls(k - 1) & aw_pronoun) && (prev == "er" || prev == "sie" || prev == "es" || prev == "man");
    const bool after_noun = cap(k - 1) && !(cls(k - 1) & (aw_pronoun | aw_determiner | aw_preposition | aw_conjunction));
    return third_person || after_noun || a_.is(k - 1, tf_quote_mark) || is(k - 1, ")");
  }
  static bool adjective_ending(std::string_view f) {
    return f.size() > 3 && (f.ends_with("e") || f.ends_with("en") || f.ends_with("er") || f.ends_with("es") || f.ends_with("em"));
  }
  // "russische", "stellvertretende": an inflected adjective inside a noun phrase
  bool adjective(std::size_t i) const {
    if (!word(i) || cap(i) || cls(i)) return false;
    return adjective_ending(fold(i));
  }

  // After an article, a phrase that ends in a participle or adjective before the noun (German's extended
  // attribute): "der [für das operative Geschäft] zuständige Vorstand", "der [am Montag] zurückgetretene
  // Minister", "die [seit 2019] amtierende Präsidentin". Returns the token of that adjective, or k.
  std::size_t skip_extended_attribute(std::size_t k, std::size_t limit) const {
    if (!(cls(k) & aw_preposition)) return k;
    bool object = false;  // the preposition's noun or number seen: "Geschäft", "Montag", "2019"
    for (std::size_t g = k + 1; g < limit && g - k <= 7; ++g) {
      if (adjective(g)) {
        if (object && g + 1 < limit && (role(g + 1) || (cap(g + 1) && name_word(g + 1)) || adjective(g + 1))) return g;
        continue;  // an adjective inside the phrase: "für das operative Geschäft"
      }
      if (cap(g) || a_.is(g, tf_number)) object = true;
      else if (!(cls(g) & (aw_determiner | aw_preposition)) && !quantifier(fold(g))) return k;
    }
    return k;
  }

  // "seit mehr als 20 Jahren", "vor knapp drei Wochen": a count's words inside an extended attribute ("als" and
  // "über" are prepositions, "vielen", "einigen" adjectives to the loop above already)
  static bool quantifier(std::string_view f) {
    for (const std::string_view w : {"mehr", "weniger", "rund", "etwa", "fast", "knapp", "gut", "zwei", "drei", "vier",
                                     "f\xC3\xBC" "nf", "sechs", "zehn"})
      if (f == w) return true;
    return false;
  }

  // Parses a speaker noun phrase forward from token i, at most up to `limit`:
  //   [det] [adj]* [Role]* [des|der ... genitive]* [in|aus Place] [Name]  [, Name,]
  // One of a group, the group in the genitive: "Einer der Zeugen", "eine der Betroffenen", "keiner der
  // Abgeordneten", "einer der beiden Anwälte". The whole phrase is the speaker's role; no name.
  // The personal pronoun a demonstrative subject stands for: "dieser", "letzterer" -> "er"; "diese",
  // "letztere" -> "sie"; empty for any other word.
  static std::string_view demonstrative_person(std::string_view f) {
    if (f == "dieser" || f == "letzterer" || f == "jener") return "er";
    if (f == "diese" || f == "letztere" || f == "jene") return "sie";
    return {};
  }

  // A counted group: "15 weitere Abgeordnete", "Zwei Polizisten", "drei der Opfer" is one_of_group's. The count,
  // its adjectives and a noun make the role; no name.
  np counted_group(std::size_t i, std::size_t limit) const {
    np p;
    p.first = p.last = i;
    static constexpr std::string_view counts[] = {"zwei", "drei", "vier", "f\xC3\xBCnf", "sechs", "sieben", "acht", "neun",
                                                  "zehn", "elf", "zw\xC3\xB6lf", "hunderte", "tausende", "dutzende"};
    const bool count = (a_.is(i, tf_number) && !a_.glued(i)) ||
                       std::find(std::begin(counts), std::end(counts), fold(i)) != std::end(counts);
    if (!count) return p;
    std::size_t k = i + 1;
    while (k < limit && k - i < 4 && adjective(k)) ++k;
    // a plural of people: a role word ("Abgeordnete", "Polizisten") or a noun in -er/-en/-e before the verb
    if (k >= limit || !cap(k) || (cls(k) & aw_np_stop) || !role(k)) return p;
    p.last = p.role_last = k + 1;
    p.role_first = i;
    return p;
  }

  np one_of_group(std::size_t i, std::size_t limit) const {
    np p;
    p.first = p.last = i;
    static constexpr std::string_view ones[] = {"einer", "eine", "eines", "keiner", "keine", "jeder", "jede"};
    const std::string_view f = fold(i);
    if (std::find(std::begin(ones), std::end(ones), f) == std::end(ones) || !(fold(i + 1) == "der" || fold(i + 1) == "des"))
      return p;
    std::size_t k = i + 2;
    while (k < limit && k - i < 6 && (adjective(k) || fold(k) == "beiden")) ++k;
    if (k >= limit || !cap(k) || (cls(k) & aw_np_stop) || a_.is(k, tf_all_upper)) return p;
    p.last = p.role_last = k + 1;
    p.role_first = i;
    return p;
  }

  np parse_np(std::size_t i, std::size_t limit) const {
    np p;
    p.first = p.last = i;
    if (i >= limit) return p;
    if (cls(i) & aw_pronoun) {
      if (fold(i) == "es") return p;  // "„…“, heißt es in Regierungskreisen": nobody in particular
      p.last = i + 1; p.pronoun = true; p.name_first = i; p.name_last = i + 1;
      return p;
    }
    if (const np g = one_of_group(i, limit); !g.empty()) return g;
    if (const np g = counted_group(i, limit); !g.empty()) return g;
    // "Dieser kündigte an, ...", "Letztere betonte, ...": a demonstrative right before the verb stands for a person
    // (a singular verb: "Diese haben erklärt" are several)
    if (!demonstrative_person(fold(i)).empty() && i + 1 < a_.tokens.size() &&
        (cls(i + 1) & (aw_speech_verb | aw_finite_aux)) && !fold(i + 1).ends_with("en")) {
      p.last = i + 1; p.pronoun = true; p.name_first = i; p.name_last = i + 1;
      return p;
    }
    std::size_t k = i;
    if (cls(k) & aw_determiner) ++k;
    std::size_t role_first = SIZE_MAX, role_last = 0;
    bool kin_genitive = false;
    // Every loop here is bounded by a small constant, so a hostile sentence ("Sprecher Sprecher ... sagte sagte
    // ...") costs linear time overall.
    limit = std::min(limit, i + 24);
    if (k > i) k = skip_extended_attribute(k, limit);
    const std::size_t adj_first = k;  // the role starts at its adjectives: "zurückgetretene Minister"
    for (int n = 0; k < limit && adjective(k) && n < 4; ++n) ++k;
    // an age: "der 35-Jährige" (a noun, the speaker's role) or "der 35-jährige Müller" (an adjective)
    if (k + 2 < limit && a_.is(k, tf_number) && is(k + 1, "-") && fold(k + 2).starts_with("j\xC3\xA4hrig") &&
        a_.tokens[k + 1].begin == a_.tokens[k].end && a_.tokens[k + 2].begin == a_.tokens[k + 1].end) {
      k += 3;
      if (cap(k - 1)) { role_first = adj_first; role_last = k; }
      while (k < limit && adjective(k) && k - adj_first < 8) ++k;
    }
    // a genitive or a modifier before the role: "Deutschlands Justizminister", "Kremlin spokesman",
    // "White House spokeswoman"
    if (k + 1 < limit && cap(k) && !role(k) && role(k + 1)) ++k;
    else if (k + 2 < limit && cap(k) && cap(k + 1) && !role(k) && !role(k + 1) && role(k + 2)) k += 2;
    // Role nouns: "Kreml-Sprecher", "Präsident", "Zeitung"
    for (int roles = 0; k < limit && a_.is(k, tf_word) && role(k) && roles < 4; ++roles) {  // lower case in English: "spokesman"
      if (role_first == SIZE_MAX) role_first = adj_first;
      role_last = ++k;
      if (is(k, ".") && (cls(k - 1) & aw_abbreviation) && k + 1 < limit && cap(k + 1)) role_last = ++k;  // "Dr. Scot Refsland"
      // genitive: "des Nationalen Sicherheitsrates der USA"
      int genitives = 0;
      while (k + 1 < limit && (fold(k) == "des" || fold(k) == "der") && (cap(k + 1) || adjective(k + 1))) {
        std::size_t g = k + 1;
        while (g < limit && adjective(g) && g - k < 4) ++g;
        std::size_t h = g;
        // up to a person's name after it: "die Präsidentin des Verbands Cinzia Franchini" (but the name after a
        // person in the genitive is that person's: "die Sprecherin der EU-Außenbeauftragten Federica Mogherini")
        while (h < limit && cap(h) && !(cls(h) & aw_np_stop) && h - g < 5 && !day_part(fold(h)) &&
               !(h > g && first_name(h) && name_word(h + 1) && !role(h - 1)))
          ++h;
        if (h == g) break;
        // "sagte ihre Sprecherin der Deutschen Presse-Agentur", "erklärte ein Heeressprecher der APA": a medium
        // after "der" is told, a dative, not the role's genitive
        // (after a genitive the medium may come first, its name after it: "sagte der Sprecher der Regierung der
        // ungarischen Nachrichtenagentur MTI"; not the only genitive: "der Chefredakteur der Zeitung Cumhuriyet")
        bool told = medium(h - 1);
        for (std::size_t m = g; m < h && !told && genitives > 0; ++m) told = medium(m);
        if (fold(k) == "der" && told) break;
        ++genitives;
        // "der Sohn des Präsidenten der Liga, Javier Tebas": the name after it is the genitive's
        kin_genitive |= kin(fold(role_last - 1));
        k = role_last = h;
      }
      // place: "in Seoul", "aus Moskau"
      if (k + 1 < limit && (fold(k) == "in" || fold(k) == "aus") && name_word(k + 1) && !name_word(k + 2)) {
        k = role_last = k + 2;
      }
      // a place or body, then the name as an apposition: "der demokratische Minderheitsführer im Senat, Harry
      // Reid", "der Leiter der Abteilung beim Roten Kreuz, Max Huber"; without the name after it the phrase
      // may be the verb's ("sagte der Minister im Bundestag"), so it is taken only with one
      if (k + 2 < limit && role_place_preposition(fold(k))) {
        std::size_t g = k + 1;
        if (cls(g) & aw_determiner) ++g;
        while (g < limit && adjective(g) && g - k < 4) ++g;
        std::size_t h = g;
        while (h < limit && cap(h) && !(cls(h) & aw_np_stop) && h - g < 3) ++h;
        if (h > g && apposition_end(h, limit)) k = role_last = h;
      }
      // two roles of one person: "der Vizepräsident des Senats und Lega-Spitzenpolitiker Roberto Calderoli"
      // (the loop reads the second; a name must follow it, as below)
      if (k + 2 < limit && fold(k) == "und" && role(k + 1) && name_word(k + 2)) { ++k; continue; }
      // portfolio: "der UNO-Hochkommissar für Flüchtlinge, Filippo Grandi", "Sprecher für Landesverteidigung"
      if (k + 1 < limit && fold(k) == "f\xC3\xBCr") {
        std::size_t g = k + 1;
        while (g < limit && adjective(g) && g - k < 3) ++g;
        std::size_t h = g;
        while (h < limit && cap(h) && !(cls(h) & aw_np_stop) && !first_name(h) && h - g < 3) ++h;
        if (h > g && (h == limit || is(h, ",") || is(h, "(") || !name_word(h) || first_name(h))) k = role_last = h;
      }
    }
    // A noun the role table lacks, before a first name and a surname: "der Meteorologe Markus Übel",
    // "NBA-Insider Shams Charania" (not "Hans Peter Doskozil": a first name is not a role)
    if (role_first == SIZE_MAX && k + 2 < limit && name_word(k) && !a_.is(k, tf_all_upper) && !r_.first_names.contains(fold(k)) &&
        cap(k + 1) && r_.first_names.contains(fold(k + 1)) && name_word(k + 1) && name_word(k + 2)) {
      role_first = adj_first;
      role_last = ++k;
    }
    // Name: capitalised words, maybe in marks (Zeitung "The Guardian")
    std::size_t name_first = k;
    bool quoted = false;
    if (k < limit && a_.is(k, tf_quote_mark) && name_word(k + 1)) { quoted = true; name_first = ++k; }
    // a particle opens the name only after a role: "Torschütze van Dijk", "Ministerin von der Leyen" (a lone
    // "von" there names whom the role serves: "ein Sprecher von Erwin Pröll")
    // (or the phrase itself, with no article: "wie de Maizière sagte", "van Gaal meinte"; not "von", "zu")
    const bool particle_opens = (role_first != SIZE_MAX && !(fold(k) == "von" && fold(k + 1) != "der")) ||
                                (k == i && fold(k) != "von" && fold(k) != "zu");
    while (k < limit && (name_word(k) || ((k > name_first || particle_opens) && particles_then_name(k))) &&
           k - name_first < 6)
      ++k;
    std::size_t name_last = k;
    if (quoted && k < limit && a_.is(k, tf_quote_mark)) ++k;
    // apposition: "der Sprecher ..., John Kirby, dass"
    if (name_last == name_first && role_first != SIZE_MAX && !kin_genitive) {
      if (const std::size_t n = apposition_end(k, limit)) { name_first = k + 1; name_last = n; k = n; }
    }
    if (role_first == SIZE_MAX && name_last == name_first) return p;  // nothing speaker-like
    p.last = k;
    if (role_first != SIZE_MAX) { p.role_first = role_first; p.role_last = role_last; }
    p.name_first = name_first;
    p.name_last = name_last;
    return p;
  }

  // A name as an apposition after the comma at `comma`: "der Sprecher, John Kirby, dass". Returns the token
  // after the name, or 0. The name ends with a comma, a party in brackets or the sentence: "so der Sprecher,
  // Max Höfler (SPÖ)."
  std::size_t apposition_end(std::size_t comma, std::size_t limit) const {
    if (!is(comma, ",") || !name_word(comma + 1)) return 0;
    std::size_t n = comma + 1;
    while (n < limit && n - (comma + 1) < 4 && name_word(n)) ++n;
    const bool ends = n == limit || is(n, ",") || is(n, "(") ||
                      (is(n, ".") && (n + 1 >= a_.tokens.size() || a_.tokens[n + 1].sentence != a_.tokens[n].sentence));
    return ends ? n : 0;
  }
  // "im Senat", "in London", "bei der Lufthansa", "am Institut für ...": a place or body the role belongs to
  static bool role_place_preposition(std::string_view f) {
    for (const std::string_view w : {"in", "im", "aus", "bei", "beim", "am", "an", "von", "vom", "zur", "zum"})
      if (f == w) return true;
    return false;
  }

  static bool kin(std::string_view f) {
    for (const std::string_view w : {"sohn", "tochter", "ehefrau", "ehemann", "witwe", "mutter", "vater", "bruder", "schwester"})
      if (f == w) return true;
    return false;
  }
  // "APA", "Zeitung", "Presse-Agentur", "Nachrichtenagentur": what a speaker talks to
  // The ")" of a short aside that opens at `open` ("(11,8 Milliarden Euro)", "(SPÖ)"): at most eight tokens of
  // words and numbers before `limit`; SIZE_MAX for anything else (a clause of its own, marks, a colon)
  std::size_t bracket_aside_end(std::size_t open, std::size_t limit) const {
    for (std::size_t k = open + 1; k < limit && k - open <= 9; ++k) {
      if (is(k, ")")) return k > open + 1 ? k : SIZE_MAX;
      if (!a_.is(k, tf_word | tf_number) && !is(k, ",") && !is(k, "-") && !is(k, "%") && !is(k, ".")) return SIZE_MAX;
      if (cls(k) & (aw_speech_verb | aw_finite_aux | aw_subjunctive)) return SIZE_MAX;
    }
    return SIZE_MAX;
  }

  bool medium(std::size_t i) const {
    if (cls(i) & aw_agency) return true;
    const std::string_view f = fold(i);
    return f.ends_with("zeitung") || f.ends_with("agentur") || f.ends_with("zeitschrift") || f == "presse";
  }

  // "sagte Badawis nach Kanada geflüchtete Ehefrau Ensaf Haidar": a name in the genitive (-s) before the
  // speaker's role and its modifiers is part of the role, not the speaker
  np genitive_before_role(const np& p, std::size_t limit) const {
    if (p.pronoun || p.role_last > p.role_first || p.name_last != p.name_first + 1 || p.last != p.name_last) return p;
    const std::string_view f = fold(p.name_first);
    if (f.size() < 4 || f.back() != 's' || f.ends_with("ss") || !(cls(p.last) & aw_preposition || adjective(p.last))) return p;
    std::size_t j = p.last;
    while (j < limit && j - p.last < 6 && !role(j) &&
           ((cls(j) & aw_preposition) || adjective(j) || name_word(j) || (word(j) && !cap(j) && !cls(j))))
      ++j;
    if (j >= limit || !role(j) || !adjective(j - 1)) return p;  // the role's own adjective before it: "geflüchtete"
    np q = parse_np(j, limit);
    if (q.empty() || q.role_last <= q.role_first) return p;
    q.first = p.first;
    q.role_first = p.first;
    return q;
  }

  span token_span(std::size_t first, std::size_t last) const {
    return byte_span(a_.tokens[first].begin, a_.tokens[last - 1].end);
  }

  void set_speaker(quote& q, const np& p, std::size_t verb) {
    if (verb != SIZE_MAX) q.verb = std::string(a_.surface(verb));
    if (p.role_last > p.role_first) {
      q.role = std::string(a_.text.substr(a_.tokens[p.role_first].begin, a_.tokens[p.role_last - 1].end - a_.tokens[p.role_first].begin));
    }
    std::size_t name_first = p.name_first;
    // "Deutliche Worte Erwin Pröll sagte ...": a crosshead whose line break the text lost, glued to the name at the
    // sentence's start; the name starts at its first name (not in "Hans Peter Doskozil", which opens with one)
    if (p.name_last >= name_first + 3 && name_first == sentence_first(name_first) && !first_name(name_first) &&
        !name_particle(name_first)) {
      for (std::size_t j = name_first + 1; j + 1 < p.name_last && j <= p.name_first + 2; ++j)
        if (first_name(j)) { name_first = j; break; }
    }
    std::size_t name_last = p.name_last;
    if (p.name_last > name_first && verb != SIZE_MAX && plural_verb(verb) && coordinate_names(name_first, name_last, verb) &&
        q.role.empty() && name_first > 0 && role(name_first - 1))
      q.role = std::string(a_.surface(name_first - 1));  // "Die Gründer Jan Koum und Brian Acton"
    if (name_last > name_first) q.speaker = token_span(name_first, name_last);
    else if (p.role_last > p.role_first) q.speaker = token_span(p.role_first, p.role_last);
  }
  // "sagten", "betonten", "erklären": a plural speech verb (not "gesagt", "geschrieben")
  bool plural_verb(std::size_t v) const {
    const std::string_view f = fold(v);
    return f.size() > 4 && (f.ends_with("ten") || (f.ends_with("en") && !f.starts_with("ge")));
  }
  // Two speakers joined by "und" before or after a plural verb: "Merkel und Macron betonten", "Die Gründer Jan Koum
  // und Brian Acton sagten", "sagten Merkel und Macron"; the speaker's span takes in both names.
  bool coordinate_names(std::size_t& first, std::size_t& last, std::size_t verb) const {
    if (last <= verb) {
      if (first < 2 || fold(first - 1) != "und") return false;
      std::size_t b = first - 1;
      while (b > 0 && first - 1 - b < 4 && name_word(b - 1) && a_.tokens[b - 1].sentence == a_.tokens[verb].sentence) --b;
      if (b == first - 1) return false;
      first = b;
    } else {
      if (fold(last) != "und") return false;
      std::size_t e = last + 1;
      while (e < a_.tokens.size() && e - last <= 4 && name_word(e) && a_.tokens[e].sentence == a_.tokens[verb].sentence) ++e;
      if (e == last + 1) return false;
      last = e;
    }
    return true;
  }

  // A role after the name, as an apposition: "sagte Francesco Grioli, Vorstandsmitglied der Gewerkschaft",
  // "meinte Douglas Hoyos, Sprecher für Landesverteidigung". Only when no role stood before the name; the
  // role runs to the next comma, bracket or the end of the sentence, at most eight tokens.
  // A quote whose content is tokens [c0, c1) and whose speaker is `p`, told by the verb at `verb`: ", sagte X"
  // after the clause (reported, or direct without marks).
  void add_attributed(quote_kind kind, std::size_t c0, std::size_t c1, const np& p, std::size_t verb) {
    quote q;
    q.kind = kind;
    static_cast<span&>(q) = token_span(c0, c1);
    q.content = token_span(c0, c1);
    set_speaker(q, p, verb);
    role_after_name(q, p);
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
  }

  // A reported quote of tokens [c0, c1) by `p`, told by the verb at `verb`, without a role after the name (that
  // is add_attributed's)
  void push_reported(std::size_t c0, std::size_t c1, const np& p, std::size_t verb) {
    quote q;
    q.kind = quote_kind::reported;
    static_cast<span&>(q) = token_span(c0, c1);
    q.content = token_span(c0, c1);
    set_speaker(q, p, verb);
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
  }

  void role_after_name(quote& q, const np& p) {
    if (!q.role.empty() || p.name_last <= p.name_first || p.pronoun || !is(p.last, ",")) return;
    std::size_t k = p.last + 1;
    const std::size_t limit = std::min(sentence_last(p.last), k + 8);
    // the article is no part of the role, as before a name: "sagte Anna Berger, die Leiterin der Abteilung" ->
    // "Leiterin der Abteilung", like "die Leiterin der Abteilung Anna Berger"
    if (k < limit && (cls(k) & aw_determiner)) ++k;
    const std::size_t role_first = k;
    while (k < limit && adjective(k)) ++k;
    if (k >= limit || !role(k)) return;
    std::size_t e = k + 1;
    while (e < limit && !is(e, ",") && !is(e, "(") && !is(e, ")") && !a_.is(e, tf_quote_mark) &&
           !(cls(e) & (aw_speech_verb | aw_reporting_clause)) && !(a_.is(e, tf_punct) && (is(e, ".") || is(e, ":") || is(e, ";"))))
      ++e;
    // "Dmitri Medwedew, der mittlerweile Vize-Chef des Sicherheitsrats ist,": a relative clause, not an apposition
    for (std::size_t v = k + 1; v < e; ++v)
      if (cls(v) & (aw_finite_aux | aw_subjunctive)) return;
    q.role = std::string(a_.text.substr(a_.tokens[role_first].begin, a_.tokens[e - 1].end - a_.tokens[role_first].begin));
  }

  // The speaker after the closing mark: „…“, sagte Kreml-Sprecher Dmitri Peskow / „…“, so Peskow /
  // "...," Kremlin spokesman Dmitry Peskov told reporters.
  bool speaker_after(quote& q, std::size_t close) {
    std::size_t k = close + 1;
    if (is(k, ",")) ++k;
    // "„…“ – so der Bürgermeister", "„…“ – das forderte der Bürgermeister": after a dash, "das" or "dies" sums it up
    if (k < a_.tokens.size() && a_.is(k, tf_dash)) {
      ++k;
      if ((fold(k) == "das" || fold(k) == "dies") && (cls(k + 1) & aw_speech_verb)) ++k;
      if (!(cls(k) & aw_speech_verb)) return false;
    }
    if (k >= a_.tokens.size()) return false;
    // „Aber wir brauchen Hilfe.“ Die Regierung teilte mit, ...: the next sentence's subject is not the speaker
    if (a_.tokens[k].sentence != a_.tokens[close].sentence) return false;
    if (!(cls(k) & aw_speech_verb)) {  // the subject first, then the verb
      const np p = parse_np(k, std::min(sentence_last(k), k + 12));
      if (!p.empty() && p.last < a_.tokens.size() && (cls(p.last) & aw_speech_verb) && fold(p.last) != "so") {
        set_speaker(q, p, p.last);
        return true;
      }
    }
    if (cls(k) & aw_finite_aux) return speaker_around_participle(q, k);
    const bool so = fold(k) == "so" && (cap(k + 1) || (cls(k + 1) & aw_determiner));
    // "„…“, zeigte sich der Trainer zufrieden": a stance shown right after the quote is its attribution (only here:
    // "Es zeigte sich, dass ..." reports nobody)
    const std::string_view verb = fold(k);
    const bool shown = (verb == "zeigte" || verb == "zeigten" || verb == "zeigt") && fold(k + 1) == "sich";
    if (!(cls(k) & aw_speech_verb) && !so && !shown) return false;
    const std::size_t limit = std::min(sentence_last(k), k + 16);
    const std::size_t subject = fold(k + 1) == "sich" ? k + 2 : k + 1;  // "„…“, freute sich Müller"
    np p = genitive_before_role(parse_np(subject, limit), limit);
    if (p.empty() && fold(k + 1) == "es" && (fold(k) == "hie\xC3\x9F" || fold(k) == "hei\xC3\x9Ft"))
      p = source_of_heisst_es(k);  // „…“, hieß es aus dem Ministerium
    if (p.empty()) return false;
    set_speaker(q, p, k);
    role_after_name(q, p);
    return true;
  }

  // The auxiliary after the quote, the subject, and the speech verb's participle at the end of the clause:
  //   „…“, hatte Ackermann nach seinem Erfolg am Samstag erklärt.  /  „…“, hat der Minister im Juni gesagt.
  //   „…“, wird die Sprecherin in der Zeitung zitiert.
  bool speaker_around_participle(quote& q, std::size_t aux) {
    const std::size_t limit = std::min(sentence_last(aux), aux + 20);
    const np p = parse_np(aux + 1, limit);
    if (p.empty()) return false;
    std::size_t e = p.last;
    while (e < limit && a_.is(e, tf_word | tf_number) && !(cls(e) & aw_speech_verb)) ++e;
    if (e >= limit || !(cls(e) & aw_speech_verb) || fold(e) == "so" || cap(e)) return false;
    // the participle ends the clause: not "hat er gesagt, dass ..." (a report of its own), nor "hatte er ... sagen wollen"
    if (!(e + 1 >= limit || is(e + 1, ".") || is(e + 1, "!") || is(e + 1, ";") || is(e + 1, ")"))) return false;
    set_speaker(q, p, e);
    role_after_name(q, p);
    return true;
  }

  // A speaker in brackets after the quote: „…“ (Heinz-Christian Strache)
  bool speaker_in_brackets(quote& q, std::size_t close) {
    const std::size_t k = close + 1;
    if (!is(k, "(")) return false;
    const std::size_t limit = std::min(a_.tokens.size(), k + 8);
    std::size_t e = k + 1;
    while (e < limit && !is(e, ")")) ++e;
    if (e >= limit) return false;
    // "„The Heiress“ (Die Erbin)": an article in the brackets translates a title; a speaker stands there bare
    if (cls(k + 1) & aw_determiner) return false;
    const np p = parse_np(k + 1, e);
    if (p.empty() || p.last != e || p.name_last == p.name_first || p.pronoun) return false;
    // "Secondary Market Corporate Credit Facility" (SMCCF): an acronym in brackets abbreviates the name
    if (p.name_last == p.name_first + 1 && a_.is(p.name_first, tf_all_upper)) return false;
    set_speaker(q, p, SIZE_MAX);
    return true;
  }

  // A headline's speaker before a colon, with no verb: Leitl: "…"  /  Deutschlands Justizminister Heiko Maas: "…"
  bool speaker_before_colon(quote& q, std::size_t open, std::size_t close) {
    if (open < 2 || !is(open - 1, ":")) return false;
    std::size_t words = 0;
    for (std::size_t k = open + 1; k < close && words < 2; ++k) words += a_.is(k, tf_word | tf_number);
    if (words < 2) return false;
    const std::size_t colon = open - 1;
    const std::size_t first = sentence_first(colon);
    std::size_t s = colon;
    while (s > first && colon - s < 8 &&
           (name_word(s - 1) || role(s - 1) || adjective(s - 1) || (cls(s - 1) & aw_determiner) || name_particle(s - 1)))
      --s;
    // Only at the start of the sentence or of a headline part ("... – Polizeichef: „…“"), or a person's full name
    // anywhere: "Die Antwort lieferte John Patrick: „…“", "Gold für Denise Herrmann-Wick: „…“"
    if (s == colon) return false;
    const bool full_name = colon >= first + 3 && first_name(colon - 2) && name_word(colon - 1);
    if (!(s == first || a_.is(s - 1, tf_dash | tf_punct)) && !full_name) return false;
    np p = parse_np(s, colon);
    if ((p.empty() || p.last != colon || (a_.article_classes[s] & (aw_preposition | aw_conjunction))) && full_name) {
      s = colon - 2;  // ("lieferte" reads as an adjective, so the walk back went past the verb)
      if (role(s - 1)) --s;  // "lieferte Trainer John Patrick:"
      p = parse_np(s, colon);
    }
    if (a_.article_classes[s] & (aw_preposition | aw_conjunction)) return false;
    if (p.empty() || p.last != colon || p.pronoun) return false;
    // an article and an adjective before a noun that is no role make a common noun phrase, not a speaker:
    // "Eine neue Folge von Hasophonie: „…“", "Das erste Fazit: „…“" (but "Der russische Präsident: „…“")
    if (p.role_last <= p.role_first && (cls(s) & aw_determiner) && adjective(s + 1)) return false;
    set_speaker(q, p, SIZE_MAX);
    return true;
  }

  // A headline's subject before a colon, with a verb but no speech verb, the quote ending the sentence:
  //   Biden empfängt Lula: „Müssen für Demokratie eintreten“   /   Kaiser über Lösung: „Historischer Meilenstein“
  //   Coach des Vorletzten hört auf: „Nicht mehr dieses Vertrauen gespürt“.
  // Not after an adverb or preposition ("So viel ist sicher: „…“"), nor across a comma.
  bool speaker_of_headline(quote& q, std::size_t open, std::size_t close) {
    if (open < 3 || !is(open - 1, ":")) return false;
    const std::size_t colon = open - 1;
    std::size_t first = sentence_first(colon);
    // the last part of a headline of parts: "Einigung auf Tafeln in 164 Orten – Kaiser über Lösung: „…“"
    for (std::size_t k = colon; k > first && colon - k < 10; --k)
      if (a_.is(k - 1, tf_dash)) { first = k; break; }
    // headlines drop the article, so one is a sign of prose ("Die Antwort lieferte John Patrick: „…“"); an
    // adverb opens prose too ("Tatsächlich sei er ...", "Von Aufklärung hält Rivoir wenig: „…“")
    if (colon - first > 10 || (cls(first) & (aw_preposition | aw_conjunction | aw_pronoun | aw_reporting_clause | aw_determiner)) ||
        name_particle(first) || fold(first).ends_with("lich") || fold(first).ends_with("weise") ||
        opens_subordinate(fold(first)))  // a question: "Warum kann man nicht einfach sagen: „…“"
      return false;
    for (std::size_t k = close + 1; k < sentence_last(close); ++k)
      if (!a_.is(k, tf_punct)) return false;  // the quote ends the sentence
    for (std::size_t k = first; k < colon; ++k)
      if (!a_.is(k, tf_word | tf_number) && !a_.is(k, tf_has_hyphen)) return false;  // plain words only
    const np p = parse_np(first, colon);
    if (p.empty() || p.pronoun || p.last >= colon) return false;
    const std::size_t verb = p.last;  // "empfängt", "hört", or "über"
    if (!word(verb) || cap(verb) || (cls(verb) & (aw_determiner | aw_conjunction | aw_pronoun | aw_subjunctive)) ||
        ((cls(verb) & aw_preposition) && fold(verb) != "über"))
      return false;
    std::size_t words = 0;
    for (std::size_t k = open + 1; k < close && words < 2; ++k) words += a_.is(k, tf_word | tf_number);
    if (words < 2) return false;
    set_speaker(q, p, SIZE_MAX);
    return true;
  }

  // A title that opens with the quote, then a colon and the sentence of its speaker, a name and its verb:
  //   „Wir schaffen das“: Merkel verteidigt ihre Flüchtlingspolitik
  // Only in the title: in the body a quote before a colon is a motto as often ("„Sicher ist sicher“: Die Stadt ...").
  bool headline_subject_after(quote& q, std::size_t open, std::size_t close) {
    if (close + 3 >= a_.tokens.size() || !is(close + 1, ":") || open != sentence_first(open)) return false;
    const sentence_range& s = a_.sentences[a_.tokens[open].sentence];
    if (s.where != zone::title) return false;
    const np p = parse_np(close + 2, std::min<std::size_t>(s.last, close + 10));
    if (p.empty() || p.pronoun || p.name_last <= p.name_first || p.last >= s.last) return false;
    const std::size_t verb = p.last;  // "verteidigt", "warnt"
    if (!word(verb) || cap(verb) || cls(verb) & (aw_determiner | aw_conjunction | aw_pronoun | aw_preposition)) return false;
    set_speaker(q, p, SIZE_MAX);
    return true;
  }

  // The speaker before the opening mark: Peskow sagte: „…“ / Dazu sagte Peskow am Montag: „…“
  bool speaker_before(quote& q, std::size_t open) {
    if (open == 0 || !(is(open - 1, ":") || is(open - 1, ","))) return false;
    const std::size_t first = std::max(sentence_first(open - 1), open > 40 ? open - 40 : std::size_t{0});
    for (std::size_t v = open - 1; v-- > first;) {
      if (!(cls(v) & aw_speech_verb)) continue;
      // "kommentierte er später in einem Interview: „…“": a pronoun after the verb is the subject
      if (v + 1 < open && (cls(v + 1) & aw_pronoun) && fold(v + 1) != "es") { set_speaker(q, parse_np(v + 1, v + 2), v); return true; }
      // subject before the verb: "Kreml-Sprecher Peskow sagte", "Sein Stellvertreter Michael Schickhofer (SPÖ) sagte"
      // (a party in brackets after the name)
      const std::size_t end = v >= first + 4 && is(v - 1, ")") && is(v - 3, "(") ? v - 3 : v;
      std::size_t s = end;
      while (s > first && end - s < 10 && (name_word(s - 1) || role(s - 1) || adjective(s - 1) || (cls(s - 1) & aw_determiner))) --s;
      // (not an object after a preposition: "nach der Niederlage bei den Hakro Merlins Crailsheim gesagt:")
      if (s < end && !(s > first && (cls(s - 1) & aw_preposition) && !subordinator(fold(s - 1)))) {
        const np p = parse_np(s, end);
        if (!p.empty() && p.last == end) { set_speaker(q, p, v); return true; }
      }
      // "Der Geschäftsführer der Organisation Germanwatch, Christoph Bals, erklärte: ...": the subject and its
      // apposition from the start of the sentence
      if (is(v - 1, ",") && v > first + 3) {
        const np p = parse_np(sentence_first(v), v);
        if (apposition_before_verb(p, v)) { set_speaker(q, p, v); return true; }
        // and its relative clause: "Kerner, der Aufsichtsratschef ist, sagte: „…“"; or an apposition with the name:
        // "Die Vorsitzende des Repräsentantenhauses, die Demokratin Nancy Pelosi, sagte dem Sender CBS: „…“"
        bool plain = !p.empty() && p.last + 2 < v && is(p.last, ",") && !p.pronoun;
        for (std::size_t k = p.last; plain && k < v; ++k) plain = !a_.is(k, tf_quote_mark) && !(cls(k) & aw_speech_verb);
        if (plain && relative_pronoun(fold(p.last + 1))) {
          const np named = parse_np(p.last + 1, v - 1);
          const bool apposition = !named.empty() && named.last == v - 1 && named.name_last > named.name_first;
          set_speaker(q, apposition ? named : p, v);
          return true;
        }
      }
      const np after = parse_np(v + 1, open - 1);
      if (!after.empty()) { set_speaker(q, after, v); role_after_name(q, after); return true; }
      if (v > first && (cls(v - 1) & aw_pronoun)) { set_speaker(q, parse_np(v - 1, v), v); return true; }
      // "„…“, räumte Xenia Smits ein und forderte: „…“", "Jamanka ärgerte sich ..., meinte aber: „…“"
      if (coordinated(v)) {
        const std::size_t sentence = a_.tokens[v].sentence;
        if (!a_.doc->quotes.empty()) {
          const quote& prev = a_.doc->quotes.back();
          const std::size_t prev_first = token_at(prev.start_byte);
          if (prev.speaker && prev_first < a_.tokens.size() && a_.tokens[prev_first].sentence == sentence) {
            copy_speaker(q, prev, v);
            return true;
          }
        }
        const np c = first_clause_subject(sentence_first(v), v);
        if (!c.empty()) { set_speaker(q, c, v); return true; }
      }
      return v + 2 == open && is(v + 1, ":") && around_auxiliary(q, first, v);
    }
    return false;
  }

  // The participle right before the colon, its auxiliary earlier, the subject before or after the auxiliary:
  //   "Innenministerin Nancy Faeser (SPD) hatte bereits Ende Januar betont: „…“"
  //   "Bei Besuchen vor Ort habe sie dann neuerlich festgestellt: „…“"
  bool around_auxiliary(quote& q, std::size_t first, std::size_t v) {
    std::size_t aux = v;
    while (aux > first && v - aux < 10 && !(cls(aux - 1) & aw_finite_aux)) --aux;
    if (aux == first || !(cls(aux - 1) & aw_finite_aux)) return false;
    --aux;
    // (not "man": "Warum kann man nicht einfach sagen: ..." names nobody)
    if (const np after = parse_np(aux + 1, v); !after.empty() && fold(after.first) != "man" &&
                                               (after.pronoun || after.role_last > after.role_first || after.name_last > after.name_first)) {
      set_speaker(q, after, v);
      return true;
    }
    std::size_t end = aux;
    if (end >= first + 3 && is(end - 1, ")") && is(end - 3, "(")) end -= 3;  // "Nancy Faeser (SPD) hatte"
    const np before = parse_np(sentence_first(aux), end);
    if (before.empty() || before.last != end || before.pronoun || opens_subordinate(fold(before.first))) return false;
    set_speaker(q, before, v);
    return true;
  }

  void emit_direct(std::size_t open, std::size_t close) {
    if (close <= open + 1) return;
    std::size_t words = 0;
    for (std::size_t k = open + 1; k < close; ++k) words += a_.is(k, tf_word | tf_number);
    quote q;
    static_cast<span&>(q) = byte_span(a_.tokens[open].begin, a_.tokens[close].end);
    q.kind = quote_kind::direct;
    q.content = byte_span(a_.tokens[open + 1].begin, a_.tokens[close - 1].end);
    const bool has_speaker = speaker_after(q, close) || speaker_before(q, open) || speaker_before_colon(q, open, close) ||
                             speaker_in_brackets(q, close) || speaker_of_headline(q, open, close) ||
                             headline_subject_after(q, open, close) || speaker_of_fragment(q, open, close);
    const bool ends_like_speech = ends_in_speech_punctuation(close);
    // A name or title in marks ("The Guardian", „All-in-Rechner“, "The Independent on Sunday") is not a quote,
    // nor what stands in marks after a naming noun: der Film „Im Westen nichts Neues“, unter dem Motto „…“, or
    // before it, as listings put it: „Warum Kinder keine Tyrannen sind“ Doku, ARD Mediathek.
    if (!has_speaker && !(ends_like_speech ? words >= 2 : (words >= 4 && !title_like(open + 1, close)))) return;
    if (!has_speaker && open > 0 && (cls(open - 1) & aw_title_noun)) return;
    if (!has_speaker && cap(close + 1) && (cls(close + 1) & aw_title_noun)) return;
    if (!has_speaker && example_before(open)) return;
    // A fragment quoted inside a clause ("Dies sei eine „wichtige Entwicklung“, sagte er") leaves its clause
    // to the reported-speech rules: the clause is reported speech too, and lends the fragment its speaker
    // when it has none of its own (carry_speakers).
    if (!embedded_fragment(open, close))
      for (std::size_t k = open + 1; k < close; ++k) a_.tokens[k].flags |= tf_in_quote;
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    ++quotes_in_zone_;
  }

  // An example in marks, what one might say, not what someone said: "Fragen (z.B. „Verträgt sich das mit der
  // Impfung?“)", "zum Beispiel „…“", "beispielsweise „…“"
  bool example_before(std::size_t open) const {
    if (open >= 1 && fold(open - 1) == "beispielsweise") return true;
    if (open >= 2 && fold(open - 1) == "beispiel" && fold(open - 2) == "zum") return true;
    return open >= 4 && is(open - 1, ".") && fold(open - 2) == "b" && is(open - 3, ".") && fold(open - 4) == "z";
  }

  // A fragment is the words of the subject of the verb that frames it: "Der Minister nannte den Plan einen
  // „gefährlichen Irrweg“", "Scholz sprach von einem „historischen Tag“", "Pelosi begrüßte die Entscheidung
  // als „Sieg für den Rechtsstaat“". The subject stands right before the verb at the start of the sentence.
  bool speaker_of_fragment(quote& q, std::size_t open, std::size_t close) {
    // a name in marks is no one's words: sagte der „Bild am Sonntag“, laut der „New York Times“
    if (!embedded_fragment(open, close) || (title_like(open + 1, close) && cap(open + 1))) return false;
    std::size_t first = sentence_first(open);
    while (first < open && (cls(first) & aw_conjunction)) ++first;
    for (std::size_t v = first + 1; v < open && v < first + 12; ++v) {
      if (!word(v) || cap(v)) continue;
      if (!(cls(v) & aw_speech_verb) && !characterising_verb(fold(v))) continue;
      const np p = parse_np(first, v);
      if (p.empty() || p.last != v || (p.pronoun && fold(p.first) == "es")) return false;
      if (p.role_last <= p.role_first && p.name_last == p.name_first + 1 &&
          (abstract_noun(fold(p.name_first)) || fold(p.name_first).ends_with("lich") || fold(p.name_first).ends_with("weise")))
        return false;  // "Ähnlich äußerte sich ...": an adverb, capitalised at the start
      if (!speech_sense(v, p, sentence_last(open))) return false;  // "Sie stellte „Prioritäten“ vor"
      set_speaker(q, p, v);
      return true;
    }
    return false;
  }
  static bool characterising_verb(std::string_view f) {
    for (const std::string_view w : {"nannte", "nannten", "nennt", "nennen", "bezeichnete", "bezeichneten", "bezeichnet",
                                     "begr\xC3\xBC\xC3\x9Fte", "begr\xC3\xBC\xC3\x9Ften", "begr\xC3\xBC\xC3\x9Ft",
                                     "verurteilte", "verurteilten", "verurteilt", "wertete", "wertet", "sprachen"})
      if (f == w) return true;
    return false;
  }

  // Marks around part of a clause: a word or a comma before the opening mark in its sentence and no
  // sentence punctuation at the end inside ("als einen „Sieg für den Rechtsstaat“ begrüßt", "Er halte es
  // für sinnvoll, „die Änderungen jetzt vorzunehmen“, schreibt Seehofer").
  bool embedded_fragment(std::size_t open, std::size_t close) const {
    if (ends_in_speech_punctuation(close)) return false;
    return open > sentence_first(open) && (word(open - 1) || is(open - 1, ","));
  }
  // The quote closed at token `close` ends like a sentence or a clause of speech: ".", ",", "!", "?", "…"
  bool ends_in_speech_punctuation(std::size_t close) const {
    const std::string_view last = a_.surface(close - 1);
    return last == "." || last == "," || last == "!" || last == "?" || last == "\xE2\x80\xA6";
  }

  // "The Independent on Sunday", "Urban Change in Time": capitalised words and short function words only.
  bool title_like(std::size_t first, std::size_t last) const {
    for (std::size_t k = first; k < last; ++k) {
      if (!a_.is(k, tf_word)) continue;
      if (cap(k)) continue;
      const std::string_view f = fold(k);
      if (f.size() <= 3 || f == "from" || f == "with" || f == "unter" || f == "über") continue;
      return false;
    }
    return true;
  }

  // Where a straight mark stands: an opener has a word right after it and a space (or the zone start, or a
  // bracket) before it: ' "Das'; a closer is glued to the word before it: 'aus", sagte'.
  bool opens_here(std::size_t i, const content_zone& z) const {
    const bool glued_right = i + 1 < z.last_token && a_.tokens[i + 1].begin == a_.tokens[i].end;
    const bool free_left = i == z.first_token || a_.tokens[i].flags & tf_space_before || is(i - 1, "(") || is(i - 1, "[");
    return glued_right && free_left;
  }

  struct open_quote {
    std::size_t at = SIZE_MAX;  // the opening mark's token
    char family = 0;
  };

  // Returns the double quote still open at the end of the zone; `carried` was left open by the zone before
  // and goes on here, after this zone's first token (its new opening mark).
  open_quote pair_marks(const content_zone& z, open_quote carried) {
    std::size_t dbl = carried.at, sgl = SIZE_MAX, inner = SIZE_MAX;  // inner: a straight quote inside a straight one
    char dbl_family = carried.family, sgl_family = 0;
    for (std::size_t i = z.first_token + (carried.at != SIZE_MAX ? 1 : 0); i < z.last_token; ++i) {
      if (!(a_.tokens[i].flags & tf_quote_mark)) continue;
      const std::string_view s = a_.surface(i);
      const mark_info m = classify_mark(s);
      if (m.role == mark_role::none) continue;
      const bool single = m.role == mark_role::open_single || m.role == mark_role::close_single;
      if (single) {
        if (sgl != SIZE_MAX && closes(sgl_family, s)) {
          if (dbl == SIZE_MAX) emit_direct(sgl, i);  // a nested single quote is part of the outer one
          sgl = SIZE_MAX;
        } else if (m.role == mark_role::open_single) {
          sgl = i; sgl_family = m.family;
        }
        continue;
      }
      const bool straight = m.family == 's';
      // "Wenn das Prinzip "Ein Land, zwei Systeme" durch ...": a straight opener inside a straight quote nests.
      if (straight && dbl != SIZE_MAX && dbl_family == 's') {
        if (inner == SIZE_MAX && opens_here(i, z)) { inner = i; continue; }
        if (inner != SIZE_MAX) { inner = SIZE_MAX; continue; }
      }
      if (dbl != SIZE_MAX && closes(dbl_family, s) && a_.tokens[i].begin > a_.tokens[dbl].end &&
          !(straight && opens_here(i, z) && dbl_family != 's')) {
        emit_direct(dbl, i);
        dbl = SIZE_MAX;
        sgl = SIZE_MAX;
        inner = SIZE_MAX;
        continue;
      }
      if (m.role == mark_role::close_double || (straight && !opens_here(i, z))) {
        // A closer with nothing open: the quote began before this text ("... Kovac\", sagte Adi Hütter.")
        if (dbl == SIZE_MAX) emit_unopened(z, i);
        continue;
      }
      if (!(i + 1 < z.last_token && a_.tokens[i + 1].begin == a_.tokens[i].end)) continue;  // needs a word after it
      dbl = i;  // an unclosed earlier opener is dropped: linear, and the newer one is the likelier start
      dbl_family = m.family;
      sgl = SIZE_MAX;
      inner = SIZE_MAX;
    }
    return {dbl, dbl_family};
  }

  // A closing mark with no opener, followed by an attribution: the quote runs from the zone start (the
  // scraper cut the opening sentence away, or a multi-paragraph quote goes on). Only with a speaker.
  void emit_unopened(const content_zone& z, std::size_t close) {
    if (close <= z.first_token + 1 || quotes_in_zone_ > 0) return;
    quote q;
    static_cast<span&>(q) = byte_span(a_.tokens[z.first_token].begin, a_.tokens[close].end);
    q.kind = quote_kind::direct;
    q.content = byte_span(a_.tokens[z.first_token].begin, a_.tokens[close - 1].end);
    if (!speaker_after(q, close)) return;
    for (std::size_t k = z.first_token; k < close; ++k) a_.tokens[k].flags |= tf_in_quote;
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    ++quotes_in_zone_;
  }

  // Reported speech: a speech verb followed by a clause with "dass", "ob", "wonach" or a subjunctive.
  void find_reported_speech() {
    const token* const tokens = a_.tokens.data();
    const std::uint32_t* const classes = a_.article_classes.data();
    // the direct quotes in text order, passed once alongside the sentences; reported ones are appended after them
    std::vector<quote>& quotes = a_.doc->quotes;
    std::sort(quotes.begin(), quotes.end(), [](const quote& x, const quote& y) { return x.start_byte < y.start_byte; });
    const std::size_t direct_quotes = quotes.size();
    std::size_t next_direct = 0;
    std::size_t last_speaker = SIZE_MAX, last_speaker_sentence = SIZE_MAX;  // for reported speech that goes on
    for (std::size_t si = 0; si < a_.sentences.size(); ++si) {
      const sentence_range& s = a_.sentences[si];
      if (s.where != zone::body || s.first >= s.last) continue;
      // the last direct quote with a speaker that starts in this sentence
      sentence_speaker_ = SIZE_MAX;
      while (next_direct < direct_quotes && quotes[next_direct].start_byte < tokens[s.last - 1].end) {
        if (quotes[next_direct].speaker && quotes[next_direct].start_byte >= tokens[s.first].begin) sentence_speaker_ = next_direct;
        ++next_direct;
      }
      // One pass without early exits (sentences are short): a direct quote in it, or no speech verb at all,
      // and the sentence is skipped.
      std::uint32_t flags = 0, words = 0;
      for (std::size_t k = s.first; k < s.last; ++k) {
        flags |= tokens[k].flags;
        words |= classes[k];
      }
      // A direct quote in it: only what follows its last closing mark can be reported speech, with the quote's
      // speaker for a verb joined by "und" ("„…“, sagte Müller und fügte hinzu, die Lage sei ernst").
      sentence_range rest = s;
      bool found = false;
      if (flags & tf_in_quote) {
        std::size_t last_inside = s.first;
        for (std::size_t k = s.first; k < s.last; ++k)
          if (tokens[k].flags & tf_in_quote) last_inside = k;
        rest.first = static_cast<std::uint32_t>(last_inside + 2);  // after the closing mark
        words = (words & aw_speech_verb) && sentence_speaker_ != SIZE_MAX && rest.first + 2 < rest.last ? words : 0u;
      }
      if (words & aw_speech_verb) {
        // Several reported clauses of one subject: "Er betonte, ... sei gut, und meinte, ... sei schlecht."
        after_colon_ = rest.first;
        std::size_t read = rest.first;
        for (std::size_t v = rest.first; v < rest.last; ++v) {
          if (!(cls(v) & aw_speech_verb)) continue;
          for (read = std::max<std::size_t>(read, rest.first); read < v; ++read)
            if (a_.is(read, tf_punct) && is(read, ":")) after_colon_ = read + 1;
          resume_ = v;
          if (!(fold(v) == "so" ? try_inverted(rest, v) || try_interrupted(rest, v)
                                : try_reported(rest, v) || try_inverted(rest, v) || try_interrupted(rest, v)))
            continue;
          found = true;
          sentence_speaker_ = a_.doc->quotes.size() - 1;
          v = std::max(v, resume_);
          rest.first = static_cast<std::uint32_t>(v);  // the next reported clause starts after this one
        }
      }
      if (!found && !(flags & tf_in_quote) && (words & aw_speech_verb) && try_after_colon(s)) {
        found = true;
        sentence_speaker_ = a_.doc->quotes.size() - 1;
      }
      if (!found && !(flags & tf_in_quote) && ((words & aw_attribution) || opens_with_nach(s)) && try_attributed(s)) {
        found = true;
        sentence_speaker_ = a_.doc->quotes.size() - 1;
      }
      // (not when the sentence names a source of its own that was not read: "..., heißt es in der Klage")
      if (!found && !(flags & tf_in_quote) && !(words & (aw_speech_verb | aw_attribution)) && last_speaker != SIZE_MAX &&
          last_speaker_sentence + 1 == si &&
          a_.sentences[si - 1].paragraph == s.paragraph && try_continued(s, a_.doc->quotes[last_speaker]))
        sentence_speaker_ = a_.doc->quotes.size() - 1;
      if (sentence_speaker_ != SIZE_MAX) {
        last_speaker = sentence_speaker_;
        last_speaker_sentence = si;
      }
    }
  }

  // Reported speech goes on in the subjunctive after its attribution, in the sentences that follow:
  //   "Dem Mediziner zufolge sind unter den Toten zwei Kinder. Es gebe viele Verletzte."  -> the Mediziner
  //   "„…“, sagte die Anwältin. Ihr Mandant habe nichts gewusst."                        -> the Anwältin
  // The main clause's verb is a present subjunctive ("sei", "habe", "könne"; not "wäre", "hätte", which are
  // hypothetical as often), near the start of the sentence, with no "ich" or "wir" before it (a direct
  // quote without its marks). The quote has the speaker and no verb of its own; "habe ich" after the
  // sentence's first words makes it the speaker's own words, a direct quote.
  bool try_continued(const sentence_range& s, const quote& from) {
    std::size_t start = s.first;
    while (start < s.last && (cls(start) & aw_conjunction)) ++start;
    std::size_t c1 = s.last;
    c1 = words_end(start, c1, start + 1);
    if (c1 < start + 3 || is(s.last - 1, "?")) return false;  // "Er sei unschuldig." is one
    bool subjunctive = false, first_person = false;
    for (std::size_t k = start; k < c1 && k < start + 8 && !subjunctive; ++k) {
      if (is(k, ",") || a_.is(k, tf_quote_mark)) return false;
      if (cls(k) & aw_pronoun) {
        const std::string_view f = fold(k);
        if (f == "ich" || f == "wir" || f == "du") return false;
      }
      if (!(cls(k) & aw_subjunctive)) continue;
      const std::string_view f = fold(k);  // the present forms of the class, not "hätte", "würde", "wäre"
      for (const std::string_view w : {"sei", "seien", "habe", "gebe", "werde", "könne", "müsse", "solle", "wolle", "dürfe"})
        if (f == w) subjunctive = true;
      // "Außerdem habe ich es an einen Freund vermietet": before "ich", "habe", "gebe", "werde" are the indicative,
      // the speaker's own words going on without marks, a direct quote (not so with "ich" first: "Ich habe ..."
      // after a report is as often another person's words)
      if (subjunctive && fold(k + 1) == "ich" && (f == "habe" || f == "gebe" || f == "werde")) first_person = true;
    }
    if (!subjunctive) return false;
    quote q;
    q.kind = first_person ? quote_kind::direct : quote_kind::reported;
    static_cast<span&>(q) = token_span(start, c1);
    q.content = token_span(start, c1);
    q.speaker = from.speaker;
    q.role = from.role;
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    return true;
  }

  // "wurde mitgeteilt", "wird berichtet": a passive speech verb names no speaker.
  bool passive(std::size_t first, std::size_t v) const {
    for (std::size_t k = v > first + 3 ? v - 3 : first; k < v; ++k) {
      const std::string_view f = fold(k);
      if (f == "wurde" || f == "wird" || f == "wurden" || f == "werden" || f == "worden") return true;
    }
    return false;
  }

  // "hat nie gesagt", "hat das nicht behauptet", "sagte nicht, dass": what was not said is no report
  bool negated(std::size_t first, std::size_t v) const {
    auto negation = [](std::string_view f) {
      return f == "nie" || f == "nicht" || f == "niemals" || f == "keineswegs" || f == "nirgends";
    };
    if (negation(fold(v + 1))) return true;  // "sagte nicht, dass"
    // back from the verb to its clause's start, three words at most ("als er sagte" ends the look back)
    for (std::size_t k = v; k > first && v - k < 3;) {
      --k;
      const std::string_view f = fold(k);
      if (a_.is(k, tf_punct) || (cls(k) & aw_conjunction) || subordinator(f) || f == "dass") break;
      if (negation(f)) return true;
    }
    return false;
  }
  // A modal verb before an infinitive of speech in its clause: "müssen ... erklären", "können wir nicht sagen",
  // "wollte sie nicht kommentieren" (an obligation or an ability, not what was said; "soll gesagt haben" reports:
  // the participle)
  bool modal_before(std::size_t first, std::size_t v) const {
    const std::string_view verb = fold(v);
    if (!verb.ends_with("en") || verb.starts_with("ge")) return false;
    for (std::size_t k = v > first + 12 ? v - 12 : first; k < v; ++k) {
      const std::string_view f = fold(k);
      if (f == "," ) return false;  // another clause
      if (f.starts_with("m\xC3\xBCss") || f.starts_with("k\xC3\xB6nn") || f.starts_with("muss") || f.starts_with("konnt") ||
          f.starts_with("soll") || f.starts_with("woll") || f == "will" || f == "kann" || f.starts_with("d\xC3\xBCrf") ||
          f.starts_with("durft") || f == "darf" || f.starts_with("m\xC3\xB6" "cht"))
        return true;
    }
    return false;
  }
  static bool is_sein(std::string_view f) { return f == "ist" || f == "sind" || f == "war" || f == "waren" || f == "sei" || f == "seien"; }
  // A participle after a form of "sein", one word between at most: "Wir sind alle gefordert", "Das ist geschildert worden"
  bool stative_participle(std::size_t first, std::size_t k) const {
    return fold(k).starts_with("ge") && ((k > first && is_sein(fold(k - 1))) || (k > first + 1 && is_sein(fold(k - 2))));
  }
  // "wie Eberl erklärt", "als er sagte": the "preposition" class also holds these, after which a subject stands
  static bool subordinator(std::string_view f) {
    for (const std::string_view w : {"wie", "als", "nachdem", "weil", "da", "wenn", "während", "wobei", "so"})
      if (f == w) return true;
    return false;
  }
  // "fügte hinzu", "teilte mit", "meinte aber": a word between a speech verb and its comma or colon
  static bool separable_particle(std::string_view f) {
    if (f.size() < 2 || f.size() > 6) return false;
    for (const std::string_view w : {"hinzu", "mit", "an", "ein", "fest", "klar", "aus", "zu", "aber", "auch", "zudem", "dann", "weiter", "noch", "hin"})
      if (f == w) return true;
    return false;
  }
  // the token after the verb and its particle, when the particle ends the phrase before the clause, maybe after an
  // adverb: "fügte hinzu,", "teilte hingegen mit,", "stellte wiederum klar,"
  std::size_t after_verb(std::size_t v) const {
    if (separable_particle(fold(v + 1)) && (is(v + 2, ",") || is(v + 2, ":"))) return v + 2;
    if (speech_adverb(fold(v + 1)) && separable_particle(fold(v + 2)) && (is(v + 3, ",") || is(v + 3, ":"))) return v + 3;
    return v + 1;
  }
  // Where the clause said begins after a speech verb whose subject came before it: after a separable
  // particle, or after whom it was said to and when ("sagte der Zeitung,", "sagte der Nachrichtenagentur
  // AFP am Montag,", "erklärte dazu in Berlin,"): names, articles, prepositions, adjectives, numbers and
  // a few adverbs up to a comma, at most twenty tokens; anything else (a verb) means no comma of ours.
  std::size_t after_objects(std::size_t v) const { return objects_from(after_verb(v)); }
  // The same from token k0 on: after the verb's subject when it follows the verb ("berichtete sie am Mittwoch in
  // München, das sei ...").
  std::size_t objects_from(std::size_t k0) const {
    if (is(k0, ",") || is(k0, ":")) return k0;
    // an article or a preposition first: a bare name after the verb is its subject ("argumentierte Indien")
    // ("betont darin, dass", "bestätigte daraufhin, dass": an adverb first)
    // (but an agency or medium alone is told: "sagte Reuters,", "sagte Bild am Sonntag,")
    if (!(cls(k0) & (aw_determiner | aw_preposition)) && !speech_adverb(fold(k0)) && !manner_adverb(k0) &&
        !(cap(k0) && medium(k0)))
      return k0;
    for (std::size_t k = k0; k < a_.tokens.size() && k - k0 < 20; ++k) {
      if (is(k, ",")) return k;
      if (a_.is(k, tf_quote_mark)) continue;  // a medium's name in marks: sagte der „Bild am Sonntag“,
      // a short aside in brackets: "sagte am Dienstag auf dem Kongress des Chaos Computer Clubs (CCC) in Hamburg,"
      if (is(k, "(")) {
        if (const std::size_t close = bracket_aside_end(k, a_.tokens.size()); close != SIZE_MAX) { k = close; continue; }
        return k0;
      }
      if (!word(k) && !a_.is(k, tf_number)) return k0;
      if (cap(k) || a_.is(k, tf_number) || adjective(k) || (cls(k) & (aw_determiner | aw_preposition))) continue;
      if (speech_adverb(fold(k)) || manner_adverb(k)) continue;
      if (digit_first(k)) continue;  // "auf dem 32C3-Kongress", "im 3D-Druck"
      return k0;
    }
    return k0;
  }
  // "32C3-Kongress", "9to5Mac": a word that starts with a digit
  bool digit_first(std::size_t k) const {
    const char c = a_.surface(k)[0];
    return c >= '0' && c <= '9';
  }
  // "warnte eindringlich davor, dass", "sagte deutlich, dass", "teilte schriftlich mit,", "sagt
  // überraschenderweise, ...": an adverb in -lich or -weise
  bool manner_adverb(std::size_t k) const {
    const std::string_view f = fold(k);
    return word(k) && !cap(k) && f.size() >= 7 && (f.ends_with("lich") || f.ends_with("weise"));
  }
  // Adverbs that stand after a speech verb, before the clause said ("sagte zudem am Montag, ...", "betonte darin,
  // dass", "schreibt etwa, er habe") or before the verb's subject ("..., sagte auch Bosch", "..., erklärte dazu der
  // Sprecher"): one list for both places.
  static bool speech_adverb(std::string_view f) {
    static constexpr std::string_view words[] = {
        "nun", "auch", "dazu", "etwa", "aber", "dann", "dort", "hier", "jetzt", "heute", "damals", "davon", "darin", "mehr",
        "dabei", "davor", "darauf", "daran", "dar\xC3\xBC" "ber", "daf\xC3\xBCr", "dagegen", "zudem", "weiter", "erneut", "zuvor", "zuletzt", "jedoch", "einmal", "stets", "bisher", "vorher",
        "ferner", "gestern", "bereits", "bislang", "ebenso", "sp\xC3\xA4ter", "zun\xC3\xA4" "chst", "zugleich", "hingegen",
        "wiederum", "demnach", "offenbar", "mehrfach", "mehrmals", "nochmals", "einerseits", "allerdings", "wiederholt",
        "ebenfalls", "inzwischen", "andererseits", "k\xC3\xBC" "rzlich", "au\xC3\x9F" "erdem", "daraufhin", "schlie\xC3\x9F" "lich",
        "gleichzeitig", "anschlie\xC3\x9F" "end", "abschlie\xC3\x9F" "end", "mittlerweile", "w\xC3\xB6rtlich",
        "sinngem\xC3\xA4\xC3\x9F", "\xC3\xB6" "ffentlich", "ausdr\xC3\xBC" "cklich"};
    for (const std::string_view w : words)
      if (f == w) return true;
    return false;
  }
  // A verb that opens a clause joined to the one before, with no subject of its own: "... und meinte",
  // "..., meinte aber".
  bool coordinated(std::size_t v) const { return v > 0 && (fold(v - 1) == "und" || is(v - 1, ",")); }
  // The subject of the sentence's first clause, when the sentence opens with it and its verb follows:
  // "Der Minister entschuldigte sich später im Radio und meinte, ..." -> "Der Minister". Not after an
  // opening adverb or preposition ("Am Montag räumte ... ein und forderte"), where the subject follows the verb.
  // "..., sagte Wibisono und fügte hinzu, ...", "räumte Xenia Smits ein und forderte:": the subject
  // after the first speech verb, right before "und"
  np subject_before_und(std::size_t start, std::size_t v) const {
    if (v < start + 3 || fold(v - 1) != "und") return np{};
    std::size_t e = v - 1;
    if (separable_particle(fold(e - 1))) --e;
    std::size_t b = e;
    while (b > start && e - b < 8 && (name_word(b - 1) || role(b - 1) || adjective(b - 1) || (cls(b - 1) & aw_determiner) || name_particle(b - 1)))
      --b;
    if (b == e || b <= start || !(cls(b - 1) & aw_speech_verb)) return np{};
    const np p = parse_np(b, e);
    return !p.empty() && p.last == e ? p : np{};
  }
  np first_clause_subject(std::size_t start, std::size_t v) const {
    if (const np p = subject_before_und(start, v); !p.empty()) return p;
    while (start < v && (cls(start) & aw_conjunction)) ++start;
    if (v - start > 40) return np{};  // one short clause; and the scan below stays bounded
    if (start >= v || (cls(start) & (aw_preposition | aw_reporting_clause))) return np{};
    // one clause of plain prose up to the verb: not across quotes, a colon, a dash or a link
    for (std::size_t k = start; k < v; ++k)
      if (a_.is(k, tf_quote_mark | tf_dash) || (a_.is(k, tf_punct) && (is(k, ":") || is(k, "/")))) return np{};
    const np p = parse_np(start, v);
    if (p.empty() || p.last >= v) return np{};
    const std::size_t f = p.last;  // its verb: "entschuldigte", "hat"
    if (!word(f) || cap(f) || (cls(f) & (aw_conjunction | aw_determiner | aw_preposition | aw_pronoun | aw_reporting_clause)))
      return np{};
    return p;
  }
  // Reported content runs to the end of the sentence or to a second speech verb joined by "und" or a comma:
  // "Er betonte, die Lage sei ernst, und meinte, ..." ends before ", und meinte".
  std::size_t clause_end(std::size_t c0, std::size_t last) const {
    for (std::size_t k = c0 + 2; k < last; ++k) {
      if (!(cls(k) & aw_speech_verb) || !coordinated(k)) continue;
      const std::size_t a = after_verb(k);
      if (!is(a, ",") && !is(a, ":")) continue;
      return fold(k - 1) == "und" && is(k - 2, ",") ? k - 2 : k - 1;
    }
    return last;
  }
  void copy_speaker(quote& q, const quote& from, std::size_t verb) {
    q.speaker = from.speaker;
    q.role = from.role;
    q.verb = std::string(a_.surface(verb));
  }

  // The subject ends in a name as an apposition right before the verb: "Der Delegationsleiter ..., Othmar Karas, erklärte"
  bool apposition_before_verb(const np& p, std::size_t v) const {
    return !p.empty() && p.last + 1 == v && is(p.last, ",") && p.name_last > p.name_first && is(p.name_first - 1, ",");
  }
  // "Folgerichtig fragt auch die SPÖ, ob ...": a capitalised adverb that opens the sentence is no subject
  bool adverb_alone(const np& p) const {
    if (p.empty() || p.pronoun || p.role_last > p.role_first || p.name_last != p.name_first + 1 ||
        p.name_first != sentence_first(p.name_first))
      return false;
    const std::string_view f = fold(p.name_first);
    return f.ends_with("ig") || f.ends_with("lich") || f.ends_with("weise") || f.ends_with("falls");
  }
  // A subject at the start of the clause reaches the verb across a modifier ("Ukrainer vor Ort sagen",
  // "Walter Fuchs vom Institut ... (IRKS) sagt"), not across another clause ("Hunt entschuldigte sich ...
  // und meinte"). Otherwise the subject is the noun phrase right before the verb (or its auxiliary).
  np subject_before(std::size_t start, std::size_t v) const {
    np p = parse_np(start, v);
    if (adverb_alone(p)) p = np{};
    constexpr std::uint32_t aux = aw_finite_aux | aw_subjunctive;  // "Fischer habe versichert"
    // "Man könne nicht sagen", "Fischer habe versichert"; not across a comma ("Sie habe ihm nicht geglaubt, als
    // er sagte": the clause of the verb is another)
    // (a relative clause or an apposition between commas stays inside: "Kaltenbrunner hatte Eichmann, der sich
    // dort einquartiert hatte, unmissverständlich erklärt, ...")
    auto comma_between = [&](std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to && k < from + 24; ++k) {
        if (!is(k, ",")) continue;
        const std::string_view f = fold(k + 1);
        if ((cls(k + 1) & (aw_conjunction | aw_finite_aux)) || subordinator(f) || opens_subordinate(f) || f == "sondern")
          return true;
      }
      return to > from + 24;
    };
    // "Ihr Anwalt war nicht zu erreichen und die Staatsanwaltschaft bestätigte": a clause joined by "und" with a
    // subject of its own right before the verb; the first clause ends in its verb (not "Die Regierung hatte ebenso
    // wie PwC und die Unternehmen erklärt": one subject and those it is compared with)
    if (!p.empty() && p.last < v && v - p.last <= 24)
      for (std::size_t k = v - 1; k > p.last + 1; --k)
        if (fold(k) == "und" && (cls(k + 1) & aw_determiner) && word(k - 1) && !cap(k - 1) && !cls(k - 1)) {
          const np joined = parse_np(k + 1, v);
          if (!joined.empty() && joined.last == v && !joined.pronoun) return joined;
          break;
        }
    if (!p.empty() && (p.last == v || ((p.pronoun || (cls(p.last) & aux)) && !comma_between(p.last, v)))) return p;
    // "Der Delegationsleiter im EU-Parlament, Othmar Karas, erklärte": the apposition's comma before the verb
    if (apposition_before_verb(p, v)) return p;
    // whom it was told to, between the subject and the verb: "Wie Wahlkampfleiter Lothar Lockl der APA
    // erläuterte", "wie eine Behördensprecherin dem STANDARD bestätigte"
    if (!p.empty() && p.last + 2 == v && (fold(p.last) == "der" || fold(p.last) == "dem") && medium(p.last + 1)) return p;
    if (!p.empty() && p.last < v && v - p.last <= 24) {
      const std::size_t g = p.last;
      auto breaks_clause = [&](std::size_t from, std::size_t to, bool commas) {
        for (std::size_t k = from; k < to; ++k) {
          if (cls(k) & aw_speech_verb) return true;
          if (!commas) continue;  // inside commas a relative clause has verbs and "und" of its own
          if (is(k, ",")) return true;
          // "Rechts- und Kriminalsoziologie" is one noun; "entschuldigte sich ... und meinte" two clauses
          if ((cls(k) & aw_conjunction) && !(k > 0 && a_.is(k - 1, tf_dash))) return true;
        }
        return false;
      };
      // an apposition or a relative clause between commas: "Andreas Schleicher, der als Vater der Pisa-Tests
      // gilt, meint", "Stefano Dambruoso, Abgeordneter der Regierungspartei, erklärt"
      if (is(g, ",") && v - g >= 3 && is(v - 1, ",") && !breaks_clause(g + 1, v - 1, false)) return p;
      // a modifier: "Ukrainer vor Ort sagen", "Walter Fuchs vom Institut für ... (IRKS) sagt", "Ein Sprecher
      // von Prevent sagte", "Die Regierung in Washington hatte am Freitag bestätigt", "Pick selbst schreibt"
      const std::string_view f = fold(g);
      const bool modifier = (cls(g) & aw_preposition) || is(g, "(") || f == "von" || f == "einer" || f == "eines" ||
                            (v - g <= 2 && word(g) && !cap(g) && !cls(g) && (v - g == 1 || (word(g + 1) && !cap(g + 1) && !cls(g + 1))));
      if (modifier && v - g <= 12 && !breaks_clause(g, v, true)) return p;
    }
    std::size_t end = v;
    if (end > start && (cls(end - 1) & aw_finite_aux)) --end;  // "Kurz hat gesagt"
    if (end > start && (cls(end - 1) & aw_pronoun)) return parse_np(end - 1, end);  // "..., als er sagte, dass"
    std::size_t b = end;
    while (b > start && end - b < 10 &&
           (name_word(b - 1) || role(b - 1) || adjective(b - 1) || (cls(b - 1) & aw_determiner) || name_particle(b - 1)))
      --b;
    if (b == end) return np{};
    // The subject opens its clause: the sentence, a comma, "und", or a subordinator before it ("weil Fonteno
    // bestätigte"); not "mit Sicherheit sagen", "11.200 Euro Schmerzengeld fordert", "einen Bericht dementiert".
    if (b > start && !is(b - 1, ",") && !(cls(b - 1) & aw_conjunction)) {
      const std::string_view before = fold(b - 1);
      if (before != "als" && before != "weil" && before != "obwohl" && before != "nachdem" && before != "wenngleich" &&
          before != "während" && before != "da" && before != "wenn" && before != "dass")
        return np{};
    }
    const np q = parse_np(b, end);
    return !q.empty() && q.last == end ? q : np{};
  }

  // "Nach Worten des Ministers ...", "Und nach Informationen der Zeitung ...": try_attributed's "nach" forms
  bool opens_with_nach(const sentence_range& s) const {
    std::size_t k = s.first;
    while (k < s.last && (cls(k) & aw_conjunction)) ++k;
    return k + 1 < s.last && fold(k) == "nach" && said_noun(fold(k + 1));
  }
  // The words from k to the next comma (at most six, words only) as a source without a name: "the police,"
  np source_before_comma(std::size_t k, std::size_t last) const {
    np p;
    std::size_t e = k;
    while (e < last && e - k < 6 && word(e)) ++e;
    if (e == k || e >= last || !is(e, ",")) return p;
    p.first = k;
    p.last = e;
    p.role_first = (cls(k) & aw_determiner) ? k + 1 : k;
    p.role_last = e;
    if (p.role_first == p.role_last) return np{};
    return p;
  }
  // What "nach" attributes when a source follows: "Angaben", "Informationen", "Worten", "Darstellung", "Aussage(n)";
  // not an opinion ("Nach Ansicht des Experten", "Nach Einschätzung"): no one's words
  static bool said_noun(std::string_view f) {
    return f == "angaben" || f == "informationen" || f == "worten" || f == "darstellung" || f == "aussage" || f == "aussagen";
  }
  static bool genitive_article(std::string_view f) { return f == "der" || f == "des" || f == "einer" || f == "eines"; }
  // A text that speaks for its author, named in the genitive after it: "Laut einer Mitteilung der Polizei",
  // "Laut den aktuellen Zahlen der Behörde RTR", "Laut einem Gutachten der Pensionskommission" (not "Analyse",
  // "Auswertung", "Untersuchung", whose genitive is as often what they examine: "Laut einer Analyse der Daten")
  static bool text_noun(std::string_view f) {
    for (const std::string_view end : {"mitteilung", "aussendung", "meldung", "bericht", "studie", "umfrage", "prognose",
                                       "gutachten", "zahlen", "statistik", "sch\xC3\xA4tzung", "sch\xC3\xA4tzungen",
                                       "berechnung", "berechnungen", "erkl\xC3\xA4rung", "stellungnahme"})
      if (f.ends_with(end)) return true;
    return false;
  }
  // A rule or a result, which states but does not speak: "Laut Grundversorgungsgesetz", "Laut der
  // EU-Richtlinie", "Laut Spezifikationen", "Laut vorläufigem Endergebnis", "Laut Theorie", "Laut der Einigung"
  static bool rule_noun(std::string_view f) {
    for (const std::string_view end : {"gesetz", "richtlinie", "verordnung", "verkehrsordnung", "gesch\xC3\xA4" "ftsordnung",
                                       "vertrag", "regeln", "regularien", "vorschrift", "vorschriften", "satzung", "verfassung",
                                       "spezifikationen", "ergebnis", "theorie", "einigung", "fahrplan"})
      if (f.ends_with(end)) return true;
    return false;
  }
  // Reported speech attributed by a preposition at the start of the sentence, with no speech verb:
  //   "Laut Kreml-Sprecher Peskow ist die Lage stabil."      speaker Peskow, verb "Laut"
  //   "Nach Angaben der Polizei wurden drei Menschen verletzt."  speaker Polizei, verb "Nach Angaben"
  //   "Dem Ministerium zufolge sind die Vorräte gesichert."  speaker Ministerium, verb "zufolge"
  // The content is the rest of the sentence.
  bool try_attributed(const sentence_range& s) {
    std::size_t start = s.first;
    while (start < s.last && (cls(start) & aw_conjunction)) ++start;
    if (start + 3 >= s.last) return false;
    const std::string_view f = fold(start);
    std::size_t np_first = 0, verb_first = start, verb_last = start + 1, np_limit = s.last;
    if (f == "laut") {
      np_first = start + 1;
      // "Laut Angaben des Innenministeriums", "Laut Informationen des STANDARD": the source is the genitive
      const std::string_view g = fold(start + 1);
      if ((g == "angaben" || g == "informationen") && ((cls(start + 2) & aw_determiner) || fold(start + 2) == "von")) {
        verb_last = start + 2;
        np_first = start + 2 + (fold(start + 2) == "von" ? 1 : 0);
      }
    } else if (f == "according" && fold(start + 1) == "to") {  // English: "According to the police, ..."
      verb_last = start + 2;
      np_first = start + 2;
    } else if (f == "nach" && said_noun(fold(start + 1))) {  // "Nach Angaben der Polizei", "Nach Worten des Ministers"
      verb_last = start + 2;
      np_first = start + 2;
      if (fold(np_first) == "von") ++np_first;
      else if (!(cls(np_first) & aw_determiner)) return false;  // "nach Angaben des Ministeriums", "der Polizei"
    } else {
      // "X zufolge": the noun phrase comes first
      std::size_t z = start + 1;
      while (z < s.last && z - start < 10 && fold(z) != "zufolge") ++z;
      if (z >= s.last || fold(z) != "zufolge") return false;
      np_first = start;
      np_limit = z;
      verb_first = z;
      verb_last = z + 1;
    }
    np p = parse_np(np_first, std::min(np_limit, np_first + 12));
    // English sources are often common nouns in lower case ("According to the police, ...", "according to
    // officials,"): the words up to the comma, the article left out, are the source
    if (f == "according" && (p.empty() || (p.name_last <= p.name_first && p.role_last <= p.role_first)))
      p = source_before_comma(np_first, s.last);
    // a name or a role ("Laut Experten", "Nach Angaben des Ministers"), not a pronoun
    if (p.empty() || p.pronoun || (p.name_last <= p.name_first && p.role_last <= p.role_first)) return false;
    if (np_limit != s.last && p.last != np_limit) return false;
    // "Den Angaben zufolge", "Nach diesen Informationen", "Seinen Angaben zufolge", "Eigenen Angaben zufolge":
    // the source was named before, not here
    if (p.name_last > p.name_first && p.role_last <= p.role_first &&
        (fold(p.name_last - 1) == "angaben" || fold(p.name_last - 1) == "informationen"))
      return false;
    std::size_t c0 = std::max(p.last, verb_last);
    // The finite verb follows the whole source phrase (verb second), so a genitive after the noun belongs to
    // the source ("Laut dem Jahresbericht der Ombudsstelle | entspricht das ..."); after a text ("Mitteilung",
    // "Umfrage", "Zahlen") it names who speaks through it: "Laut einer Mitteilung der Polizei" -> Polizei
    if (np_limit == s.last && genitive_article(fold(c0))) {
      const np g = parse_np(c0, std::min<std::size_t>(s.last, c0 + 12));
      if (!g.empty() && !g.pronoun && (g.name_last > g.name_first || g.role_last > g.role_first) && g.last < s.last &&
          word(g.last) && !cap(g.last) && !(cls(g.last) & aw_conjunction)) {
        if (text_noun(fold(p.last - 1))) p = g;
        c0 = g.last;
      }
    }
    // what a rule or a result states is no one's words: "Laut Gesetz", "Laut vorläufigem Endergebnis"
    if (rule_noun(fold(p.last - 1))) return false;
    // A phrase with a preposition belongs to the source too: "Laut einer Opferbilanz vom Samstag | wurden 238 ..."
    if (np_limit == s.last && (cls(c0) & aw_preposition)) {
      std::size_t g = c0 + 1;
      // an adjective stands before its noun: "unter 1100 Händlern blickten mehr als ..." ends at "blickten"
      while (g < s.last && g - c0 < 8 && ((cls(g) & (aw_preposition | aw_determiner)) || (adjective(g) && cap(g + 1)) || cap(g) ||
                                           a_.is(g, tf_number)))
        ++g;
      if (g < s.last && word(g) && !cap(g) && !(cls(g) & aw_conjunction)) c0 = g;
    }
    if (is(c0, "(")) {  // "Laut der Weltgesundheitsorganisation (WHO) sterben ..."
      std::size_t e = c0 + 1;
      while (e < s.last && e - c0 < 5 && !is(e, ")")) ++e;
      if (is(e, ")")) c0 = e + 1;
    }
    // after "Nach Informationen des Blogs", the finite verb: not a name or a relative clause ("9to5Mac, das seit ...")
    if (f == "nach" && fold(start + 1) != "angaben" &&
        (!word(c0) || cap(c0) || digit_first(c0)))
      return false;
    if (is(c0, ",")) ++c0;
    std::size_t c1 = s.last;
    c1 = words_end(c0, c1, c0 + 1);
    std::size_t words = 0;
    for (std::size_t k = c0; k < c1; ++k) words += a_.is(k, tf_word | tf_number);
    if (words < 3) return false;
    quote q;
    q.kind = quote_kind::reported;
    static_cast<span&>(q) = token_span(c0, c1);
    q.content = token_span(c0, c1);
    set_speaker(q, p, SIZE_MAX);
    q.verb = std::string(a_.text.substr(a_.tokens[verb_first].begin, a_.tokens[verb_last - 1].end - a_.tokens[verb_first].begin));
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    return true;
  }

  // A verb with another sense besides speech, in that sense: "ließ sie ihren Hund zu Hause" (speech needs
  // "verlauten", "wissen", "ausrichten"), "stellte er den Antrag" ("klar", "fest"), "rief er den Notruf".
  // `end`: where the sentence's words end.
  bool speech_sense(std::size_t v, const np& p, std::size_t end) const {
    const std::string_view verb = fold(v);
    auto has_particle = [&](std::string_view a, std::string_view b, std::string_view c) {
      for (std::size_t k = p.last; k < end && k < p.last + 12; ++k) {
        const std::string_view f = fold(k);
        if (f == a || f == b || f == c) return true;
      }
      return false;
    };
    if (verb == "lie\xC3\x9F" && !has_particle("verlauten", "wissen", "ausrichten")) return false;
    if (verb == "stellte" && !has_particle("klar", "fest", "klar")) return false;
    if (verb == "teilten" && !has_particle("mit", "mit", "mit")) return false;  // "teilten ... mit", not "teilten viele"
    if ((verb == "rief" || verb == "ruft") && (cls(p.last) & aw_determiner)) return false;
    return true;
  }

  // The word after the comma of an inverted attribution whose verb ends the sentence (at most 16 tokens before it):
  // "wird" or "wurde" of the passive of "zitieren" ("..., wird die Sprecherin in der Zeitung zitiert.") or the
  // auxiliary of a perfect ("..., hatte Außenminister Timo Soini erklärt.", "..., hat der Minister am Montag
  // gesagt."); the verb itself when a comma stands before it ("..., sagte X"); SIZE_MAX for a passive or a
  // perfect without that comma ("Das hatte er im Juni erklärt.").
  std::size_t inverted_head(const sentence_range& s, std::size_t v) const {
    if (is(v - 1, ",")) return v;
    const bool passive = fold(v) == "zitiert";
    if (!passive && !speech_participle(v)) return v;
    std::size_t end = v + 1;
    while (end < s.last && a_.is(end, tf_punct)) ++end;
    if (end != s.last) return passive ? SIZE_MAX : v;
    for (std::size_t k = v; k > s.first + 1 && v - k < 16;) {
      --k;
      const std::string_view f = fold(k);
      if (passive ? f == "wird" || f == "wurde" : perfect_auxiliary(f)) return is(k - 1, ",") ? k : SIZE_MAX;
      if (a_.is(k, tf_quote_mark) || is(k, ":") || is(k, ",")) break;
    }
    return passive ? SIZE_MAX : v;
  }
  // An accusative article in [k0, v) that no preposition governs: "bereits ein Lesegerät", "den Plan" (not "auf
  // der Webseite", "seit dem Frühjahr", "dem Spiegel")
  bool object_before(std::size_t k0, std::size_t v) const {
    for (std::size_t k = k0; k < v; ++k) {
      const std::string_view f = fold(k);
      const bool accusative = f == "den" || f == "das" || f == "die" || f == "ein" || f == "eine" || f == "einen" ||
                              f == "diesen" || f == "dieses" || f == "diese";
      if (accusative && !(k > k0 && preposition(fold(k - 1)))) return true;
    }
    return false;
  }
  // A true preposition (the "preposition" class also holds the adverbs that open a clause: "bereits", "allerdings")
  static bool preposition(std::string_view f) {
    static constexpr std::string_view words[] = {
        "an", "auf", "aus", "bei", "bis", "durch", "f\xC3\xBCr", "gegen", "hinter", "in", "mit", "nach", "neben", "ohne",
        "seit", "\xC3\xBC" "ber", "um", "unter", "von", "vor", "w\xC3\xA4hrend", "wegen", "zu", "zwischen", "gegen\xC3\xBC" "ber"};
    for (const std::string_view w : words)
      if (f == w) return true;
    return false;
  }
  // Where the words of the clause [c0, c1) end, not before `least`: its closing punctuation is left out ("...
  // verletzt." -> "verletzt"), the mark that closes a quotation inside it kept ('ist „alles in Ordnung“.').
  std::size_t words_end(std::size_t c0, std::size_t c1, std::size_t least) const {
    while (c1 > least && a_.is(c1 - 1, tf_punct)) {
      if (a_.is(c1 - 1, tf_quote_mark)) {
        std::size_t marks = 0;
        for (std::size_t k = c0; k + 1 < c1; ++k) marks += a_.is(k, tf_quote_mark);
        if (marks % 2 == 1) break;  // its opener is inside
      }
      --c1;
    }
    return c1;
  }
  // "hat", "hatte", "habe", "hätte" ... gesagt: the auxiliaries of a speech verb's perfect
  static bool perfect_auxiliary(std::string_view f) {
    return f == "hat" || f == "hatte" || f == "habe" || f == "h\xC3\xA4tte" || f == "haben" || f == "hatten";
  }
  // A speech verb's participle: "gesagt", "erklärt", "mitgeteilt", "geschrieben" (not "sagte", "sagen", "so")
  bool speech_participle(std::size_t v) const {
    const std::string_view f = fold(v);
    return f.size() >= 5 && !cap(v) && (f.back() == 't' || (f.starts_with("ge") && f.ends_with("en")));
  }
  // Whom a medium or a person quotes after "zitierte": the object after the subject, past a time or an adverb
  // ("zitierte die Sun am Montag eine interne Quelle", "zitiert die Zeitung den Polizeibeamten Thomas Pettersen",
  // "zitiert er Kierkegaard"), or a person's name the parser joined to a medium's ("die Nachrichtenagentur TASR
  // Fico"). None when the quote is taken from a text ("zitiert ... aus einem SMS").
  np quoted_object(const np& source, std::size_t limit) const {
    if (source.empty()) return source;
    if (!source.pronoun && source.role_last > source.role_first && media_role(a_.surface(source.role_last - 1)) &&
        source.name_last >= source.name_first + 2 && source.last == source.name_last) {
      np o = source;
      o.first = o.name_first = source.name_first + 1;
      o.role_first = o.role_last = 0;
      return o;
    }
    std::size_t k = source.last;
    for (int n = 0; n < 2 && k < limit; ++n) {
      if (speech_adverb(fold(k))) ++k;
      else if ((cls(k) & aw_preposition) && fold(k) != "aus" && k + 1 < limit && (cap(k + 1) || a_.is(k + 1, tf_number))) k += 2;
    }
    if (k >= limit || fold(k) == "aus" || !(cls(k) & aw_determiner || name_word(k))) return np{};
    return parse_np(k, limit);
  }

  // ", sagt ein Betreuer,", ", meinte er,": a speech verb in the present or past tense with its subject after it
  bool subject_after_interrupting(std::size_t v) const {
    // not a participle: "gesagt", "mitgeteilt", "angekündigt" ("sagt", "meint", "betonte" pass)
    const std::string_view f = fold(v);
    if (f.starts_with("ge") || (f.size() > 8 && f.find("ge") != std::string_view::npos)) return false;
    const std::string_view next = fold(v + 1);
    return cap(v + 1) || next == "er" || next == "sie" || next == "der" || next == "die" || next == "das" ||
           next == "ein" || next == "eine";
  }
  // Reported speech before its attribution, the subject after the verb:
  //   "Es sei ein sehr produktives Treffen gewesen, schrieb die Sportministerin Lucy Frazer auf Twitter."
  //   "Eine Ausschreibung sei nicht erforderlich, so die Ministerin."
  // The clause before the comma must hold a subjunctive ("sei", "habe", "werde"): in the indicative it is a
  // direct quote whose marks are missing, or not speech at all ("Als es dunkel wurde, sagte er ab").
  //   "Es war eine sehr schwere Entscheidung, wurde er auf der Homepage des Klubs zitiert."  (passive: `head` is "wurde")
  // An attribution between commas inside the clause said, which runs on after it:
  //   "Renationalisierung und Austerität, so Varoufakis, seien jedoch nicht die Lösung."
  //   "Immerhin, so der Sozialarbeiter, sei der Sudanese seit fünf Jahren im Asylverfahren."
  //   "Die Sängerin Jordi werde, wie sie bei der Pressekonferenz sagte, auch die Landschaft erkunden."
  //   "Husam, sagt ein Betreuer, habe das Erlebte gut bewältigt."  (any speech verb: a subjunctive right after it)
  // "so X" vouches for the clause when X is a name or a role ("Denn er war, so Luther, nicht bloß lieblich");
  // after anything else ("so das Konzept") a subjunctive must. "wie X sagte" vouches for an indicative as at
  // the end of a sentence (try_wie_after). The content is the whole clause, the attribution inside it: one
  // span cannot leave it out. Both sides are read at most 60 tokens far, so a sentence of a million
  // attributions stays linear.
  bool try_interrupted(const sentence_range& s, std::size_t v) {
    std::size_t c0 = std::max<std::size_t>(s.first, after_colon_);  // "...: Bisher, so Schenk, habe Kurz ..."
    while (c0 < v && (cls(c0) & aw_conjunction)) ++c0;
    std::size_t comma, close;  // the commas around the attribution
    np p;
    if (fold(v) == "so") {
      comma = v - 1;
      // "so der Sozialarbeiter", "so Kurz"; not "so ihre Tat ungeschehen zu machen"
      const std::string_view article = fold(v + 1);
      if (v == 0 || !is(comma, ",") ||
          !(cap(v + 1) ? !(cls(v + 1) & aw_determiner)
                       : article == "der" || article == "die" || article == "das" || article == "ein" || article == "eine"))
        return false;
      p = parse_np(v + 1, std::min<std::size_t>(s.last, v + 17));
      close = p.last;  // "so Beckenbauer weiter,", "so Kurz im Gespräch mit dem Standard,": an adverb or a place
      if (close < s.last && !is(close, ",") && !speech_adverb(fold(close)) && !(cls(close) & aw_preposition)) return false;
      while (close < s.last && close - p.last < 10 && !is(close, ",")) {
        if (fold(close) == "zu") return false;
        if (a_.is(close, tf_quote_mark | tf_number) || (cls(close) & (aw_speech_verb | aw_finite_aux | aw_subjunctive))) return false;
        ++close;
      }
    } else if (is(v - 1, ",") && subject_after_interrupting(v)) {
      // "Husam, sagt ein Betreuer, habe das gut bewältigt", "Ostermayer, meint ein Museumsexperte, sei schlecht
      // beraten worden": the verb and its subject between commas split the clause said; its verb, right after
      // them, is a subjunctive (checked below: such a split is reported speech, never a direct quote)
      comma = v - 1;
      p = parse_np(v + 1, std::min<std::size_t>(s.last, v + 17));
      close = p.last;
      while (close < s.last && close - p.last < 6 && !is(close, ",") && (speech_adverb(fold(close)) || manner_adverb(close)))
        ++close;
      if (p.empty() || close >= s.last || !is(close, ",") || !(cls(close + 1) & aw_subjunctive)) return false;
    } else {
      std::size_t w = v;
      while (w > c0 + 1 && v - w < 20 && !(fold(w) == "wie" && is(w - 1, ","))) --w;
      if (!(fold(w) == "wie" && is(w - 1, ","))) return false;
      comma = w - 1;
      p = subject_before(w + 1 + (fold(w + 1) == "auch" ? 1 : 0), v);
      if (!p.empty() && p.pronoun && !(fold(p.first) == "er" || fold(p.first) == "sie")) return false;  // "wie man sagt"
      close = v + 1 + ((cls(v + 1) & aw_finite_aux) ? 1 : 0);  // "wie er gesagt hatte,"
    }
    if (p.empty() || close >= s.last || !is(close, ",") || comma <= c0 || comma - c0 > 60) return false;
    if (p.role_last <= p.role_first && p.name_last == p.name_first + 1 && abstract_noun(fold(p.name_first))) return false;
    std::size_t c1 = s.last;
    c1 = words_end(close + 1, c1, close + 1);
    // one plain clause on either side: no marks, colon or speech verb of its own
    bool subjunctive = false;
    std::size_t words = 0;
    const auto plain = [&](std::size_t k) {
      if (a_.is(k, tf_quote_mark) || is(k, ":") || (cls(k) & aw_speech_verb)) return false;
      subjunctive = subjunctive || subjunctive_verb(k);
      words += word(k);
      return true;
    };
    for (std::size_t k = c0; k < comma; ++k)
      if (!plain(k)) return false;
    for (std::size_t k = close + 1; k < c1; ++k) {
      if (is(k, ":") && k > close + 3) { c1 = k; break; }  // "..., sei der Sudanese seit Jahren im Verfahren: Das sind ..."
      if (k - close > 60 || !plain(k)) return false;
    }
    if (words < 4) return false;
    // the verb right after the attribution: "..., so der Sozialarbeiter, sei der Sudanese", "..., warte viel Kapital"
    const std::size_t verb = close + 1;
    subjunctive = subjunctive || (cls(verb) & aw_subjunctive) ||
                  (word(verb) && !cap(verb) && !cls(verb) && fold(verb).size() >= 4 && fold(verb).back() == 'e');
    const bool vouched = fold(v) != "so" || p.role_last > p.role_first ||
                         (p.name_last > p.name_first && !(cls(p.first) & aw_determiner));
    if (!subjunctive && !vouched) return false;
    push_reported(c0, c1, p, v);
    resume_ = s.last;
    return true;
  }

  bool try_inverted(const sentence_range& s, std::size_t v) {
    const std::size_t head = inverted_head(s, v);  // the word after the comma: the verb, or "wird" of "wird er zitiert"
    // at most 150 tokens before the verb: the clause is read once per speech verb, and a hostile sentence
    // of a million ", sagte" must stay linear
    if (head < s.first + 3 || head - s.first > 150 || !is(head - 1, ",")) return false;
    if ((fold(v) == "hei\xC3\x9Ft" || fold(v) == "hie\xC3\x9F") && fold(v + 1) == "es") return try_heisst_es(s, v);
    std::size_t subject = head + 1;  // a passive's subject, the one quoted, right after its "wird"
    if (head == v) {
      if (fold(v) == "so") {
        if (!(cap(v + 1) || (cls(v + 1) & aw_determiner))) return false;
      } else if (fold(v + 1) == "sich") {
        subject = v + 2;  // "..., freute sich der Trainer"
      } else if (speech_adverb(fold(v + 1)) && (cap(v + 2) || (cls(v + 2) & aw_determiner))) {
        subject = v + 2;  // "..., sagte auch Hans-Stephan Bosch", "..., erklärte dazu der Sprecher"
      }
    }
    // an object is no subject: "..., erklärte den Grund aber nicht"
    const std::string_view article = fold(subject);
    if (article == "den" || article == "dem" || article == "einen" || article == "einem") return false;
    np p = genitive_before_role(parse_np(subject, std::min<std::size_t>(s.last, subject + 16)), std::min<std::size_t>(s.last, subject + 16));
    // the perfect's participle has an object of its own: "..., haben die Hersteller auf der Webseite bereits ein
    // Lesegerät angekündigt" announced a thing, said nothing
    if (head != v && !p.empty() && object_before(p.last, v)) return false;
    // "..., zitierte die Nachrichtenagentur TASR Fico am Mittwochabend": the one quoted is the object, not the medium;
    // with none ("zitiert die Zeitung aus dem Schreiben") a report keeps the medium, and words without marks in the
    // indicative are no quote of anyone named
    bool quoted_from_text = false;
    if (head == v && fold(v).starts_with("zitier")) {
      if (const np o = quoted_object(p, s.last); !o.empty()) p = o;
      else quoted_from_text = true;
    }
    if (p.empty() || !speech_sense(v, p, s.last)) return false;
    std::size_t c0 = s.first;
    while (c0 < head - 1 && (cls(c0) & aw_conjunction)) ++c0;
    std::size_t c1 = head - 1;
    // "Auf die Frage, ob dies auch dort der Fall sei, sagte Kurz: ...": the question asked, not what he said
    if (fold(c0) == "auf" && fold(c0 + 2) == "frage") return false;
    if (fold(c0) == "gefragt" || (fold(c0) == "angesprochen" && fold(c0 + 1) == "auf")) return false;
    bool subjunctive = false, first_person = false, only_subjunctive = false;
    std::size_t from_colon = SIZE_MAX;
    for (std::size_t k = c0; k < c1; ++k) {
      if (is(k, ":")) {
        // "Er sagte: ..., meinte er": not one clause; but after a colon that follows no speech verb the quote
        // starts there ("... eine überraschend positive Einschätzung: In Deutschland kommt ..., sagte er")
        bool said = false;
        for (std::size_t j = c0; j < k && !said; ++j) said = cls(j) & aw_speech_verb;
        if (said) return false;
        c0 = from_colon = k + 1;
        subjunctive = first_person = only_subjunctive = false;
        continue;
      }
      if (subjunctive_verb(k)) {
        subjunctive = true;
        const std::string_view f = fold(k);
        only_subjunctive |= f == "sei" || f == "seien" || f == "k\xC3\xB6nne" || f == "m\xC3\xBCsse" || f == "solle" ||
                            f == "wolle" || f == "d\xC3\xBCrfe";
      }
      // "Ich sehe keine Einwände, sagte er", "Ich habe das Gefühl, ...": "sehe", "habe" are indicative after
      // "ich" (reported speech puts its speaker in the third person); "sei", "könne" are not
      first_person |= (cls(k) & aw_pronoun) && (fold(k) == "ich" || fold(k) == "wir");
    }
    subjunctive &= only_subjunctive || !first_person;
    if (c1 < c0 + 3) return false;
    if (!subjunctive) return !quoted_from_text && try_unmarked(s, c0, c1, v, p, from_colon);
    add_attributed(quote_kind::reported, c0, c1, p, v);
    return true;
  }

  // The same after "heißt es": "Offiziell heißt es, ein Land ... könne nicht Mitglied werden.", "Seitens des Versorgers
  // hieß es am Dienstag, die Lage sei erst zu bewerten." (reported: the clause holds a subjunctive; "das heißt, ..."
  // and "es hieß" without a comma after it say nothing)
  // ("Es heißt, man solle vorsichtig sein": "es" before the verb, at the sentence's start)
  bool try_heisst_es_before(const sentence_range& s, std::size_t v) {
    const bool es_first = v > s.first && fold(v - 1) == "es" && v - 1 == sentence_first(v);
    if (fold(v + 1) != "es" && !es_first) return false;
    const std::size_t comma = es_first ? after_objects(v) : after_objects(v + 1);
    if (!is(comma, ",") || comma + 4 >= s.last || !reported_clause(comma + 1, s.last)) return false;
    append_reported(comma + 1, s.last);
    return true;
  }
  // A reported clause from c0: "dass ...", "ob ...", or one with a subjunctive in its first 40 tokens.
  // Not a relative clause of the object before the comma ("lobt die Verarbeitung des Tablets, das eines der
  // elegantesten Geräte sei": a relative pronoun, then no noun, adjective or verb of a clause of its own; "das sei
  // falsch", "die Lage sei ernst" are clauses), nor a participle's phrase ("sagte sie, das Argument entkräftend,
  // dass ...": the clause said comes after it).
  bool reported_clause(std::size_t c0, std::size_t last) const {
    if (cls(c0) & aw_reporting_clause) return true;
    if (relative_pronoun(fold(c0)) && !cap(c0 + 1) && !adjective(c0 + 1) && !(cls(c0 + 1) & (aw_subjunctive | aw_finite_aux)) &&
        skip_extended_attribute(c0 + 1, last) == c0 + 1)  // "die im Bericht enthaltenen Empfehlungen seien"
      return false;
    for (std::size_t k = c0; k < last && k < c0 + 40; ++k) {
      if (subjunctive_verb(k)) return true;
      if (k > c0 && (participle_before(k) || (infinitive_before(k) && !subjunctive_verb(k + 1)))) return false;
    }
    return false;
  }
  // A comma after "zu" and an infinitive: the object's infinitive clause, not what was said ("sprach über die
  // Entscheidung, ganz auf Lenkrad und Pedale zu verzichten, und warum ..."); unless the clause said goes on
  // with its verb, the infinitive its subject ("erklärte, den Zuzug zu stoppen, werde nur funktionieren, wenn")
  bool infinitive_before(std::size_t comma) const {
    return is(comma, ",") && fold(comma - 2) == "zu" && !cap(comma - 1) && fold(comma - 1).ends_with("en");
  }
  // "sagte, das Argument zurückweisend, dass ...": the clause said starts after a participle's phrase; returns the
  // comma before it (or `comma` when there is none)
  std::size_t after_participle_phrase(std::size_t comma, std::size_t last) const {
    for (std::size_t k = comma + 2; k < last && k < comma + 10; ++k) {
      if (!is(k, ",")) {
        if (a_.is(k, tf_punct) || (cls(k) & (aw_subjunctive | aw_finite_aux | aw_reporting_clause))) return comma;
        continue;
      }
      return participle_before(k) && k + 2 < last ? k : comma;
    }
    return comma;
  }
  // A comma after a present participle ("zurückweisend,"), which ends the participle's phrase
  bool participle_before(std::size_t comma) const {
    return is(comma, ",") && fold(comma - 1).ends_with("end") && !cap(comma - 1);
  }
  static bool indefinite(std::string_view f) {
    return f == "ein" || f == "eine" || f == "einen" || f == "einem" || f == "einer" || f == "eines";
  }
  static bool relative_pronoun(std::string_view f) {
    for (const std::string_view w : {"der", "die", "das", "dem", "den", "denen", "deren", "dessen"})
      if (f == w) return true;
    return false;
  }
  // Appends the reported quote of the clause from c0 to its end (its closing punctuation left out) and returns it;
  // the sentence is read on after the clause.
  quote& append_reported(std::size_t c0, std::size_t last) {
    std::size_t c1 = clause_end(c0, last);
    resume_ = c1;
    c1 = words_end(c0, c1, c0 + 1);
    quote q;
    q.kind = quote_kind::reported;
    static_cast<span&>(q) = token_span(c0, c1);
    q.content = token_span(c0, c1);
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    return a_.doc->quotes.back();
  }
  // What a document or an unnamed source says, before ", heißt es": a quote with no speaker, as „…“, heißt es is.
  //   "Sie können den Datenverkehr überwachen, heißt es in dem Bericht."     (direct, its marks dropped)
  //   "An eine Beschwerde sei derzeit nicht gedacht, heißt es auf Anfrage."  (reported)
  // The clause is plain (no marks, brackets, questions, no other speech verb; after a colon it starts there);
  // in the indicative it is the whole head of the sentence and a main clause, as try_unmarked asks.
  // Who "heißt es" names as the source, after "aus", "von" or "seitens": "hieß es aus dem Ministerium",
  // "heißt es dazu von der ÖVP", "hieß es am Montag seitens der Polizei", "von Seiten der Stadt". A document
  // ("heißt es in dem Bericht", "in der Begründung von ...") is no speaker: none then.
  np source_of_heisst_es(std::size_t v) const {
    const std::size_t limit = std::min(sentence_last(v), v + 24);
    std::size_t k = v + 2;
    while (k < limit && k - v < 8 && !(fold(k) == "aus" || fold(k) == "von" || fold(k) == "seitens")) {
      // (a document first: "heißt es in dem zuerst von Geekwire veröffentlichten Brief" is the letter's)
      if (!a_.is(k, tf_word | tf_number) || (cls(k) & (aw_speech_verb | aw_finite_aux)) || fold(k) == "in" || fold(k) == "im")
        return np{};
      ++k;
    }
    if (k >= limit || !(fold(k) == "aus" || fold(k) == "von" || fold(k) == "seitens")) return np{};
    ++k;
    if (fold(k) == "seiten") ++k;  // "von Seiten der Polizei"
    np p = parse_np(k, limit);
    if (p.empty() || p.pronoun || !cap(p.last - 1)) return np{};
    // "aus Kreisen der Bundesregierung": the circles are known by whose they are
    if (p.name_last == p.last && p.name_last > p.name_first && fold(p.last - 1).ends_with("kreisen") &&
        (fold(p.last) == "der" || fold(p.last) == "des")) {
      const np whose = parse_np(p.last, limit);
      if (!whose.empty() && cap(whose.last - 1)) p.last = p.name_last = whose.last;
    }
    return p;
  }

  bool try_heisst_es(const sentence_range& s, std::size_t v) {
    const sentence_range& whole = a_.sentences[a_.tokens[v].sentence];
    std::size_t c0 = s.first;
    while (c0 + 1 < v && (cls(c0) & aw_conjunction)) ++c0;
    const std::size_t c1 = v - 1;  // the comma
    bool subjunctive = false, after_colon = false;
    for (std::size_t k = c0; k < c1; ++k) {
      if (a_.is(k, tf_quote_mark) || is(k, "?") || is(k, "!") || is(k, ";") || is(k, "(")) return false;
      if (is(k, ":")) { c0 = k + 1; subjunctive = false; after_colon = true; continue; }
      const bool state = stative_participle(c0, k);
      if ((cls(k) & aw_speech_verb) && fold(k) != "so" && !state) return false;
      subjunctive |= subjunctive_verb(k);
    }
    if (c1 < c0 + 4) return false;
    // "Geht es nach Bunge, heißt es nun abwarten": "heißt es" + an infinitive means "one has to", nobody speaks
    std::size_t end = v + 2;  // the end of the clause "heißt es ...": the sentence's end or a comma
    while (end < whole.last && end < v + 14 && !a_.is(end, tf_punct)) ++end;  // bounded: linear in all
    if (end > v + 2 && word(end - 1) && !cap(end - 1) && !cls(end - 1) && fold(end - 1).ends_with("en")) return false;
    if (!subjunctive) {
      if ((s.first != whole.first && !after_colon) || opens_subordinate(fold(c0)) || unmarked_left_ == 0) return false;
      --unmarked_left_;
    }
    quote q;
    q.kind = subjunctive ? quote_kind::reported : quote_kind::direct;
    static_cast<span&>(q) = token_span(c0, c1);
    q.content = token_span(c0, c1);
    if (const np p = source_of_heisst_es(v); !p.empty()) set_speaker(q, p, v);
    resume_ = s.last;
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    return true;
  }

  // A subordinate clause or a question word opens the sentence: "Als es dunkel wurde, sagte er ab."
  static bool opens_subordinate(std::string_view f) {
    if (f.size() < 2 || f.size() > 9) return false;
    for (const std::string_view w : {"als", "wenn", "nachdem", "weil", "obwohl", "da", "während", "bevor", "sobald", "seit",
                                     "seitdem", "ob", "dass", "daß", "damit", "falls", "sofern", "indem", "wie", "wo", "bis",
                                     "ehe", "solange", "sodass", "obgleich", "wenngleich", "zumal", "was", "wer", "warum",
                                     "weshalb", "wann", "wieso", "wohin", "woher", "welche", "welcher", "welches", "je", "um",
                                     "ohne", "statt", "anstatt", "nur", "dass"})
      if (f == w) return true;
    return false;
  }

  // A direct quote whose marks the source dropped (common in scraped text), before its attribution:
  //   "Die Lage ist ernst, sagte der Sprecher."   "Wir haben alles versucht, so Müller."
  // The clause in the indicative is the head of the sentence and a main clause; not a subordinate clause
  // ("Als es dunkel wurde, sagte er den Termin ab."), and the verb takes no object ("..., sagte er das
  // Treffen ab", "..., erklärte den Grund nicht": that one has no subject at all).
  bool try_unmarked(const sentence_range& s, std::size_t c0, std::size_t c1, std::size_t v, const np& p,
                    std::size_t from_colon = SIZE_MAX) {
    const sentence_range& whole = a_.sentences[a_.tokens[v].sentence];
    if (unmarked_left_ == 0 || (p.pronoun && fold(p.first) == "man")) return false;
    if (s.first != whole.first && from_colon == SIZE_MAX) return false;
    // the whole head, "Und" or "Auch" included (or all after a colon); after a dateline ("Wien – Die Lage ist
    // ernst, sagte er.") it starts after it
    c0 = from_colon == SIZE_MAX ? whole.first : from_colon;
    for (const dateline& d : a_.doc->datelines) {
      if (d.end_byte <= a_.tokens[c0].begin || d.end_byte > a_.tokens[c1 - 1].end) continue;
      while (c0 < c1 && a_.tokens[c0].begin < d.end_byte) ++c0;
    }
    if (c1 < c0 + 3) return false;
    std::size_t words = 0;
    std::size_t first_comma = SIZE_MAX;
    bool aside = false, verb_like = false;  // a bracket skipped; a word that may be the clause's verb
    for (std::size_t k = c0; k < c1; ++k) {
      const std::uint32_t flags = a_.tokens[k].flags;
      if (flags & (tf_word | tf_number)) {
        ++words;
        // not another speech verb in it ("Er sagte, ..., betonte er"); a participle after "sein" is a state ("Wir
        // sind alle gefordert, ...", "Das ist geschildert worden")
        const bool state = stative_participle(c0, k);
        if ((cls(k) & aw_speech_verb) && fold(k) != "so" && !state) return false;
        const std::string_view f = fold(k);
        verb_like = verb_like || (cls(k) & (aw_finite_aux | aw_subjunctive)) ||
                    (word(k) && !cap(k) && !cls(k) && f.size() > 2 && !f.ends_with("e") && !f.ends_with("er") &&
                     !f.ends_with("es") && !f.ends_with("em"));
        continue;
      }
      if (!(flags & tf_punct)) continue;
      // one plain clause: no marks, colon, bracket
      const std::string_view m = a_.surface(k);
      if (m == "(") {  // a short aside in brackets: "neun Milliarden Pfund (11,8 Milliarden Euro)"
        const std::size_t close = k > c0 ? bracket_aside_end(k, c1) : SIZE_MAX;
        if (close == SIZE_MAX) return false;
        aside = true;
        k = close;
        continue;
      }
      if ((flags & tf_quote_mark) || m == ":" || m == ";" || m == "?" || m == "!") return false;
      if (m == "," && first_comma == SIZE_MAX) first_comma = k;
    }
    // "Laut interner Kommunikation, sagt er, ...": a source of its own, no clause
    if (words < 3 || (cls(c0) & aw_attribution)) return false;
    // with an aside, a clause needs a verb: "Wien – Sonja Hammerschmid, die Vorsitzende der Uniko (Uniko), fordert
    // Umschichtungen" is a subject, its apposition and the verb, nothing said
    if (aside && !verb_like) return false;
    // "Wenn wir nichts tun, wird es schlimmer, sagte er": a subordinate clause, then the main clause's verb
    // ("Da habe ich viel Speed mitgenommen": "da" before the verb is an adverb; "Wenn ..., dann werde ich ...")
    constexpr std::uint32_t finite = aw_finite_aux | aw_subjunctive;
    // (German puts the main clause's finite verb right after the subordinate clause: "Wenn das nicht reicht, gibt
    // es ...", so a plain lower-case word there, no adjective or adverb in -ig, -lich, -isch, is that verb)
    auto verb_at = [&](std::size_t k) {
      const std::string_view f = fold(k);
      return (cls(k) & finite) || (word(k) && !cap(k) && !cls(k) && f.size() > 2 && !f.ends_with("ig") && !f.ends_with("lich") &&
                                   !f.ends_with("isch"));
    };
    // or a pronominal adverb that takes the clause up, then the verb: "Dass ... herumgeht, davon halten wir wenig"
    auto main_clause_at = [&](std::size_t k) {
      const std::string_view f = fold(k);
      const bool pronominal = (cls(k) & aw_preposition) && f.size() > 3 && (f.starts_with("da") || f.starts_with("hier"));
      return verb_at(k) || ((f == "dann" || f == "so") && (cls(k + 1) & finite)) || (pronominal && verb_at(k + 1));
    };
    // "Bis zu 2.000 Menschen kommen täglich, sagte ...", "Während der Krise stieg ...": a preposition, no subordinator
    const std::string_view opener = fold(c0);
    // ("Statt eine ... anzubringen, ergänzt er", "Um ... zu": an infinitive clause, whatever follows the word)
    const std::string_view after_opener = fold(c0 + 1);
    const bool preposition = (opener == "bis" || opener == "seit" || opener == "w\xC3\xA4hrend") &&
                             (a_.is(c0 + 1, tf_number) || (cls(c0 + 1) & aw_determiner) || after_opener == "zu" ||
                              after_opener == "zum" || after_opener == "zur" || after_opener == "dato" ||
                              after_opener == "heute" || after_opener == "jetzt" || after_opener == "dahin" ||
                              after_opener == "zuletzt" || after_opener == "langem" || after_opener == "kurzem");
    // "Damit imitierten wir ...", "Da kam es zu ...": the adverb, the verb right after it (not "Damit wir ...", "Da
    // viele Menschen ...": a subject, or an adjective's ending)
    const bool adverb = (opener == "damit" || opener == "da" || opener == "seitdem") && main_clause_at(c0 + 1) &&
                        !after_opener.ends_with("e") && !after_opener.ends_with("er") && !after_opener.ends_with("es") &&
                        !after_opener.ends_with("em");
    if (opens_subordinate(opener) && !preposition && !adverb && !(cls(c0 + 1) & finite) &&
        !(first_comma != SIZE_MAX && main_clause_at(first_comma + 1)))
      return false;
    // "Der Präsident des Europaparlaments, Martin Schulz, stellte ... in Aussicht": the subject's apposition
    // ends the clause, which is no quote
    if (first_comma != SIZE_MAX) {
      std::size_t b = c1;
      while (b > c0 && !is(b - 1, ",") && c1 - b < 5 && (name_word(b - 1) || name_particle(b - 1))) --b;
      if (b < c1 && is(b - 1, ",")) return false;
    }
    // "Auch Abwehrspieler Christopher Lenz, der erstmals ... stehen konnte, betonte die Moral seiner Teamkollegen": a
    // noun phrase and its relative clause are the verb's subject, no clause said
    if (first_comma != SIZE_MAX && relative_pronoun(fold(first_comma + 1))) {
      std::size_t h = c0;
      while (h < first_comma && (cls(h) & aw_conjunction || speech_adverb(fold(h)))) ++h;
      const np head = parse_np(h, first_comma);
      bool later_comma = false;
      for (std::size_t k = first_comma + 1; k < c1 && !later_comma; ++k) later_comma = is(k, ",");
      if (!head.empty() && head.last == first_comma && !later_comma) return false;
    }
    // the speaker is a person or a body, not an object ("..., forderte Aufklärung")
    if (p.role_last <= p.role_first && p.name_last == p.name_first + 1 && abstract_noun(fold(p.name_first))) return false;
    // the verb in another sense, with an object or a particle after the subject: "sagte er den Termin ab",
    // "ließ sie ihren Hund zu Hause", "rief er das Aus in Erinnerung" (after "zitierte", p is whom it quotes)
    const std::string_view verb = fold(v);
    std::size_t end = whole.last;
    while (end > p.last && a_.is(end - 1, tf_punct)) --end;
    if (!speech_sense(v, p, end)) return false;
    if (end > p.last) {
      const std::string_view tail = fold(end - 1);
      if (tail == "ab" || tail == "zu" || tail == "nicht" || tail == "vor" || (tail == "an" && !verb.starts_with("kündigt"))) return false;
    }
    // "Das neue Gesetz, sagte Guo, nennt Gewalt ... ein Verbrechen": the attribution interrupts the quote,
    // and a head without a verb is only its start
    if (is(p.last, ",") && word(p.last + 1) && !cap(p.last + 1) &&
        !(cls(p.last + 1) & (aw_determiner | aw_conjunction | aw_pronoun | aw_preposition))) {
      bool verb_seen = false;
      for (std::size_t k = c0; k < c1 && !verb_seen; ++k)
        verb_seen = (cls(k) & (aw_finite_aux | aw_subjunctive)) || (word(k) && !cap(k) && !cls(k) && !adjective_ending(fold(k)));
      if (!verb_seen) return false;
    }
    add_attributed(quote_kind::direct, c0, c1, p, v);
    --unmarked_left_;
    return true;
  }

  // A direct quote without marks after its speaker and a colon, to the end of the sentence:
  //   "Trotzdem sagte Simon Wiesenthal einmal: Die Vorgänge verdienen ein besonderes Buch."
  // The speaker is found as for a quote in marks (speaker_before); the content has no marks and no speech
  // verb of its own ("...: Die Frage ist offen, sagt er" is the other rule's).
  bool try_after_colon(const sentence_range& s) {
    if (unmarked_left_ == 0) return false;
    std::size_t colon = s.first + 1;
    while (colon < s.last && !(a_.is(colon, tf_punct) && is(colon, ":"))) ++colon;
    const std::size_t c0 = colon + 1;
    if (c0 >= s.last || !cap(c0)) return false;
    std::size_t c1 = s.last;
    c1 = words_end(c0, c1, c0 + 1);
    std::size_t words = 0;
    for (std::size_t k = c0; k < c1; ++k) {
      if (a_.is(k, tf_quote_mark) || (cls(k) & aw_speech_verb)) return false;
      words += a_.is(k, tf_word | tf_number);
    }
    if (words < 3) return false;
    // the speech verb shortly before the colon: "sagte Kaske:", "meinte der Landeshauptmann:"; not "hieß es:"
    std::size_t v = colon;
    while (v > s.first && colon - v < 10 && !(cls(v - 1) & aw_speech_verb)) --v;
    if (v == s.first || !(cls(v - 1) & aw_speech_verb)) return false;
    // not "hieß es:", "Nur so viel:", "Kurz gesagt:"
    const std::string_view verb = fold(v - 1);
    if (verb == "hie\xC3\x9F" || verb == "hei\xC3\x9Ft" || verb == "so" || (verb.starts_with("ge") && v - 1 == s.first + 1)) return false;
    quote q;
    q.kind = quote_kind::direct;
    static_cast<span&>(q) = token_span(c0, c1);
    q.content = token_span(c0, c1);
    if (!speaker_before(q, c0) || !q.speaker) return false;
    // Without marks, only a speaker that is one: not a dative ("sagte den Zeitungen der Funke-Mediengruppe:"),
    // not a thing ("Das Ergebnis bestätigte die These:", "verspricht tiefere Einblicke:", "fordert Aufklärung:",
    // "Keinen Zweifel ließ ...:", "Teilweise ... sagen:", "Zu Thiem meinte Nadal:")
    const std::size_t sp = token_at(static_cast<std::uint32_t>(q.speaker->start_byte));
    const std::size_t sp_end = token_at(static_cast<std::uint32_t>(q.speaker->end_byte));
    if (sp >= sp_end || sp_end > a_.tokens.size()) return false;
    const std::string_view before = sp > s.first ? fold(sp - 1) : std::string_view{};
    if (before == "den" || before == "dem" || before == "einem" || before == "einen" || before == "von" || fold(sp).starts_with("kein")) return false;
    if (sp == s.first && ((cls(sp) & aw_preposition) || name_particle(sp))) return false;
    // "Gedreht wurde ..., als ..., rief jemand:": a subject before the verb reaches it without a comma
    // (the comma that closes the subject's apposition right before the verb is not such: "Der Sprecher der
    // Polizei, Max Huber, sagte: ...")
    const bool apposition = sp_end + 2 == v && is(sp_end, ",") && sp > s.first && is(sp - 1, ",");
    for (std::size_t k = apposition ? sp_end + 1 : sp_end; k + 1 < v; ++k)
      if (is(k, ",")) return false;
    if (verb == "stellte") {  // "stellte Kurz klar:", not "stellte man ein Handy-Trio vor:"
      bool klar = false;
      for (std::size_t k = v; k < colon; ++k) klar |= fold(k) == "klar" || fold(k) == "fest";
      if (!klar) return false;
    }
    if (q.role.empty() && sp_end == sp + 1 && !(cls(sp) & aw_pronoun) &&
        (abstract_noun(fold(sp)) || fold(sp).ends_with("weise") || (sp > s.first && ((cls(sp - 1) & aw_determiner) || adjective(sp - 1)))))
      return false;
    a_.before_append(a_.doc->quotes, "quotes");
    a_.doc->quotes.push_back(std::move(q));
    --unmarked_left_;
    return true;
  }

  // "Die WKStA ermittelt seit Monaten gegen Verantwortliche, wie eine Behördensprecherin der APA bestätigte.":
  // the main clause before ", wie X sagte" at the end of the sentence is what was said, in the indicative
  // as often as not (the "Wie X sagte, ..." at the start is try_reported's)
  bool try_wie_after(const sentence_range& s, std::size_t start, std::size_t v) {
    std::size_t end = v + 1;
    if (end < s.last && (cls(end) & aw_finite_aux)) ++end;  // "wie er gesagt hatte"
    // at the end of the sentence ("wie Roffet-Salque meint: Soweit wir wissen, ..." opens a quote of its own)
    if (end < s.last && !(is(end, ".") || is(end, "!") || is(end, "?"))) return false;
    std::size_t w = v;
    while (w > start + 3 && v - w < 20 && !(fold(w) == "wie" && is(w - 1, ","))) --w;  // "wie er am Mittwoch bei einem Vortrag in Wien erläuterte"
    if (!(fold(w) == "wie" && is(w - 1, ","))) return false;
    // "wie auch die Deutsche Welle selbst klarstellte"
    const np p = subject_before(w + 1 + (fold(w + 1) == "auch" ? 1 : 0), v);
    // "wie er sagt" (resolved as any "er"), not "wie man sagt", "wie es heißt", "wie ich sagte"
    if (p.empty() || (p.pronoun && !(fold(p.first) == "er" || fold(p.first) == "sie"))) return false;
    std::size_t c0 = start, c1 = w - 1;
    for (std::size_t k = c0; k < c1; ++k)
      if (a_.is(k, tf_quote_mark) || is(k, ":") || ((cls(k) & aw_speech_verb) && fold(k) != "so")) return false;  // one plain clause
    if (c1 < c0 + 4) return false;
    push_reported(c0, c1, p, v);
    resume_ = s.last;
    return true;
  }

  bool try_reported(const sentence_range& s, std::size_t v) {
    // "STANDARD: Oberösterreichs ÖVP-Chef Josef Pühringer sagt, ...": an interview's speaker label is not
    // the subject; the clause starts after the colon (the last one before v, kept by the caller as it reads
    // the sentence, so that a sentence of many speech verbs costs linear time).
    std::size_t start = std::max<std::size_t>(s.first, after_colon_);
    while (start < v && (cls(start) & aw_conjunction)) ++start;
    if (start >= v || passive(start, v)) return false;
    if (fold(v) == "heißt" || fold(v) == "hieß") return try_heisst_es_before(s, v);  // "das heißt": nobody speaks
    if (fold(v - 1) == "zu") return false;  // "schwierig zu sagen, ..."
    if (modal_before(start, v)) return false;  // "Die Flüchtlinge müssen erklären, dass ...": no report
    if (negated(start, v)) return false;       // "Pirlo hat nie gesagt, dass er Juve verlassen will"
    np p;
    std::size_t comma;
    const std::string_view first = fold(start);
    if (first != "wie" && try_wie_after(s, start, v)) return true;
    if (first == "wie") {
      // "Wie Regierungssprecher Hebestreit sagte, wird ...": the main clause after the comma is what was said,
      // in the indicative as often as not.
      p = subject_before(start + 1, v);
      if (p.empty() || p.pronoun || !is(v + 1, ",") || v + 4 >= s.last) return false;
      std::size_t c1 = s.last;
      c1 = words_end(v + 2, c1, v + 3);
      quote q;
      q.kind = quote_kind::reported;
      static_cast<span&>(q) = token_span(v + 2, c1);
      q.content = token_span(v + 2, c1);
      set_speaker(q, p, v);
      resume_ = s.last;
      a_.before_append(a_.doc->quotes, "quotes");
      a_.doc->quotes.push_back(std::move(q));
      return true;
    }
    if (first == "aus" || first == "laut") {
      // "Aus deutschen Regierungskreisen verlautet, ...": the source is inside the phrase
      std::size_t k = start + 1;
      std::size_t b = k;
      while (k < v && k - b < 8 && (adjective(k) || cap(k) || (cls(k) & aw_determiner))) ++k;
      if (k == b) return false;
      p.first = b; p.last = k; p.name_first = b; p.name_last = k;
      comma = v + 1;
    } else if ((cls(start) & aw_preposition) || ((first == "dem" || first == "einem") && fold(v) != "zufolge")) {
      // "Im Januar erklärte der Sprecher ..., John Kirby, dass": the subject follows the first verb; so it does
      // after a dative object ("Dem STANDARD sagte die Sprecherin, ...": "dem" opens no subject)
      // (the opening word is no verb: "So sagte Merkel am Montag, ...", "so" being a speech word too)
      std::size_t f = start + 1;
      while (f < v && f - start < 30 && !(cls(f) & (aw_finite_aux | aw_speech_verb))) ++f;
      p = parse_np(f + 1, s.last);
      comma = p.last;
      // "Gegenüber Sme versicherte Fico nun jedoch, dass ...": adverbs after the subject
      while (comma < s.last && comma - p.last < 3 && speech_adverb(fold(comma))) ++comma;
      if (f != v) comma = v + 1;
      // (not after an object: "gestand eine Auseinandersetzung mit einem Messer, er habe ...", an indefinite noun that
      // is no role)
      else if (!p.empty() && !is(comma, ",") && !(p.role_last == p.role_first && indefinite(fold(p.first))))
        comma = objects_from(comma);
      // "Am Montag kam der Minister nach Berlin und sagte, ...": a joined clause; the subject follows the
      // first clause's verb, the first plain lower-case word after the opening phrase
      if (p.empty() && f == v && coordinated(v)) {
        comma = after_verb(v);
        if (sentence_speaker_ == SIZE_MAX) {
          std::size_t g = start + 1;
          while (g < v && g - start < 8 && !(word(g) && !cap(g) && !(cls(g) & (aw_determiner | aw_preposition | aw_conjunction | aw_pronoun))))
            ++g;
          if (g + 1 < v && !adjective(g)) {
            const np c = parse_np(g + 1, v);
            if (!c.empty() && c.last < v) p = c;
          }
        }
      }
    } else {
      p = subject_before_und(start, v);
      if (p.empty()) p = subject_before(start, v);
      if (adverb_alone(p)) p = np{};
      const bool opened_by_time = time_phrase(p) && p.last == v;  // "Diese Woche sagte der Minister, ..."
      if (opened_by_time) p = np{};
      // the subject right before the verb ("Ein Sprecher sagte der Zeitung, ..."), not the start of a quote
      // before an attribution ("Ich kann das nicht, sagte Faymann in Anspielung darauf, dass ...")
      // (also after a subject with a modifier: "Die Organisation für Migration (IOM) erklärte am Dienstag, ...")
      // (and after a subject's relative clause: "Guo, die Partnerin der Kanzlei ist, sagte dem STANDARD, dass")
      const bool relative_clause = !p.empty() && is(p.last, ",") && relative_pronoun(fold(p.last + 1)) && is(v - 1, ",");
      comma = (!p.empty() && p.last <= v && !is(v - 1, ",")) || apposition_before_verb(p, v) || relative_clause
                  ? after_objects(v)
                  : after_verb(v);
      // "Rechtlich argumentiert der Hersteller, dass ...": an adverb opens the sentence, the subject follows the verb
      // (so after a time, "Diese Woche sagte der Minister, ...", and after a phrase of a question asked: "Angesprochen auf die Übergriffe, sagt Van der Bellen, diese seien
      // indiskutabel", "Darauf angesprochen, meinte sie, ...")
      if (p.empty() && ((v == start + 1 && start == sentence_first(start) && adverb_alone(parse_np(start, v))) ||
                        (is(v - 1, ",") && asked_phrase(start)) || opened_by_time)) {
        p = parse_np(v + 1, s.last);
        comma = p.empty() ? comma : objects_from(p.last);
      }
    }
    // "„…“, sagte Müller und fügte hinzu, ...", "Er betonte, ..., und meinte, ...": the subject of the clause
    // before; "Der Minister entschuldigte sich ... und meinte, ...": the sentence's subject
    bool inherit = false;
    if (p.empty() && coordinated(v)) {
      if (sentence_speaker_ != SIZE_MAX) inherit = true;
      else p = first_clause_subject(s.first, v);
    }
    // English puts no comma before "that" ("The minister said that ...", "He told reporters on Monday that ..."): a
    // reporting word a few plain words after the verb starts the clause
    bool that_clause = false;
    if (!is(comma, ",")) {
      if (const std::size_t t = before_that_clause(v, s.last); t != SIZE_MAX) {
        comma = t;
        that_clause = true;
      }
    }
    if ((p.empty() && !inherit) || !(is(comma, ",") || that_clause) || comma + 1 >= s.last) return false;
    if (!p.empty() && !speech_sense(v, p, s.last)) return false;  // "Der Kurier ließ eine Klage prüfen, ..."
    if (!that_clause) comma = after_participle_phrase(comma, s.last);
    if (!reported_clause(comma + 1, s.last)) return false;
    quote& q = append_reported(comma + 1, s.last);
    if (inherit) copy_speaker(q, a_.doc->quotes[sentence_speaker_], v);
    else set_speaker(q, p, v);
    return true;
  }

  // The token before a reporting word ("that", "whether"; "dass" where German's comma is missing) at most six plain
  // words after the verb v, when nothing but words stands between; SIZE_MAX otherwise.
  std::size_t before_that_clause(std::size_t v, std::size_t last) const {
    for (std::size_t k = v + 1; k < last && k <= v + 7; ++k) {
      if (cls(k) & aw_reporting_clause) return k - 1;
      if (!word(k) || (cls(k) & aw_speech_verb)) return SIZE_MAX;
    }
    return SIZE_MAX;
  }
  // "Angesprochen auf ...", "Befragt nach ...", "Darauf angesprochen": a participle of asking opens the sentence
  bool asked_phrase(std::size_t start) const {
    auto asked = [](std::string_view f) {
      return f == "angesprochen" || f == "befragt" || f == "gefragt" || f == "konfrontiert" || f == "angefragt";
    };
    const std::string_view f = fold(start);
    return asked(f) || ((f == "darauf" || f == "dazu" || f == "danach" || f == "hierzu") && asked(fold(start + 1)));
  }

  // The token that starts at byte b (a quote's first or last token).
  std::size_t token_at(std::uint32_t b) const {
    const auto it = std::lower_bound(a_.tokens.begin(), a_.tokens.end(), b, [](const token& t, std::uint32_t x) { return t.begin < x; });
    return static_cast<std::size_t>(it - a_.tokens.begin());
  }

  // A quote that makes up its sentence, right after a sentence whose quote has a speaker, in the same
  // paragraph, goes on with that speaker: „…“, sagte Fröhlich. „Unabhängig davon ist ein Gespräch hilfreich.“
  // (and so on for a third). The verb stays with the first quote.
  void carry_speakers() {
    auto& quotes = a_.doc->quotes;
    // a fragment inside reported speech is the reported speaker's words ("Dies sei eine „wichtige
    // Entwicklung“, sagte der Minister"); the quotes are in text order, so the container starts before it
    for (std::size_t n = 0, in = SIZE_MAX; n < quotes.size(); ++n) {
      quote& q = quotes[n];
      if (q.kind == quote_kind::reported) { in = n; continue; }
      if (in == SIZE_MAX || q.speaker || !quotes[in].speaker || q.end_byte > quotes[in].end_byte) continue;
      q.speaker = quotes[in].speaker;
      q.role = quotes[in].role;
      q.verb = quotes[in].verb;
    }
    for (std::size_t n = 1; n < quotes.size(); ++n) {
      quote& q = quotes[n];
      const quote& prev = quotes[n - 1];
      if (q.kind != quote_kind::direct || q.speaker || !prev.speaker) continue;
      const std::size_t open = token_at(q.start_byte);
      const std::size_t close = token_at(q.end_byte) - 1;  // the closing mark ends the quote
      const std::size_t prev_last = token_at(prev.end_byte) - 1;
      if (open >= a_.tokens.size() || close >= a_.tokens.size() || prev_last >= a_.tokens.size()) continue;
      const sentence_range& s = a_.sentences[a_.tokens[open].sentence];
      // ("Und weiter: „…“", "Weiter: „…“": the same speaker goes on)
      std::size_t lead = s.first;
      if (fold(lead) == "und") ++lead;
      if (fold(lead) == "weiter" && is(lead + 1, ":") && lead + 2 == open) lead = open;
      if (open != lead || s.where != zone::body || a_.tokens[open].sentence != a_.tokens[prev_last].sentence + 1 ||
          a_.sentences[a_.tokens[prev_last].sentence].paragraph != s.paragraph)
        continue;
      bool whole = true;  // nothing but punctuation after the closing mark: no attribution of its own
      for (std::size_t k = close + 1; k < a_.sentences[a_.tokens[close].sentence].last && whole; ++k) whole = a_.is(k, tf_punct);
      if (!whole) continue;
      q.speaker = prev.speaker;
      q.role = prev.role;
    }
  }

  // "Dmitri Peskow" is indexed under "peskow", so a later "Peskow sagte" gets the full name. A run that
  // starts with a known first name wins; otherwise a plain two- or three-word run ("Survival-Game Rust" is not).
  // Only the surnames in `wanted` are indexed: the index answers nothing else, and most runs of capitalised
  // words in an article are not a speaker's name.
  void build_name_index(const std::vector<std::string>& wanted) {
    const std::size_t n = a_.tokens.size();
    lexicon<std::string> fallback;
    // Only runs that end in a wanted surname matter: find those surnames (a few string compares per word),
    // then the run each one ends, instead of testing every capitalised word of the article as a name word.
    for (std::size_t h = 0; h < n; ++h) {
      if (!cap(h) && !particle_name(h)) continue;  // what name_word() asks first
      const std::string_view key = fold(h);
      bool hit = false;
      for (const std::string& w : wanted) hit |= w == key;
      if (!hit || !name_word(h)) continue;
      if (h > 0 && role(h - 1) && !name_word(h + 1) && !media_role(a_.surface(h - 1))) role_named_.add(key, 1);
      std::size_t i = h;  // the run's first token: name words, particles between them ("Ursula von der Leyen")
      while (i > 0 && h - i < 8 && (name_word(i - 1) || name_particle(i - 1))) --i;
      while (i < h && !name_word(i)) ++i;
      // a run is read from its start, five words at most; a longer one does not end at h
      if ((i > 0 && name_word(i - 1)) || i + 1 >= n) continue;
      std::size_t e = i;
      while (e < n && e - i < 5 && (name_word(e) || (e > i && particles_then_name(e)))) ++e;
      if (e - 1 != h) continue;
      // skip leading words that are not first names when a first name follows: "Medizin-Nobelpreisträger Tim Hunt"
      std::size_t b = i;
      while (b + 2 <= e - 1 && !r_.first_names.contains(fold(b))) ++b;
      // a run that starts with a noun after an article is no name: "das Schicksal Badawis", "die Metaphern
      // Franziskus" (but "die Salzburger Polizei", "die Internationale Organisation" are); nor one that starts
      // with a capitalised function word at the start of a sentence ("Zwischen Tesla und einem Nutzer")
      if (b == i && !r_.first_names.contains(fold(b)) &&
          (abstract_noun(fold(i)) || (i == sentence_first(i) ? (cls(i) != 0 || name_particle(i))
                                                              : (cls(i - 1) & aw_determiner) && !adjective_ending(fold(i)))))
        ++b;
      if (e - b >= 2 && e - b <= 3) {
        const std::string full(a_.text.substr(a_.tokens[b].begin, a_.tokens[e - 1].end - a_.tokens[b].begin));
        const std::string key(fold(e - 1));
        if (r_.first_names.contains(fold(b))) {
          if (!full_names_.contains(key)) full_names_.add(key, full);
        } else if (!a_.is(b, tf_has_hyphen) && !fallback.contains(key)) {
          fallback.add(key, full);
        }
      }
    }
    fallback.for_each([&](std::string_view key, const std::string& full) {
      if (!full_names_.contains(key)) full_names_.add(key, full);
    });
  }

  void resolve_speaker_names() {
    if (a_.doc->quotes.empty()) return;
    std::vector<std::string> wanted;  // one-word speakers that may have a fuller name in the article
    for (const quote& q : a_.doc->quotes) {
      if (!q.speaker) continue;
      const std::string_view said = a_.text.substr(q.speaker->start_byte, q.speaker->end_byte - q.speaker->start_byte);
      if (said.find(' ') != std::string_view::npos) continue;
      std::string folded;
      append_folded(said, folded, matching_locale());
      if (!(r_.classes(folded) & aw_pronoun) && std::find(wanted.begin(), wanted.end(), folded) == wanted.end())
        wanted.push_back(std::move(folded));
    }
    if (!wanted.empty()) build_name_index(wanted);
    std::string last_named;
    std::uint32_t last_named_at = 0;  // byte where that speaker was named
    for (quote& q : a_.doc->quotes) {
      if (!q.speaker) continue;
      const std::string_view said = a_.text.substr(q.speaker->start_byte, q.speaker->end_byte - q.speaker->start_byte);
      std::string folded;
      append_folded(said, folded, matching_locale());
      if (const std::string_view person = demonstrative_person(folded); !person.empty()) folded = std::string(person);
      if (r_.classes(folded) & aw_pronoun) {
        // "er" and "sie" refer back to a person: the last named speaker, or a person named since then
        // ("Gesundheitsministerin Anna Berger besuchte die Klinik. „…“, sagte sie."); "ich", "wir", "man" do not.
        // A capital "Sie" inside a sentence is the polite "you" of an interview ("haben Sie gesagt, dass"): nobody named.
        if (said == "Sie" && !sentence_initial(q.speaker->start_byte)) continue;
        // the person is named before a quotation in marks, not in it ("„… gegen Marin Cilic“, sagte er"); an
        // unmarked one may name its own subject ("Die Chefin, Gabi Schiessling, tritt ab, erklärte sie")
        if (folded == "er" || folded == "sie")
          q.speaker_name = antecedent(opens_with_mark(q) ? std::min(q.speaker->start_byte, q.start_byte)
                                                         : q.speaker->start_byte, last_named, last_named_at,
                                      folded == "er" ? article_rules::name_female : article_rules::name_male);
        continue;
      }
      q.speaker_name = std::string(said);
      if (said.find(' ') == std::string_view::npos) {
        // a word after an article is a body or a role, no surname: its fuller name is an adjective's ("der Polizei" ->
        // "Tiroler Polizei", "Brüsseler Staatsanwaltschaft"), not another body's ("Nach Angaben der Bahn": "Pro Bahn")
        const std::size_t at = token_at(static_cast<std::uint32_t>(q.speaker->start_byte));
        const bool after_article = at > 0 && at < a_.tokens.size() && (cls(at - 1) & aw_determiner);
        if (const std::string* full = full_names_.find(folded); full && (!after_article || modifier_first(*full)))
          q.speaker_name = *full;
      }
      // a role alone is the person named with it before: "Landeshauptmann Wilfried Haslauer ... sagte der
      // Landeshauptmann", "Polizeisprecher Roman Hahslinger ... so der Sprecher"
      if (!q.role.empty() && q.role == said)
        if (const std::string_view person = person_of_role(q.role, q.speaker->start_byte); !person.empty())
          q.speaker_name = std::string(person);
      // the antecedent of a later "er" or "sie": a full name, or one name after a person's role ("Künstler Stelarc",
      // "Übersetzer Abdul"; not "Zeitschrift Nokta")
      const bool one_named_person = (!q.role.empty() && q.role != said && !media_role(q.role)) || role_named_.contains(folded);
      // a body is no "er" or "sie" ("wie die Schweriner Staatsanwaltschaft mitteilte. ... beteuerte er")
      const bool body = q.speaker_name.size() > 2 && abstract_noun_or_body(q.speaker_name.substr(q.speaker_name.rfind(' ') + 1));
      // (two persons, "Merkel und Macron", are no one person's antecedent)
      const bool two = q.speaker_name.find(" und ") != std::string::npos;
      if ((q.speaker_name.find(' ') != std::string::npos || one_named_person) && q.role != q.speaker_name && !body && !two) {
        last_named = q.speaker_name;
        last_named_at = static_cast<std::uint32_t>(q.speaker->start_byte);
      }
    }
  }

  // "Tiroler Polizei", "Internationale Organisation", "Ayshas Mann": the first word an adjective or a genitive
  static bool modifier_first(std::string_view name) {
    const std::string_view first = name.substr(0, name.find(' '));
    return first.ends_with("er") || first.ends_with("e") || first.ends_with("en") || first.ends_with("es") || first.ends_with("s");
  }
  // "Staatsanwaltschaft", "Polizei", "Innenministerium", "Landratsamt": the last word of a body's name
  static bool abstract_noun_or_body(std::string_view word) {
    std::string f;
    append_folded(word, f, matching_locale());
    return body_word(f);
  }
  static bool body_word(std::string_view f) {  // folded
    if (abstract_noun(f)) return true;
    for (const std::string_view end : {"ei", "amt", "ium", "werk", "bank", "gruppe", "verband", "verein", "institut",
                                       "zentrum", "gericht", "beh\xC3\xB6rde", "regierung", "fraktion", "partei"})
      if (f.size() > end.size() + 2 && f.ends_with(end)) return true;
    return false;
  }
  // "Zeitschrift", "Nachrichtenportal", "türkische Nachrichtenagentur": a role that is a medium, not a person
  static bool media_role(std::string_view role_text) {
    const std::size_t space = role_text.rfind(' ');
    std::string last;
    append_folded(space == std::string_view::npos ? role_text : role_text.substr(space + 1), last, matching_locale());
    for (const std::string_view end : {"zeitung", "agentur", "zeitschrift", "magazin", "blatt", "sender", "portal", "plattform",
                                       "website", "webseite", "seite", "dienst", "kanal", "tv", "radio"})
      if (std::string_view(last).ends_with(end)) return true;
    return false;
  }
  bool opens_with_mark(const quote& q) const {
    const std::string_view t = a_.text.substr(q.start_byte, std::min<std::size_t>(3, q.end_byte - q.start_byte));
    return t.starts_with("\"") || t.starts_with("\u201E") || t.starts_with("\u201C") || t.starts_with("\u00BB") ||
           t.starts_with("\u00AB") || t.starts_with("\u201A") || t.starts_with("\u2039") || t.starts_with("\u203A");
  }
  // Whether the word at byte `at` opens a sentence or a quotation: only spaces and an opening mark lie
  // between it and the end of the sentence before.
  bool sentence_initial(std::size_t at) const {
    std::size_t k = at;
    while (k > 0 && (a_.text[k - 1] == ' ' || a_.text[k - 1] == '\n' || a_.text[k - 1] == '\t')) --k;
    if (k == 0) return true;
    const char c = a_.text[k - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"') return true;
    // the last byte of „ “ » « (U+201E, U+201C, U+00BB, U+00AB)
    return k >= 2 && (static_cast<unsigned char>(c) == 0x9E || static_cast<unsigned char>(c) == 0x9C ||
                      static_cast<unsigned char>(c) == 0xBB || static_cast<unsigned char>(c) == 0xAB);
  }

  // Persons named in the article: runs of two or three name words that start with a known first name
  // ("Anna Berger", "Flüchtlingskoordinator Christian Konrad", "Frank-Walter Steinmeier"), and later the
  // surname alone ("Demirtaş bestreitet den Vorwurf ... sagte er"), found once, in text order. `name` is
  // the full name both stand for.
  struct person_mention {
    std::uint32_t begin = 0, end = 0;  // bytes
    std::uint32_t sentence = 0;
    std::string_view name;
    std::uint8_t gender = article_rules::name_any;  // of its first name
  };
  std::vector<person_mention> mentions_;
  struct role_person {
    std::uint32_t at = 0;      // byte of the name
    std::string_view role;     // folded: "landeshauptmann", "polizeisprecher"
    std::string_view head;     // its role head: "sprecher" (role_head)
    std::string_view name;
  };
  std::vector<role_person> roles_;  // a role word right before a full name, in text order
  bool mentions_found_ = false;
  void find_mentions() {
    mentions_found_ = true;
    const std::size_t n = a_.tokens.size();
    struct seen_person {
      std::string_view name;
      std::uint8_t gender;
    };
    lexicon<seen_person> by_surname;  // folded last word -> the person it was last seen in
    for (std::size_t i = 0; i + 1 < n; ++i) {
      if (!cap(i)) continue;
      // a full name starts with a known first name, or stands after a role: "Landwirtschaftsminister Andrä
      // Rupprechter" (two name words; one alone may be a noun: "Minister Wahl")
      // (not after a medium's or an agency's word: "Nachrichtenagentur TASR Fico", "Agentur DDB Wien")
      // (three capitals in a row first: most tokens stop there before any table is probed)
      const bool after_role = i > 0 && cap(i - 1) && cap(i + 1) && a_.tokens[i + 1].sentence == a_.tokens[i].sentence &&
                              role(i - 1) && !first_name(i - 1) && name_word(i) && name_word(i + 1) &&
                              !media_role(a_.surface(i - 1));
      if ((!first_name(i) && !after_role) || (i > 0 && first_name(i - 1) && name_word(i - 1)) || !name_word(i)) {
        if (const seen_person* p = by_surname.find(fold(i)); p && surname_alone(i))
          mentions_.push_back({a_.tokens[i].begin, a_.tokens[i].end, a_.tokens[i].sentence, p->name, p->gender});
        continue;
      }
      std::size_t e = i + 1;
      while (e < n && e - i < 4 && (name_word(e) || particles_then_name(e))) ++e;
      if (e - i < 2 || a_.tokens[e - 1].sentence != a_.tokens[i].sentence) { i = e - 1; continue; }
      const std::string_view full = a_.text.substr(a_.tokens[i].begin, a_.tokens[e - 1].end - a_.tokens[i].begin);
      const std::uint8_t gender = first_name(i) ? first_name_gender(fold(i)) : role_gender(fold(i - 1));
      mentions_.push_back({a_.tokens[i].begin, a_.tokens[e - 1].end, a_.tokens[i].sentence, full, gender});
      if (i > 0 && role(i - 1)) roles_.push_back({a_.tokens[i].begin, fold(i - 1), role_head(fold(i - 1)), full});
      if (const std::string_view last = fold(e - 1); last.size() > 2) by_surname.add(last, {full, gender});  // the latest
      i = e - 1;
    }
  }
  // "ministerin", "sprecherin": female; "minister", "präsident": male (German's generic masculine names men and
  // mixed groups alike, so a masculine role is a weak hint, and "er" is what the text then says)
  static std::uint8_t role_gender(std::string_view folded_role) {
    if (folded_role.size() > 4 && folded_role.ends_with("in")) return article_rules::name_female;
    for (const std::string_view kin : {"mutter", "tochter", "schwester", "frau", "witwe", "tante", "nichte", "oma"})
      if (folded_role.ends_with(kin)) return article_rules::name_female;  // "Mutter Gao Ying", "Ehefrau"
    // "Abgeordnete", "Vorsitzende": an adjective's noun, its gender in the article only
    return folded_role.ends_with("e") ? article_rules::name_any : article_rules::name_male;
  }
  // "anna" female, "frank-walter" by its first part, an unknown or shared name any.
  std::uint8_t first_name_gender(std::string_view folded) const {
    const std::uint8_t* g = r_.first_names.find(folded);
    if (!g) {
      const std::size_t h = folded.find('-');
      if (h != std::string_view::npos && h > 1) g = r_.first_names.find(folded.substr(0, h));
    }
    return g ? *g : std::uint8_t{article_rules::name_any};
  }
  std::uint8_t gender_of(std::string_view full_name) const {
    std::string first;
    append_folded(full_name.substr(0, full_name.find(' ')), first, matching_locale());
    return first_name_gender(first);
  }
  // The person last named with this role before byte `at`: the same role word, or one with the same head
  // ("Sprecher" after "Polizeisprecher Roman Hahslinger", "Minister" after "Innenminister ..."). Only a role of
  // one noun, maybe after adjectives ("der russische Präsident"), not one with a genitive or a place ("Sprecher
  // der Polizei" may be anyone's); at most the 32 roles before it are read.
  std::string_view person_of_role(std::string_view role_text, std::size_t at) {
    const std::size_t space = role_text.rfind(' ');
    const std::string_view head_word = space == std::string_view::npos ? role_text : role_text.substr(space + 1);
    for (std::size_t k = 0; space != std::string_view::npos && k <= space;) {  // the words before it: adjectives
      const std::size_t end = role_text.find(' ', k);
      const std::string_view w = role_text.substr(k, end - k);
      if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z') || !adjective_ending(w)) return {};  // "Sprecher der Polizei"
      k = end + 1;
    }
    std::string wanted;
    append_folded(head_word, wanted, matching_locale());
    if (!mentions_found_) find_mentions();
    const std::string_view wanted_head = role_head(wanted);
    std::size_t seen = 0;
    for (auto it = roles_.rbegin(); it != roles_.rend() && seen < 32; ++it) {
      if (it->at >= at) continue;
      ++seen;
      if (it->role == wanted || (!wanted_head.empty() && it->head == wanted_head)) return it->name;
    }
    return {};
  }
  // "polizeisprecher" -> "sprecher", "kreml-sprecher" -> "sprecher", "landeshauptmann" -> itself: the longest
  // suffix that is a role head, or nothing.
  std::string_view role_head(std::string_view folded) const {
    for (std::size_t n = folded.size(); n >= 4; --n)
      if (r_.role_heads.contains(folded.substr(folded.size() - n))) return folded.substr(folded.size() - n);
    return {};
  }

  // A surname standing for its person, not the common noun it may also be: "mit voller Kraft", "der Koch"
  // have a determiner, a preposition or an inflected adjective before them.
  bool surname_alone(std::size_t i) const {
    if (i == 0 || !name_word(i) || name_word(i + 1)) return i == 0;
    if (cls(i - 1) & (aw_determiner | aw_preposition)) return false;
    const std::string_view prev = fold(i - 1);
    return cap(i - 1) || !word(i - 1) || !(prev.ends_with("er") || prev.ends_with("en") || prev.ends_with("em") || prev.ends_with("es"));
  }

  // The person a pronoun at byte `at` refers to: the later of the last named speaker and the last person
  // named before `at`, of a gender the pronoun allows ("er" is no Anna, "sie" no Thomas; `not_gender` is the
  // one it excludes); when that sentence names two such persons, the one that opens it, else only the speaker.
  std::string antecedent(std::size_t at, const std::string& last_named, std::uint32_t last_named_at, std::uint8_t not_gender) {
    if (!mentions_found_) find_mentions();
    const std::string speaker = !last_named.empty() && gender_of(last_named) != not_gender ? last_named : std::string();
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), at,
                               [](const person_mention& m, std::size_t b) { return m.end <= b; });
    for (int skipped = 0; it != mentions_.begin() && (it - 1)->gender == not_gender && skipped < 8; ++skipped) --it;
    if (it == mentions_.begin() || (it - 1)->gender == not_gender) return speaker;
    const person_mention& m = *(it - 1);
    if (!speaker.empty() && last_named_at >= m.begin) return speaker;
    // That sentence names two persons: the one that opens it is its subject ("Außenamtssprecher Thomas
    // Schnöll weist Pilz' Vorwurf zurück. Er betont: ...").
    const person_mention* first = &m;
    bool two = false;
    for (auto k = it - 1; k != mentions_.begin() && (k - 1)->sentence == m.sentence; --k) {
      if ((k - 1)->gender == not_gender) continue;
      first = &*(k - 1);
      two |= first->name != m.name;
    }
    if (!two) return std::string(m.name);
    return opens_sentence(*first) ? std::string(first->name) : speaker;
  }
  // Nothing but a role phrase before it in its sentence: "Der deutsche Außenminister Frank-Walter Steinmeier
  // übte", "Auch ÖVP-Chef Anna Berger"; not "Am Montag traf Anna Berger" (a verb before it: not the subject).
  bool opens_sentence(const person_mention& m) const {
    std::size_t k = a_.sentences[m.sentence].first;
    for (std::size_t seen = 0; k < a_.tokens.size() && a_.tokens[k].begin < m.begin; ++k, ++seen) {
      if (seen == 4 || !word(k)) return false;
      if (cap(k) || (cls(k) & aw_determiner)) continue;
      const std::string_view f = fold(k);
      if ((cls(k) & (aw_speech_verb | aw_finite_aux)) || !adjective_ending(f))
        return false;  // an inflected adjective may stand there ("deutsche"), another lower-case word not
    }
    return true;
  }
};

}  // namespace

void find_quotes(const article_rules& rules, analysis& a) { quote_finder(rules, a).run(); }

}  // namespace newsnorm::detail
