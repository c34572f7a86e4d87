// The numbers stage. In: analysis (tokens, sentences, zones). Out: document::numbers.
#pragma once

#include "data/resources.hpp"
#include "pipeline/analysis.hpp"

#include <memory>

namespace newsnorm::detail {

struct number_rules;  // the stage's compiled tables, immutable once built

result<std::shared_ptr<const number_rules>> load_number_rules(const data_source& data, std::string_view lang);

void recognise_numbers(const number_rules& rules, analysis& a);

}  // namespace newsnorm::detail
