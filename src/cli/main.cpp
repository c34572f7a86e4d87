// newsnorm: the command-line tool over one article or a JSONL corpus.
//
//   newsnorm article.txt --dct 2024-10-04 --format text
//   newsnorm --input jsonl --threads 2 corpus.jsonl > annotated.jsonl
#include <newsnorm/newsnorm.hpp>

#include "cli/jsonl.hpp"
#include "output/json_writer.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace {

using namespace newsnorm;

constexpr const char* usage = R"(usage: newsnorm [options] [FILE]
Reads a German (or English) news article from FILE or standard input and prints its annotations.

  --input text|jsonl     text: FILE is one article (default); jsonl: one {"id","text","dct"?,"lang"?} a line
  --format json|jsonl|text|timeml
                         output: one JSON object (default), the same, a readable summary, or TimeML
  --dct YYYY-MM-DD[THH:MM[:SS]]
                         publication date, optionally with its time of day: relative dates (and, with the
                         time, "in zwei Stunden", "vor 30 Minuten") are resolved against it
  --mode auto|news|narrative
                         anchor on the publication date (news), on the story's dates (narrative);
                         auto = news when a date is given (default)
  --stages LIST          comma-separated: structure,time,numbers,entities (default: all)
  --lang de|en           language of the text (default de; a JSONL "lang" field overrides it)
  --encoding utf-8|latin1|windows-1252
                         convert the input from a legacy encoding first
  --threads N            documents analysed at once for JSONL input (default 1)
  --tokens               include tokens in the output
  --data-dir DIR         read language data from DIR instead of the built-in copy
  --max-input-bytes N    refuse larger documents (default 268435456)
  --max-annotations N    refuse documents with more sentences, timexes, ... in one list (default 4000000)
  --max-memory-bytes N   refuse documents whose annotations need more memory (default 64 MiB + 24 x the input)
  --quiet                no progress line
  --version, --help
Exit status: 0 when every document was analysed, 1 when any failed, 2 for bad usage.
)";

struct cli_options {
  std::string file;
  std::string input = "text";
  std::string format;
  std::string data_dir;
  unsigned threads = 1;
  bool quiet = false;
  options opt;
};

[[noreturn]] void bad_usage(const std::string& msg) {
  std::fprintf(stderr, "newsnorm: %s\n(run 'newsnorm --help' for the options)\n", msg.c_str());
  std::exit(2);
}

unsigned parse_stages(std::string_view list) {
  unsigned bits = 0;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    if (name == "structure") bits |= stages::structure;
    else if (name == "time") bits |= stages::time;
    else if (name == "numbers") bits |= stages::numbers;
    else if (name == "entities") bits |= stages::entities;
    else if (name == "all") bits |= stages::all;
    else bad_usage(fmt::format("unknown stage '{}' (structure, time, numbers, entities)", name));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return bits | stages::structure;
}

cli_options parse_args(int argc, char** argv) {
  cli_options c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) bad_usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--help" || a == "-h") { std::fputs(usage, stdout); std::exit(0); }
    if (a == "--version") { std::printf("newsnorm %s\n", version_string()); std::exit(0); }
    if (a == "--input") {
      c.input = value();
      if (c.input != "text" && c.input != "jsonl") bad_usage("--input takes text or jsonl");
    } else if (a == "--format") {
      c.format = value();
      if (c.format != "json" && c.format != "jsonl" && c.format != "text" && c.format != "timeml")
        bad_usage("--format takes json, jsonl, text or timeml");
    } else if (a == "--dct") {
      auto d = parse_reference(value());
      if (!d) bad_usage(d.error().message);
      c.opt.dct = d->date;
      c.opt.dct_time = d->time;
    } else if (a == "--mode") {
      const std::string m = value();
      if (m == "news") c.opt.mode = analysis_mode::news;
      else if (m == "narrative") c.opt.mode = analysis_mode::narrative;
      else if (m == "auto") c.opt.mode = analysis_mode::automatic;
      else bad_usage("--mode takes news, narrative or auto");
    } else if (a == "--stages") {
      c.opt.stages = parse_stages(value());
    } else if (a == "--lang") {
      c.opt.lang = value();
      if (c.opt.lang != "de" && c.opt.lang != "en") bad_usage("--lang takes de or en");
    } else if (a == "--encoding") {
      const std::string e = value();
      if (e == "utf-8" || e == "utf8") c.opt.encoding = input_encoding::utf8;
      else if (e == "latin1" || e == "iso-8859-1") c.opt.encoding = input_encoding::latin1;
      else if (e == "windows-1252" || e == "cp1252") c.opt.encoding = input_encoding::windows1252;
      else bad_usage("--encoding takes utf-8, latin1 or windows-1252");
    } else if (a == "--threads") {
      const std::string v = value();
      char* end = nullptr;
      const unsigned long n = std::strtoul(v.c_str(), &end, 10);
      if (!end || *end || n == 0 || n > 256) bad_usage("--threads takes a number from 1 to 256");
      c.threads = static_cast<unsigned>(n);
    } else if (a == "--max-input-bytes") {
      const std::string v = value();
      char* end = nullptr;
      const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (!end || *end || n == 0) bad_usage("--max-input-bytes takes a positive number");
      c.opt.max_input_bytes = n;
    } else if (a == "--max-annotations" || a == "--max-memory-bytes") {
      const std::string v = value();
      char* end = nullptr;
      const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (!end || *end || n == 0) bad_usage(a + " takes a positive number");
      (a == "--max-annotations" ? c.opt.max_annotations : c.opt.max_memory_bytes) = n;
    } else if (a == "--tokens") {
      c.opt.tokens = true;
    } else if (a == "--quiet" || a == "-q") {
      c.quiet = true;
    } else if (a == "--data-dir") {
      c.data_dir = value();
    } else if (a == "-") {
      c.file.clear();
    } else if (!a.empty() && a[0] == '-') {
      bad_usage("unknown option " + a);
    } else {
      if (!c.file.empty()) bad_usage("only one FILE");
      c.file = a;
    }
  }
  if (c.format.empty()) c.format = c.input == "jsonl" ? "jsonl" : "json";
  return c;
}

std::string render(const document& doc, std::string_view text, const std::string& format) {
  if (format == "text") return to_text(doc);
  if (format == "timeml") return to_timeml(doc, text);
  return to_json(doc) + "\n";
}

std::string error_line(const std::string& id, bool has_id, std::size_t line_no, const error& e) {
  static constexpr std::pair<errc, const char*> names[] = {
      {errc::invalid_argument, "invalid_argument"}, {errc::invalid_utf8, "invalid_utf8"},
      {errc::encoding_failed, "encoding_failed"},   {errc::invalid_date, "invalid_date"},
      {errc::input_too_large, "input_too_large"},   {errc::too_many_annotations, "too_many_annotations"},
      {errc::data_error, "data_error"},             {errc::out_of_memory, "out_of_memory"},
      {errc::internal, "internal"},
  };
  const char* code = "error";
  for (auto [c, n] : names)
    if (c == e.code) code = n;
  std::string out;
  detail::json_writer w(out);
  w.begin_object().key("id");
  if (has_id) w.value(id); else w.null();
  w.key("line").value(static_cast<std::uint64_t>(line_no));
  w.key("error").begin_object().key("code").value(code).key("message").value(e.message).end_object();
  w.end_object();
  out += '\n';
  return out;
}

// One JSONL line -> one output line (a document or an error object).
std::string analyze_line(const engine& eng, const cli_options& c, std::string_view line, std::size_t line_no, bool& failed) {
  detail::jsonl_record rec;
  if (auto bad = detail::parse_jsonl_record(line, rec)) {
    failed = true;
    return error_line(rec.id, rec.has_id, line_no, error{errc::invalid_argument, *bad});
  }
  options opt = c.opt;
  opt.id = rec.has_id ? rec.id : std::to_string(line_no);
  if (!rec.lang.empty()) opt.lang = rec.lang;
  if (!rec.dct.empty()) {
    // "2024-10-04" or a timestamp ("2024-10-04T09:00:00+02:00": the time of day counts, the zone is dropped)
    auto parsed = parse_reference(rec.dct);
    if (!parsed) { failed = true; return error_line(opt.id, true, line_no, parsed.error()); }
    opt.dct = parsed->date;
    opt.dct_time = parsed->time;
  }
  std::string text = std::move(rec.text);
  if (opt.encoding != input_encoding::utf8) opt.encoding = input_encoding::utf8;  // JSON text is UTF-8 already
  auto doc = eng.analyze(text, opt);
  if (!doc) { failed = true; return error_line(opt.id, true, line_no, doc.error()); }
  return render(*doc, text, c.format == "timeml" ? "timeml" : c.format == "text" ? "text" : "json");
}

int run_jsonl(const engine& eng, const cli_options& c, std::istream& in) {
  const bool progress = !c.quiet && isatty(STDERR_FILENO);
  const auto t0 = std::chrono::steady_clock::now();
  auto last_report = t0;
  std::size_t line_no = 0, docs = 0, bytes = 0;
  bool any_failed = false;
  const std::size_t batch = 64 * c.threads;
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::vector<std::string> outputs;
  std::string line;
  bool eof = false;
  while (!eof) {
    lines.clear();
    numbers.clear();
    while (lines.size() < batch) {
      if (!std::getline(in, line)) { eof = true; break; }
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are not documents
      bytes += line.size();
      lines.push_back(std::move(line));
      numbers.push_back(line_no);
    }
    outputs.assign(lines.size(), {});
    std::vector<char> failed(lines.size(), 0);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k; (k = next.fetch_add(1)) < lines.size();) {
        bool f = false;
        outputs[k] = analyze_line(eng, c, lines[k], numbers[k], f);
        failed[k] = f;
      }
    };
    if (c.threads == 1 || lines.size() < 2) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < c.threads; ++t) pool.emplace_back(work);
      for (auto& t : pool) t.join();
    }
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      std::fwrite(outputs[k].data(), 1, outputs[k].size(), stdout);
      any_failed |= failed[k] != 0;
    }
    docs += lines.size();
    if (progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_report > std::chrono::milliseconds(500) || eof) {
        const double s = std::chrono::duration<double>(now - t0).count();
        std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s   ", docs, bytes / 1e6, s > 0 ? bytes / 1e6 / s : 0.0);
        last_report = now;
      }
    }
  }
  if (progress) std::fputc('\n', stderr);
  std::fflush(stdout);
  if (std::ferror(stdout)) { std::fprintf(stderr, "newsnorm: cannot write the output\n"); return 1; }
  if (any_failed) std::fprintf(stderr, "newsnorm: some documents failed; their lines carry an \"error\" object\n");
  return any_failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const cli_options c = parse_args(argc, argv);
  // Only the data of the stages asked for: "--stages time" starts without loading the entity model.
  auto eng = engine::create(engine_config{c.data_dir, c.opt.stages});
  if (!eng) {
    std::fprintf(stderr, "newsnorm: %s\n", eng.error().message.c_str());
    return 1;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  const std::string name = c.file.empty() ? "<stdin>" : c.file;
  if (!c.file.empty()) {
    file.open(c.file, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "newsnorm: cannot open %s: %s\n", c.file.c_str(), std::strerror(errno));
      return 1;
    }
    in = &file;
  }
  if (c.input == "jsonl") return run_jsonl(*eng, c, *in);

  std::ostringstream ss;
  ss << in->rdbuf();
  std::string text = ss.str();
  options opt = c.opt;
  if (opt.encoding != input_encoding::utf8) {
    auto converted = to_utf8(text, opt.encoding);
    if (!converted) {
      std::fprintf(stderr, "newsnorm: %s: %s\n", name.c_str(), converted.error().message.c_str());
      return 1;
    }
    text = std::move(*converted);
    opt.encoding = input_encoding::utf8;
  }
  if (opt.id.empty() && !c.file.empty()) opt.id = c.file;
  auto doc = eng->analyze(text, opt);
  if (!doc) {
    std::fprintf(stderr, "newsnorm: %s: %s\n", name.c_str(), doc.error().message.c_str());
    return 1;
  }
  const std::string out = render(*doc, text, c.format);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return std::ferror(stdout) ? 1 : 0;
}
