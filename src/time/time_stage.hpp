// The time stage. In: analysis (tokens, sentences, zones). Out: document::timexes.
#pragma once

#include "data/resources.hpp"
#include "pipeline/analysis.hpp"

#include <memory>

namespace newsnorm::detail {

struct time_rules;  // the stage's compiled tables, immutable once built

result<std::shared_ptr<const time_rules>> load_time_rules(const data_source& data, std::string_view lang);

void recognise_times(const time_rules& rules, analysis& a);

}  // namespace newsnorm::detail
