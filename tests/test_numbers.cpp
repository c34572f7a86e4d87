// The numbers stage: golden cases from tests/golden/numbers_de.tsv, and the rules around it
// (exact values, the temporal stage's years, offsets, bad input).
#include "numbers/exact.hpp"
#include "numbers/number_words.hpp"
#include "test_support.hpp"

#include <string>
#include <vector>

namespace {

newsnorm::options numbers_only() {
  newsnorm::options o;
  o.stages = newsnorm::stages::structure | newsnorm::stages::numbers;
  return o;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (;;) {
    const std::size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) return out;
    b = e + sep.size();
  }
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// "text | kind | value | unit or currency | mod | low..high"
std::string render(const newsnorm::number& n) {
  std::string s = n.text + " | " + n.kind + " | " + n.value;
  const std::string unit = n.currency.empty() ? n.unit : n.currency;
  const std::string range = n.low.empty() ? std::string() : n.low + ".." + n.high;
  if (!unit.empty() || !n.mod.empty() || !range.empty()) s += " | " + unit;
  if (!n.mod.empty() || !range.empty()) s += " | " + n.mod;
  if (!range.empty()) s += " | " + range;
  return s;
}

std::string normalise(const std::string& expected) {
  std::vector<std::string> fields = split(expected, "|");
  for (auto& f : fields) f = trim(f);
  while (fields.size() > 3 && fields.back().empty()) fields.pop_back();
  std::string s;
  for (std::size_t k = 0; k < fields.size(); ++k) s += (k ? " | " : "") + fields[k];
  return s;
}

}  // namespace

TEST_CASE("numbers: golden cases (tests/golden/numbers_de.tsv)") {
  const std::string data = test::read_file(std::string(NEWSNORM_SOURCE_DIR) + "/tests/golden/numbers_de.tsv");
  int cases = 0;
  for (const std::string& line : split(data, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string input = line.substr(0, tab), expected = line.substr(tab + 1);
    CAPTURE(input);
    const auto doc = test::analyze(input, numbers_only());
    std::string want, got;
    if (trim(expected) != "-")
      for (const auto& item : split(expected, " ; ")) want += (want.empty() ? "" : " ; ") + normalise(item);
    for (const auto& n : doc.numbers) got += (got.empty() ? "" : " ; ") + render(n);
    CHECK(got == want);
    ++cases;
  }
  CHECK(cases >= 100);
}

TEST_CASE("numbers: offsets are code points and bytes into the input") {
  const std::string text = "Über 200 Menschen zahlten 1,5 Mio. €.";
  const auto doc = test::analyze(text, numbers_only());
  REQUIRE(doc.numbers.size() == 2);
  CHECK(doc.numbers[0].start == 5);
  CHECK(doc.numbers[0].start_byte == 6);  // "Ü" is two bytes
  CHECK(doc.numbers[0].text == "200");
  CHECK(doc.numbers[1].text == "1,5 Mio. €");
  CHECK(doc.numbers[1].value == "1500000");
  CHECK(doc.numbers[1].currency == "EUR");
  CHECK(text.substr(doc.numbers[1].start_byte, doc.numbers[1].end_byte - doc.numbers[1].start_byte) == "1,5 Mio. €");
}

TEST_CASE("numbers: a true fraction carries its value to six places and the fraction") {
  const auto doc = test::analyze("Ein Drittel stimmte zu, zwei Drittel nicht.", numbers_only());
  REQUIRE(doc.numbers.size() == 2);
  CHECK(doc.numbers[0].value == "0.333333");
  CHECK(doc.numbers[0].fraction == "1/3");
  CHECK(doc.numbers[1].fraction == "2/3");
}

TEST_CASE("numbers: exact decimals without floating point") {
  using newsnorm::detail::rational;
  using newsnorm::detail::to_decimal;
  CHECK(to_decimal(rational::of(15, 10) * rational::of(1000000000)) == "1500000000");
  CHECK(to_decimal(rational::of(-3, 4)) == "-0.75");
  CHECK(to_decimal(rational::of(2, 3)) == "0.666667");
  CHECK(to_decimal(rational::of(1, 3) * rational::of(3)) == "1");
  std::string fraction;
  CHECK(to_decimal(rational::of(20000000, 3), &fraction) == "6666666.666667");
  CHECK(fraction == "20000000/3");
}

TEST_CASE("numbers: number words shared with the temporal stage") {
  using namespace newsnorm::detail;
  CHECK(parse_cardinal_word("achtzehnhundertzweiundfünfzig") == 1852);
  CHECK(parse_cardinal_word("fuenfzig") == 50);
  CHECK(parse_ordinal_word("milliardsten") == 1000000000);
  CHECK(parse_ordinal_word("dritten") == 3);
  CHECK_FALSE(parse_ordinal_word("acht").has_value());
  CHECK_FALSE(parse_ordinal_word("erst").has_value());
  CHECK(parse_group_word("dritt") == 3);
  CHECK(parse_group_word("elft") == 11);
  CHECK_FALSE(parse_group_word("acht").has_value());
}

TEST_CASE("numbers: tokens inside a DATE or TIME of the temporal stage are left to it") {
  newsnorm::options o = test::with_dct("2024-10-04");
  o.stages = newsnorm::stages::structure | newsnorm::stages::time | newsnorm::stages::numbers;
  const auto doc = test::analyze("Am 3. Oktober 2021 kamen 300 Menschen.", o);
  for (const auto& t : doc.timexes)
    for (const auto& n : doc.numbers) CHECK((n.end_byte <= t.start_byte || n.start_byte >= t.end_byte));
  bool found = false;
  for (const auto& n : doc.numbers) found |= n.text == "300" && n.value == "300";
  CHECK(found);
}

TEST_CASE("numbers: bad and hostile input never crashes and stays linear") {
  for (const char* s : {"", "-", ",", "1.", "€", "zwischen", "ein bis", "1/0", "0/0", "Komma", "- 5", "99999999999999999999999",
                        "1.000.000.000.000.000.000.000 Euro", "zwei billiarden billiarden", "+", "½ ½", "5 Euro und"}) {
    CAPTURE(s);
    (void)test::analyze(s, numbers_only());
  }
  std::string big;
  for (int k = 0; k < 20000; ++k) big += "ein bis zwei 1.000 Mio. Euro und 45 Cent - 3 ";
  const auto doc = test::analyze(big, numbers_only());
  CHECK(doc.numbers.size() >= 20000);
}

namespace {

// German cardinal words, as a news text writes them: "einundzwanzig", "dreihundertelf", "zweitausendzwölf".
std::string below_100_word(int n, bool last) {
  static const char* const units[] = {"", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"};
  static const char* const teens[] = {"zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
                                      "achtzehn", "neunzehn"};
  static const char* const tens[] = {"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"};
  if (n == 1) return last ? "eins" : "ein";
  if (n < 10) return units[n];
  if (n < 20) return teens[n - 10];
  if (n % 10 == 0) return tens[n / 10];
  return std::string(units[n % 10]) + "und" + tens[n / 10];
}
std::string below_1000_word(int n, bool last) {
  std::string s;
  if (n >= 100) s = (n / 100 == 1 ? std::string() : below_100_word(n / 100, false)) + "hundert";
  if (n % 100) s += below_100_word(n % 100, last);
  return s;
}
std::string cardinal_word(int n) {
  if (n < 1000) return below_1000_word(n, true);
  return (n / 1000 == 1 ? std::string() : below_1000_word(n / 1000, false)) + "tausend" + below_1000_word(n % 1000, true);
}

}  // namespace

// Every word the exact tests read must get past the stage's bit filters (number_rules::word_tails): a
// filter that turned one down would lose it silently.
TEST_CASE("numbers: every spelled cardinal and ordinal is read") {
  std::vector<int> values;
  for (int n = 1; n < 3000; ++n) values.push_back(n);
  for (int n = 3000; n < 1000000; n += 997) values.push_back(n);
  std::string text;
  for (int n : values) text += "Es kamen " + cardinal_word(n) + " Leute. ";
  const auto doc = test::analyze(text, numbers_only());
  REQUIRE(doc.numbers.size() == values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    CAPTURE(doc.numbers[k].text);
    CHECK(doc.numbers[k].value == std::to_string(values[k]));
  }
  // Ordinals in every inflection: "dritte", "zwanzigsten", "einundvierzigster", "hundertstes", "tausendstem".
  static const char* const irregular[] = {"", "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt",
                                          "zehnt", "elft", "zwölft", "dreizehnt", "vierzehnt", "fünfzehnt", "sechzehnt",
                                          "siebzehnt", "achtzehnt", "neunzehnt"};
  std::vector<int> ordinals;
  for (int n = 1; n < 100; ++n) ordinals.push_back(n);
  for (int n : {100, 120, 200, 345, 1000, 2000, 1999}) ordinals.push_back(n);
  std::string ords;
  std::vector<int> expected;
  for (int n : ordinals)
    for (const char* infl : {"e", "en", "er", "es", "em"}) {
      const std::string stem = n < 20 ? irregular[n] : cardinal_word(n) + "st";
      ords += "Es war der " + stem + infl + " Versuch. ";
      expected.push_back(n);
    }
  const auto odoc = test::analyze(ords, numbers_only());
  REQUIRE(odoc.numbers.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CAPTURE(odoc.numbers[k].text);
    CHECK(odoc.numbers[k].kind == "ordinal");
    CHECK(odoc.numbers[k].value == std::to_string(expected[k]));
  }
}
