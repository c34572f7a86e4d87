// The entities stage. In: analysis (tokens, sentences, zones). Out: document::entities.
#pragma once

#include "data/resources.hpp"
#include "pipeline/analysis.hpp"

#include <memory>

namespace newsnorm::detail {

struct entity_rules;  // the stage's compiled tables, immutable once built

result<std::shared_ptr<const entity_rules>> load_entity_rules(const data_source& data, std::string_view lang);

void recognise_entities(const entity_rules& rules, analysis& a);

}  // namespace newsnorm::detail
