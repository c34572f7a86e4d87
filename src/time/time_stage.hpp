// The time stage. In: analysis (tokens, sentences, zones). Out: document::timexes.
#pragma once

#include "data/resources.hpp"
#include "pipeline/analysis.hpp"

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace newsnorm::detail {

struct time_rules;  // the stage's compiled tables, immutable once built

result<std::shared_ptr<const time_rules>> load_time_rules(const data_source& data, std::string_view lang);

// The time words for the structure stage's probe (article_rules::shared), and the owner that marks the numbers
// as theirs: with them classify_tokens() reads each token's word from analysis::shared_ids instead of probing again.
std::pair<std::vector<std::string_view>, std::shared_ptr<const void>> shared_time_words(
    const std::shared_ptr<const time_rules>& rules);

void recognise_times(const time_rules& rules, analysis& a);

}  // namespace newsnorm::detail
