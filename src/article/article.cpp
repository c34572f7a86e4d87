#include "article/article.hpp"

#include <fmt/format.h>

namespace newsnorm::detail {

bool article_rules::is_role(std::string_view folded) const {
  if (words.contains(folded) && (classes(folded) & aw_role)) return true;
  // Compounds: "Kreml-Sprecher", "Regierungssprecher", "Außenministerin"
  for (const std::string& head : role_heads) {
    if (folded.size() > head.size() + 2 && folded.ends_with(head)) return true;
  }
  return false;
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
  };
  for (auto [n, b] : names)
    if (n == name) return b;
  return 0;
}

}  // namespace

result<std::shared_ptr<const article_rules>> load_article_rules(const data_source& data, std::string_view lang) {
  auto rules = std::make_shared<article_rules>();
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
      const std::uint32_t* old = rules->words.find(folded);
      rules->words.add(folded, (old ? *old : 0u) | bits);
      if (f.bits == aw_role && row[1] == "head") rules->role_heads.push_back(folded);
      if (f.bits == aw_abbreviation && row[1] == "suffix") rules->abbreviation_suffixes.push_back(folded);
    });
    if (err) return *err;
    if (bad) return *bad;
  }
  return std::shared_ptr<const article_rules>(std::move(rules));
}

void read_article(const article_rules& rules, analysis& a) {
  find_layout(rules, a);
  tokenize(a);
  split_sentences(rules, a);
  find_datelines(rules, a);
  find_quotes(rules, a);
}

}  // namespace newsnorm::detail
