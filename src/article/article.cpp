#include "article/article.hpp"

#include <fmt/format.h>

namespace newsnorm::detail {

bool article_rules::is_role(std::string_view folded, std::size_t readable) const {
  return (classes(folded, readable) & aw_role) || is_role_compound(folded);
}

bool article_rules::is_role_compound(std::string_view folded) const {
  if (folded.size() < 6) return false;
  // Most words do not end like any head: one bit test on a hash of their last four bytes rejects them (on two
  // bytes every word in "-er" or "-in" passed, and the probes below ran for a third of all capitalised words).
  const unsigned tail = article_rules::role_tail_bit(folded);
  if (!(role_head_tails[tail >> 6] >> (tail & 63) & 1u)) return false;
  // Compounds: "Kreml-Sprecher", "Regierungssprecherin", "Außenministerin": probe each suffix length that
  // some head has, so the cost is a handful of hash lookups, not a scan of the list.
  for (std::size_t n = 4; n + 2 < folded.size() && n < 64; ++n) {
    if ((role_head_lengths >> n & 1u) && role_heads.contains(folded.substr(folded.size() - n))) return true;
  }
  return false;
}

void word_class_index::build(const lexicon<std::uint32_t>& words, const std::vector<std::string_view>& extra) {
  // the shared words' numbers by key; a key of both sets gets both values
  lexicon<std::uint32_t> all;
  words.for_each([&](std::string_view key, std::uint32_t value) { all.add(key, value); });
  for (std::size_t k = 0; k < extra.size() && k < 0xFFFF; ++k) {
    if (extra[k].empty()) continue;
    const std::uint32_t* old = all.find(extra[k]);
    all.add(extra[k], (old ? *old : 0u) | static_cast<std::uint32_t>(k + 1) << 16);
  }
  // Twice as many buckets until no bucket needs more than its slots (the 660 German words: 256 buckets; with the
  // time stage's words 1024).
  for (std::size_t count = 32;; count *= 2) {
    shift_ = static_cast<unsigned>(64 - std::countr_zero(count));
    buckets_.assign(count, bucket{});
    values_.assign(count, {});
    keys_of_.assign(count, {});
    keys_.clear();
    bool fits = true;
    all.for_each([&](std::string_view key, std::uint32_t value) {
      if (!fits || key.empty()) return;
      const std::uint64_t head = head_of(key, 0);
      const std::size_t bi = bucket_index(head, key);
      bucket& b = buckets_[bi];
      unsigned k = 0;
      while (k < slots && b.head[k] != 0) ++k;
      if (k == slots) { fits = false; return; }
      b.head[k] = head;
      values_[bi][k] = value;
      keys_of_[bi][k] = {static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size())};
      keys_.append(key);
    });
    if (fits || count >= (std::size_t{1} << 20)) return;
  }
}

std::uint32_t word_class_index::find_long(std::string_view w, std::size_t b, unsigned hits) const {
  for (unsigned k = 0; k < slots; ++k)
    if ((hits >> k & 1u) && keys_of_[b][k].len == w.size() &&
        std::memcmp(keys_.data() + keys_of_[b][k].offset + 8, w.data() + 8, w.size() - 8) == 0)
      return values_[b][k];
  return 0u;
}

bool article_rules::is_abbreviation(std::string_view folded) const {
  if (classes(folded) & aw_abbreviation) return true;
  for (const std::string& suffix : abbreviation_suffixes)
    if (folded.size() > suffix.size() && folded.ends_with(suffix)) return true;
  return false;
}

namespace {

// Each file lists words of one class, first column the word (any case), '#' comments.
struct word_file {
  const char* name;
  std::uint32_t bits;
};
constexpr word_file word_files[] = {
    {"abbreviations.tsv", aw_abbreviation},
    {"sentence_starters.tsv", aw_sentence_starter},
    {"speech_verbs.tsv", aw_speech_verb},
    {"roles.tsv", aw_role},
    {"function_words.tsv", 0},  // second column names the class
    {"agencies.tsv", aw_agency},
};

std::uint32_t class_named(std::string_view name) {
  static constexpr std::pair<std::string_view, std::uint32_t> names[] = {
      {"determiner", aw_determiner}, {"pronoun", aw_pronoun}, {"preposition", aw_preposition},
      {"finite_aux", aw_finite_aux}, {"photo_credit", aw_photo_credit}, {"conjunction", aw_conjunction},
      {"reporting_clause", aw_reporting_clause}, {"subjunctive", aw_subjunctive}, {"np_stop", aw_np_stop},
      {"title_noun", aw_title_noun}, {"attribution", aw_attribution},
  };
  for (auto [n, b] : names)
    if (n == name) return b;
  return 0;
}

}  // namespace

std::optional<error> load_article_words(const data_source& data, std::string_view lang, article_rules& rules) {
  const std::locale& icu = matching_locale();
  std::string folded;
  std::optional<error> bad;
  for (const word_file& f : word_files) {
    const std::string path = fmt::format("{}/{}", lang, f.name);
    auto err = read_tsv(data, path, [&](const tsv_row& row) {
      std::uint32_t bits = f.bits;
      if (bits == 0) {
        bits = class_named(row[1]);
        if (bits == 0 && !bad) bad = error{errc::data_error, fmt::format("{}:{}: unknown class '{}'", path, row.line, row[1])};
      }
      folded.clear();
      append_folded(row[0], folded, icu);
      // roles.tsv "compound": a head only inside compounds ("Torschütze", "Chefkoch"), since alone the word is
      // as often a surname or a verb ("sagte Koch", "schütze die Marine Russland")
      const bool compound_only = f.bits == aw_role && row[1] == "compound";
      if (!compound_only) {
        const std::uint32_t* old = rules.words.find(folded);
        rules.words.add(folded, (old ? *old : 0u) | bits);
        rules.max_word_length = std::max(rules.max_word_length, folded.size());
      }
      if (f.bits == aw_role && (row[1] == "head" || compound_only) && folded.size() < 64) {
        rules.role_heads.add(folded, 1);
        rules.role_head_lengths |= std::uint64_t{1} << folded.size();
        if (folded.size() >= 4) {  // a compound's head has four bytes or more (is_role_compound)
          const unsigned tail = article_rules::role_tail_bit(folded);
          rules.role_head_tails[tail >> 6] |= std::uint64_t{1} << (tail & 63);
        }
      }
      if (f.bits == aw_abbreviation && row[1] == "suffix") rules.abbreviation_suffixes.push_back(folded);
    });
    if (err) return *err;
    if (bad) return *bad;
  }
  rules.word_classes.build(rules.words, rules.shared.words);
  rules.probe_length = rules.max_word_length;
  for (std::string_view w : rules.shared.words) rules.probe_length = std::max(rules.probe_length, w.size());
  return std::nullopt;
}

std::optional<error> load_article_first_names(const data_source& data, std::string_view lang, article_rules& rules) {
  // The entity stage's person names (name, first|last, gender) and its hand-written first names of
  // international news ("Wladimir", "Dmitri": name only, no gender); both optional: without them the name
  // index falls back to the shape of capitalised runs.
  const std::locale& icu = matching_locale();
  std::string folded;
  for (const char* file : {"entity_person_names.tsv", "entity_first_names.tsv"}) {
    const std::string name = fmt::format("{}/{}", lang, file);
    if (!data.read(name)) continue;
    auto bytes = data.read_text(name);
    if (!bytes) return bytes.error();
    const bool listed = std::string_view(file) == "entity_first_names.tsv";
    for_each_tsv_row(*bytes, [&](const tsv_row& row) {
      if (!listed && row[1] != "first") return;
      folded.clear();
      append_folded(row[0], folded, icu);
      // (entity_person_names.tsv: name, first, gender; entity_first_names.tsv: name, gender)
      const std::string_view g = listed ? row[1] : row[2];
      const std::uint8_t gender = g == "f" ? article_rules::name_female : g == "m" ? article_rules::name_male : article_rules::name_any;
      // keep the gender the name lists give it; the hand-written list gives one where they give none ("Ricarda")
      if (const std::uint8_t* known = rules.first_names.find(folded); listed && known && (*known != article_rules::name_any ||
                                                                                       gender == article_rules::name_any))
        return;
      rules.first_names.add(folded, gender);
    });
  }
  return std::nullopt;
}

result<std::shared_ptr<const article_rules>> load_article_rules(const data_source& data, std::string_view lang,
                                                                 article_rules::shared_words shared) {
  auto rules = std::make_shared<article_rules>();
  rules->shared = std::move(shared);
  if (auto e = load_article_words(data, lang, *rules)) return *e;
  if (auto e = load_article_first_names(data, lang, *rules)) return *e;
  return std::shared_ptr<const article_rules>(std::move(rules));
}

// One lexicon probe per word token; the sentence, dateline and quote rules read the result.
void classify_words(const article_rules& rules, analysis& a) {
  const std::size_t n = a.tokens.size();
  a.article_classes.assign(n, 0u);
  const char* const folded = a.folded.data();
  const std::size_t folded_size = a.folded.size();
  const std::size_t longest = rules.probe_length;
  std::uint32_t* const out = a.article_classes.data();
  a.shared_for = rules.shared.words.empty() ? nullptr : rules.shared.owner.get();
  a.shared_ids.resize(n);  // written whether or not anything is shared: a branch per token cost more
  std::uint16_t* const ids = a.shared_ids.data();
  for (std::size_t i = 0; i < n; ++i) {
    const token& t = a.tokens[i];
    // Every token is probed and the answer masked: a branch on "is it a word" mispredicts at every change
    // between words and punctuation. The folded forms lie back to back, so eight bytes can be read at once.
    const std::uint32_t keep = 0u - static_cast<std::uint32_t>(((t.flags & tf_word) != 0) & (t.fold_len <= longest));
    const std::uint32_t v =
        keep & rules.word_classes.find(std::string_view(folded + t.fold_begin, t.fold_len), folded_size - t.fold_begin);
    out[i] = v & 0xFFFFu;
    ids[i] = static_cast<std::uint16_t>(v >> 16);
  }
}

void read_article(const article_rules& rules, analysis& a) {
  find_layout(rules, a);
  tokenize(a);
  // A token is at most one code point, so this is bounded by ~30 x the input; charging it here stops the
  // later stages when the budget is already gone (100 MB of quotation marks: 100 million tokens).
  a.charge(a.tokens.size() * (sizeof(token) + sizeof(std::uint32_t)) + a.folded.size());
  classify_words(rules, a);
  split_sentences(rules, a);
  find_datelines(rules, a);
  find_quotes(rules, a);
}

}  // namespace newsnorm::detail
