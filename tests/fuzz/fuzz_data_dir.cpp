// Fuzz target: the language-data loader when rules are read from a directory (engine_config::data_dir,
// newsnorm_engine_options::data_dir). A user's data directory is outside bytes like any article.
//
// At start the built-in data is written to a temporary directory. An input is one replaced file: byte 0
// picks the file (index into the built-in list, modulo its size), the rest is its new content. The stage
// loaders that read that file (found once at start by watching which files each opens, with inotify: the
// article stage reads entity_person_names.tsv too, so names are no guide) load it from the directory
// through data_source, exactly as engine::create(data_dir) does; when the data is accepted, the pipeline
// runs over a short news text with the new rules and every span must lie inside the text.
//
// NEWSNORM_FUZZ_WRITE_SEEDS=DIR: write one seed per built-in file (its index byte + its first 64 KiB of
// lines) into DIR and exit; tests/fuzz/run_fuzz.sh does this before the first run.
#include <newsnorm/newsnorm.hpp>

#include "data/resources.hpp"
#include "fuzz_check.hpp"
#include "pipeline/analysis.hpp"
#include "pipeline/engine_impl.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
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

enum stage_index { st_article, st_time, st_numbers, st_entities, st_count };

using stage_loader = std::function<std::optional<error>(const data_source&, std::string_view, language_rules&)>;

template <class Rules, class Load>
stage_loader loader(Load load, std::shared_ptr<const Rules> language_rules::*slot) {
  return [load, slot](const data_source& data, std::string_view lang, language_rules& rules) -> std::optional<error> {
    try {  // engine::create turns an exception from a loader into errc::data_error; so does this
      auto r = load(data, lang);
      if (!r) return r.error();
      rules.*slot = std::move(*r);
      return std::nullopt;
    } catch (const std::exception& e) {
      return error{errc::data_error, e.what()};
    }
  };
}

struct fuzz_state {
  fs::path dir;
  std::vector<std::string> names;       // "de/time_words.tsv", in the built-in order
  std::vector<std::string_view> bytes;  // their built-in content
  std::vector<stage_loader> loaders;
  std::vector<language_rules> pristine;                // per language, loaded from the built-in data
  std::vector<std::vector<std::set<int>>> readers;     // [language][file]: stages that open the file
};

void write_file(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  FUZZ_CHECK(out.good());
}

// The files one loader opens, seen through inotify on the language folders.
std::set<std::string> files_opened(const fuzz_state& s, const std::function<void()>& run) {
  const int fd = inotify_init1(IN_NONBLOCK);
  FUZZ_CHECK(fd >= 0);
  std::vector<std::pair<int, std::string>> watches;
  for (const auto& entry : fs::directory_iterator(s.dir))
    if (entry.is_directory())
      watches.emplace_back(inotify_add_watch(fd, entry.path().c_str(), IN_OPEN), entry.path().filename().string());
  run();
  std::set<std::string> opened;
  alignas(inotify_event) char buf[1 << 16];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) {
    for (ssize_t off = 0; off < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buf + off);
      for (const auto& [wd, folder] : watches)
        if (wd == ev->wd && ev->len) opened.insert(folder + "/" + ev->name);
      off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
    }
  }
  close(fd);
  return opened;
}

fuzz_state& state() {
  static fuzz_state s = [] {
    fuzz_state st;
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/newsnorm-fuzz-data-XXXXXX";
    FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    st.dir = pattern;
    for (std::size_t i = 0; i < embedded_resource_count; ++i) {
      const embedded_resource& r = embedded_resources[i];
      st.names.emplace_back(r.name);
      st.bytes.emplace_back(r.begin, static_cast<std::size_t>(r.end - r.begin));
      fs::create_directories((st.dir / r.name).parent_path());
      write_file(st.dir / r.name, st.bytes.back());
    }
    st.loaders = {loader(load_article_rules, &language_rules::article), loader(load_time_rules, &language_rules::time),
                  loader(load_number_rules, &language_rules::numbers),
                  loader(load_entity_rules, &language_rules::entities)};
    const data_source builtin;
    for (const char* lang : {"de", "en"}) {
      language_rules rules;
      rules.lang = lang;
      std::vector<std::set<int>> readers(st.names.size());
      for (int k = 0; k < st_count; ++k) {
        const data_source from_dir(st.dir.string());
        const auto opened = files_opened(st, [&] { FUZZ_CHECK(!st.loaders[k](from_dir, lang, rules)); });
        for (std::size_t f = 0; f < st.names.size(); ++f)
          if (opened.count(st.names[f])) readers[f].insert(k);
        FUZZ_CHECK(!st.loaders[k](builtin, lang, rules));
      }
      st.pristine.push_back(std::move(rules));
      st.readers.push_back(std::move(readers));
    }
    std::atexit([] { std::error_code ec; fs::remove_all(state().dir, ec); });
    return st;
  }();
  return s;
}

// Runs the pipeline with `rules` as engine::analyze does, and checks every span.
void analyse_sample(const language_rules& rules) {
  options opt;
  opt.dct = parse_date("2024-10-04").value();
  document doc;
  analysis a;
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
  (void)to_json(doc);
}

void write_seeds(const fuzz_state& s, const fs::path& out) {
  fs::create_directories(out);
  for (std::size_t f = 0; f < s.names.size() && f < 256; ++f) {
    std::string_view content = s.bytes[f];
    if (content.size() > (64u << 10)) content = content.substr(0, content.rfind('\n', 64u << 10) + 1);
    std::string seed(1, static_cast<char>(f));
    seed.append(content);
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
  const fs::path path = s.dir / s.names[f];
  write_file(path, content);
  for (std::size_t l = 0; l < s.pristine.size(); ++l) {
    if (s.readers[l][f].empty()) continue;
    language_rules rules = s.pristine[l];
    const data_source from_dir(s.dir.string());
    bool accepted = true;
    for (int k : s.readers[l][f]) {
      if (auto e = s.loaders[k](from_dir, rules.lang, rules)) {
        FUZZ_CHECK(e->code == errc::data_error && !e->message.empty());
        accepted = false;
        break;
      }
    }
    if (accepted) analyse_sample(rules);
  }
  write_file(path, s.bytes[f]);
  return 0;
}
