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
  bool known = false;                 // a gazetteer name: key_class is the table's class
};

// Turns one sentence's tags into mentions with their gazetteer normalisation.
void collect_mentions(const gazetteer& gaz, const analysis& a, const sentence_range& r, const ner_sentence& s,
                      const std::vector<int>& tags, std::vector<mention>& out);

// One name, one reading in a document: the last or first word of a full name the tagger found ("Thomas
// Müller", "Kim Jong Un") is a person where it stands alone and untagged ("Müller sei zufrieden", "Kim"). Keeps mentions in text order.
void add_repeated_names(const analysis& a, std::vector<mention>& mentions);

// One name, one type in a document: a one-word place, organisation or other name that is the first or last
// word of a full person name found in the document (one that starts with a known first name and has no known
// place or organisation in it) is that person ("Quentin Tarantino" ... "Tarantino" tagged LOC); a name the
// tagger typed differently within the document takes the type most of its mentions have (a mention that
// starts a sentence, as datelines and headlines do, counts half, a place right after "in" double; a tie goes
// to the gazetteer's class of the name or of its last word, else stays). A known place or organisation keeps
// a LOC/ORG difference (metonymy: "in Malmö", "gegen Malmö"); a full name starting with a known first name
// stays a person. Called by build_entities first.
void settle_types(const gazetteer& gaz, const analysis& a, std::vector<mention>& mentions);

// Adds mentions for quote speakers the tagger missed (a speaker is a person or a body: "sagte Şahin" PER,
// "so das HG" ORG; common nouns and roles stay none), clusters the mentions, finds roles, writes
// document::entities and links quote speakers (persons they overlap, organisations that are the whole span).
void build_entities(const gazetteer& gaz, analysis& a, std::vector<mention>& mentions);

}  // namespace newsnorm::detail
