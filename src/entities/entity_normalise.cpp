#include "entities/entity_normalise.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace newsnorm::detail {

namespace {

constexpr int form_name = 0, form_deriv = 1, form_part = 2;
int label_class(int label) { return label % 4; }  // PER LOC ORG OTH
int label_form(int label) { return label / 4; }   // name, deriv, part

std::string_view text_of(const analysis& a, std::uint32_t first, std::uint32_t last) {
  return a.text.substr(a.tokens[first].begin, a.tokens[last - 1].end - a.tokens[first].begin);
}

std::string_view fold_of(const analysis& a, std::uint32_t i) {
  const token& t = a.tokens[i];
  return t.fold_len ? a.fold(t) : a.surface(t);
}

// The folded phrase of tokens [first, last), joined as the gazetteer joins its names.
void phrase_key(const analysis& a, std::uint32_t first, std::uint32_t last, std::string& out) {
  out.clear();
  for (std::uint32_t i = first; i < last; ++i) {
    if (i > first && (a.tokens[i].flags & (tf_space_before | tf_newline_before))) out.push_back(' ');
    out.append(fold_of(a, i));
  }
}

void take_entry(const gazetteer& gaz, const gazetteer_entry& e, mention& m) {
  m.canonical = gaz.canonical(e);
  m.key_class = e.cls;
  m.country[0] = e.country[0];
  m.country[1] = e.country[1];
  m.geonames = e.geonames;
  m.known = true;
}

// "Russlands" -> "russland", "Sicherheitsrates" -> "sicherheitsrat": the genitive endings of a name.
bool strip_genitive(std::string& key) {
  if (key.size() > 4 && key.compare(key.size() - 2, 2, "es") == 0) { key.resize(key.size() - 2); return true; }
  if (key.size() > 3 && key.back() == 's') { key.pop_back(); return true; }
  return false;
}

void normalise(const gazetteer& gaz, const analysis& a, mention& m, std::string& key) {
  const int form = label_form(m.label);
  m.known = false;
  m.country[0] = m.country[1] = 0;
  m.geonames = 0;
  m.key_class = static_cast<entity_class>(label_class(m.label));
  m.canonical = std::string(text_of(a, m.first, m.last));
  if (form == form_part) {
    // "Kreml-Sprecher" -> Kreml, "US-Präsident" -> USA: the name is the part before the hyphen.
    const std::string_view f = fold_of(a, m.first);
    const std::size_t h = f.find('-');
    if (h == std::string_view::npos || h == 0) return;
    if (const gazetteer_entry* e = gaz.find(f.substr(0, h))) { take_entry(gaz, *e, m); return; }
    const std::string_view surface = a.surface(m.first);
    m.canonical = std::string(surface.substr(0, surface.find('-')));
    return;
  }
  phrase_key(a, m.first, m.last, key);
  const gazetteer_entry* e = gaz.find(key);
  if (!e && form == form_name && m.key_class != entity_class::per) {
    std::string stripped = key;
    if (strip_genitive(stripped)) e = gaz.find(stripped);
    if (!e && key.size() > 3 && key.back() == 's') e = gaz.find(std::string_view(key).substr(0, key.size() - 1));
  }
  // "Deutsch-Kanadier" -> Kanada, "US-Amerikanerin" -> USA: a compound demonym names its last part's place.
  if (!e && form == form_deriv && key.find(' ') == std::string::npos && key.rfind('-') != std::string::npos &&
      key.rfind('-') + 1 < key.size())
    e = gaz.find(std::string_view(key).substr(key.rfind('-') + 1));
  if (!e) return;
  if (form == form_deriv && !e->deriv) return;
  if (form == form_name && e->deriv) return;  // "Deutsche" tagged ORG (Deutsche Bank ...) is no demonym
  take_entry(gaz, *e, m);
}

// The role word right before a person: "Kreml-Sprecher Dmitri Peskow", "dem russischen Präsidenten
// Wladimir Putin" (articles and adjectives in between are skipped, at most three words).
std::string find_role(const gazetteer& gaz, const analysis& a, const mention& m, std::string& scratch) {
  std::uint32_t steps = 0;
  for (std::uint32_t j = m.first; j > m.sentence_first && steps < 4; ++steps) {
    --j;
    const token& t = a.tokens[j];
    if (!(t.flags & tf_word)) return {};
    const std::string_view f = fold_of(a, j), surface = a.surface(t);
    if (std::string_view base = gaz.role_base(f); !base.empty())
      return (gaz.classes(f) & wc_title) ? std::string{} : std::string(base);
    // A compound ending in a role: "Kreml-Sprecher", "Verteidigungsministers" -> "Verteidigungsminister".
    // Role words are short: only the last 24 bytes are tried ("Verteidigungsministers").
    for (std::size_t k = f.size() > 24 ? f.size() - 24 : 1; k + 4 <= f.size(); ++k) {
      if ((static_cast<unsigned char>(f[k]) & 0xC0) == 0x80) continue;
      const std::string_view tail = f.substr(k);
      if (!(gaz.classes(tail) & wc_role_head) && !(gaz.classes(tail) & wc_role)) continue;
      const std::string_view base = gaz.role_base(tail);
      if (base.empty()) continue;
      const std::size_t cut = surface.size() - tail.size();  // folding keeps byte lengths for German letters
      if (cut > surface.size()) break;
      scratch.assign(surface.substr(0, cut));
      if (!scratch.empty() && scratch.back() == '-') scratch.append(base);
      else { std::string lower; fold_phrase(base, lower); scratch.append(lower); }
      return scratch;
    }
    if (t.flags & tf_upper_initial) return {};  // another name or noun: the role is not next to the person
  }
  return {};
}

// Words of a person's name, hyphens as spaces: "Kim Jong-un" -> kim, jong, un.
std::vector<std::string> name_words(const analysis& a, const mention& m) {
  std::vector<std::string> words;
  for (std::uint32_t i = m.first; i < m.last; ++i) {
    const std::string_view f = fold_of(a, i);
    std::size_t start = 0;
    while (start <= f.size()) {
      std::size_t end = f.find('-', start);
      if (end == std::string_view::npos) end = f.size();
      if (end > start && std::isalpha(static_cast<unsigned char>(f[start])) | (static_cast<unsigned char>(f[start]) >= 0x80))
        words.emplace_back(f.substr(start, end - start));
      start = end + 1;
    }
  }
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) { if (!s.empty()) s.push_back(' '); s += w; }
  return s;
}

std::string without_s(const std::string& w) { return w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w; }

// Initials of the capitalised words: "Internationaler Strafgerichtshof" -> "IS"; used to tie acronyms.
std::string initials(std::string_view name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (start && c >= 'A' && c <= 'Z') out.push_back(c);
    start = c == ' ' || c == '-';
  }
  return out;
}

struct cluster_info {
  std::string key;
  std::string canonical;
  std::size_t canonical_words = 0;
  std::vector<std::string> words;  // persons: the fullest name's words
  char country[2] = {0, 0};
  std::uint32_t geonames = 0;
  std::size_t first_mention = 0;
};

// Quote speakers: the person entity the speaker span overlaps, else the person cluster whose canonical name
// is the speaker's name or ends in it ("Peskow" -> "Dmitri Peskow"). Entities are in text order, so a
// binary search finds the overlap; names go through one index.
void link_speakers(const gazetteer& gaz, std::string_view text, const std::vector<entity>& entities, std::vector<quote>& quotes) {
  std::unordered_map<std::string, int> by_name;
  for (const entity& e : entities) {
    if (e.type != "PER") continue;
    std::string c;
    fold_phrase(e.canonical, c);
    by_name.emplace(c, e.cluster);
    const std::size_t space = c.rfind(' ');
    if (space != std::string::npos) by_name.emplace(c.substr(space + 1), e.cluster);
  }
  for (quote& q : quotes) {
    if (!q.speaker) continue;
    auto it = std::lower_bound(entities.begin(), entities.end(), q.speaker->start_byte,
                               [](const entity& e, std::size_t at) { return e.end_byte <= at; });
    for (; it != entities.end() && it->start_byte < q.speaker->end_byte; ++it) {
      if (it->type == "PER") { q.speaker_entity = it->cluster; break; }
      // A body as the speaker: an organisation that is the whole speaker span ("ORF", "Xinhua") or ends it after a
      // word for its kind ("Naturschutzorganisation WWF"; not after a person's role: "Sprecherin der EU-Kommission")
      if (it->type != "ORG") continue;
      const bool whole = it->start_byte == q.speaker->start_byte && it->end_byte == q.speaker->end_byte;
      // (the word for its kind is no first name: "Hans-Stephan Bosch" is a person whom the tagger took for a company)
      bool named_kind = it->start_byte > q.speaker->start_byte && it->end_byte == q.speaker->end_byte && q.role.empty();
      if (named_kind) {
        std::string kind;
        std::string_view head = text.substr(q.speaker->start_byte, it->start_byte - q.speaker->start_byte);
        head = head.substr(0, head.find(' '));
        fold_phrase(head.substr(0, head.find('-')), kind);
        const gazetteer::word_entry* w = gaz.word(kind);
        named_kind = !(w && (w->classes & wc_first));
      }
      if (whole || named_kind) {
        q.speaker_entity = it->cluster;
        break;
      }
    }
    if (q.speaker_entity >= 0 || q.speaker_name.empty()) continue;
    std::string name;
    fold_phrase(q.speaker_name, name);
    if (auto n = by_name.find(name); n != by_name.end()) q.speaker_entity = n->second;
  }
}

}  // namespace

void collect_mentions(const gazetteer& gaz, const analysis& a, const sentence_range& r, const ner_sentence& s,
                      const std::vector<int>& tags, std::vector<mention>& out) {
  std::string key;
  for (std::size_t i = 0; i < tags.size() && i < s.tokens.size(); ++i) {
    if (tags[i] == 0) continue;
    const int label = tag_label(tags[i]);
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j] == inside_tag(label)) ++j;
    mention m;
    m.first = r.first + static_cast<std::uint32_t>(i);
    m.last = r.first + static_cast<std::uint32_t>(j);
    m.sentence_first = r.first;
    m.label = label;
    if (m.last <= a.tokens.size()) {
      normalise(gaz, a, m, key);
      out.push_back(std::move(m));
    }
    i = j - 1;
  }
}

void add_repeated_names(const analysis& a, std::vector<mention>& mentions) {
  std::unordered_set<std::string_view> surnames;
  for (const mention& m : mentions)
    if (m.label == 0 && m.last - m.first >= 2) {
      surnames.insert(fold_of(a, m.last - 1));
      surnames.insert(fold_of(a, m.first));  // "Kim" of "Kim Jong Un": the family name comes first
    }
  if (surnames.empty()) return;
  std::vector<bool> covered(a.tokens.size(), false);
  for (const mention& m : mentions)
    for (std::uint32_t i = m.first; i < m.last && i < covered.size(); ++i) covered[i] = true;
  const std::size_t before = mentions.size();
  for (const sentence_range& r : a.sentences) {
    for (std::uint32_t i = r.first; i < r.last && i < a.tokens.size(); ++i) {
      if (covered[i] || !(a.tokens[i].flags & tf_upper_initial) || (a.tokens[i].flags & tf_all_upper)) continue;
      std::string_view f = fold_of(a, i);
      if (!surnames.count(f) && !(f.size() > 3 && f.back() == 's' && surnames.count(f.substr(0, f.size() - 1))))
        continue;
      mention m;
      m.first = i;
      m.last = i + 1;
      m.sentence_first = r.first;
      m.label = 0;
      m.canonical = std::string(a.surface(i));
      mentions.push_back(std::move(m));
    }
  }
  if (mentions.size() != before)
    std::stable_sort(mentions.begin(), mentions.end(), [](const mention& x, const mention& y) { return x.first < y.first; });
}

namespace {

// The class a name's tables suggest, for a tie: its gazetteer entry's, else its last word's (a place: LOC;
// an organisation word or medium: ORG; a first name: PER); -1 when none.
int class_hint(const gazetteer& gaz, const analysis& a, const mention& m) {
  if (m.known) return static_cast<int>(m.key_class);
  const std::uint32_t c = gaz.classes(fold_of(a, m.last - 1));
  if (c & wc_loc) return 1;
  if (c & (wc_org | wc_org_suffix | wc_media)) return 2;
  if (c & wc_first) return 0;
  return -1;
}

}  // namespace

void settle_types(const gazetteer& gaz, const analysis& a, std::vector<mention>& mentions) {
  std::string key;
  // A one-word name that is a word of a full person name in the document is that person: "Tarantino",
  // "Rosbergs" tagged LOC after "Quentin Tarantino", "Nico Rosberg" (not a known place or organisation:
  // "Paris" after "Paris Hilton", "ESPN").
  std::unordered_set<std::string_view> person_words;
  for (const mention& m : mentions) {
    if (m.label != 0 || m.last - m.first < 2 || !(gaz.classes(fold_of(a, m.first)) & wc_first)) continue;
    bool place = false;  // "Dinamo Zagreb" tagged PER is no person's name
    for (std::uint32_t i = m.first; i < m.last && !place; ++i) {
      const gazetteer_entry* e = gaz.find(fold_of(a, i));
      place = e && e->cls != entity_class::per;
    }
    if (place) continue;
    person_words.insert(fold_of(a, m.first));
    person_words.insert(fold_of(a, m.last - 1));
  }
  if (!person_words.empty())
    for (mention& m : mentions) {
      if (m.last - m.first != 1 || m.label == 0 || label_form(m.label) != form_name || m.known ||
          (a.tokens[m.first].flags & tf_all_upper))
        continue;
      const std::string_view f = fold_of(a, m.first);
      if (person_words.count(f) || (f.size() > 3 && f.back() == 's' && person_words.count(f.substr(0, f.size() - 1)))) {
        m.label = 0;
        normalise(gaz, a, m, key);
      }
    }
  // The type most mentions of the same words have. Votes are counted in halves: 2 a mention, 1 at a
  // sentence start (datelines, headlines: "Irdning – Jene Elfjährige ...", where the tagger guesses).
  struct tally {
    int votes[4] = {0, 0, 0, 0};
    int hint = -1;
    bool known = false;
    int winner = -1;
    std::size_t first = 0;  // a mention of the words, for the tables' hint on a tie
  };
  std::unordered_map<std::string, tally> by_words;
  by_words.reserve(mentions.size());
  std::vector<tally*> of(mentions.size(), nullptr);
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const mention& m = mentions[k];
    if (label_form(m.label) != form_name) continue;
    phrase_key(a, m.first, m.last, key);
    auto [it, added] = by_words.try_emplace(key);
    tally& t = it->second;
    if (added) t.first = k;
    of[k] = &t;
    // "in Spielfeld" is a place whatever the tagger made of "Grenzübergang Spielfeld".
    const bool after_in = m.first > m.sentence_first && fold_of(a, m.first - 1) == "in";
    t.votes[label_class(m.label)] += m.first == m.sentence_first ? 1 : after_in && m.label == 1 ? 4 : 2;
    if (m.known && !t.known) {
      t.known = true;
      t.hint = static_cast<int>(m.key_class);
    }
  }
  for (auto& [words, t] : by_words) {
    int classes = 0, top = 0;
    for (int c = 0; c < 4; ++c) {
      classes += t.votes[c] > 0;
      top = std::max(top, t.votes[c]);
    }
    if (classes < 2) continue;
    int tied = 0;
    for (int c = 0; c < 4; ++c)
      if (t.votes[c] == top) { ++tied; t.winner = c; }
    if (tied > 1) {
      if (!t.known) t.hint = class_hint(gaz, a, mentions[t.first]);
      t.winner = t.hint >= 0 && t.votes[t.hint] == top ? t.hint : -1;
    }
  }
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    mention& m = mentions[k];
    if (!of[k] || of[k]->winner < 0 || of[k]->winner == m.label) continue;
    const int from = m.label, to = of[k]->winner;
    if (of[k]->known && ((from == 1 && to == 2) || (from == 2 && to == 1))) continue;  // metonymy
    if (from == 0 && m.last - m.first >= 2 && (gaz.classes(fold_of(a, m.first)) & wc_first)) continue;  // "Nedeljko Bilalic"
    m.label = to;
    normalise(gaz, a, m, key);
  }
}

namespace {

// A role word, or a compound ending in one: "Innenminister", "Kreml-Sprecher", "Sprecherin".
bool is_role_word(const gazetteer& gaz, std::string_view f) {
  if (!gaz.role_base(f).empty()) return true;
  for (std::size_t k = f.size() > 24 ? f.size() - 24 : 1; k + 4 <= f.size(); ++k) {
    if ((static_cast<unsigned char>(f[k]) & 0xC0) == 0x80) continue;
    const std::string_view tail = f.substr(k);
    if ((gaz.classes(tail) & (wc_role_head | wc_role)) && !gaz.role_base(tail).empty()) return true;
  }
  return false;
}

// Quote speakers the tagger missed: a speaker of a speech verb is a person or a body, so a speaker span of
// capitalised name words that no mention covers, none a common word of the corpora, a role or a known place
// or demonym, becomes a mention: PER when it starts with a known first name, follows a role word in the span
// ("Innenminister Heil"), or is one word right after the speech verb ("sagte Şahin", "so Heil") that is a
// known surname or that the document names with a first name before it ("Heil" after "Hubertus Heil"; the
// structure stage's fullest name counts too); ORG when it is one all-capital acronym ("ORF", "DHA"), has a
// known medium or organisation word, or ends like a company ("... Labs"). Else nothing. A place or other
// name the tagger gave the whole speaker span ("Ibrahima Fall" LOC) is a person when it starts with a known
// first name.
void add_speaker_mentions(const gazetteer& gaz, const analysis& a, std::vector<mention>& mentions) {
  if (!a.doc || a.doc->quotes.empty() || a.tokens.empty()) return;
  struct range { std::uint32_t first, last, index; };  // a mention's tokens; index UINT32_MAX for new ones
  std::vector<range> covered;
  covered.reserve(mentions.size());
  for (std::size_t k = 0; k < mentions.size(); ++k)
    covered.push_back({mentions[k].first, mentions[k].last, static_cast<std::uint32_t>(k)});
  const std::size_t before = mentions.size();
  std::string name;
  for (const quote& q : a.doc->quotes) {
    if (!q.speaker || q.speaker_name.empty()) continue;
    auto t0 = std::lower_bound(a.tokens.begin(), a.tokens.end(), q.speaker->start_byte,
                               [](const token& t, std::size_t at) { return t.begin < at; });
    std::uint32_t first = static_cast<std::uint32_t>(t0 - a.tokens.begin()), last = first;
    while (last < a.tokens.size() && a.tokens[last].end <= q.speaker->end_byte) ++last;
    if (first >= last || a.tokens[first].begin != q.speaker->start_byte || last - first > 4) continue;
    const auto c = std::lower_bound(covered.begin(), covered.end(), first,
                                    [](const range& x, std::uint32_t at) { return x.last <= at; });
    const bool first_name_start = last - first >= 2 && (gaz.classes(fold_of(a, first)) & wc_first) &&
                                  (a.tokens[first].flags & tf_upper_initial);
    if (c != covered.end() && c->first < last) {
      // The tagger's place or other name as the whole speaker: "Ibrahima Fall" LOC.
      if (c->first != first || c->last != last || !first_name_start || c->index == UINT32_MAX) continue;
      mention& m = mentions[c->index];
      if (m.known || label_form(m.label) != form_name || (m.label != 1 && m.label != 3)) continue;
      m.label = 0;
      normalise(gaz, a, m, name);
      continue;
    }
    bool role = false;
    while (first < last && is_role_word(gaz, fold_of(a, first))) { role = true; ++first; }
    if (first == last) continue;
    bool ok = true, acronym = false, org_word = false;
    for (std::uint32_t i = first; i < last && ok; ++i) {
      const token& t = a.tokens[i];
      const std::string_view f = fold_of(a, i);
      const std::uint32_t cls = gaz.classes(f);
      ok = (t.flags & tf_word) && (t.flags & tf_upper_initial) && !(cls & (wc_common | wc_role | wc_deriv)) &&
           !is_role_word(gaz, f);
      if (const gazetteer_entry* e = gaz.find(f); e && e->cls == entity_class::loc) ok = false;
      if (cls & (wc_media | wc_org | wc_org_suffix)) org_word = true;
      if (const auto* w = gaz.word(f); w && w->english_org && i + 1 == last && i > first) org_word = true;
      acronym = last - first == 1 && (t.flags & tf_all_upper) && f.size() >= 2;
    }
    if (!ok) continue;
    bool surname = false;
    if (last - first == 1 && !acronym && !role && first > 0) {
      // One word right after the speech verb: "sagte Şahin", "so Heil".
      const std::string_view prev = a.surface(first - 1), word = fold_of(a, first);
      if (prev == q.verb || fold_of(a, first - 1) == "so") {
        surname = (gaz.classes(word) & wc_last) != 0;
        fold_phrase(q.speaker_name, name);
        const std::size_t space = name.find(' ');
        if (!surname && space != std::string::npos && std::string_view(name).substr(name.rfind(' ') + 1) == word &&
            (gaz.classes(std::string_view(name).substr(0, space)) & wc_first))
          surname = true;
        for (std::uint32_t i = 1; i < first && !surname; ++i)  // "Hubertus Heil" earlier in the document
          surname = fold_of(a, i) == word && (a.tokens[i - 1].flags & tf_upper_initial) &&
                    (gaz.classes(fold_of(a, i - 1)) & wc_first);
      }
    }
    int label = -1;
    if (acronym || org_word) label = 2;
    else if (first_name_start || role || surname) label = 0;
    if (label < 0) continue;
    mention m;
    m.first = first;
    m.last = last;
    m.sentence_first = a.sentences.empty() ? 0 : a.sentences[a.tokens[first].sentence].first;
    m.label = label;
    normalise(gaz, a, m, name);
    covered.insert(c, range{first, last, UINT32_MAX});
    mentions.push_back(std::move(m));
  }
  if (mentions.size() != before)
    std::stable_sort(mentions.begin(), mentions.end(), [](const mention& x, const mention& y) { return x.first < y.first; });
}

}  // namespace

void build_entities(const gazetteer& gaz, analysis& a, std::vector<mention>& mentions) {
  settle_types(gaz, a, mentions);
  add_speaker_mentions(gaz, a, mentions);
  std::vector<cluster_info> clusters;
  std::map<std::string, int> by_key;
  auto new_cluster = [&](const std::string& key, std::size_t at) {
    clusters.push_back(cluster_info{key, {}, 0, {}, {0, 0}, 0, at});
    by_key.emplace(key, static_cast<int>(clusters.size() - 1));
    return static_cast<int>(clusters.size() - 1);
  };
  std::vector<std::vector<std::string>> words(mentions.size());

  // Persons with two or more name words first: "Wladimir Putin", "Kim Jong Un" = "Kim Jong-un".
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    mention& m = mentions[k];
    if (label_class(m.label) != 0 || label_form(m.label) != form_name) continue;
    words[k] = name_words(a, m);
    if (words[k].size() < 2) continue;
    std::string key = "P:" + join(words[k]);
    std::vector<std::string> nominative = words[k];
    nominative.back() = without_s(nominative.back());
    if (!by_key.count(key) && by_key.count("P:" + join(nominative))) key = "P:" + join(nominative);  // "Wladimir Putins"
    auto it = by_key.find(key);
    m.cluster = it != by_key.end() ? it->second : new_cluster(key, k);
    cluster_info& c = clusters[m.cluster];
    if (words[k].size() > c.canonical_words && key == c.key) {
      c.canonical = m.canonical;
      c.canonical_words = words[k].size();
      c.words = words[k];
    }
  }
  // A shorter full name that begins a longer one is the same person: "Kim Jong" (a cut-off mention) and
  // "Kim Jong Un". Compared within the names that share a first word, at most 16 of them.
  std::unordered_map<std::string, std::vector<int>> by_first_word;
  for (std::size_t c = 0; c < clusters.size(); ++c)
    if (clusters[c].words.size() >= 2) {
      auto& list = by_first_word[clusters[c].words.front()];
      if (list.size() < 16) list.push_back(static_cast<int>(c));
    }
  std::vector<int> merged_into(clusters.size(), -1);
  for (auto& [first, list] : by_first_word)
    for (int shorter : list)
      for (int longer : list) {
        const auto& sw = clusters[shorter].words;
        const auto& lw = clusters[longer].words;
        if (sw.size() < lw.size() && std::equal(sw.begin(), sw.end(), lw.begin()) && merged_into[longer] < 0) {
          merged_into[shorter] = longer;
          break;
        }
      }
  for (mention& m : mentions)
    if (m.cluster >= 0 && merged_into[m.cluster] >= 0) m.cluster = merged_into[m.cluster];

  // One-word persons join the nearest full name they are part of: "Putin", "Putins", "Kim". An index from
  // each first and last name word to the full-name mentions (in text order) keeps this n log n.
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_word;
  for (std::size_t j = 0; j < mentions.size(); ++j) {
    if (mentions[j].cluster < 0 || label_class(mentions[j].label) != 0 || words[j].size() < 2) continue;
    by_name_word[words[j].back()].push_back(j);
    if (words[j].front() != words[j].back()) by_name_word[words[j].front()].push_back(j);
  }
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    mention& m = mentions[k];
    if (label_class(m.label) != 0 || label_form(m.label) != form_name || m.cluster >= 0) continue;
    if (words[k].empty()) words[k].push_back(std::string(fold_of(a, m.first)));
    const std::string w = words[k].back(), bare = without_s(w);
    int best = -1;
    std::size_t best_distance = SIZE_MAX;
    for (const std::string* key : {&w, &bare}) {
      auto it = by_name_word.find(*key);
      if (it == by_name_word.end()) continue;
      // Prefer the nearest earlier full name; a later one only when none came before.
      const auto& list = it->second;
      auto after = std::upper_bound(list.begin(), list.end(), k);
      if (after != list.begin() && k - *(after - 1) < best_distance) {
        best_distance = k - *(after - 1);
        best = mentions[*(after - 1)].cluster;
      } else if (after != list.end() && best < 0) {
        best_distance = mentions.size() + (*after - k);
        best = mentions[*after].cluster;
      }
    }
    if (best < 0) {
      std::string key = "P:" + w;
      if (!by_key.count(key) && by_key.count("P:" + bare)) key = "P:" + bare;
      auto it = by_key.find(key);
      best = it != by_key.end() ? it->second : new_cluster(key, k);
      cluster_info& c = clusters[best];
      if (c.canonical.empty() || key == "P:" + w) { c.canonical = m.canonical; c.canonical_words = 1; }
    }
    m.cluster = best;
  }
  // Places, organisations, others, and the derived forms and compound parts that point at them.
  std::unordered_map<std::string, int> by_initials;
  std::string key;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    mention& m = mentions[k];
    if (m.cluster >= 0) continue;
    key.assign(1, "PLOT"[static_cast<int>(m.key_class)]);
    key.push_back(':');
    fold_phrase(m.canonical, key);
    std::replace(key.begin(), key.end(), '-', ' ');
    auto it = by_key.find(key);
    if (it == by_key.end() && m.key_class == entity_class::org && m.last - m.first == 1 &&
        (a.tokens[m.first].flags & tf_all_upper)) {
      // An acronym of an organisation named before: "Internationaler Währungsfonds" ... "IWF" has its own
      // row in the tables; "Bund Deutscher Architekten" ... "BDA" is found by its initials.
      auto ac = by_initials.find(m.canonical);
      if (ac != by_initials.end()) it = by_key.find(clusters[ac->second].key);
    }
    m.cluster = it != by_key.end() ? it->second : new_cluster(key, k);
    cluster_info& c = clusters[m.cluster];
    if (label_form(m.label) == form_name && c.canonical_words == 0) { c.canonical = m.canonical; c.canonical_words = 1; }
    if (c.canonical.empty()) c.canonical = m.canonical;
    if (!c.country[0] && m.country[0]) { c.country[0] = m.country[0]; c.country[1] = m.country[1]; }
    if (!c.geonames) c.geonames = m.geonames;
    if (m.key_class == entity_class::org && m.last - m.first > 1) {
      const std::string acronym = initials(c.canonical);
      if (acronym.size() >= 2) by_initials.emplace(acronym, m.cluster);
    }
  }

  // Cluster ids in order of first appearance.
  std::vector<int> order(clusters.size(), -1);
  int next_id = 0;
  std::string scratch;
  for (const mention& m : mentions) {
    if (m.cluster < 0) continue;
    if (order[m.cluster] < 0) order[m.cluster] = next_id++;
    entity e;
    static_cast<span&>(e) = byte_span(a.tokens[m.first].begin, a.tokens[m.last - 1].end);
    e.type = std::string(label_names[m.label]);
    const cluster_info& c = clusters[m.cluster];
    e.canonical = c.canonical.empty() ? m.canonical : c.canonical;
    if (label_form(m.label) != form_name) e.canonical = m.canonical;  // "Kreml-Sprecher" -> "Kreml"
    const char* cc = m.country[0] ? m.country : c.country;
    if (cc[0]) e.country.assign(cc, 2);
    const std::uint32_t gid = m.geonames ? m.geonames : c.geonames;
    if (gid && label_form(m.label) != form_part) e.geonames = std::to_string(gid);
    e.cluster = order[m.cluster];
    if (label_class(m.label) == 0 && label_form(m.label) == form_name) {
      std::string role = find_role(gaz, a, m, scratch);
      if (!role.empty()) e.roles.push_back(std::move(role));
    }
    a.before_append(a.doc->entities, "entities");
    a.doc->entities.push_back(std::move(e));
  }

  link_speakers(gaz, a.text, a.doc->entities, a.doc->quotes);
}

}  // namespace newsnorm::detail
