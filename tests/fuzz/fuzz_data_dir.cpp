// Fuzz target: the language-data loader when rules are read from a directory (engine_config::data_dir,
// newsnorm_engine_options::data_dir). A user's data directory is outside bytes like any article.
//
// An input is one replaced file: byte 0 picks the file (index into the built-in list, modulo its size), the
// rest is its new content. Nothing is written to disk: a data_source overlay serves the input under the
// file's name and the built-in bytes for every other file, and only the loader code that reads that file
// runs again, on a copy of the rules loaded once at start from the built-in data:
//   - the article stage's word files: load_article_words (all six word files; they fill one table), the
//     first names kept from the start;  de/entity_person_names.tsv and de/entity_first_names.tsv also:
//     load_article_first_names;
//   - time and numbers: the whole stage (load_time_rules, load_number_rules; their files are small);
//   - an entity_*.tsv: gazetteer::load_file for that file alone, onto a copy of the start's whole gazetteer
//     (engine::create reads the files in order onto an empty one: the same code, a fuller table);
//   - de/ner_model.bin: load_ner_model; the gazetteer stays shared.
// Which unit reads which file is not guessed from names: at start each unit runs once on the built-in data
// with data_source::trace on, and a file is given to the units that asked for it (the article stage reads
// entity_person_names.tsv, English numbers read the German tables). Whatever a unit needs that the input
// does not replace (the 1.6 MB model, the gazetteer of the other files) is shared, not reloaded.
// A refused file must be errc::data_error with a message; accepted rules analyse a short news text (as
// engine::analyze runs the stages) with every span inside it.
//
// NEWSNORM_FUZZ_WRITE_SEEDS=DIR: write one seed per built-in file (its index byte + its first 16 KiB of
// lines; for the model a valid model of its first 250 rows, 13.5 kB) into DIR and exit; tests/fuzz/run_fuzz.sh
// does this before each run (it fuzzes inputs of 16 KiB at most: a data file's rows are short, and shorter
// inputs run faster).
#include <newsnorm/newsnorm.hpp>

#include "data/resources.hpp"
#include "fuzz_check.hpp"
#include "pipeline/analysis.hpp"
#include "pipeline/engine_impl.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace newsnorm;
using namespace newsnorm::detail;

namespace {

constexpr const char* sample_text =
    "Kreml weist Berichte zurück\n\n"
    "MOSKAU (dpa) - Der Kreml hat am Donnerstag, dem 25. April 2019, Berichte über 16.000 Container "
    "zurückgewiesen. \"Das ist falsch\", sagte Kreml-Sprecher Dmitri Peskow der Agentur Interfax. Anfang 2022 "
    "stiegen die Preise um 3,5 Prozent auf 1,2 Milliarden Euro; vor drei Jahren waren es eineinhalb.\n\n"
    "Bundeskanzler Olaf Scholz reist nächste Woche nach Paris und am 3. Mai nach Wien.\n";

// One part of the loading: reads what it needs from `data` and replaces its part of `rules` (a copy of
// `pristine`, the rules of the built-in data).
struct load_unit {
  std::string what;
  std::function<std::optional<error>(const data_source& data, const language_rules& pristine, language_rules& rules)> load;
};

template <class T>
std::optional<error> take(result<T> r, T& slot) {
  if (!r) return r.error();
  slot = std::move(*r);
  return std::nullopt;
}

// The gazetteer a gazetteer unit builds: one object, assigned from the pristine one for each input, so the
// copy reuses its memory (a fresh copy of the ~10 MB of tables cost more page faults than the parsing).
// Rules that point at it live only while one input is tried.
gazetteer& scratch_gazetteer() {
  static gazetteer g;
  return g;
}

std::vector<load_unit> make_units() {
  std::vector<load_unit> units;
  units.push_back({"article words", [](const data_source& data, const language_rules& pristine, language_rules& rules) {
                     auto a = std::make_shared<article_rules>();
                     a->first_names = pristine.article->first_names;
                     if (auto e = load_article_words(data, rules.lang, *a)) return e;
                     rules.article = std::move(a);
                     return std::optional<error>{};
                   }});
  units.push_back({"article first names", [](const data_source& data, const language_rules& pristine, language_rules& rules) {
                     auto a = std::make_shared<article_rules>(*pristine.article);
                     a->first_names = {};
                     if (auto e = load_article_first_names(data, rules.lang, *a)) return e;
                     rules.article = std::move(a);
                     return std::optional<error>{};
                   }});
  units.push_back({"time", [](const data_source& data, const language_rules&, language_rules& rules) {
                     return take(load_time_rules(data, rules.lang), rules.time);
                   }});
  units.push_back({"numbers", [](const data_source& data, const language_rules&, language_rules& rules) {
                     return take(load_number_rules(data, rules.lang), rules.numbers);
                   }});
  for (std::size_t f = 0; f < gf_count; ++f) {
    units.push_back({std::string("gazetteer ") + gazetteer::file_names[f],
                     [f](const data_source& data, const language_rules& pristine, language_rules& rules) {
                       if (pristine.entities->names->size() == 0) return std::optional<error>{};  // no entity data
                       auto bytes = data.read_text(rules.lang + "/" + gazetteer::file_names[f]);
                       if (!bytes) return std::optional<error>{bytes.error()};
                       gazetteer& names = scratch_gazetteer();
                       names = *pristine.entities->names;
                       names.load_file(f, *bytes);
                       rules.entities = std::make_shared<const entity_rules>(
                           entity_rules{std::shared_ptr<const gazetteer>(&names, [](const gazetteer*) {}), pristine.entities->model});
                       return std::optional<error>{};
                     }});
  }
  units.push_back({"model", [](const data_source& data, const language_rules& pristine, language_rules& rules) {
                     auto bytes = data.read(rules.lang + "/ner_model.bin");
                     if (!bytes) return std::optional<error>{};  // optional, as in load_entity_rules
                     auto model = load_ner_model(*bytes);
                     if (!model) return std::optional<error>{model.error()};
                     rules.entities = std::make_shared<const entity_rules>(entity_rules{pristine.entities->names, std::move(*model)});
                     return std::optional<error>{};
                   }});
  return units;
}

// engine::create turns an exception from a loader into errc::data_error; so does this.
std::optional<error> run_unit(const load_unit& u, const data_source& data, const language_rules& pristine, language_rules& rules) {
  try {
    return u.load(data, pristine, rules);
  } catch (const std::exception& e) {
    return error{errc::data_error, e.what()};
  }
}

struct fuzz_state {
  std::vector<std::string> names;       // "de/time_words.tsv", in the built-in order
  std::vector<std::string_view> bytes;  // their built-in content
  std::vector<load_unit> units;
  std::vector<language_rules> pristine;            // per language, loaded from the built-in data
  std::vector<std::vector<std::vector<int>>> readers;  // [language][file]: the units that read the file
};

// Runs the pipeline with `rules` as engine::analyze does, and checks every span.
std::string analyse_sample(const language_rules& rules) {
  options opt;
  opt.dct = parse_date("2024-10-04").value();
  document doc;
  static analysis a;  // reused, as engine::analyze reuses one a thread
  a.reset();
  const std::string_view text = sample_text;
  a.text = text;
  a.opt = &opt;
  a.doc = &doc;
  a.dct = opt.dct;
  a.mode = analysis_mode::news;
  run_pipeline(rules, a);
  finish_offsets(text, doc);
  auto check = [&](const span& s) { FUZZ_CHECK(s.start_byte <= s.end_byte && s.end_byte <= text.size()); };
  for (const auto& x : doc.sentences) check(x);
  for (const auto& x : doc.quotes) check(x);
  for (const auto& x : doc.timexes) check(x);
  for (const auto& x : doc.numbers) check(x);
  for (const auto& x : doc.entities) check(x);
  return to_json(doc);
}

fuzz_state& state() {
  static fuzz_state s = [] {
    fuzz_state st;
    for (std::size_t i = 0; i < embedded_resource_count; ++i) {
      const embedded_resource& r = embedded_resources[i];
      st.names.emplace_back(r.name);
      st.bytes.emplace_back(r.begin, static_cast<std::size_t>(r.end - r.begin));
    }
    st.units = make_units();
    const data_source builtin;
    for (const char* lang : {"de", "en"}) {
      // The rules as engine::create loads them.
      language_rules rules;
      rules.lang = lang;
      FUZZ_CHECK(!take(load_article_rules(builtin, lang), rules.article));
      FUZZ_CHECK(!take(load_time_rules(builtin, lang), rules.time));
      FUZZ_CHECK(!take(load_number_rules(builtin, lang), rules.numbers));
      FUZZ_CHECK(!take(load_entity_rules(builtin, lang), rules.entities));
      const std::string expected = analyse_sample(rules);
      // Which files each unit reads; each unit rerun on the built-in data must give the same document
      // (a gazetteer file read twice adds nothing new), or the target would fuzz something else than the
      // engine's loading.
      std::vector<std::vector<int>> readers(st.names.size());
      for (std::size_t u = 0; u < st.units.size(); ++u) {
        std::vector<std::string> read;
        builtin.trace(&read);
        language_rules copy = rules;
        FUZZ_CHECK(!run_unit(st.units[u], builtin, rules, copy));
        builtin.trace(nullptr);
        for (std::size_t f = 0; f < st.names.size(); ++f)
          if (std::find(read.begin(), read.end(), st.names[f]) != read.end()) readers[f].push_back(static_cast<int>(u));
        if (analyse_sample(copy) != expected) {
          std::fprintf(stderr, "fuzz_data_dir: unit '%s' (%s) changes the built-in rules\n", st.units[u].what.c_str(), lang);
          std::abort();
        }
      }
      st.pristine.push_back(std::move(rules));
      st.readers.push_back(std::move(readers));
    }
    for (std::size_t f = 0; f < st.names.size(); ++f) {  // every file is read by some unit
      bool read = false;
      for (const auto& r : st.readers) read = read || !r[f].empty();
      if (!read) { std::fprintf(stderr, "fuzz_data_dir: no loader reads %s\n", st.names[f].c_str()); std::abort(); }
    }
    return st;
  }();
  return s;
}

void write_file(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  FUZZ_CHECK(out.good());
}

// A valid model of the first `rows` rows of a model file (the buckets are ascending, so any prefix is).
std::string small_model(std::string_view model, std::uint32_t rows) {
  constexpr std::size_t header = 8 + 4 * 4;
  std::uint32_t all = 0;
  std::memcpy(&all, model.data() + 20, 4);
  const std::size_t row_bytes = static_cast<std::size_t>(tag_count) * 2;
  if (rows > all || model.size() != header + all * (4 + row_bytes)) return std::string(model.substr(0, 64u << 10));
  std::string out(model.substr(0, header));
  std::memcpy(out.data() + 20, &rows, 4);
  out.append(model.substr(header, std::size_t{rows} * 4));
  out.append(model.substr(header + std::size_t{all} * 4, std::size_t{rows} * row_bytes));
  return out;
}

void write_seeds(const fuzz_state& s, const fs::path& out) {
  fs::create_directories(out);
  for (std::size_t f = 0; f < s.names.size() && f < 256; ++f) {
    std::string_view content = s.bytes[f];
    std::string seed(1, static_cast<char>(f));
    if (content.substr(0, 8) == std::string_view(ner_model_magic, 8)) {
      seed.append(small_model(content, 250));
    } else {
      if (content.size() > (16u << 10)) content = content.substr(0, content.rfind('\n', 16u << 10) + 1);
      seed.append(content);
    }
    std::string name = s.names[f];
    for (char& c : name) if (c == '/') c = '_';
    write_file(out / name, seed);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz_state& s = state();
  if (const char* seeds = std::getenv("NEWSNORM_FUZZ_WRITE_SEEDS")) {
    write_seeds(s, seeds);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_state& s = state();
  if (size == 0 || s.names.empty()) return 0;
  const std::size_t f = data[0] % s.names.size();
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  data_source overlay;
  overlay.replace(s.names[f], content);
  for (std::size_t l = 0; l < s.pristine.size(); ++l) {
    if (s.readers[l][f].empty()) continue;
    language_rules rules = s.pristine[l];
    bool accepted = true;
    for (int u : s.readers[l][f]) {
      if (auto e = run_unit(s.units[u], overlay, s.pristine[l], rules)) {
        FUZZ_CHECK(e->code == errc::data_error && !e->message.empty());
        accepted = false;
        break;
      }
    }
    if (accepted) (void)analyse_sample(rules);
  }
  return 0;
}
