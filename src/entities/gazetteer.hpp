// The entity gazetteers: names of places, organisations and media with their canonical form, country code
// and GeoNames id; derived forms (demonyms) pointing at their place; word classes the tagger uses as
// features (first name, surname, role, organisation suffix ...). Built once from src/data/de/entity_*.tsv.
#pragma once

#include "data/resources.hpp"
#include "lexicon/lexicon.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

// GermEval's four entity classes.
enum class entity_class : std::uint8_t { per, loc, org, oth };

// What one word is known to be (bits of a mask). "Moskau" -> loc_name, "russischen" -> loc_deriv.
enum word_class : std::uint32_t {
  wc_loc = 1u << 0,        // a single-word place: "Moskau", "Nordkorea"
  wc_org = 1u << 1,        // a single-word organisation: "Kreml", "Nato", "Yonhap"
  wc_deriv = 1u << 2,      // derived from a place: "russischen", "Ukrainer", "Berliner"
  wc_first = 1u << 3,      // a first name: "Dmitri", "Anna"
  wc_last = 1u << 4,       // a surname: "Müller"
  wc_role = 1u << 5,       // a role before a name: "Präsident", "Sprecher"
  wc_title = 1u << 6,      // a form of address: "Herr", "Dr."
  wc_org_suffix = 1u << 7, // "AG", "GmbH", "e.V."
  wc_org_head = 1u << 8,   // ends an organisation compound: "...ministerium", "...partei"
  wc_phrase_word = 1u << 9,// a word inside a known multi-word name: "Weißes", "Haus"
  wc_city = 1u << 10,      // the place is a city (with a GeoNames id)
  wc_country = 1u << 11,   // the place is a country
  wc_media = 1u << 12,     // a news medium
  wc_role_head = 1u << 13, // compounds ending in this word are roles: "Kreml-Sprecher", "Außenminister"
  wc_common = 1u << 14,    // a common word in the NER corpora, mostly outside names: "antrag", "zeitung"
  wc_seen_per = 1u << 15,  // mostly inside person names there
  wc_seen_loc = 1u << 16,  // mostly inside place names there
  wc_seen_org = 1u << 17,  // mostly inside organisation names there
};

// How many clusterings of different sizes entity_clusters.tsv gives for each word.
inline constexpr int cluster_levels = 3;

// One known name: "Moskau" (LOC, RU, 524901), "nordkoreanische" (LOC deriv -> Nordkorea, KP).
struct gazetteer_entry {
  entity_class cls = entity_class::loc;
  bool deriv = false;
  bool curated = false;  // from the hand-written table: its type wins over the tagger's
  bool capitalised = false;  // only written with a capital: "Selber" (of Selb), never "selber"
  std::uint32_t canonical = 0, canonical_len = 0;  // into gazetteer::strings_
  char country[2] = {0, 0};
  std::uint32_t geonames = 0;
};

// The files of a gazetteer, in the order load() reads them: where two give the same name, the earlier wins.
enum gazetteer_file : std::size_t {
  gf_names, gf_countries, gf_demonyms, gf_cities, gf_media, gf_person_names, gf_first_names, gf_vocab,
  gf_clusters, gf_roles, gf_org_words, gf_english, gf_count
};

class gazetteer {
 public:
  // "entity_names.tsv" ...: the file names under <lang>/, indexed by gazetteer_file.
  static const char* const file_names[gf_count];

  // Reads every entity_*.tsv of the language; missing files mean an empty gazetteer (English has none yet).
  // Without entity_names.tsv the language has no entity data (no error); entity_clusters.tsv and
  // entity_english_words.tsv are optional; any other file missing is an error.
  std::optional<error> load(const data_source& data, std::string_view lang);
  // Adds the rows of one file (`tsv`, the content of file_names[file]) to what is loaded so far: load() calls
  // it for each file in turn. No row is an error (bad fields give empty names, numbers 0).
  void load_file(std::size_t file, std::string_view tsv);

  // Everything known about one case-folded word, in one lookup.
  struct word_entry {
    std::uint32_t classes = 0;            // word_class bits
    std::uint32_t entry = UINT32_MAX;     // the one-word name it is, if any
    std::uint8_t max_words = 0;           // the most words of a name starting with it (0: none)
    bool acronym = false;                 // the one-word name is written in capitals: "UN", "AP"
    bool english = false;                 // an English common word of product and title names: "reality", "grand"
    bool english_org = false;             // one that ends companies' and bands' names: "games", "labs"
    // Distributional word classes at three granularities (entity_clusters.tsv), each + 1; 0 when the word
    // was too rare in the clustered text.
    std::uint16_t cluster[cluster_levels] = {0, 0, 0};
  };
  const word_entry* word(std::string_view folded) const noexcept { return words_.find(folded); }
  const gazetteer_entry* entry(const word_entry& w) const noexcept {
    return w.entry < entries_.size() ? &entries_[w.entry] : nullptr;
  }
  // The word classes of a case-folded word; 0 when unknown.
  std::uint32_t classes(std::string_view folded) const noexcept {
    const word_entry* w = words_.find(folded);
    return w ? w->classes : 0u;
  }
  // A known name given as folded words joined the way the text joins them ("weißes haus"); nullptr if unknown.
  const gazetteer_entry* find(std::string_view folded_phrase) const noexcept {
    if (folded_phrase.find(' ') == std::string_view::npos) {
      const word_entry* w = words_.find(folded_phrase);
      return w ? entry(*w) : nullptr;
    }
    const std::uint32_t* e = phrases_.find(folded_phrase);
    return e ? &entries_[*e] : nullptr;
  }
  // The most words a name that starts with this folded word has (0: no name starts with it).
  unsigned max_words_from(std::string_view folded_first) const noexcept {
    const word_entry* w = words_.find(folded_first);
    return w ? w->max_words : 0u;
  }
  // The nominative of a role word ("Präsidenten" -> "Präsident"), empty when it is none.
  std::string_view role_base(std::string_view folded) const noexcept {
    const std::uint32_t* r = roles_.find(folded);
    return r ? string_at(*r) : std::string_view{};
  }
  std::string_view canonical(const gazetteer_entry& e) const noexcept {
    return std::string_view(strings_).substr(e.canonical, e.canonical_len);
  }
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  std::uint32_t add_string(std::string_view s);
  std::string_view string_at(std::uint32_t packed) const noexcept {
    return std::string_view(strings_).substr(packed >> 8, packed & 0xFF);
  }
  std::uint32_t add_entry(const gazetteer_entry& e);
  void add_form(std::string_view form, std::uint32_t entry, std::uint32_t extra_classes, bool override_existing);
  void add_classes(std::string_view folded, std::uint32_t bits);
  void add_phrase_classes(std::string_view phrase, std::uint32_t bits);

  std::string strings_;
  std::vector<gazetteer_entry> entries_;
  lexicon<std::uint32_t> phrases_;      // folded name of two or more words -> entry index
  lexicon<word_entry> words_;           // folded word -> classes, one-word name, longest name from it
  lexicon<std::uint32_t> roles_;        // folded role -> packed nominative (offset << 8 | length)
  std::string scratch_;
};

// Appends the folded form of a phrase: words folded, runs of white space as one space.
void fold_phrase(std::string_view phrase, std::string& out);

}  // namespace newsnorm::detail
