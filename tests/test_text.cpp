// Text layer: UTF-8 validation with byte offsets, legacy encodings, folding, offsets into the original text.
#include "test_support.hpp"

#include "text/fold.hpp"
#include "text/utf8.hpp"
#include "output/json_writer.hpp"

using namespace newsnorm;

TEST_CASE("invalid UTF-8 is rejected with the offending byte offset") {
  struct bad_case {
    std::string text;
    std::size_t offset;
    const char* says;
  };
  const bad_case cases[] = {
      {"abc\xC3\x28", 3, "truncated"},                 // a 2-byte lead without its continuation
      {"ab\xC0\xAF", 2, "overlong"},                   // overlong '/'
      {"\xE0\x80\xAF", 0, "overlong"},                 // 3-byte overlong
      {"x\xED\xA0\x80y", 1, "surrogate"},              // U+D800
      {"Kreml \xF4\x90\x80\x80", 6, "above U+10FFFF"}, // U+110000
      {"ok\x80", 2, "continuation"},                   // lone continuation byte
      {"ok\xE2\x82", 2, "truncated"},                  // cut off at the end
      {"\xFF", 0, "never occurs"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto r = test::engine().analyze(c.text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::invalid_utf8);
    CHECK(r.error().byte_offset == c.offset);
    CHECK(r.error().message.find("byte " + std::to_string(c.offset)) != std::string::npos);
    CHECK(r.error().message.find(c.says) != std::string::npos);
  }
}

TEST_CASE("valid UTF-8 of every length passes") {
  const std::string text = "a \xC3\xA4 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE6\x9C\x9D";  // a ä € 😀 朝
  CHECK_FALSE(detail::validate_utf8(text).has_value());
  CHECK(detail::count_code_points(text) == 9);
}

TEST_CASE("empty input is an empty article, not an error") {
  const auto doc = test::analyze("");
  CHECK(doc.sentences.empty());
  CHECK_FALSE(doc.title.has_value());
}

TEST_CASE("offsets: code points and bytes both point into the original text") {
  const std::string text = "Über Pjöngjang: „Schön“, sagte er. 朝鮮 liegt östlich.";
  const auto doc = test::analyze(text);
  REQUIRE(!doc.sentences.empty());
  for (const auto& s : doc.sentences) {
    CAPTURE(s.text);
    CHECK(text.substr(s.start_byte, s.end_byte - s.start_byte) == s.text);
    CHECK(detail::count_code_points(text.substr(0, s.start_byte)) == s.start);
    CHECK(detail::count_code_points(text.substr(0, s.end_byte)) == s.end);
  }
}

TEST_CASE("legacy encodings are converted through Boost.Locale") {
  const std::string latin1 = "Gr\xFC\xDF" "e aus K\xF6ln";  // "Grüße aus Köln" in ISO-8859-1
  auto u = to_utf8(latin1, input_encoding::latin1);
  REQUIRE(u.has_value());
  CHECK(*u == "Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln");
  const std::string cp1252 = "\x84Nein\x93, sagte er \x96 und ging. Preis: 5 \x80";  // „Nein“ – €
  auto w = to_utf8(cp1252, input_encoding::windows1252);
  REQUIRE(w.has_value());
  CHECK(w->find("\xE2\x80\x9ENein\xE2\x80\x9C") != std::string::npos);
  CHECK(w->find("\xE2\x82\xAC") != std::string::npos);
  // The same through analyze(): it converts, then reports offsets into the converted text.
  options opt;
  opt.encoding = input_encoding::windows1252;
  auto doc = test::engine().analyze(cp1252, opt);
  REQUIRE(doc.has_value());
  CHECK(doc->sentences.front().text.find("\xE2\x80\x9ENein") == 0);
  // 0x81 is undefined in Windows-1252: an error, not silently dropped text
  auto bad = to_utf8("a\x81" "b", input_encoding::windows1252);
  CHECK_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::encoding_failed);
}

TEST_CASE("folding: lower case and NFC for matching, ß kept") {
  const std::locale& loc = detail::matching_locale();
  auto fold = [&](std::string_view s) { std::string out; detail::append_folded(s, out, loc); return out; };
  CHECK(fold("ÜBER") == "über");
  CHECK(fold("Straße") == "straße");
  CHECK(fold("MOSKAU") == "moskau");
  CHECK(fold("U\xCC\x88" "ber") == "über");          // decomposed Ü (U + combining diaeresis) composes
  CHECK(fold("ΑΘΗΝΑ") == "αθηνα");
  CHECK(fold("Łódź") == "łódź");
}

TEST_CASE("a decomposed umlaut matches like a composed one") {
  // "Übermorgen" typed with a combining diaeresis still gives the same folded token.
  const std::string composed = "Sie kommen \xC3\x9C" "bermorgen.";
  const std::string decomposed = "Sie kommen U\xCC\x88" "bermorgen.";
  options opt;
  opt.tokens = true;
  const auto a = test::analyze(composed, opt);
  const auto b = test::analyze(decomposed, opt);
  REQUIRE(a.tokens.size() == b.tokens.size());
  CHECK(b.tokens[2].text == "U\xCC\x88" "bermorgen");
}

TEST_CASE("bad options are errors, not crashes") {
  CHECK(parse_date("2024-02-30").error().code == errc::invalid_date);
  CHECK(parse_date("2024-2-3").error().code == errc::invalid_date);
  CHECK(parse_date("").error().code == errc::invalid_date);
  CHECK(parse_date("2024-02-29").has_value());
  // a reference with its time of day; the zone is checked, then dropped (the text speaks local time)
  using std::chrono::seconds;
  CHECK(parse_reference("2024-10-04").value().time == std::nullopt);
  CHECK(parse_reference("2024-10-04T09:30").value().time == seconds{9 * 3600 + 30 * 60});
  CHECK(parse_reference("2024-10-04 09:30:15").value().time == seconds{9 * 3600 + 30 * 60 + 15});
  CHECK(parse_reference("2024-10-04T09:30:15.011").value().time == seconds{9 * 3600 + 30 * 60 + 15});
  CHECK(parse_reference("2024-10-04T23:59:59Z").value().time == seconds{86399});
  CHECK(parse_reference("2013-02-12T04:30:00-02:00").value().date == parse_date("2013-02-12").value());
  CHECK(parse_reference("2024-10-04T00:00+0530").has_value());
  for (const char* bad : {"2024-10-04T", "2024-10-04T9:30", "2024-10-04T24:00", "2024-10-04T09:60", "2024-10-04T09:30:61",
                          "2024-10-04T09:30:", "2024-10-04T09:30:00.", "2024-10-04T09:30+2", "2024-10-04T09:30+02:0",
                          "2024-10-04T09:30 Uhr", "2024-10-04x09:30", "2024-02-30T09:30", "2024-10-04T09:30:00Z+01"}) {
    CAPTURE(bad);
    CHECK(parse_reference(bad).error().code == errc::invalid_date);
  }
  // a time of day must come with a date and lie within the day
  options timed;
  timed.dct_time = seconds{3600};
  CHECK(test::engine().analyze("heute", timed).error().code == errc::invalid_date);
  timed.dct = parse_date("2024-10-04").value();
  CHECK(test::engine().analyze("heute", timed).value().dct == "2024-10-04T01:00:00");
  timed.dct_time = seconds{86400};
  CHECK(test::engine().analyze("heute", timed).error().code == errc::invalid_date);
  timed.dct_time = seconds{-1};
  CHECK(test::engine().analyze("heute", timed).error().code == errc::invalid_date);
  options opt;
  opt.lang = "fr";
  CHECK(test::engine().analyze("Bonjour", opt).error().code == errc::invalid_argument);
  options small;
  small.max_input_bytes = 4;
  auto r = test::engine().analyze("zu lang", small);
  CHECK(r.error().code == errc::input_too_large);
  options few;
  few.max_annotations = 1;
  CHECK(test::engine().analyze("Ein Satz. Noch ein Satz.", few).error().code == errc::too_many_annotations);
}

TEST_CASE("NUL bytes and control characters inside the text are spaces, not terminators") {
  const std::string text("Erster Satz.\0Zweiter Satz.", 26);
  const auto doc = test::analyze(text);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.sentences[1].text == "Zweiter Satz.");
}

// The writer copies plain runs sixteen bytes a step: escapes at every position of a block and across
// its edges must come out the same as byte by byte.
TEST_CASE("json_writer escapes quotes, backslashes and controls wherever they fall in a run") {
  const std::string escapes[] = {"\"", "\\", "\n", "\r", "\t", std::string(1, '\x01'), std::string(1, '\x1F'), "\x7F"};
  const std::string written[] = {"\\\"", "\\\\", "\\n", "\\r", "\\t", "\\u0001", "\\u001f", "\\u007f"};
  for (std::size_t e = 0; e < std::size(escapes); ++e) {
    for (std::size_t at = 0; at < 40; ++at) {
      const std::string plain = "Stra\xC3\x9F" "e 1234567890 \xE2\x80\x9EZitat\xE2\x80\x9C und mehr Text dahinter";
      std::string text = plain.substr(0, at) + escapes[e] + plain.substr(at);
      std::string out;
      newsnorm::detail::json_writer(out).value(text);
      CHECK(out == "\"" + plain.substr(0, at) + written[e] + plain.substr(at) + "\"");
    }
  }
  std::string out;
  newsnorm::detail::json_writer w(out);
  w.begin_object().key("start_byte").value(std::uint64_t{18446744073709551615ull}).key("d").value(std::int64_t{-42});
  w.key("e").value("").end_object();
  CHECK(out == "{\"start_byte\":18446744073709551615,\"d\":-42,\"e\":\"\"}");
}
