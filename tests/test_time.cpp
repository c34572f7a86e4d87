// The temporal stage: golden cases (tests/golden/time_de.tsv) and the behaviour around them:
// spans, range links, sets, anchors, calendar facts and the TimeML rendering.
#include "test_support.hpp"

#include "article/article.hpp"
#include "data/resources.hpp"
#include "time/calendar.hpp"
#include "time/time_grammar.hpp"

#include <algorithm>

using namespace newsnorm;

namespace {

options options_for(std::string_view dct, std::string_view mode) {
  options o;
  if (dct != "-") {
    const auto r = parse_reference(dct).value();
    o.dct = r.date;
    o.dct_time = r.time;
  }
  o.mode = mode == "narrative" ? analysis_mode::narrative : mode == "news" ? analysis_mode::news : analysis_mode::automatic;
  o.stages = stages::structure | stages::time;
  return o;
}

const newsnorm::timex* find_timex(const document& doc, std::string_view text) {
  for (const auto& t : doc.timexes)
    if (t.text == text) return &t;
  return nullptr;
}

std::string all_timexes(const document& doc) {
  std::string s;
  for (const auto& t : doc.timexes) s += "[" + t.text + " " + t.type + " " + t.value + " " + t.mod + "] ";
  return s;
}

}  // namespace

TEST_CASE("golden: German temporal expressions") {
  const std::string data = test::read_file(std::string(NEWSNORM_SOURCE_DIR) + "/tests/golden/time_de.tsv");
  std::size_t rows = 0;
  detail::for_each_tsv_row(data, [&](const detail::tsv_row& row) {
    ++rows;
    const std::string text(row[0]);
    CAPTURE(text);
    const auto doc = test::analyze(text, options_for(row[1], row[2]));
    const std::string found = all_timexes(doc);
    CAPTURE(found);
    if (row[3] == "none") {
      CHECK(doc.timexes.empty());
      return;
    }
    const newsnorm::timex* t = find_timex(doc, row[3]);
    REQUIRE_MESSAGE(t != nullptr, "no expression with the text '" << row[3] << "'");
    CHECK(t->type == row[4]);
    CHECK(t->value == row[5]);
    CHECK(t->mod == (row[6] == "-" ? std::string_view{} : row[6]));
  });
  CHECK(rows > 100);
}

TEST_CASE("time: spans are exact, in bytes and code points, and never overlap") {
  const std::string text = "Am Donnerstag, 3. Oktober 2024, um 14.30 Uhr trafen sich die Minister in Brüssel für zwei Stunden.";
  const auto doc = test::analyze(text, test::with_dct("2024-10-04"));
  REQUIRE(doc.timexes.size() == 3);
  CHECK(doc.timexes[0].text == "Donnerstag, 3. Oktober 2024");
  CHECK(doc.timexes[0].value == "2024-10-03");
  CHECK(doc.timexes[1].text == "14.30 Uhr");
  CHECK(doc.timexes[1].value == "2024-10-03T14:30");  // the clock takes the day of the sentence
  CHECK(doc.timexes[2].text == "zwei Stunden");
  CHECK(doc.timexes[2].value == "PT2H");
  for (std::size_t k = 0; k < doc.timexes.size(); ++k) {
    const newsnorm::timex& t = doc.timexes[k];
    CHECK(text.substr(t.start_byte, t.end_byte - t.start_byte) == t.text);
    if (k) CHECK(doc.timexes[k - 1].end_byte <= t.start_byte);
    CHECK(t.tid == "t" + std::to_string(k + 1));
  }
  // two "ü" ("Brüssel für") before the last expression: code points trail bytes by two
  CHECK(doc.timexes[2].end == doc.timexes[2].end_byte - 2);
}

TEST_CASE("time: a weekday and the clock time after it are one TIME, also as the ends of a range") {
  // "Sonntag, 20.15 Uhr": one expression, not the DATE "Sonntag" and the TIME "20.15 Uhr"
  auto doc = test::analyze("Der Tatort läuft am Sonntag, 20.15 Uhr, im Ersten.", test::with_dct("2016-03-15"));
  REQUIRE(doc.timexes.size() == 1);
  CHECK(doc.timexes[0].text == "Sonntag, 20.15 Uhr");
  CHECK(doc.timexes[0].type == "TIME");
  CHECK(doc.timexes[0].value == "2016-03-20T20:15");
  doc = test::analyze("Randalierer beschädigten zwischen Donnerstag, 19 Uhr, und Freitag, 5 Uhr, ein Auto.",
                      test::with_dct("2016-03-15"));
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.timexes[0].value == "2016-03-10T19:00");
  CHECK(doc.timexes[1].value == "2016-03-11T05:00");
}

TEST_CASE("time: ranges between two days with articles, and weekday ranges within one week") {
  // "zwischen dem 4. und dem 22. Januar 1995": the first day borrows month and year, the two ends are linked
  auto doc = test::analyze("Die Proben wurden zwischen dem 4. und dem 22. Januar 1995 genommen.", test::with_dct("2024-10-04"));
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.timexes[0].value == "1995-01-04");
  CHECK(doc.timexes[1].value == "1995-01-22");
  CHECK(doc.timexes[0].range_end == "t2");
  CHECK(doc.timexes[1].range_begin == "t1");
  // "von Montag bis Freitag": the end is the Friday after that Monday, not the Friday of the DCT (2024-10-04)
  doc = test::analyze("Von Montag bis Freitag bleibt die Straße gesperrt.", test::with_dct("2024-10-04"));
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.timexes[0].value == "2024-10-07");
  CHECK(doc.timexes[1].value == "2024-10-11");
  CHECK(doc.timexes[1].range_begin == "t1");
  doc = test::analyze("Die Straße war von Montag bis Freitag gesperrt.", test::with_dct("2024-10-04"));  // the past week
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.timexes[0].value == "2024-09-30");
  CHECK(doc.timexes[1].value == "2024-10-04");
  doc = test::analyze("Der Markt hat nächsten Donnerstag bis Samstag geöffnet.", test::with_dct("2024-10-04"));
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.timexes[0].value == "2024-10-10");
  CHECK(doc.timexes[1].value == "2024-10-12");
}

TEST_CASE("time: both ends of a range are expressions and are linked") {
  const auto doc = test::analyze("Die Messe fand vom 3. bis 5. Mai statt, der Krieg dauerte von 1939-1945.", test::with_dct("2024-10-04"));
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.timexes[0].value == "2024-05-03");
  CHECK(doc.timexes[1].value == "2024-05-05");
  for (int k : {0, 1}) {
    CHECK(doc.timexes[k].range_begin == "t1");
    CHECK(doc.timexes[k].range_end == "t2");
  }
  CHECK(doc.timexes[2].value == "1939");
  CHECK(doc.timexes[3].value == "1945");
  CHECK(doc.timexes[3].range_begin == "t3");
  CHECK(doc.timexes[3].range_end == "t4");
  // a slash joins two years in one token: "1939/40" gives two expressions; after a winter the first is the
  // winter's ("Winter 1939" 1939-WI, the span ending inside the token), the second a year
  const auto winter = test::analyze("Im Winter 1939/40 fror die Front.", test::with_dct("2024-10-04"));
  REQUIRE(winter.timexes.size() == 2);
  CHECK(winter.timexes[0].text == "Winter 1939");
  CHECK(winter.timexes[0].value == "1939-WI");
  CHECK(winter.timexes[1].text == "40");
  CHECK(winter.timexes[1].value == "1940");
  CHECK(winter.timexes[1].start_byte == 15);
}

TEST_CASE("time: two clock times linked by a dash, 'bis' or 'zwischen ... und' are a range") {
  for (const char* text : {"Die Sprechstunde dauert von 9:30 - 11:00.", "Die Sprechstunde ist zwischen 9:30 und 11:00.",
                           "Die Sprechstunde ist von 9.30 bis 11 Uhr."}) {
    CAPTURE(text);
    const auto doc = test::analyze(text, test::with_dct("2024-10-04"));
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[0].value == "2024-10-04T09:30");
    CHECK(doc.timexes[1].value == "2024-10-04T11:00");
    CHECK(doc.timexes[0].range_end == "t2");
    CHECK(doc.timexes[1].range_begin == "t1");
  }
}

TEST_CASE("time: sets carry quant and freq") {
  const auto doc = test::analyze("Die Kommission tagt zweimal im Jahr, der Markt jeden Montag um 8 Uhr.", test::with_dct("2024-10-04"));
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.timexes[0].type == "SET");
  CHECK(doc.timexes[0].value == "P1Y");
  CHECK(doc.timexes[0].freq == "2X");
  CHECK(doc.timexes[1].value == "XXXX-WXX-1T08:00");
  CHECK(doc.timexes[1].quant == "EACH");
}

TEST_CASE("time: relative expressions name their anchor") {
  const auto news = test::analyze("Gestern und im Juni.", test::with_dct("2024-10-04"));
  REQUIRE(news.timexes.size() == 2);
  CHECK(news.timexes[0].anchor == "2024-10-04");
  const auto story = test::analyze("Am 22. Juni 1941 begann der Angriff. Zwei Tage später fiel die Stadt.",
                                   options_for("2011-02-16", "narrative"));
  REQUIRE(story.timexes.size() == 2);
  CHECK(story.timexes[1].anchor == "1941-06-22");
  CHECK(story.timexes[0].anchor.empty());  // absolute: nothing to resolve
}

TEST_CASE("time: an aside does not move the story") {
  // "(ab 1929 Jugoslawien)" and a Plusquamperfekt flashback keep the story in 1918
  const auto doc = test::analyze(
      "Am 28. Oktober 1918 wurde die Tschechoslowakei gegründet (ab 1929 hieß der Nachbar Jugoslawien). "
      "Bereits im Dezember 1912 hatte der Kaiser den Krieg gefordert. Am 3. November endete der Krieg im Süden.",
      options_for("2011-02-16", "narrative"));
  const newsnorm::timex* t = find_timex(doc, "3. November");
  REQUIRE(t != nullptr);
  CHECK(t->value == "1918-11-03");
}

TEST_CASE("time: a rate after a quantity, not a day or year named after it") {
  // "im Jahr", "am Tag" after a number and its noun are rates, as "pro Jahr" is
  for (const char* text : {"Sie verdient 1.000 Euro im Monat.", "Er verbrachte 16 Stunden am Tag dort.",
                           "Sie gönnt sich einen Chip am Tag."}) {
    CAPTURE(text);
    const auto doc = test::analyze(text, test::with_dct("2024-10-04"));
    REQUIRE(!doc.timexes.empty());
    CHECK(doc.timexes.back().type == "SET");
  }
  // a year, a day named after it, an ordinal, no quantity: no rate
  for (const char* text : {"Es starben 300 Menschen im Jahr 2015.", "Er verlor 20 Kilo im Jahr darauf.",
                           "Sie sprach vor 500 Gästen am Tag nach der Wahl.", "Es kamen 2000 Besucher am Tag der offenen Tür.",
                           "Er hatte 3 Euro am Tag, als er ging.", "Er kommt jeden 3. Tag im Monat.",
                           "Fünf Wettkämpfe bestreitet er im Jahr.", "Sie fuhren 500 Kilometer zusätzlich am Tag.",
                           "Der Umsatz stieg um 3 Prozent im Quartal."}) {
    CAPTURE(text);
    const auto doc = test::analyze(text, test::with_dct("2024-10-04"));
    for (const newsnorm::timex& t : doc.timexes) CHECK(!(t.type == "SET" && (t.text == "im Jahr" || t.text == "am Tag" || t.text == "im Monat" || t.text == "im Quartal")));
  }
}

TEST_CASE("time: calendar facts") {
  using namespace detail;
  CHECK(format_date(easter_sunday(2024)) == "2024-03-31");
  CHECK(format_date(easter_sunday(2025)) == "2025-04-20");
  CHECK(format_date(easter_sunday(2000)) == "2000-04-23");
  CHECK(iso_week_of(make_ymd(2024, 10, 4)).week == 40);
  CHECK(iso_week_of(make_ymd(2021, 1, 3)).year == 2020);  // a Sunday in week 53 of 2020
  CHECK(iso_week_of(make_ymd(2021, 1, 3)).week == 53);
  CHECK(iso_week_of(make_ymd(2024, 12, 30)).year == 2025);
  CHECK(format_date(add_months(make_ymd(2024, 1, 31), 1)) == "2024-02-29");
  CHECK(iso_weekday(make_ymd(2024, 10, 4)) == 5);
  holiday advent1;
  advent1.rule = holiday_rule::before_fixed;
  advent1.a = 12, advent1.b = 4, advent1.c = 7;
  CHECK(format_date(*holiday_date(advent1, 2018)) == "2018-12-02");
  // the Julian calendar: Orthodox Easter and Christmas as Gregorian dates
  CHECK(format_date(orthodox_easter_sunday(2024)) == "2024-05-05");
  CHECK(format_date(orthodox_easter_sunday(2025)) == "2025-04-20");  // the same Sunday as the Western Easter
  CHECK(format_date(orthodox_easter_sunday(2018)) == "2018-04-08");
  CHECK(format_date(from_julian(2024, 12, 25)) == "2025-01-07");
  CHECK(format_date(from_julian(1582, 10, 5)) == "1582-10-15");  // the day after 4 October 1582 (Julian)
  // other calendars through ICU: the first such day in the Gregorian year
  holiday eid{holiday_rule::islamic, 10, 1};
  CHECK(format_date(*holiday_date(eid, 2024)) == "2024-04-10");
  CHECK(format_date(*holiday_date(eid, 2000)) == "2000-01-08");  // and again on 27 December 2000
  holiday rosh{holiday_rule::hebrew, 7, 1};
  CHECK(format_date(*holiday_date(rosh, 2024)) == "2024-10-03");
  holiday purim{holiday_rule::hebrew, 12, 14};
  CHECK(format_date(*holiday_date(purim, 2023)) == "2023-03-07");  // Adar in a common year
  CHECK(format_date(*holiday_date(purim, 2024)) == "2024-03-24");  // Adar II in a leap year
  holiday spring{holiday_rule::chinese, 1, 1};
  CHECK(format_date(*holiday_date(spring, 2025)) == "2025-01-29");
  CHECK(format_year(460, true) == "BC0460");
}

TEST_CASE("time: TimeML output tags each expression once") {
  const std::string text = "Am 25. April 2019 & gestern.";
  const auto doc = test::analyze(text, test::with_dct("2024-10-04"));
  const std::string xml = to_timeml(doc, text);
  CHECK(xml.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-04-25\">25. April 2019</TIMEX3>") != std::string::npos);
  CHECK(xml.find("value=\"2024-10-03\" temporalFunction=\"true\" anchorTimeID=\"t0\">gestern</TIMEX3>") != std::string::npos);
  CHECK(xml.find("&amp;") != std::string::npos);
  CHECK(xml.find("functionInDocument=\"CREATION_TIME\"") != std::string::npos);
}

TEST_CASE("time: bad and odd input never crashes and stays in bounds") {
  const std::string inputs[] = {
      "", "Am", "am 31.", "am 32. Mai", "Ende", "Anfang Anfang Anfang", "vom 3. bis", "1939/", "um", "halb",
      "99.99.9999", "0.0.0000", "Weihnachten 99999", "Ostern 1", "im 0. Jahrhundert", "die 0er Jahre",
      "zweimal im", "jeden", "Nacht zum", "3-", "2024-13-45", "31.02.2024", "vor 999999999 Jahren",
  };
  for (const auto& text : inputs) {
    CAPTURE(text);
    for (const char* mode : {"news", "narrative", "none"}) {
      const auto doc = test::analyze(text, options_for(std::string_view(mode) == "none" ? "-" : "2024-10-04", mode));
      for (const auto& t : doc.timexes) {
        CHECK(t.end_byte <= text.size());
        CHECK(t.start_byte < t.end_byte);
        CHECK(!t.value.empty());
      }
    }
  }
}

TEST_CASE("time: a dateline's full date is the reference date when none is given") {
  const std::string text = "BERLIN, 3. März 2024 (Reuters) - Die Regierung hat am Montag einen Plan vorgelegt. Gestern war es ruhig.";
  const auto doc = test::analyze(text, options_for("-", "none"));
  CHECK(doc.dct == "2024-03-03");
  CHECK(doc.mode == "news");
  const newsnorm::timex* monday = find_timex(doc, "Montag");
  REQUIRE(monday != nullptr);
  CHECK(monday->value == "2024-02-26");  // the Monday before that Sunday: "hat ... vorgelegt"
  const newsnorm::timex* gestern = find_timex(doc, "Gestern");
  REQUIRE(gestern != nullptr);
  CHECK(gestern->value == "2024-03-02");
  CHECK(gestern->anchor == "2024-03-03");

  // a given date wins; so does a chosen mode; a dateline without a year anchors nothing
  CHECK(test::analyze(text, options_for("2024-03-05", "none")).dct == "2024-03-05");
  CHECK(test::analyze(text, options_for("-", "narrative")).mode == "narrative");
  const auto no_year = test::analyze("BERLIN, 3. März (Reuters) - Gestern war es ruhig.", options_for("-", "none"));
  CHECK(no_year.dct.empty());
  CHECK(no_year.mode == "none");
}

TEST_CASE("time: the words the structure stage's probe finds are the ones the stage's own probe finds") {
  // The engine lets the article index find the time words too (article_rules::shared); classify_tokens() reads
  // them from analysis::shared_ids and probes itself only for other article rules. Both ways give the same words
  // and token_trait bytes for every token.
  const detail::data_source data;
  auto tables = std::make_shared<detail::time_tables>();
  REQUIRE_FALSE(detail::load_time_tables(data, "de", *tables).has_value());
  tables->words.for_each([&](std::string_view key, const detail::time_word&) {
    tables->longest_word = std::max(tables->longest_word, key.size());
  });
  tables->build_index();
  auto shared = detail::load_article_rules(data, "de", {tables->shared_words(), tables});
  auto own = detail::load_article_rules(data, "de");
  REQUIRE(shared.has_value());
  REQUIRE(own.has_value());

  const std::string text = test::sample_article() +
                           "\n\nUm sieben Uhr, von fünf bis sieben, am 3. März 2024, seit vielen Jahren, Mitte der Neunzigerjahre.";
  for (const auto* rules : {&*shared, &*own}) {
    options opt;
    document doc;
    detail::analysis a;
    a.text = text;
    a.opt = &opt;
    a.doc = &doc;
    detail::read_article(**rules, a);
    CHECK(a.shared_for == (rules == &*shared ? tables.get() : nullptr));
    const detail::token_words read = detail::classify_tokens(*tables, a);
    a.shared_for = nullptr;  // the stage's own probe
    const detail::token_words probed = detail::classify_tokens(*tables, a);
    REQUIRE(read.size() == a.tokens.size());
    REQUIRE(probed.size() == a.tokens.size());
    std::size_t found = 0;
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
      CAPTURE(a.fold(i));
      CHECK(read[i] == probed[i]);
      CHECK(read.traits()[i] == probed.traits()[i]);
      found += read[i] != nullptr;
    }
    for (std::size_t k = 0; k < 3; ++k) CHECK(read.traits()[a.tokens.size() + k] == 0);  // the padding
    CHECK(read.traits()[-1] == 0);
    CHECK(found > 100);
  }
}
