// newsnorm benchmark: throughput per stage and end to end on a JSONL corpus, engine creation time, peak memory,
// and linear growth on hostile inputs.
//
//   newsnorm_bench [--corpus ../shared/corpus/de/news.jsonl] [--seconds 2] [--threads 1] [--scaling] [--json]
//
// A stage's own speed is derived: time(structure + stage) - time(structure alone). The configurations run in
// interleaved quarter-second slices and each figure is the median slice (see measure_all).
// With one thread the time is the process's CPU time, so a busy machine does not distort the per-core figure;
// with more threads it is wall-clock time.
#include <newsnorm/newsnorm.hpp>

#include "cli/jsonl.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <time.h>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
using namespace newsnorm;

struct config {
  std::string corpus = "../shared/corpus/de/news.jsonl";
  double seconds = 2.0;
  unsigned threads = 1;
  bool scaling = false;
  std::size_t scaling_mb = 16;  // largest hostile input of --scaling (--scaling-mb 100: the 100 MB)
  bool json = false;
  std::size_t limit_docs = 0;
  unsigned only = 0;  // --stages: measure just this configuration
};

std::vector<std::string> load_corpus(const std::string& path, std::size_t limit) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "newsnorm_bench: cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<std::string> texts;
  std::string line;
  detail::jsonl_record rec;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (detail::parse_jsonl_record(line, rec)) continue;
    texts.push_back(std::move(rec.text));
    if (limit && texts.size() >= limit) break;
  }
  return texts;
}

struct measurement {
  double seconds = 0;
  std::size_t bytes = 0, docs = 0, passes = 0;
  std::vector<double> slice_seconds_per_byte;  // one entry per slice of passes (see measure_all)
  double mb_per_s() const { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
  double docs_per_s() const { return seconds > 0 ? docs / seconds : 0; }
};

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Runs whole passes over the corpus until `seconds` have gone by (at least one pass) and adds them to `m` as
// one slice.
void run_slice(const engine& eng, const std::vector<std::string>& texts, unsigned stages, const config& c,
               double seconds, measurement& m) {
  options opt;
  opt.stages = stages;
  opt.dct = parse_date("2024-10-04").value();
  std::size_t corpus_bytes = 0;
  for (const auto& t : texts) corpus_bytes += t.size();
  const auto t0 = clock_type::now();
  const double cpu0 = cpu_seconds();
  std::atomic<bool> failed{false};
  double took = 0;
  std::size_t bytes = 0;
  do {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k; (k = next.fetch_add(1)) < texts.size();) {
        auto r = eng.analyze(texts[k], opt);
        if (!r) failed = true;
      }
    };
    if (c.threads <= 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < c.threads; ++t) pool.emplace_back(work);
      for (auto& t : pool) t.join();
    }
    ++m.passes;
    bytes += corpus_bytes;
    m.docs += texts.size();
    took = c.threads <= 1 ? cpu_seconds() - cpu0 : std::chrono::duration<double>(clock_type::now() - t0).count();
  } while (took < seconds);
  if (failed) std::cerr << "newsnorm_bench: some documents failed to analyse\n";
  m.seconds += took;
  m.bytes += bytes;
  m.slice_seconds_per_byte.push_back(took / static_cast<double>(bytes));
}

// Measures every configuration in interleaved slices of about a quarter second each, round after round, until
// each has had `seconds` in all. A neighbour that slows the machine for a while then slows every configuration
// alike instead of one row, and each figure is the median slice (a slow spell moves a mean, not a median). The
// derived stage figures take the difference within each round, then the median of the rounds.
std::vector<measurement> measure_all(const engine& eng, const std::vector<std::string>& texts,
                                     const std::vector<unsigned>& configs, const config& c) {
  std::vector<measurement> m(configs.size());
  const double slice = c.seconds < 0.25 ? c.seconds : 0.25;
  for (bool more = true; more;) {
    more = false;
    for (std::size_t k = 0; k < configs.size(); ++k) {
      if (m[k].passes > 0 && m[k].seconds >= c.seconds) continue;
      run_slice(eng, texts, configs[k], c, slice, m[k]);
      more = more || m[k].seconds < c.seconds;
    }
  }
  return m;
}

double median_mb_per_s(const measurement& m) {
  const double per_byte = median(m.slice_seconds_per_byte);
  return per_byte > 0 ? 1e-6 / per_byte : 0;
}

// A stage's own rate: per round, seconds a byte with the stage minus without it; the median of the rounds.
double stage_rate(const measurement& with, const measurement& base) {
  std::vector<double> diff;
  const std::size_t n = std::min(with.slice_seconds_per_byte.size(), base.slice_seconds_per_byte.size());
  for (std::size_t r = 0; r < n; ++r) diff.push_back(with.slice_seconds_per_byte[r] - base.slice_seconds_per_byte[r]);
  const double per_byte = median(diff);
  return per_byte > 0 ? 1e-6 / per_byte : 0.0;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Linux: resets the peak RSS (VmHWM) to the current RSS and returns it, in kB (-1 elsewhere).
long current_peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}
long reset_peak_rss_kb() {
  std::ofstream("/proc/self/clear_refs") << "5";
  return current_peak_rss_kb();
}

// Hostile inputs of growing size: time must grow in proportion (MB/s stays level).
void scaling(const engine& eng, const config& c) {
  struct shape {
    const char* name;
    std::string unit;
  };
  const shape shapes[] = {
      {"text without a newline", "Der Kreml hat am 25. April 2019 mehr als 16.000 Container gemeldet, sagte Peskow. "},
      {"unbalanced quotation marks", "\"\xE2\x80\x9E"},
      // one sentence of attributions: every speech verb reads a bounded window around it
      {"attributions in one sentence", "die Lage sei ernst, hei\xC3\x9Ft es, wie die Polizei mitteilte, so der Sprecher, sagte er, "},
      {"digits", "1234567890"},
      {"Anfang Anfang ...", "Anfang "},
      {"repeated dates", "25.04.2019 am 25. April 2019 "},
      {"combining marks", "\xCC\x88"},
      {"combining marks, two classes", "\xCC\x88\xCC\xA3"},  // canonical reordering: quadratic in ICU
      {"CJK", "\xE6\x9C\x9D\xE9\xAE\xAE"},
  };
  const std::size_t big = c.scaling_mb;
  std::printf("\nlinear growth on hostile input (all stages, one thread):\n");
  std::printf("  %-28s %10s %10s %8zu MB  %s  %s\n", "input", "1 MB", "4 MB", big, "rate ratio", "peak RSS / input");
  for (const shape& s : shapes) {
    double rates[3], memory = 0;
    const std::size_t sizes[3] = {1u << 20, 4u << 20, big << 20};
    for (int k = 0; k < 3; ++k) {
      std::string text;
      text.reserve(sizes[k] + s.unit.size());
      while (text.size() < sizes[k]) text += s.unit;
      const long rss0 = reset_peak_rss_kb();
      const auto t0 = clock_type::now();
      auto r = eng.analyze(text);
      const double sec = std::chrono::duration<double>(clock_type::now() - t0).count();
      rates[k] = r ? text.size() / 1e6 / sec : 0.0;
      // What analysing took beyond the input and what was there before, as a multiple of the input.
      if (k == 2 && rss0 >= 0) memory = (current_peak_rss_kb() - rss0) * 1024.0 / static_cast<double>(text.size());
      if (!r) std::printf("  (%s: %s)\n", s.name, r.error().message.c_str());
    }
    std::printf("  %-28s %8.1f/s %8.1f/s %9.1f/s  %10.2f  %.1fx\n", s.name, rates[0], rates[1], rates[2],
                rates[2] / rates[0], memory);
  }
}

}  // namespace

int main(int argc, char** argv) {
  config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] {
      if (i + 1 >= argc) { std::cerr << a << " needs a value\n"; std::exit(2); }
      return std::string(argv[++i]);
    };
    if (a == "--corpus") c.corpus = value();
    else if (a == "--seconds") c.seconds = std::stod(value());
    else if (a == "--threads") c.threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--docs") c.limit_docs = std::stoul(value());
    else if (a == "--scaling") c.scaling = true;
    else if (a == "--scaling-mb") c.scaling_mb = std::stoul(value());
    else if (a == "--json") c.json = true;
    else if (a == "--stages") {
      const std::string list = value();
      for (const auto& [name, bit] : {std::pair<const char*, unsigned>{"structure", stages::structure}, {"time", stages::time},
                                      {"numbers", stages::numbers}, {"entities", stages::entities}, {"all", stages::all}})
        if (list.find(name) != std::string::npos) c.only |= bit;
      c.only |= stages::structure;
    }
    else {
      std::cerr << "usage: newsnorm_bench [--corpus FILE.jsonl] [--seconds S] [--threads N] [--docs N] [--stages LIST] [--scaling] [--scaling-mb 100] [--json]\n";
      return 2;
    }
  }

  const auto t0 = clock_type::now();
  auto eng = engine::create();
  const double create_ms = std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
  if (!eng) {
    std::cerr << eng.error().message << "\n";
    return 1;
  }
  const auto texts = load_corpus(c.corpus, c.limit_docs);
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();

  struct row {
    const char* name;
    unsigned stages;
  };
  const row rows[] = {
      {"structure (text, article, tokens)", stages::structure},
      {"structure + time", stages::structure | stages::time},
      {"structure + numbers", stages::structure | stages::numbers},
      {"structure + time + numbers", stages::structure | stages::time | stages::numbers},
      {"structure + entities", stages::structure | stages::entities},
      {"all stages (end to end)", stages::all},
  };
  if (c.only) {  // one configuration, for profiling
    const measurement m = measure_all(*eng, texts, {c.only}, c)[0];
    std::printf("stages %#x: %.1f MB/s (median slice; mean %.1f), %.0f documents/s (%zu passes)\n", c.only,
                median_mb_per_s(m), m.mb_per_s(), m.docs_per_s(), m.passes);
    return 0;
  }
  std::vector<unsigned> configs;
  for (const row& r : rows) configs.push_back(r.stages);
  const std::vector<measurement> results = measure_all(*eng, texts, configs, c);
  auto derived = [&](std::size_t with, std::size_t base) { return stage_rate(results[with], results[base]); };
  if (c.json) {
    std::printf("{\"corpus\":\"%s\",\"documents\":%zu,\"bytes\":%zu,\"threads\":%u,\"engine_create_ms\":%.1f,",
                c.corpus.c_str(), texts.size(), bytes, c.threads, create_ms);
    std::printf("\"configs\":{");
    for (std::size_t k = 0; k < results.size(); ++k)
      std::printf("%s\"%s\":{\"mb_s\":%.2f,\"mb_s_mean\":%.2f,\"docs_s\":%.1f}", k ? "," : "", rows[k].name,
                  median_mb_per_s(results[k]), results[k].mb_per_s(), results[k].docs_per_s());
    std::printf("},\"stage_mb_s\":{\"time\":%.1f,\"numbers\":%.1f,\"time+numbers\":%.1f,\"entities\":%.1f},\"peak_rss_mb\":%.1f}\n",
                derived(1, 0), derived(2, 0), derived(3, 0), derived(4, 0), peak_rss_kb() / 1024.0);
  } else {
    std::printf("newsnorm %s benchmark\n", version_string());
    std::printf("corpus: %s (%zu documents, %.2f MB), %u thread(s), >= %.1f s a row in interleaved slices, median slice, %s time\n", c.corpus.c_str(),
                texts.size(), bytes / 1e6, c.threads, c.seconds, c.threads <= 1 ? "CPU" : "wall-clock");
    std::printf("engine creation: %.1f ms\n\n", create_ms);
    std::printf("  %-36s %10s %10s %12s\n", "configuration", "MB/s", "mean MB/s", "documents/s");
    for (std::size_t k = 0; k < results.size(); ++k)
      std::printf("  %-36s %10.1f %10.1f %12.0f\n", rows[k].name, median_mb_per_s(results[k]), results[k].mb_per_s(),
                  results[k].docs_per_s());
    std::printf("\nstage alone (derived):\n");
    std::printf("  %-36s %10.1f MB/s\n", "time", derived(1, 0));
    std::printf("  %-36s %10.1f MB/s\n", "numbers", derived(2, 0));
    std::printf("  %-36s %10.1f MB/s\n", "time + numbers", derived(3, 0));
    std::printf("  %-36s %10.1f MB/s\n", "entities", derived(4, 0));
    std::printf("\npeak memory (RSS): %.1f MB\n", peak_rss_kb() / 1024.0);
  }
  if (c.scaling) scaling(*eng, c);
  return 0;
}
