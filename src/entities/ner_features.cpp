#include "entities/ner_features.hpp"

#include "text/utf8.hpp"

#include <cctype>

namespace newsnorm::detail {

namespace {

// Feature templates: each feature hashes its template id with its strings.
enum feature_template : std::uint32_t {
  ft_bias = 1, ft_word, ft_prev_word, ft_next_word, ft_prev2_word, ft_next2_word, ft_prev_bigram, ft_next_bigram,
  ft_suffix2, ft_suffix3, ft_suffix4, ft_suffix5, ft_prefix3, ft_shape, ft_prev_shape, ft_next_shape,
  ft_start_shape, ft_classes, ft_prev_classes, ft_next_classes, ft_head_classes, ft_tail_classes, ft_head_word,
  ft_tail_word, ft_match, ft_next_match, ft_prev_match, ft_prev_word_shape, ft_length,
  ft_cap_known, ft_prev_tag, ft_prev2_tags, ft_prev_tag_word, ft_prev_tag_shape,
  ft_cluster0, ft_cluster1, ft_cluster2, ft_prev_cluster, ft_next_cluster, ft_tail_cluster, ft_prev_cluster_bigram, ft_next_cluster_bigram,
  ft_head_shape, ft_head_cluster,
};

// FNV-1a over the template id and the feature's parts, finished with a 64-bit mix.
struct feature_hash {
  std::uint64_t h;
  explicit feature_hash(std::uint32_t id) : h(1469598103934665603ull ^ (id * 0x9E3779B97F4A7C15ull)) {}
  feature_hash& add(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t i = 0;
    for (; i + 4 <= s.size(); i += 4) {  // unrolled: the same bytes in the same order
      h = (h ^ p[i]) * 1099511628211ull;
      h = (h ^ p[i + 1]) * 1099511628211ull;
      h = (h ^ p[i + 2]) * 1099511628211ull;
      h = (h ^ p[i + 3]) * 1099511628211ull;
    }
    for (; i < s.size(); ++i) h = (h ^ p[i]) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;  // separator: ("ab","c") differs from ("a","bc")
    return *this;
  }
  feature_hash& add(std::uint64_t v) {
    h = (h ^ v) * 1099511628211ull;
    h = (h ^ (v >> 32)) * 1099511628211ull;
    return *this;
  }
  std::uint32_t bucket(std::uint32_t mask) const {
    std::uint64_t x = h;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return static_cast<std::uint32_t>(x) & mask;
  }
};

constexpr char shape_class(char32_t c) {
  if (c >= '0' && c <= '9') return 'd';
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
      (c >= 0x400 && c <= 0x42F))
    return 'X';
  if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9) ||
      (c >= 0x430 && c <= 0x44F))
    return 'x';
  if (c >= 0x80) return 'o';  // other letters (CJK, Arabic ...) and symbols
  return static_cast<char>(c);
}

// shape_class of the ASCII characters, by table: most words are ASCII all through.
struct ascii_shapes {
  char of[128];
  constexpr ascii_shapes() : of{} {
    for (int c = 0; c < 128; ++c) of[c] = shape_class(static_cast<char32_t>(c));
  }
};
constexpr ascii_shapes ascii_shape{};

// "Kreml-Sprecher" -> "Xx-Xx", "USA" -> "X", "16.000" -> "d.d": classes with runs collapsed, at most 8 long.
std::uint32_t word_shape(std::string_view w, bool& upper_initial) {
  char buf[8];
  std::size_t n = 0;
  upper_initial = false;
  for (std::size_t i = 0; i < w.size() && n < sizeof buf;) {
    const auto b = static_cast<unsigned char>(w[i]);
    char k;
    if (b < 0x80) {
      k = ascii_shape.of[b];
      ++i;
    } else {
      if (i + sequence_length(b) > w.size()) break;
      k = shape_class(next_code_point(w, i));
    }
    if (n == 0) upper_initial = k == 'X';
    if (n == 0 || buf[n - 1] != k) buf[n++] = k;
  }
  feature_hash h(0);
  h.add(std::string_view(buf, n));
  return static_cast<std::uint32_t>(h.h ^ (h.h >> 32));
}

bool all_capitals(std::string_view w) {
  for (char c : w)
    if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '-' && c != '.') return false;
  return true;
}

std::string_view suffix(std::string_view w, std::size_t n) { return w.size() <= n ? w : w.substr(w.size() - n); }

const std::string_view boundary = "<s>";

std::string_view word_at(const ner_sentence& s, std::ptrdiff_t i) {
  return i < 0 || i >= static_cast<std::ptrdiff_t>(s.tokens.size()) ? boundary : s.tokens[i].fold;
}

}  // namespace

int label_index(std::string_view name) {
  for (int i = 0; i < entity_labels; ++i)
    if (label_names[i] == name) return i;
  return -1;
}

void annotate_sentence(const gazetteer& gaz, ner_sentence& s, std::string& scratch) {
  const std::size_t n = s.tokens.size();
  s.info.assign(n, ner_token_info{});
  for (std::size_t i = 0; i < n; ++i) {
    const ner_token& t = s.tokens[i];
    ner_token_info& info = s.info[i];
    info.shape = word_shape(t.surface, info.upper_initial);
    // One punctuation mark (",", ".", "„") is in no table: skip the lookup, a sixth of all tokens.
    const bool mark = t.fold.size() == 1 && !std::isalnum(static_cast<unsigned char>(t.fold[0]));
    const gazetteer::word_entry* we = mark ? nullptr : gaz.word(t.fold);
    info.classes = we ? we->classes : 0u;
    info.english = we && we->english;
    info.english_org = we && we->english_org;
    info.max_words = we ? we->max_words : 0u;
    info.single = we ? gaz.entry(*we) : nullptr;
    if (we && we->acronym && !all_capitals(t.surface)) info.single = nullptr;
    if (info.single && info.single->capitalised && !info.upper_initial) info.single = nullptr;
    if (we) std::copy(std::begin(we->cluster), std::end(we->cluster), info.cluster);
    const std::size_t first_hyphen = t.fold.find('-'), last_hyphen = t.fold.rfind('-');
    if (first_hyphen != std::string_view::npos && first_hyphen > 0 && last_hyphen + 1 < t.fold.size()) {
      const gazetteer::word_entry* head = gaz.word(t.fold.substr(0, first_hyphen));
      info.head_classes = head ? head->classes : 0u;
      info.head_cluster = head ? head->cluster[1] : 0;
      bool ui;
      info.head_shape = word_shape(t.surface.substr(0, std::min(first_hyphen, t.surface.size())), ui);
      const gazetteer::word_entry* tail = gaz.word(t.fold.substr(last_hyphen + 1));
      info.tail_classes = tail ? tail->classes : 0u;
      info.tail_cluster = tail ? tail->cluster[cluster_levels - 1] : 0;
    }
    // An unknown capitalised word in -er that ends in a common noun of the corpora is a compound of it
    // ("Kooperationspartner", "Handynummer", "Internetdienstleister"), not a town's adjective ("Ummendorfer"):
    // the ending's lookups only for these words, a few in a thousand tokens.
    const std::string_view f = t.fold;
    if (info.upper_initial && info.classes == 0 && info.cluster[0] == 0 && f.size() >= 9 &&
        f.compare(f.size() - 2, 2, "er") == 0 && first_hyphen == std::string_view::npos) {
      for (std::size_t k = 3; k + 6 <= f.size() && !info.common_tail; ++k) {
        if ((static_cast<unsigned char>(f[k]) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
        const gazetteer::word_entry* end = gaz.word(f.substr(k));
        info.common_tail = end && (end->classes & wc_common) && !(end->classes & (wc_first | wc_last | wc_loc | wc_deriv));
      }
    }
  }
  // Longest known name from each token, left to right: "Weißes Haus", "Nationalen Sicherheitsrates der USA".
  for (std::size_t i = 0; i < n; ++i) {
    if (s.info[i].match_label >= 0) continue;
    const unsigned most = s.info[i].max_words;
    const gazetteer_entry* best = s.info[i].single;
    std::size_t best_len = best ? 1 : 0;
    if (most > 1) {
      scratch.assign(s.tokens[i].fold);
      for (std::size_t k = 2; k <= most && i + k <= n; ++k) {
        if (s.tokens[i + k - 1].space_before) scratch.push_back(' ');
        scratch.append(s.tokens[i + k - 1].fold);
        if (const gazetteer_entry* e = gaz.find(scratch)) { best = e; best_len = k; }
      }
    }
    // Genitive of a known place or organisation: "Pjöngjangs", "Nordkoreas".
    const std::string_view f = s.tokens[i].fold;
    if (!best && s.info[i].upper_initial && f.size() > 3 && f.back() == 's') {
      const gazetteer_entry* e = gaz.find(f.substr(0, f.size() - 1));
      if (e && !e->deriv && e->cls != entity_class::per) { best = e; best_len = 1; }
    }
    if (!best) continue;
    const auto label = static_cast<std::int8_t>(static_cast<int>(best->cls) + (best->deriv ? 4 : 0));
    for (std::size_t k = 0; k < best_len; ++k) {
      s.info[i + k].match_label = label;
      s.info[i + k].match_begins = k == 0;
    }
    s.info[i].entry = best;
    s.info[i].match_words = static_cast<std::uint8_t>(best_len);
  }
}

bool may_start_name(const ner_sentence& s, std::size_t i) {
  const ner_token_info& info = s.info[i];
  if (info.upper_initial || info.match_label >= 0) return true;
  if (info.classes & (wc_loc | wc_org | wc_deriv | wc_seen_per | wc_seen_loc | wc_seen_org | wc_phrase_word)) return true;
  const std::string_view w = s.tokens[i].fold;
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  // Digits ("1860 München"), quote marks before titles, words with upper case inside ("iPhone"), compounds
  // ("FDP-geführte") and "-isch" adjectives ("mesopotamische") may start a name.
  if ((c >= '0' && c <= '9') || c == '"' || w.find('-') != std::string_view::npos || w.find("isch") != std::string_view::npos)
    return true;
  return s.tokens[i].surface != w && c >= 'a' && c <= 'z';
}

void scoring_plan(const ner_sentence& s, std::vector<std::uint8_t>& plan) {
  const std::size_t n = s.tokens.size();
  plan.assign(n, 0);
  std::size_t since = continuation_gap + 1;  // tokens since the last one that may start a name
  for (std::size_t i = 0; i < n; ++i) {
    since = may_start_name(s, i) ? 0 : since + 1;
    plan[i] = since == 0 ? 2 : since <= continuation_gap ? 1 : 0;
  }
}

std::size_t static_features(const ner_sentence& s, std::size_t i, std::uint32_t mask, feature_buffer& out) {
  std::size_t n = 0;
  auto put = [&](const feature_hash& h) { if (n < out.size()) out[n++] = h.bucket(mask); };
  const auto at = static_cast<std::ptrdiff_t>(i);
  const ner_token& t = s.tokens[i];
  const ner_token_info& info = s.info[i];
  const std::string_view w = t.fold, prev = word_at(s, at - 1), next = word_at(s, at + 1);
  const ner_token_info none{};
  const ner_token_info& pinfo = i > 0 ? s.info[i - 1] : none;
  const ner_token_info& ninfo = i + 1 < s.tokens.size() ? s.info[i + 1] : none;

  put(feature_hash(ft_bias));
  put(feature_hash(ft_word).add(w));
  put(feature_hash(ft_prev_word).add(prev));
  put(feature_hash(ft_next_word).add(next));
  put(feature_hash(ft_prev2_word).add(word_at(s, at - 2)));
  put(feature_hash(ft_next2_word).add(word_at(s, at + 2)));
  put(feature_hash(ft_prev_bigram).add(prev).add(w));
  put(feature_hash(ft_next_bigram).add(w).add(next));
  put(feature_hash(ft_suffix2).add(suffix(w, 2)));
  put(feature_hash(ft_suffix3).add(suffix(w, 3)));
  put(feature_hash(ft_suffix4).add(suffix(w, 4)));
  put(feature_hash(ft_suffix5).add(suffix(w, 5)));
  put(feature_hash(ft_prefix3).add(w.substr(0, 3)));
  put(feature_hash(ft_shape).add(info.shape));
  put(feature_hash(ft_prev_shape).add(pinfo.shape).add(info.shape));
  put(feature_hash(ft_next_shape).add(info.shape).add(ninfo.shape));
  put(feature_hash(ft_start_shape).add(info.shape).add(t.sentence_start ? 1u : 0u));
  put(feature_hash(ft_prev_word_shape).add(prev).add(info.shape));
  put(feature_hash(ft_length).add(std::min<std::size_t>(w.size(), 12)));
  put(feature_hash(ft_match).add(static_cast<std::uint64_t>(info.match_label + 1) * 2 + info.match_begins));
  put(feature_hash(ft_next_match).add(static_cast<std::uint64_t>(info.match_label + 1)).add(static_cast<std::uint64_t>(ninfo.match_label + 1)));
  put(feature_hash(ft_prev_match).add(static_cast<std::uint64_t>(pinfo.match_label + 1)).add(static_cast<std::uint64_t>(info.match_label + 1)));
  // A capitalised word that is no common word, not at the start of a sentence, is likely a name.
  const std::uint32_t known = info.classes & (wc_common | wc_loc | wc_org | wc_first | wc_last | wc_seen_per | wc_seen_loc | wc_seen_org);
  put(feature_hash(ft_cap_known).add(std::uint64_t{info.upper_initial} * 4 + std::uint64_t{t.sentence_start} * 2 + (known ? 1 : 0)).add(known & wc_common ? 1u : 0u));
  auto bits = [&](std::uint32_t tmpl, std::uint32_t classes) {
    for (; classes; classes &= classes - 1) {  // each set bit, lowest first
      const auto b = static_cast<std::uint32_t>(__builtin_ctz(classes));
      put(feature_hash(tmpl).add(b));
    }
  };
  bits(ft_classes, info.classes);
  // Distributional classes: the word's at three sizes, its neighbours' and the class bigrams at the middle one.
  put(feature_hash(ft_cluster0).add(info.cluster[0]));
  put(feature_hash(ft_cluster1).add(info.cluster[1]));
  put(feature_hash(ft_cluster2).add(info.cluster[2]));
  put(feature_hash(ft_prev_cluster).add(pinfo.cluster[1]));
  put(feature_hash(ft_next_cluster).add(ninfo.cluster[1]));
  put(feature_hash(ft_prev_cluster_bigram).add(pinfo.cluster[1]).add(info.cluster[1]));
  put(feature_hash(ft_next_cluster_bigram).add(info.cluster[1]).add(ninfo.cluster[1]));
  put(feature_hash(ft_prev_classes).add(pinfo.classes));
  put(feature_hash(ft_next_classes).add(ninfo.classes));
  if (info.head_classes || info.tail_classes || w.find('-') != std::string_view::npos) {
    bits(ft_head_classes, info.head_classes);
    bits(ft_tail_classes, info.tail_classes);
    const std::size_t first = w.find('-'), last = w.rfind('-');
    put(feature_hash(ft_head_word).add(w.substr(0, first)));
    put(feature_hash(ft_tail_word).add(w.substr(last + 1)));
    put(feature_hash(ft_tail_cluster).add(info.tail_cluster));
    put(feature_hash(ft_head_shape).add(info.head_shape));  // "NHL-Kader", "Ferrari-Technikchef": ORGpart
    put(feature_hash(ft_head_cluster).add(info.head_cluster));
  }
  return n;
}

std::uint32_t transition_bucket(int prev, std::uint32_t mask) {
  return feature_hash(ft_prev_tag).add(static_cast<std::uint64_t>(prev)).bucket(mask);
}

std::size_t token_history_features(const ner_sentence& s, std::size_t i, int prev, std::uint32_t mask, std::uint32_t* out) {
  const auto p = static_cast<std::uint64_t>(prev);
  out[0] = feature_hash(ft_prev_tag_word).add(p).add(s.tokens[i].fold).bucket(mask);
  out[1] = feature_hash(ft_prev_tag_shape).add(p).add(s.info[i].shape).bucket(mask);
  return max_history_features - 1;
}

std::size_t history_features(const ner_sentence& s, std::size_t i, int prev, std::uint32_t mask, std::uint32_t* out) {
  out[0] = transition_bucket(prev, mask);
  return 1 + token_history_features(s, i, prev, mask, out + 1);
}

namespace {

void set_span(std::vector<int>& tags, std::size_t first, std::size_t last, int label) {
  // Clear a tagger span that the new one cuts into, so no I- tag is left without its B-.
  if (first < tags.size() && tags[first] != 0 && !tag_begins(tags[first])) {
    for (std::size_t k = first; k > 0 && tags[k - 1] != 0; --k) {
      const bool was_begin = tag_begins(tags[k - 1]);
      tags[k - 1] = 0;
      if (was_begin) break;
    }
  }
  for (std::size_t k = first; k < last; ++k) tags[k] = k == first ? begin_tag(label) : inside_tag(label);
  for (std::size_t k = last; k < tags.size() && tags[k] != 0 && !tag_begins(tags[k]); ++k) tags[k] = 0;
}

bool all_outside(const std::vector<int>& tags, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k < last; ++k)
    if (tags[k] != 0) return false;
  return true;
}

// A word that can be part of a person's name after a role or a first name: capitalised, no common noun of
// the corpora unless it is a known name, and not a known place or organisation.
bool name_word(const ner_sentence& s, std::size_t i) {
  const ner_token_info& info = s.info[i];
  if (!info.upper_initial || info.match_label >= 0 || (info.classes & (wc_role | wc_title | wc_org_suffix)))
    return false;
  if (s.tokens[i].fold.find('-') != std::string_view::npos && (info.head_classes & (wc_loc | wc_org))) return false;
  return !(info.classes & wc_common) || (info.classes & (wc_first | wc_last | wc_seen_per));
}

// A regnal number: "II", "XVI", "VI." (I, V, X up to six letters, a full stop allowed).
bool roman_numeral(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.empty() || w.size() > 6) return false;
  for (char c : w)
    if (c != 'I' && c != 'V' && c != 'X') return false;
  return true;
}

// An article or a preposition fused with one: "der", "den", "im", "beim" ("am" is left out: "am Main").
bool is_article(std::string_view w) {
  static constexpr std::string_view words[] = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
                                               "einem", "einer", "eines", "im", "ins", "vom", "zum", "zur", "beim"};
  for (std::string_view a : words)
    if (w == a) return true;
  return false;
}

// A landform a place's name starts with before a genitive or "von": "Tal der Könige", "Golf von Mexiko".
bool is_landform(std::string_view w) {
  static constexpr std::string_view words[] = {"tal", "insel", "inseln", "halbinsel", "golf", "bucht", "kap",
                                               "meerenge", "straße", "wüste", "gebirge", "berg", "see"};
  for (std::string_view a : words)
    if (w == a) return true;
  return false;
}

bool is_quote_mark(std::string_view w) {
  return w == "\"" || w == "\xE2\x80\x9E" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "\xC2\xBB" || w == "\xC2\xAB";
}
bool is_sentence_mark(std::string_view w) { return w == "." || w == "!" || w == "?" || w == ":" || w == ","; }

}  // namespace

void apply_tag_rules(const ner_sentence& s, std::vector<int>& tags) {
  const int loc_deriv = label_index("LOCderiv"), per = label_index("PER"), loc = label_index("LOC");
  const std::size_t n = std::min(s.tokens.size(), tags.size());
  for (std::size_t i = 0; i < n; ++i) {
    const ner_token_info& info = s.info[i];
    // A lower-case demonym the tagger left out: "nordkoreanische Soldaten" -> LOCderiv.
    if (tags[i] == 0 && info.match_label == loc_deriv && info.match_words == 1 && !info.upper_initial)
      tags[i] = begin_tag(loc_deriv);
    // A lower-case compound of demonyms: "kroatisch-bosniakischen", "deutsch-französische".
    if (tags[i] == 0 && !info.upper_initial && ((info.head_classes | info.tail_classes) & wc_deriv) &&
        s.tokens[i].fold.find('-') != std::string_view::npos)
      tags[i] = begin_tag(loc_deriv);
    // A compound ending in a demonym is one too, whatever the tagger made of it: "Deutsch-Kanadier",
    // "US-Amerikanerin", "Italienisch-Osmanischen" (a part label or nothing, on the word alone).
    const int label = tag_label(tags[i]);
    if (info.upper_initial && (info.tail_classes & wc_deriv) && s.tokens[i].fold.find('-') != std::string_view::npos &&
        (tags[i] == 0 || (tag_begins(tags[i]) && label >= 8)) && (i + 1 >= n || tags[i + 1] == 0 || tag_begins(tags[i + 1])))
      tags[i] = begin_tag(loc_deriv);
    // A name of the hand-written table: "Weißes Haus", "Nationalen Sicherheitsrates der USA", "The Guardian"
    // as a whole; a one-word name ("Kreml") only changes class when the tagger saw a name there.
    if (info.entry && info.entry->curated && info.upper_initial && !info.entry->deriv) {
      const int label = static_cast<int>(info.entry->cls);
      const std::size_t last = i + info.match_words;
      if (info.match_words >= 2 && last <= n) set_span(tags, i, last, label);
      else if (info.match_words == 1 && tags[i] == 0 && !(info.classes & wc_common) && !s.tokens[i].sentence_start &&
               (i == 0 || tags[i - 1] == 0))
        tags[i] = begin_tag(label);  // "die Nato": a table name that is no common word
      else if (info.match_words == 1 && tags[i] != 0 && tag_begins(tags[i]) &&
               (i + 1 >= n || tags[i + 1] == 0 || tag_begins(tags[i + 1])))
        tags[i] = begin_tag(label);
    }
  }
  // A noun the tagger took in before a known one-word name is no part of it: "Nachrichtenagentur Reuters",
  // "Militärbündnis Nato" are the name alone (the noun is no name word: no table knows it).
  for (std::size_t i = 1; i < n; ++i) {
    const ner_token_info& info = s.info[i];
    const ner_token_info& before = s.info[i - 1];
    if (!info.entry || !info.entry->curated || info.entry->deriv || info.match_words != 1 || !info.upper_initial ||
        !tag_begins(tags[i - 1]) || tags[i] != inside_tag(tag_label(tags[i - 1])) ||
        (i + 1 < n && tags[i + 1] == tags[i]))
      continue;
    if (before.match_label >= 0 || (before.classes & (wc_first | wc_last | wc_title | wc_phrase_word | wc_seen_per |
                                                      wc_seen_loc | wc_seen_org | wc_loc | wc_org | wc_deriv)))
      continue;
    tags[i - 1] = 0;
    tags[i] = begin_tag(static_cast<int>(info.entry->cls));
  }
  // A known place followed by a common noun is the place alone: "in der Ukraine Drohnen eingesetzt",
  // "wonach Nordkorea Soldaten geschickt hat" (the tagger took the noun into the name).
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const ner_token_info& info = s.info[i];
    if (!tag_begins(tags[i]) || tag_label(tags[i]) != label_index("LOC") || info.match_label != tag_label(tags[i]) ||
        !info.match_begins)
      continue;
    const std::size_t end = i + info.match_words;
    const bool country = (info.classes & wc_country) && info.match_words == 1;  // "Ukraine Drohnen"
    if (end < n && tags[end] == inside_tag(tag_label(tags[i])) && ((s.info[end].classes & wc_common) || country) &&
        !(s.info[end].classes & (wc_phrase_word | wc_org_head | wc_org_suffix | wc_seen_loc | wc_seen_org)))
      for (std::size_t k = end; k < n && tags[k] == inside_tag(tag_label(tags[i])); ++k) tags[k] = 0;
  }
  // A regnal number after a person's name or a first name is part of the person: "Papst Benedikt XVI.",
  // "Elizabeth II.", "König Felipe VI." (tagged OTH), "Franz I." ("Windows X", "Hartz IV" are no persons).
  for (std::size_t i = 1; i < n; ++i) {
    const char c0 = s.tokens[i].surface.empty() ? 0 : s.tokens[i].surface[0];
    if ((c0 != 'I' && c0 != 'V' && c0 != 'X') || !roman_numeral(s.tokens[i].surface) || !s.tokens[i].space_before) continue;
    const bool person_before = tags[i - 1] != 0 && tag_label(tags[i - 1]) == per;
    const bool first_name = (s.info[i - 1].classes & wc_first) && s.info[i - 1].upper_initial;
    if (person_before) {
      if (tags[i] == 0 || tag_begins(tags[i])) {
        set_span(tags, i, i + 1, per);  // clears the rest of a span the tagger began at the number
        tags[i] = inside_tag(per);
      }
    } else if (first_name) {
      // "Felipe VI" as one person, whatever the tagger made of it; "Queen Elizabeth II." tagged ORG whole
      // (a full stop after the number the tagger took in stays in).
      const int label = tags[i - 1] != 0 ? tag_label(tags[i - 1]) : -1;
      std::size_t from = i - 1, to = i + 1;
      while (label >= 0 && from > 0 && !tag_begins(tags[from])) --from;
      if (label >= 0 && tags[i] == inside_tag(label))
        while (to < n && tags[to] == inside_tag(label)) ++to;
      if (to == i + 1 || (to == i + 2 && s.tokens[i + 1].fold == ".")) set_span(tags, from, to, per);
    }
    // The ordinal's full stop is part of the name inside a sentence ("Manuel II. floh", "Felipe VI.");
    // at the sentence's end it is the end ("... von König Felipe VI."), whatever the tagger made of it.
    if (tags[i] == 0 || tag_label(tags[i]) != per || i + 1 >= n || s.tokens[i + 1].fold != "." || s.tokens[i + 1].space_before)
      continue;
    if (i + 2 < n) tags[i + 1] = inside_tag(per);
    else tags[i + 1] = 0;
  }
  // A town's name right after an article is the common noun it also is: "in den Bergen", "in der Halle",
  // "das Essen", "unter dem Kiel", "den Deal", "den Roman" (towns take no article). Not before a capitalised
  // word or a genitive ("die Washington Capitals", "im Berlin des Jahres 1962"), after "an" ("an der Wien",
  // a river) or where the article is a relative pronoun (", den Ingolstadt ...", ", in dem Valencia ...");
  // a tag of ORG or OTH (an organisation's reading: "die Union") stays.
  for (std::size_t i = 1; i < n; ++i) {
    const ner_token_info& info = s.info[i];
    if (!tag_begins(tags[i]) || (tag_label(tags[i]) != loc && tag_label(tags[i]) != per) ||
        !(info.classes & wc_city) || (info.classes & wc_country) || info.match_words != 1 || !info.entry ||
        info.entry->cls != entity_class::loc || !info.upper_initial || all_capitals(s.tokens[i].surface) ||
        !is_article(s.tokens[i - 1].surface))
      continue;
    if (i + 1 < n && (tags[i + 1] != 0 && !tag_begins(tags[i + 1]))) continue;
    if (i + 1 < n && (s.info[i + 1].upper_initial || s.tokens[i + 1].fold == "des" || s.tokens[i + 1].fold == "der"))
      continue;
    const std::string_view before = i >= 2 ? s.tokens[i - 2].fold : std::string_view{};
    if (before == "," || before == "an" || (i >= 3 && s.tokens[i - 3].fold == "," && !s.info[i - 2].upper_initial))
      continue;
    tags[i] = 0;
  }
  // A role word is no part of a person's name, nor a person alone (as GermEval has it): "Papst Franziskus"
  // tagged PER whole is the name after the role; "der Papst", "Chefin" tagged PER alone are nothing (a role
  // word that is also a first name or surname, "Richter", may be one).
  for (std::size_t i = 0; i < n; ++i) {
    const ner_token_info& info = s.info[i];
    // A compound ending in a role word ("Kiwi-Chefin", "Ex-Trainer") is a role too, before a name or alone.
    const bool role_compound = (info.tail_classes & wc_role) && s.tokens[i].fold.find('-') != std::string_view::npos;
    if (tags[i] != begin_tag(per) || !((info.classes & wc_role) || role_compound) ||
        (info.classes & (wc_first | wc_last | wc_seen_per)) || info.match_label >= 0)
      continue;
    // The compound names its organisation or place as a part, as GermEval has it: "SPD-Chef", "US-Präsident".
    const std::uint32_t head = role_compound && !(info.classes & wc_role) ? info.head_classes : 0u;
    tags[i] = head & wc_org ? begin_tag(label_index("ORGpart")) : head & wc_loc ? begin_tag(label_index("LOCpart")) : 0;
    if (i + 1 < n && tags[i + 1] == inside_tag(per)) tags[i + 1] = begin_tag(per);
  }
  // A person's name goes on over the name words after it: "Kim Jong Un" tagged "Kim" + "Jong" + "Un".
  for (std::size_t i = 0; i < n; ++i) {
    if (tags[i] != begin_tag(per)) continue;
    std::size_t end = i + 1;
    while (end < n && tags[end] == inside_tag(per)) ++end;
    while (end < n && end < i + 4 && s.tokens[end].space_before && name_word(s, end) &&
           (tags[end] == 0 || tags[end] == begin_tag(per) || (tag_begins(tags[end]) && (end + 1 >= n || tags[end + 1] == 0 || tag_begins(tags[end + 1]))))) {
      if (tags[end] == begin_tag(per)) {  // two one-word persons side by side are one name
        tags[end] = inside_tag(per);
        ++end;
        while (end < n && tags[end] == inside_tag(per)) ++end;
        continue;
      }
      tags[end++] = inside_tag(per);
    }
    i = end - 1;
  }
  // A person's genitive ends the name: "Tom Rostons Buch", "Kaltenbrunners Fluchtroute", "Niessls Gunst"
  // tagged PER whole are the person alone. The genitive is a word in consonant + s that is no first name
  // ("Hans", "Klaus"; names in -as, -es, -is, -os, -us are left: "Nikos", "Gudenus"); the word after it is
  // no first name, known name or surname (unless also a common word of the corpora: "Buch").
  for (std::size_t i = 0; i < n; ++i) {
    if (tags[i] != begin_tag(per)) continue;
    std::size_t end = i + 1;
    while (end < n && tags[end] == inside_tag(per)) ++end;
    for (std::size_t k = i; k + 1 < end; ++k) {
      const std::string_view f = s.tokens[k].fold;
      if (f.size() < 4 || f.back() != 's' || (s.info[k].classes & wc_first) || !s.info[k].upper_initial) continue;
      const char before = f[f.size() - 2];
      if (before == 's' || before == 'a' || before == 'e' || before == 'i' || before == 'o' || before == 'u' ||
          static_cast<unsigned char>(before) >= 0x80)
        continue;
      const ner_token_info& next = s.info[k + 1];
      if ((next.classes & (wc_first | wc_seen_per)) || ((next.classes & wc_last) && !(next.classes & wc_common)) ||
          next.match_label >= 0)
        continue;  // a surname that is a common noun too ("Buch") may follow
      for (std::size_t j = k + 1; j < end; ++j) tags[j] = 0;
      break;
    }
    i = end - 1;
  }
  // English words in a name the tagger took for a person make it a product's, a work's or an event's
  // ("Virtual Reality", "Grand Prix", "Angry Birds" tagged PER are OTH), or an organisation's when its last
  // word ends companies' and bands' names ("TransCanada Corp", "Owlchemy Labs", "Fear Factory"), unless a
  // word of it is a known first name or surname ("Harry Potter", "Grace Jones") or one the corpora see in
  // persons' names.
  for (std::size_t i = 0; i < n; ++i) {
    if (tags[i] != begin_tag(per)) continue;
    std::size_t end = i + 1;
    while (end < n && tags[end] == inside_tag(per)) ++end;
    bool english = false, person = false;
    for (std::size_t k = i; k < end; ++k) {
      english = english || (s.info[k].english && s.info[k].upper_initial);
      person = person || (s.info[k].classes & (wc_first | wc_last | wc_seen_per | wc_role | wc_title));
    }
    if (english && !person)
      set_span(tags, i, end, label_index(end > i + 1 && s.info[end - 1].english_org ? "ORG" : "OTH"));
    i = end - 1;
  }
  // A name that starts with a landform and a genitive or "von" is a place, whatever the tagger's type: "das Tal
  // der Könige" (tagged ORG), "der Golf von Mexiko".
  for (std::size_t i = 0; i + 2 < n; ++i) {
    const int label = tag_label(tags[i]);
    if (!tag_begins(tags[i]) || label == loc || label >= 4 || !s.info[i].upper_initial || !is_landform(s.tokens[i].fold))
      continue;
    const std::string_view link = s.tokens[i + 1].fold;
    if (tags[i + 1] != inside_tag(label) || (link != "der" && link != "des" && link != "von" && link != "vom")) continue;
    std::size_t end = i + 1;
    while (end < n && tags[end] == inside_tag(label)) ++end;
    if (end < i + 3) continue;
    set_span(tags, i, end, loc);
    i = end - 1;
  }
  // A short quoted title the tagger left out: "Ecce homo", „Der Spiegel“ -> OTH. Only up to four words
  // with a capital first word and no sentence mark inside; longer quotes are speech, not titles.
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (!is_quote_mark(s.tokens[i].fold) || !s.info[i + 1].upper_initial) continue;
    std::size_t close = i + 1;
    while (close < n && close <= i + 5 && !is_quote_mark(s.tokens[close].fold) && !is_sentence_mark(s.tokens[close].fold))
      ++close;
    if (close >= n || close == i + 1 || close > i + 5 || !is_quote_mark(s.tokens[close].fold)) continue;
    const bool ends_capital = s.info[close - 1].upper_initial || (s.tokens[close - 1].fold[0] >= '0' && s.tokens[close - 1].fold[0] <= '9');
    if (!ends_capital) { i = close; continue; }
    if (all_outside(tags, i + 1, close) && close - (i + 1) >= 2) set_span(tags, i + 1, close, label_index("OTH"));
    i = close;
  }
  // Persons the tagger missed after a role ("Kreml-Sprecher Dmitri Peskow", "Präsidenten Wladimir Putin") or
  // starting with a known first name ("John Kirby"): up to three name words, all untagged.
  for (std::size_t i = 0; i < n; ++i) {
    const ner_token_info& info = s.info[i];
    const bool role = (info.classes & (wc_role | wc_title)) || (info.tail_classes & wc_role);
    const bool first_name = (info.classes & wc_first) && info.upper_initial;
    if (!role && !first_name) continue;
    const std::size_t from = role ? i + 1 : i;
    std::size_t last = from;
    while (last < n && last < from + 3 && name_word(s, last)) ++last;
    if (last == from || (first_name && !role && last - from < 2)) continue;
    if (all_outside(tags, from, last)) set_span(tags, from, last, per);
    i = last - 1;
  }
  // Nor does the tagger make one of such a compound: an unknown word that ends in a common noun of the
  // corpora is no town's adjective ("die Kooperationspartner Technik und Forschung": "-partner").
  for (std::size_t i = 0; i < n; ++i)
    if (tags[i] == begin_tag(loc_deriv) && (i + 1 == n || tags[i + 1] != inside_tag(loc_deriv)) && s.info[i].common_tail)
      tags[i] = 0;
  // An unknown capitalised word in -er before a noun no table knows as a name is a town's adjective: "die
  // Ummendorfer Gemeinderäte", "im Wiesecker Ortskern" (no table knows the town; the corpora's words and
  // known names in -er are left to the tagger).
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const ner_token_info& info = s.info[i];
    const std::string_view f = s.tokens[i].fold;
    if (tags[i] != 0 || tags[i + 1] != 0 || !info.upper_initial || s.tokens[i].sentence_start || f.size() < 6 ||
        f.compare(f.size() - 2, 2, "er") != 0 || info.classes != 0 || info.cluster[0] != 0 ||
        f.find('-') != std::string_view::npos || all_capitals(s.tokens[i].surface))
      continue;
    const ner_token_info& next = s.info[i + 1];
    // Not a compound of a common noun ("Kooperationspartner"), nor before an English word: "der Browser Edge",
    // "Rundfunksender Radio France", "die Strecke Rollercoaster Lagoon" (names, not a town's).
    if (info.common_tail || next.english) continue;
    if (next.upper_initial && !(next.classes & (wc_first | wc_last | wc_role | wc_title | wc_org_suffix)) &&
        next.match_label < 0 && !all_capitals(s.tokens[i + 1].surface))
      tags[i] = begin_tag(loc_deriv);
  }
}

}  // namespace newsnorm::detail
