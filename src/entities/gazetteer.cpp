#include "entities/gazetteer.hpp"

#include "text/fold.hpp"

#include <algorithm>
#include <charconv>

namespace newsnorm::detail {

namespace {

// The nationality adjective's endings: "nordkoreanisch" -> "nordkoreanische", "-en", "-er", "-es", "-em".
constexpr std::string_view adjective_endings[] = {"", "e", "en", "er", "es", "em"};

std::uint32_t parse_u32(std::string_view s) {
  std::uint32_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

template <class Fn>
void for_each_part(std::string_view list, char sep, Fn&& fn) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(sep, start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view part = list.substr(start, end - start);
    if (!part.empty()) fn(part);
    start = end + 1;
  }
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

void fold_phrase(std::string_view phrase, std::string& out) {
  const std::locale& icu = matching_locale();
  bool first = true;
  for_each_part(phrase, ' ', [&](std::string_view word) {
    if (!first) out.push_back(' ');
    first = false;
    append_folded(word, out, icu);
  });
}

std::uint32_t gazetteer::add_string(std::string_view s) {
  const auto at = static_cast<std::uint32_t>(strings_.size());
  strings_.append(s.substr(0, 255));
  return at;
}

std::uint32_t gazetteer::add_entry(const gazetteer_entry& e) {
  entries_.push_back(e);
  return static_cast<std::uint32_t>(entries_.size() - 1);
}

void gazetteer::add_classes(std::string_view folded, std::uint32_t bits) {
  const word_entry* old = words_.find(folded);
  word_entry w = old ? *old : word_entry{};
  w.classes |= bits;
  words_.add(folded, w);
}

// The classes of a phrase as the file writes it ("Hans-Peter", "Stiftung"): folded first.
void gazetteer::add_phrase_classes(std::string_view phrase, std::uint32_t bits) {
  scratch_.clear();
  fold_phrase(phrase, scratch_);
  add_classes(std::string(scratch_), bits);
}

// Registers one written form of a name: the phrase, its first word, and the classes of its words.
// Earlier files win: the hand-written table is read first, so "USA" keeps its canonical name.
void gazetteer::add_form(std::string_view form, std::uint32_t entry, std::uint32_t extra_classes, bool override_existing) {
  scratch_.clear();
  fold_phrase(form, scratch_);
  if (scratch_.empty() || scratch_.size() > 120) return;
  const gazetteer_entry& e = entries_[entry];
  const std::size_t words = 1 + static_cast<std::size_t>(std::count(scratch_.begin(), scratch_.end(), ' '));
  const std::string folded = scratch_;
  if (words > 1) {
    if (!override_existing && phrases_.contains(folded)) return;
    phrases_.add(folded, entry);
    for_each_part(folded, ' ', [&](std::string_view w) { add_classes(w, wc_phrase_word); });
  } else {
    const word_entry* old = words_.find(folded);
    if (!override_existing && old && old->entry != UINT32_MAX) {
      add_classes(folded, extra_classes);  // "Ukraine" of the hand-written table is a country too
      return;
    }
    std::uint32_t bits = extra_classes;
    if (e.deriv) bits |= wc_deriv;
    else if (e.cls == entity_class::loc) bits |= wc_loc;
    else if (e.cls == entity_class::org) bits |= wc_org;
    add_classes(folded, bits);
    word_entry w = *words_.find(folded);
    const bool same_name = w.entry == entry;  // "Nato|NATO": a mixed-case form of the name was seen
    w.entry = entry;
    // "UN", "AP", "US": an acronym is only that name when written in capitals ("Un" in "Kim Jong Un" is not).
    w.acronym = form.size() >= 2 && form.size() <= 5 &&
                std::all_of(form.begin(), form.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                !(same_name && !w.acronym);
    words_.add(folded, w);
  }
  const std::string_view first = std::string_view(folded).substr(0, folded.find(' '));
  const word_entry* had = words_.find(first);
  word_entry w = had ? *had : word_entry{};
  w.max_words = std::max<std::uint8_t>(w.max_words, static_cast<std::uint8_t>(std::min<std::size_t>(words, 8)));
  words_.add(first, w);
}

const char* const gazetteer::file_names[gf_count] = {
    "entity_names.tsv",  "entity_countries.tsv",   "entity_demonyms.tsv",    "entity_cities.tsv",
    "entity_media.tsv",  "entity_person_names.tsv", "entity_first_names.tsv", "entity_vocab.tsv",
    "entity_clusters.tsv", "entity_roles.tsv",     "entity_org_words.tsv",    "entity_english_words.tsv",
};

std::optional<error> gazetteer::load(const data_source& data, std::string_view lang) {
  const std::string dir = std::string(lang) + "/";
  if (!data.read(dir + file_names[gf_names])) return std::nullopt;  // no entity data for this language
  for (std::size_t k = 0; k < gf_count; ++k) {
    const std::string name = dir + file_names[k];
    if ((k == gf_clusters || k == gf_english) && !data.read(name)) continue;  // optional files
    auto bytes = data.read_text(name);
    if (!bytes) return bytes.error();
    load_file(k, *bytes);
  }
  return std::nullopt;
}

void gazetteer::load_file(std::size_t file, std::string_view tsv) {
  auto make = [&](entity_class cls, bool deriv, std::string_view canonical, std::string_view cc, std::uint32_t gid) {
    gazetteer_entry e;
    e.cls = cls;
    e.deriv = deriv;
    e.canonical = add_string(canonical);
    e.canonical_len = static_cast<std::uint32_t>(std::min<std::size_t>(canonical.size(), 255));
    if (cc.size() == 2) { e.country[0] = cc[0]; e.country[1] = cc[1]; }
    e.geonames = gid;
    return add_entry(e);
  };
  // A genitive form for names that take one: "Russland" -> "Russlands", "Kreml" -> "Kremls".
  auto add_with_genitive = [&](std::string_view form, std::uint32_t entry, std::uint32_t bits) {
    add_form(form, entry, bits, false);
    const char last = form.empty() ? 's' : form.back();
    if (form.find(' ') == std::string_view::npos && last != 's' && last != 'x' && last != 'z' && last != '.')
      add_form(std::string(form) + "s", entry, bits, false);
  };
  static constexpr std::pair<std::string_view, entity_class> class_names[] = {
      {"PER", entity_class::per}, {"LOC", entity_class::loc}, {"ORG", entity_class::org}, {"OTH", entity_class::oth}};

  switch (file) {
    case gf_names:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        entity_class cls = entity_class::oth;
        for (auto [n, c] : class_names) if (r[0] == n) cls = c;
        const std::uint32_t id = make(cls, false, r[1], r[2], parse_u32(r[3]));
        entries_[id].curated = true;
        for_each_part(r[4], '|', [&](std::string_view f) { add_form(f, id, 0, true); });
      });
      return;

    case gf_countries:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        const std::uint32_t id = make(entity_class::loc, false, r[2], r[0], 0);
        for_each_part(r[3], '|', [&](std::string_view f) { add_with_genitive(f, id, wc_country); });
        if (r[4].empty()) return;
        // The adjective points at the country under the name the hand-written table gives it, if any.
        scratch_.clear();
        fold_phrase(r[2], scratch_);
        const gazetteer_entry* named = find(scratch_);
        const std::string_view canon = named ? canonical(*named) : r[2];
        const std::uint32_t adj = make(entity_class::loc, true, canon, r[0], 0);
        // "nordkoreanisch" has its own row (KP); "norddeutsch", "ostukrainisch" point at the country itself.
        static constexpr std::string_view compass[] = {"", "nord", "süd", "ost", "west", "mittel", "zentral"};
        for (std::string_view prefix : compass)
          for (std::string_view ending : adjective_endings)
            add_form(std::string(prefix) + std::string(r[4]) + std::string(ending), adj, 0, false);
      });
      return;

    case gf_demonyms:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        const std::uint32_t id = make(entity_class::loc, true, r[2], r[3], 0);
        if (r[1] == "adj") {
          for (std::string_view ending : adjective_endings) add_form(std::string(r[0]) + std::string(ending), id, 0, false);
        } else if (r[1] == "er" || r[1] == "e") {
          // The noun's four forms: "Argentinier|Argentiniern|Argentinierin|Argentinierinnen",
          // "Schotte|Schotten|Schottin|Schottinnen".
          const std::string base(r[0]);
          const std::string female = r[1] == "e" ? base.substr(0, base.size() - 1) + "in" : base + "in";
          for (const std::string& f : {base, base + "n", female, female + "nen"}) add_form(f, id, 0, false);
        } else {
          for_each_part(r[0], '|', [&](std::string_view f) {
            add_form(f, id, 0, false);
            if (ends_with(f, "in")) add_form(std::string(f) + "nen", id, 0, false);  // "Ukrainerin" -> "Ukrainerinnen"
          });
        }
      });
      return;

    case gf_cities:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        const std::uint32_t id = make(entity_class::loc, false, r[1], r[2], parse_u32(r[0]));
        for_each_part(r[4], '|', [&](std::string_view f) { add_with_genitive(f, id, wc_city); });
        // "Berliner", "Moskauer", "Münchner": the indeclinable city adjective, for cities news names often.
        const std::string_view c = r[1];
        // Every German-speaking town ("Wülfrather", "Pulheimer"); elsewhere cities of 100,000 or more.
        const bool german = r[2] == "DE" || r[2] == "AT" || r[2] == "CH";
        if ((!german && parse_u32(r[3]) < 100000) || c.find_first_of(" -'") != std::string_view::npos || c.size() < 3) return;
        const std::uint32_t adj = make(entity_class::loc, true, c, r[2], parse_u32(r[0]));
        entries_[adj].capitalised = true;
        // The adjective and the noun of its people: "Bremer", "den Bremern", "Bremerin", "Bremerinnen".
        auto add_people = [&](const std::string& a) {
          for (const std::string& f : {a, a + "n", a + "in", a + "innen"}) add_form(f, adj, 0, false);
        };
        const char last = c.back();
        if (last == 'e') add_people(std::string(c) + "r");           // "Halle" -> "Haller"
        else if (last != 'a' && last != 'o' && last != 'i') add_people(std::string(c) + "er");
        if (ends_with(c, "en")) add_people(std::string(c.substr(0, c.size() - 2)) + "ner");  // Münchner
        if (ends_with(c, "ingen")) add_people(std::string(c.substr(0, c.size() - 2)) + "er");  // Tübinger, Göttinger
        if (ends_with(c, "stadt")) add_people(std::string(c.substr(0, c.size() - 4)) + "tädter");  // Darmstädter
      });
      return;

    case gf_media:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        const std::uint32_t id = make(entity_class::org, false, r[0], r[1], 0);
        add_form(r[0], id, wc_media, false);
      });
      return;

    case gf_person_names:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        add_phrase_classes(r[0], r[1] == "first" ? wc_first : wc_last);
      });
      return;

    case gf_first_names:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        add_phrase_classes(r[0], wc_first);
      });
      return;

    case gf_vocab:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        const std::uint32_t bits = r[1] == "common" ? wc_common : r[1] == "per" ? wc_seen_per : r[1] == "loc" ? wc_seen_loc : wc_seen_org;
        add_classes(r[0], bits);
      });
      return;

    // Word classes learnt from raw text: columns are the folded word and its class in each clustering.
    case gf_clusters:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        const word_entry* old = words_.find(r[0]);
        word_entry w = old ? *old : word_entry{};
        for (int level = 0; level < cluster_levels; ++level)
          w.cluster[level] = static_cast<std::uint16_t>(std::min<std::uint32_t>(parse_u32(r[1 + level]) + 1, 65535));
        words_.add(r[0], w);
      });
      return;

    case gf_roles:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        scratch_.clear();
        fold_phrase(r[0], scratch_);
        const std::string key = scratch_;
        const std::uint32_t at = add_string(r[1]);
        roles_.add(key, at << 8 | static_cast<std::uint32_t>(std::min<std::size_t>(r[1].size(), 255)));
        std::uint32_t bits = r[2] == "title" ? wc_title : wc_role;
        if (r[2] == "head") bits |= wc_role_head;
        add_classes(key, bits);
      });
      return;

    case gf_org_words:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        add_phrase_classes(r[0], r[1] == "suffix" ? wc_org_suffix : wc_org_head);
      });
      return;
    // English words of product and title names: a flag beside the classes, so the tagger's features stay.
    case gf_english:
      for_each_tsv_row(tsv, [&](const tsv_row& r) {
        scratch_.clear();
        fold_phrase(r[0], scratch_);
        if (scratch_.empty()) return;
        const word_entry* old = words_.find(scratch_);
        word_entry w = old ? *old : word_entry{};
        w.english = true;
        w.english_org = r[1] == "org";
        words_.add(scratch_, w);
      });
      return;
    default:
      return;
  }
}

}  // namespace newsnorm::detail
