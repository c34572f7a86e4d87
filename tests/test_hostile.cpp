// Hostile input: text scraped from anywhere must give an error or a sane document, never a crash, and the
// limits must hold. Each case checks the result; time is not checked here (bench/bench.cpp --scaling
// measures growth), but every case is one that a quadratic or recursive stage would not survive.
#include "test_support.hpp"

#include <newsnorm/newsnorm.h>

#include "cli/jsonl.hpp"
#include "data/resources.hpp"
#include "text/utf8.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace newsnorm;

namespace {

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// A sane document: every span inside the text, byte and code point offsets that agree, texts that are
// the bytes they cover, ranges in order, and no list longer than the text could hold.
struct sanity {
  std::string_view text;
  std::vector<std::size_t> cp;  // code points before each byte offset
  explicit sanity(std::string_view t) : text(t), cp(t.size() + 1) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      cp[i] = n;
      if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++n;
    }
    cp[t.size()] = n;
  }
  // Returns the first broken rule, or "" (a string so that a failure says which span, once).
  std::string check(const span& s, const char* what) const {
    if (s.start_byte > s.end_byte || s.end_byte > text.size()) return std::string(what) + ": byte range outside the text";
    if (cp[s.start_byte] != s.start || cp[s.end_byte] != s.end) return std::string(what) + ": code points disagree with bytes";
    if (text.substr(s.start_byte, s.end_byte - s.start_byte) != s.text) return std::string(what) + ": text is not its bytes";
    return {};
  }
  std::string check(const document& d) const {
    const std::size_t most = text.size() + 1;  // at most one annotation a byte in any list
    if (d.sentences.size() > most || d.quotes.size() > most || d.timexes.size() > most || d.numbers.size() > most ||
        d.entities.size() > most)
      return "more annotations than bytes";
    std::string bad;
    auto all = [&](const auto& list, const char* what) {
      for (const auto& s : list)
        if (bad.empty()) bad = check(s, what);
    };
    if (d.title) bad = check(*d.title, "title");
    all(d.datelines, "dateline");
    all(d.paragraphs, "paragraph");
    all(d.sentences, "sentence");
    all(d.captions, "caption");
    all(d.quotes, "quote");
    all(d.timexes, "timex");
    all(d.numbers, "number");
    all(d.entities, "entity");
    all(d.tokens, "token");
    for (std::size_t i = 1; i < d.sentences.size() && bad.empty(); ++i)
      if (d.sentences[i].start_byte < d.sentences[i - 1].end_byte) bad = "sentences overlap";
    for (const auto& q : d.quotes)
      if (bad.empty() && (q.content.start_byte < q.start_byte || q.content.end_byte > q.end_byte)) bad = "quote content outside its quote";
    return bad;
  }
};

// Analyses with every stage and a reference date; the document must be sane.
document analyze_sane(std::string_view text, options opt = test::with_dct("2024-10-04")) {
  auto r = test::engine().analyze(text, opt);
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
  CHECK(sanity(text).check(*r) == "");
  return std::move(*r);
}

}  // namespace

// Sanitizer builds run 10-20 times slower: there the long inputs are a tenth as long, which still
// catches a stage that is quadratic or recursive; the plain build runs the sizes of the issue.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr std::size_t long_input = 10u << 20;
#else
constexpr std::size_t long_input = 100u << 20;
#endif

TEST_CASE("hostile: 100 MB without a newline is one paragraph, analysed, not refused") {
  // A scraper that lost every line break: 100 MB of news sentences with no '\n'.
  const std::string unit = "Der Kreml hat am 25. April 2019 mehr als 16.000 Container gemeldet, sagte Peskow in Moskau. ";
  std::string text = repeat(unit, long_input / unit.size() + 1);
  text.resize(long_input);
  options opt = test::with_dct("2024-10-04");
  auto r = test::engine().analyze(text, opt);
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
  CHECK(r->paragraphs.size() <= 1);
  CHECK(r->sentences.size() > long_input / unit.size() - 1);  // one per repeated sentence, not one huge sentence
  CHECK(r->sentences.back().end_byte <= text.size());
  CHECK(r->sentences.front().text == unit.substr(0, unit.size() - 1));
  for (const auto& t : r->timexes) REQUIRE(t.end_byte <= text.size());
  for (const auto& n : r->numbers) REQUIRE(n.end_byte <= text.size());
}

TEST_CASE("hostile: a million quotation marks, unbalanced") {
  for (std::string_view mark : {"\"", "\xE2\x80\x9E", "\xC2\xBB", "\xE2\x80\x9E\"\xE2\x80\x9C"}) {
    CAPTURE(mark);
    const std::string text = repeat(mark, 1000000);
    const auto doc = analyze_sane(text);
    CHECK(doc.quotes.size() <= 500000);  // a quote needs two marks
    const std::string mixed = repeat(std::string("Er sagte ") + std::string(mark) + "Nein. ", 200000);
    analyze_sane(mixed);
  }
}

TEST_CASE("hostile: one sentence of 100,000 attributions") {
  // every speech verb reads a bounded window around it (bench/ --scaling: "attributions in one sentence")
  const std::string unit = "die Lage sei ernst, hei\xC3\x9F" "t es, wie die Polizei mitteilte, so der Sprecher, sagte er, ";
  const std::string text = repeat(unit, 100000);
  const auto doc = analyze_sane(text);
  CHECK(doc.sentences.size() == 1);
  CHECK(doc.quotes.size() <= 4 * 100000);
}

TEST_CASE("hostile: a million digits, as one number and as many") {
  const std::string one = repeat("1234567890", 100000);
  const auto doc = analyze_sane(one);
  for (const auto& n : doc.numbers) CHECK(n.value.size() <= one.size() + 1);
  const std::string grouped = repeat("1.000.", 200000) + "000";  // "1.000.1.000. ..." German grouping gone wrong
  analyze_sane(grouped);
  // One number every two bytes: 500,000 numbers would take about 170 MB, over the automatic memory budget
  // for 1 MB of input (64 MiB + 24 x the input), so it is refused early; a caller that wants it raises the budget.
  const std::string many = repeat("7 ", 500000);
  auto refused = test::engine().analyze(many, test::with_dct("2024-10-04"));
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == errc::too_many_annotations);
  CHECK(refused.error().message.find("max_memory_bytes") != std::string::npos);
  options roomy = test::with_dct("2024-10-04");
  roomy.max_memory_bytes = std::size_t{1} << 30;
  const auto d2 = analyze_sane(many, roomy);
  CHECK(d2.numbers.size() <= 500000);
}

TEST_CASE("hostile: a million \"Anfang\" and deeply repeated date patterns") {
  const auto anfang = analyze_sane(repeat("Anfang ", 1000000) + "2022");
  CHECK(anfang.timexes.size() <= 1000001);
  const auto dates = analyze_sane(repeat("am 25. April 2019 ", 200000));
  CHECK(dates.timexes.size() <= 200000 * 2);
  analyze_sane(repeat("Anfang Mitte Ende ", 300000));
  analyze_sane(repeat("25.04.2019 bis ", 200000));
  analyze_sane(repeat("vor drei Jahren nach ", 200000));
  analyze_sane(repeat("von 3 bis ", 300000) + "5 Prozent");
}

TEST_CASE("hostile: text that is all combining marks, or all CJK") {
  analyze_sane(repeat("\xCC\x88", 1000000));            // U+0308 a million times, no base letter
  analyze_sane("a" + repeat("\xCC\x88\xCC\xA3", 300000));  // one base, marks of two classes to reorder
  const auto cjk = analyze_sane(repeat("\xE6\x9C\x9D\xE9\xAE\xAE", 500000));  // 朝鮮 ...
  CHECK(cjk.timexes.empty());
  analyze_sane(repeat("\xE6\x9C\x9D\xE9\xAE\xAE\xE3\x80\x82", 300000));  // with ideographic full stops
}

TEST_CASE("hostile: NUL bytes inside the text") {
  std::string text = "Am 3. Mai 2024 sagte Scholz in Berlin: \"Ja.\"";
  text.insert(5, std::string(3, '\0'));
  text.push_back('\0');
  const auto doc = analyze_sane(text);
  CHECK(!doc.sentences.empty());
  analyze_sane(std::string(1000000, '\0'));
  analyze_sane(repeat(std::string("25.\0April\0", 10), 100000));
}

TEST_CASE("hostile: bad UTF-8 is refused with its byte offset, wherever it is") {
  struct bad_case {
    std::string bytes;
    std::size_t offset;
  };
  const std::string prefix(1000, 'a');
  const bad_case cases[] = {
      {"\xED\xA0\x80", 0},          // lone high surrogate U+D800
      {"\xED\xBF\xBF", 0},          // lone low surrogate U+DFFF
      {"\xED\xA0\xBD\xED\xB8\x80", 0},  // a surrogate pair written as CESU-8
      {"\xC0\x80", 0},              // overlong NUL
      {"\xC1\xBF", 0},              // overlong 2-byte
      {"\xE0\x9F\xBF", 0},          // overlong 3-byte
      {"\xF0\x8F\xBF\xBF", 0},      // overlong 4-byte
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
      {"\xF8\x88\x80\x80\x80", 0},  // 5-byte form
      {"\xE2\x82", 0},              // truncated at the end
      {"\xE2\x82" "a", 0},          // truncated in the middle
      {"\xF0\x9F\x98", 0},          // truncated 4-byte
      {"\x80", 0},                  // continuation without a lead
      {"\xFE\xFF", 0},
  };
  for (const auto& c : cases) {
    for (std::size_t at : {std::size_t{0}, prefix.size()}) {
      const std::string text = prefix.substr(0, at) + c.bytes + " Text danach.";
      CAPTURE(text.substr(at));
      auto r = test::engine().analyze(text);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == errc::invalid_utf8);
      CHECK(r.error().byte_offset == at + c.offset);
    }
  }
  // A million bad bytes: one error, at the first.
  auto r = test::engine().analyze("ok " + std::string(1000000, '\xFF'));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().byte_offset == 3);
}

TEST_CASE("hostile: JSONL lines that are not JSON, not objects, without text, with a bad dct") {
  struct line_case {
    std::string line;
    const char* says;  // part of the reason
  };
  const line_case cases[] = {
      {"not json", "object"},
      {"[1, 2, 3]", "object"},
      {"17", "object"},
      {"\"text\"", "object"},
      {"null", "object"},
      {"{\"id\": \"a\"}", "text"},
      {"{\"id\": \"a\", \"text\": 17}", "string"},
      {"{\"id\": \"a\", \"text\": null}", "string"},
      {"{\"id\": \"a\", \"text\": \"ok\"", "expected"},
      {"{\"id\": \"a\", \"text\": \"ok\"} trailing", "after"},
      {"{\"id\": \"a\", \"text\": \"unterminated}", "unterminated"},
      {"{\"text\": \"\\ud800 lone\"}", "surrogate"},
      {"{\"text\": \"\\udc00\"}", "surrogate"},
      {"{\"text\": \"\\u12\"}", "escape"},
      {"{\"text\": \"\\x41\"}", "escape"},
      {"{\"text\": \"tab\there\"}", "control"},
      {std::string("{\"text\": \"a\xFF\"}"), "UTF-8"},
      {"{\"text\": \"ok\", \"deep\": " + std::string(100000, '[') + "}", "deeply"},
      {"{\"text\": \"ok\", \"x\": " + std::string(100000, '{') + "}", ""},
      {"{" + repeat("\"k\": 1, ", 100000) + "}", ""},
      {"", "object"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line.substr(0, 80));
    detail::jsonl_record rec;
    const auto reason = detail::parse_jsonl_record(c.line, rec);
    REQUIRE(reason.has_value());
    CHECK(reason->find(c.says) != std::string::npos);
  }
  // The id is kept when the rest is bad, so the CLI's error object names the document.
  detail::jsonl_record rec;
  CHECK(detail::parse_jsonl_record("{\"id\": \"doc-9\", \"text\": 5}", rec).has_value());
  CHECK((rec.has_id && rec.id == "doc-9"));
  // A bad "dct" is read as given; the date parser refuses it.
  for (const char* dct : {"2024-02-30", "2024-13-01", "24-10-04", "gestern", "", "2024-10-04x", "0000-01-01"}) {
    CAPTURE(dct);
    CHECK_FALSE(parse_date(dct).has_value());
  }
  // A well-formed line with a 10 MB text and every escape still reads, in one pass.
  const std::string big = "{\"id\": 1, \"text\": \"" + repeat("Satz \\u00fcber \\ud83d\\ude00 \\\"x\\\". ", 300000) + "\"}";
  REQUIRE_FALSE(detail::parse_jsonl_record(big, rec).has_value());
  CHECK(rec.id == "1");
  CHECK(rec.text.substr(0, 13) == "Satz \xC3\xBC" "ber \xF0\x9F");
  CHECK_FALSE(detail::validate_utf8(rec.text).has_value());
}

// The reader takes plain runs sixteen bytes a step: an escape, the closing quote or a raw control character
// must be seen wherever it falls, across the edges of those blocks too.
TEST_CASE("JSONL: escapes and controls are read at every position of a text") {
  const std::string plain = "Gr\xC3\xBC" "\xC3\x9F" "e aus 1234567890 Stra\xC3\x9F" "en und Pl\xC3\xA4tzen dazu";
  const std::pair<std::string, std::string> escapes[] = {{"\\\"", "\""}, {"\\\\", "\\"}, {"\\n", "\n"},
                                                         {"\\u00fc", "\xC3\xBC"}, {"\\/", "/"}};
  for (std::size_t at = 0; at <= plain.size(); ++at) {
    if (at < plain.size() && (static_cast<unsigned char>(plain[at]) & 0xC0) == 0x80) continue;  // inside a code point
    CAPTURE(at);
    for (const auto& [written, read] : escapes) {
      detail::jsonl_record rec;
      const std::string line = "{\"text\": \"" + plain.substr(0, at) + written + plain.substr(at) + "\"}";
      REQUIRE_FALSE(detail::parse_jsonl_record(line, rec).has_value());
      CHECK(rec.text == plain.substr(0, at) + read + plain.substr(at));
    }
    detail::jsonl_record rec;
    const std::string raw = "{\"text\": \"" + plain.substr(0, at) + "\x01" + plain.substr(at) + "\"}";
    CHECK(detail::parse_jsonl_record(raw, rec).has_value());  // a raw control character is refused
    const std::string open = "{\"text\": \"" + plain.substr(0, at);
    CHECK(detail::parse_jsonl_record(open, rec).has_value());  // unterminated
  }
}

TEST_CASE("limits: max_input_bytes and max_annotations fail with a clear error") {
  const std::string text = test::sample_article();
  options opt;
  opt.max_input_bytes = text.size();
  CHECK(test::engine().analyze(text, opt).has_value());  // the limit itself is allowed
  opt.max_input_bytes = text.size() - 1;
  auto big = test::engine().analyze(text, opt);
  REQUIRE_FALSE(big.has_value());
  CHECK(big.error().code == errc::input_too_large);
  CHECK(big.error().message.find("limit") != std::string::npos);

  // A legacy encoding can double the size: the limit holds for the converted text too.
  options latin;
  latin.encoding = input_encoding::latin1;
  latin.max_input_bytes = 1000;
  CHECK(test::engine().analyze(std::string(600, '\xE4'), latin).error().code == errc::input_too_large);

  options few;
  few.max_annotations = 3;
  auto many = test::engine().analyze(repeat("Ein Satz. ", 10), few);
  REQUIRE_FALSE(many.has_value());
  CHECK(many.error().code == errc::too_many_annotations);
  CHECK(many.error().message.find("sentences") != std::string::npos);
  few.max_annotations = 10;
  CHECK(test::engine().analyze(repeat("Ein Satz. ", 10), few).has_value());
  options tokens;
  tokens.tokens = true;
  tokens.max_annotations = 100;
  CHECK(test::engine().analyze(repeat("Wort ", 101), tokens).error().code == errc::too_many_annotations);

  // The limit is checked as a stage appends, so the error names the list that overflowed first: here the
  // time stage stops at 50 timexes; the number and entity stages never run.
  options dates = test::with_dct("2024-10-04");
  dates.max_annotations = 50;
  auto over = test::engine().analyze(repeat("am 25. April 2019, ", 60), dates);
  REQUIRE_FALSE(over.has_value());
  CHECK(over.error().message.find("timexes") != std::string::npos);
}

TEST_CASE("limits: the memory budget stops a dense document before it fills memory") {
  // 2 MB of dates: about 170,000 timexes and as many numbers and sentences. Within the automatic budget
  // (64 MiB + 24 x 2 MB) it is analysed; a budget of 8 MB stops it with a clear error.
  const std::string dates = repeat("Am 25. April 2019 kamen 300 Leute. ", 60000);
  options opt = test::with_dct("2024-10-04");
  CHECK(test::engine().analyze(dates, opt).has_value());
  opt.max_memory_bytes = std::size_t{8} << 20;
  auto r = test::engine().analyze(dates, opt);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::too_many_annotations);
  CHECK(r.error().message.find("max_memory_bytes (8 MB)") != std::string::npos);
  // The same options still analyse an ordinary article: the budget is per document.
  CHECK(test::engine().analyze(test::sample_article(), opt).has_value());
}

TEST_CASE("C ABI: misuse gives an error status, never a crash") {
  newsnorm_engine* engine = nullptr;
  REQUIRE(newsnorm_engine_create(&engine, nullptr) == NEWSNORM_OK);
  newsnorm_result* r = nullptr;
  newsnorm_options opts;
  REQUIRE(newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION) == NEWSNORM_OK);

  CHECK(newsnorm_analyze(&r, nullptr, "x", 1, nullptr) == NEWSNORM_EINVAL);
  CHECK(std::strstr(newsnorm_last_error(), "engine") != nullptr);
  CHECK(newsnorm_analyze(&r, engine, nullptr, 1, nullptr) == NEWSNORM_EINVAL);
  CHECK(newsnorm_analyze(nullptr, engine, "x", 1, nullptr) == NEWSNORM_EINVAL);
  CHECK(r == nullptr);
  opts.version = NEWSNORM_OPTIONS_VERSION + 1;
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  // Version 1 (before max_memory_bytes) is still understood; the field after it is not read.
  REQUIRE(newsnorm_options_init(&opts, 1) == NEWSNORM_OK);
  opts.max_memory_bytes = 1;  // beyond a version 1 struct: ignored
  REQUIRE(newsnorm_analyze(&r, engine, "Ein Satz am 3. Mai.", 19, &opts) == NEWSNORM_OK);
  newsnorm_result_destroy(r);
  r = nullptr;
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.max_memory_bytes = 1;  // version 2: a budget of one byte stops at the first token
  CHECK(newsnorm_analyze(&r, engine, "Ein Satz am 3. Mai.", 19, &opts) == NEWSNORM_ELIMIT);
  CHECK(std::strstr(newsnorm_last_error(), "max_memory_bytes") != nullptr);
  CHECK(r == nullptr);
  opts.version = 0;
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.mode = 3;
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  opts.mode = -1;
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.stages = 16;
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.encoding = 7;
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.lang = "xx";
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EINVAL);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.dct = "2024-10-4";
  CHECK(newsnorm_analyze(&r, engine, "x", 1, &opts) == NEWSNORM_EDATE);
  opts.dct = nullptr;
  opts.max_input_bytes = 2;
  CHECK(newsnorm_analyze(&r, engine, "xyz", 3, &opts) == NEWSNORM_ETOOLARGE);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.max_annotations = 1;
  CHECK(newsnorm_analyze(&r, engine, "Ein Satz. Noch einer.", 21, &opts) == NEWSNORM_ELIMIT);
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  opts.encoding = NEWSNORM_ENCODING_WINDOWS1252;
  CHECK(newsnorm_analyze(&r, engine, "a\x81", 2, &opts) == NEWSNORM_EENCODING);
  CHECK(r == nullptr);

  // Engine options: unknown version, a data directory that does not exist.
  newsnorm_engine* other = reinterpret_cast<newsnorm_engine*>(&opts);
  newsnorm_engine_options eo;
  CHECK(newsnorm_engine_options_init(&eo, 99) == NEWSNORM_EINVAL);
  CHECK(newsnorm_engine_options_init(nullptr, NEWSNORM_ENGINE_OPTIONS_VERSION) == NEWSNORM_EINVAL);
  REQUIRE(newsnorm_engine_options_init(&eo, NEWSNORM_ENGINE_OPTIONS_VERSION) == NEWSNORM_OK);
  eo.version = 2;
  CHECK(newsnorm_engine_create(&other, &eo) == NEWSNORM_EINVAL);
  CHECK(other == nullptr);
  eo.version = NEWSNORM_ENGINE_OPTIONS_VERSION;
  eo.data_dir = "/nonexistent/newsnorm-data";
  CHECK(newsnorm_engine_create(&other, &eo) == NEWSNORM_EDATA);
  CHECK(other == nullptr);
  CHECK(newsnorm_engine_create(nullptr, nullptr) == NEWSNORM_EINVAL);

  // Accessors on NULL and out of range.
  REQUIRE(newsnorm_analyze(&r, engine, "Heute.", 6, nullptr) == NEWSNORM_OK);
  newsnorm_annotation a;
  const char* s = nullptr;
  std::size_t len = 0;
  CHECK(newsnorm_result_get(r, NEWSNORM_KIND_SENTENCE, 0, nullptr) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_get(nullptr, NEWSNORM_KIND_SENTENCE, 0, &a) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_get(r, 99, 0, &a) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_get(r, -1, 0, &a) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_get(r, NEWSNORM_KIND_TITLE, static_cast<std::size_t>(-1), &a) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_count(r, 99) == 0);
  CHECK(newsnorm_result_count(r, -1) == 0);
  CHECK(newsnorm_result_json(nullptr, &s, &len) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_json(r, nullptr, &len) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_json(r, &s, nullptr) == NEWSNORM_OK);  // the length is optional
  CHECK(newsnorm_result_timeml(nullptr, &s, &len) == NEWSNORM_EINVAL);
  newsnorm_result_destroy(r);
  newsnorm_result_destroy(nullptr);
  newsnorm_engine_destroy(engine);
  newsnorm_engine_destroy(nullptr);
}

TEST_CASE("data directory: missing and malformed language data is an error, not a crash") {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(NEWSNORM_SOURCE_DIR) / "src" / "data";
  const fs::path dir = fs::temp_directory_path() / ("newsnorm-hostile-data-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(src, dir, fs::copy_options::recursive);
  REQUIRE(engine::create(engine_config{dir.string()}).has_value());  // a full copy works

  // Each file in turn: empty, binary garbage, one enormous line, fields without tabs.
  const std::string garbage[] = {"", std::string("\xFF\xFE\0\x01\t\t\t\n", 8), std::string(1 << 20, 'x'),
                                 repeat("\t\t\t\t\n", 1000), "# only a comment\n", "a\tb\tc\td\te\tf\tg\n"};
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "NOTICE") continue;
    ++files;
    const fs::path path = entry.path();
    const std::string original = test::read_file(path.string());
    for (const std::string& g : garbage) {
      CAPTURE(path.string());
      CAPTURE(g.size());
      { std::ofstream(path, std::ios::binary | std::ios::trunc) << g; }
      auto e = engine::create(engine_config{dir.string()});
      if (!e) {
        CHECK(e.error().code == errc::data_error);
        continue;
      }
      // Rules that loaded must analyse, and give a sane document.
      const std::string text = "Am 25. April 2019 sagte Peskow in Moskau: \"16.000 Container.\" Anfang 2022 kam er.";
      auto doc = e->analyze(text, test::with_dct("2024-10-04"));
      REQUIRE(doc.has_value());
      CHECK(sanity(text).check(*doc) == "");
    }
    { std::ofstream(path, std::ios::binary | std::ios::trunc) << original; }
  }
  CHECK(files > 10);
  fs::remove_all(dir);
}

namespace {

// A copy of src/data with one file (`resource`, "de/entity_cities.tsv") replaced: engine::create refuses it
// with data_error, or the rules analyse a short news text into a sane document.
void create_with_data_file(std::string_view resource, std::string_view content, bool expect_refused = false) {
  namespace fs = std::filesystem;
  CAPTURE(std::string(resource));
  const fs::path dir = fs::temp_directory_path() / ("newsnorm-replay-data-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(fs::path(NEWSNORM_SOURCE_DIR) / "src" / "data", dir, fs::copy_options::recursive);
  REQUIRE(fs::exists(dir / std::string(resource)));
  { std::ofstream(dir / std::string(resource), std::ios::binary | std::ios::trunc) << content; }
  auto e = engine::create(engine_config{dir.string()});
  fs::remove_all(dir);
  if (!e) {
    CHECK(e.error().code == errc::data_error);
    CHECK(!e.error().message.empty());
    return;
  }
  CHECK(!expect_refused);
  const std::string text = "Am 25. April 2019 sagte Peskow in Moskau: \"16.000 Container.\" Anfang 2022 kam er.";
  auto doc = e->analyze(text, test::with_dct("2024-10-04"));
  REQUIRE(doc.has_value());
  CHECK(sanity(text).check(*doc) == "");
}

}  // namespace

TEST_CASE("data source: an overlay replaces one resource in memory; text that is not UTF-8 is a data error") {
  detail::data_source data;
  const std::string cities = "1\tAbc\tDE\t5\tAbc\n";
  data.replace("de/entity_cities.tsv", cities);
  std::vector<std::string> asked;
  data.trace(&asked);
  CHECK(data.read("de/entity_cities.tsv").value() == cities);
  CHECK(data.read_text("de/entity_cities.tsv").value() == cities);
  CHECK(data.read("de/time_words.tsv").value().size() > 1000);  // the others stay built in
  data.trace(nullptr);
  CHECK(asked == std::vector<std::string>{"de/entity_cities.tsv", "de/entity_cities.tsv", "de/time_words.tsv"});
  data.replace("de/entity_cities.tsv", "1\tAb\xC3\n");
  CHECK(data.read("de/entity_cities.tsv").has_value());  // bytes as they are (ner_model.bin is binary)
  auto bad = data.read_text("de/entity_cities.tsv");
  REQUIRE(!bad.has_value());
  CHECK(bad.error().code == errc::data_error);
  CHECK(bad.error().message.find("de/entity_cities.tsv") != std::string::npos);
  CHECK(bad.error().message.find("byte 4") != std::string::npos);
}

TEST_CASE("fuzz regressions: every input that once broke a fuzz target now analyses") {
  // tests/golden/fuzz_regressions/README.md: the file name's prefix says which entry point it broke.
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(NEWSNORM_SOURCE_DIR) / "tests" / "golden" / "fuzz_regressions";
  std::size_t replayed = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".md") continue;
    CAPTURE(name);
    const std::string bytes = test::read_file(entry.path().string());
    ++replayed;
    if (name.rfind("jsonl-", 0) == 0) {
      std::istringstream lines(bytes);
      for (std::string line; std::getline(lines, line);) {
        detail::jsonl_record rec;
        if (detail::parse_jsonl_record(line, rec)) continue;
        auto doc = test::engine().analyze(rec.text, test::with_dct("2024-10-04"));
        REQUIRE(doc.has_value());
        CHECK(sanity(rec.text).check(*doc) == "");
      }
    } else if (name.rfind("analyze-", 0) == 0) {
      // The options header is fuzz_analyze's; here all stages run with and without an anchor.
      const std::string_view text = std::string_view(bytes).substr(std::min<std::size_t>(5, bytes.size()));
      for (const options& opt : {options{}, test::with_dct("2024-10-04")}) {
        auto doc = test::engine().analyze(text, opt);
        if (doc) CHECK(sanity(text).check(*doc) == "");
        else CHECK(doc.error().code == errc::invalid_utf8);
      }
    } else if (name.rfind("text-", 0) == 0) {
      analyze_sane(bytes);
    } else if (name.rfind("data-", 0) == 0) {
      // The first line names the replaced language-data file, the rest is its content.
      const std::size_t eol = bytes.find('\n');
      REQUIRE(eol != std::string::npos);
      create_with_data_file(std::string_view(bytes).substr(0, eol), std::string_view(bytes).substr(eol + 1));
    } else {
      FAIL("unknown prefix: " << name);
    }
  }
  CHECK(replayed >= 1);
  // The smallest form of each finding, so the case stays when the files change.
  analyze_sane("Die 55555555555555555555er Jahre und die 99999999999er-Jahre.");
  analyze_sane("Vor 234567890123456789 Tagen, 234567890123456789 Wochen sp\xC3\xA4ter, vor 66 Millionen Jahren.");
  // fuzz_data_dir: a data file with a truncated UTF-8 sequence was folded past its end (an assertion under
  // _GLIBCXX_ASSERTIONS, a stray read without). Every text file is now checked: data_error.
  for (const char* resource : {"de/entity_cities.tsv", "de/entity_names.tsv", "de/abbreviations.tsv", "de/time_words.tsv",
                               "de/entity_person_names.tsv", "de/entity_clusters.tsv", "en/roles.tsv"})
    create_with_data_file(resource, "1\tAbc\tDE\t500000\tAb\xC3\n", true);
}
