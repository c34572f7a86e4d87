// The entities stage. In: analysis (tokens, sentences, zones). Out: document::entities.
#pragma once

#include "data/resources.hpp"
#include "entities/gazetteer.hpp"
#include "entities/ner_model.hpp"
#include "pipeline/analysis.hpp"

#include <memory>

namespace newsnorm::detail {

// The stage's compiled tables, immutable once built. The two parts are shared, never null: rules that differ
// in one data file share the other part (tests/fuzz/fuzz_data_dir.cpp keeps one model for all its inputs).
struct entity_rules {
  std::shared_ptr<const gazetteer> names;
  std::shared_ptr<const ner_model> model;  // empty() when the language has no <lang>/ner_model.bin
};

// The gazetteer, then <lang>/ner_model.bin if there is one: a model file that is there but not a valid model
// is an error.
result<std::shared_ptr<const entity_rules>> load_entity_rules(const data_source& data, std::string_view lang);
// The model part alone, from the bytes of a ner_model.bin.
result<std::shared_ptr<const ner_model>> load_ner_model(std::string_view bytes);

void recognise_entities(const entity_rules& rules, analysis& a);

}  // namespace newsnorm::detail
