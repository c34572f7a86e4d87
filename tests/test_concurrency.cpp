// Concurrency: one engine, many threads, different documents at once. The engine's compiled rules are
// immutable and shared, so every thread must get exactly the document one thread gets. Run this file
// under ThreadSanitizer too (docs/reliability.md):
//   cmake -S . -B build-tsan -DNEWSNORM_SANITIZE=thread && cmake --build build-tsan -j2 --target newsnorm_tests
//   ./build-tsan/tests/newsnorm_tests -ts="concurrency"
#include "test_support.hpp"

#include <newsnorm/newsnorm.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace newsnorm;

namespace {

struct job {
  std::string text;
  options opt;
};

// Documents that exercise every stage and every option: the sample article (whole and in parts, so
// threads do not read the same text), news and narrative anchors, English, tokens, subsets of stages.
std::vector<job> jobs() {
  const std::string sample = test::sample_article();
  const std::string lines[] = {
      "Am 25. April 2019 sagte Kreml-Sprecher Dmitri Peskow in Moskau: \"Das ist falsch.\"",
      "Anfang 2022 stiegen die Preise um 3,5 Prozent auf 1,2 Milliarden Euro.",
      "Bundeskanzler Olaf Scholz reist nächste Woche nach Paris und am 3. Mai nach Wien.",
      "Vor drei Jahren kamen mehr als 16.000 Menschen; heute sind es eineinhalb Millionen.",
      "Der Krieg begann 1939. Zwei Jahre später griff Deutschland die Sowjetunion an.",
      "Chancellor Olaf Scholz said on Monday that prices rose by 3 percent.",
  };
  std::vector<job> out;
  const char* dates[] = {"2024-10-04", "2019-04-25", "2000-02-29", "1989-11-09"};
  for (std::size_t i = 0; i < 48; ++i) {
    job j;
    j.opt = test::with_dct(dates[i % 4]);
    switch (i % 6) {
      case 0: j.text = sample; break;
      case 1: j.text = sample.substr(0, sample.size() / 2 + i); break;
      case 2: j.text = lines[i % 6] + " " + lines[(i + 1) % 5] + "\n\n" + lines[(i + 2) % 5]; break;
      case 3: j.text = lines[4] + " " + lines[i % 4]; j.opt.mode = analysis_mode::narrative; break;
      case 4: j.text = lines[5]; j.opt.lang = "en"; j.opt.dct.reset(); break;
      default: j.text = sample.substr(sample.size() / 3); j.opt.tokens = true; j.opt.stages = i % 2 ? stages::time : stages::all;
    }
    j.opt.id = "doc-" + std::to_string(i);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

TEST_SUITE("concurrency") {

TEST_CASE("threads sharing one engine get the same documents as one thread") {
  const engine& eng = test::engine();
  const std::vector<job> work = jobs();
  std::vector<std::string> expected;
  for (const job& j : work) {
    auto doc = eng.analyze(j.text, j.opt);
    REQUIRE_MESSAGE(doc.has_value(), (doc ? std::string() : doc.error().message));
    expected.push_back(to_json(*doc));
  }
  constexpr unsigned threads = 8, rounds = 3;
  std::atomic<std::size_t> mismatches{0}, failures{0}, done{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      // Each thread walks the documents from its own starting point, so different texts run at once.
      for (unsigned round = 0; round < rounds; ++round) {
        for (std::size_t k = 0; k < work.size(); ++k) {
          const std::size_t i = (k + t * 7 + round * 13) % work.size();
          auto doc = eng.analyze(work[i].text, work[i].opt);
          if (!doc) { ++failures; continue; }
          if (to_json(*doc) != expected[i]) ++mismatches;
          ++done;
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  CHECK(failures == 0);
  CHECK(mismatches == 0);
  CHECK(done == threads * rounds * work.size());
}

TEST_CASE("engines created at the same time on several threads all work, and copies share rules") {
  constexpr unsigned threads = 4;
  std::vector<std::string> out(threads);
  std::vector<std::thread> pool;
  const std::string text = "Am 25. April 2019 sagte Peskow in Moskau, 16.000 Container seien falsch.";
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto e = engine::create();
      if (!e) return;
      const engine copy = *e;  // a copy shares the compiled rules
      auto doc = copy.analyze(text, test::with_dct("2024-10-04"));
      if (doc) out[t] = to_json(*doc);
    });
  }
  for (auto& th : pool) th.join();
  const std::string one = to_json(test::analyze(text, test::with_dct("2024-10-04")));
  for (unsigned t = 0; t < threads; ++t) CHECK(out[t] == one);
}

TEST_CASE("C ABI: a shared engine, and each thread's last error is its own") {
  newsnorm_engine* engine = nullptr;
  REQUIRE(newsnorm_engine_create(&engine, nullptr) == NEWSNORM_OK);
  const std::string text = test::sample_article();
  newsnorm_options opts;
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.dct = "2024-10-04";
  newsnorm_result* first = nullptr;
  REQUIRE(newsnorm_analyze(&first, engine, text.data(), text.size(), &opts) == NEWSNORM_OK);
  const char* json = nullptr;
  std::size_t len = 0;
  REQUIRE(newsnorm_result_json(first, &json, &len) == NEWSNORM_OK);
  const std::string expected(json, len);
  newsnorm_result_destroy(first);

  constexpr unsigned threads = 6;
  std::atomic<std::size_t> wrong{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int round = 0; round < 4; ++round) {
        if (t % 2) {  // odd threads fail on purpose: bad UTF-8 at byte 3
          newsnorm_result* r = nullptr;
          if (newsnorm_analyze(&r, engine, "abc\xFF", 4, nullptr) != NEWSNORM_EUTF8 || r) ++wrong;
          if (std::string(newsnorm_last_error()).find("byte 3") == std::string::npos) ++wrong;
        } else {      // even threads succeed, and their last error stays empty
          newsnorm_result* r = nullptr;
          const char* j = nullptr;
          std::size_t n = 0;
          if (newsnorm_analyze(&r, engine, text.data(), text.size(), &opts) != NEWSNORM_OK) { ++wrong; continue; }
          if (newsnorm_result_json(r, &j, &n) != NEWSNORM_OK || std::string(j, n) != expected) ++wrong;
          if (newsnorm_last_error()[0] != '\0') ++wrong;
          newsnorm_result_destroy(r);
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  CHECK(wrong == 0);
  newsnorm_engine_destroy(engine);
}

}  // TEST_SUITE
