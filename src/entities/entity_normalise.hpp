// From tags to document entities: mentions with canonical names, country codes and GeoNames ids, roles
// found next to persons, alias clusters ("Kim Jong Un" = "Kim Jong-un" = "Kim"; "Putins" -> "Wladimir
// Putin"), and quote speakers linked to clusters.
#pragma once

#include "entities/gazetteer.hpp"
#include "entities/ner_features.hpp"
#include "pipeline/analysis.hpp"

#include <string>
#include <vector>

namespace newsnorm::detail {

struct mention {
  std::uint32_t first = 0, last = 0;  // tokens [first, last) of analysis::tokens
  std::uint32_t sentence_first = 0;   // the sentence's first token, for the role search
  int label = 0;                      // index into label_names
  std::string canonical;              // before clustering: the mention's own normal form
  entity_class key_class = entity_class::per;  // the class it clusters under (the gazetteer's when known)
  char country[2] = {0, 0};
  std::uint32_t geonames = 0;
  std::string role;                   // "Kreml-Sprecher", "Präsident"
  int cluster = -1;
};

// Turns one sentence's tags into mentions with their gazetteer normalisation.
void collect_mentions(const gazetteer& gaz, const analysis& a, const sentence_range& r, const ner_sentence& s,
                      const std::vector<int>& tags, std::vector<mention>& out);

// One name, one reading in a document: the last or first word of a full name the tagger found ("Thomas
// Müller", "Kim Jong Un") is a person where it stands alone and untagged ("Müller sei zufrieden", "Kim"). Keeps mentions in text order.
void add_repeated_names(const analysis& a, std::vector<mention>& mentions);

// Clusters the mentions, finds roles, writes document::entities and links quote speakers.
void build_entities(const gazetteer& gaz, analysis& a, std::vector<mention>& mentions);

}  // namespace newsnorm::detail
