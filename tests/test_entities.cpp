// The entity stage: golden cases (tests/golden/entities_de.tsv), the sample article's entities, clusters,
// roles and quote speakers, demonym inflections, and odd input.
#include "entities/gazetteer.hpp"
#include "entities/ner_features.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <set>
#include <sstream>

using newsnorm::entity;

namespace {

std::vector<std::vector<std::string>> golden_rows(const std::string& name) {
  std::istringstream in(test::read_file(std::string(NEWSNORM_SOURCE_DIR) + "/tests/golden/" + name));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(f));
  }
  return rows;
}

std::string describe(const entity& e) {
  return e.text + " | " + e.type + " | " + e.canonical + " | " + (e.country.empty() ? "-" : e.country) + " | " +
         (e.geonames.empty() ? "-" : e.geonames);
}

const entity* find(const newsnorm::document& d, std::string_view text, std::string_view type = {}) {
  for (const entity& e : d.entities)
    if (e.text == text && (type.empty() || e.type == type)) return &e;
  return nullptr;
}

// A tagger sentence of space-separated tokens, folded to lower case (ASCII is enough here), annotated with
// the built-in gazetteer. The strings live in `store`.
newsnorm::detail::ner_sentence tagger_sentence(const newsnorm::detail::gazetteer& gaz, const std::string& text,
                                               std::vector<std::string>& store) {
  std::istringstream in(text);
  std::string w;
  std::vector<std::string> words;
  while (in >> w) words.push_back(w);
  store.clear();
  store.reserve(2 * words.size());
  newsnorm::detail::ner_sentence s;
  for (const std::string& word : words) {
    store.push_back(word);
    std::string f = word;
    for (char& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    store.push_back(f);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    newsnorm::detail::ner_token t;
    t.surface = store[2 * i];
    t.fold = store[2 * i + 1];
    t.sentence_start = i == 0;
    s.tokens.push_back(t);
  }
  std::string scratch;
  newsnorm::detail::annotate_sentence(gaz, s, scratch);
  return s;
}

const newsnorm::detail::gazetteer& builtin_gazetteer() {
  static const newsnorm::detail::gazetteer gaz = [] {
    newsnorm::detail::gazetteer g;
    const newsnorm::detail::data_source data;
    REQUIRE(!g.load(data, "de"));
    return g;
  }();
  return gaz;
}

newsnorm::options entities_only() {
  newsnorm::options o;
  o.stages = newsnorm::stages::structure | newsnorm::stages::entities;
  return o;
}

}  // namespace

TEST_CASE("entities: golden cases (tests/golden/entities_de.tsv)") {
  const auto rows = golden_rows("entities_de.tsv");
  REQUIRE(rows.size() >= 20);
  for (const auto& r : rows) {
    REQUIRE(r.size() >= 6);
    CAPTURE(r[0]);
    const auto doc = test::analyze(r[0], entities_only());
    std::string got;
    for (const entity& e : doc.entities) got += describe(e) + " ; ";
    CAPTURE(got);
    if (!r[2].empty() && r[2][0] == '!') {  // "!PER": no entity with this text is of that type
      const std::string unwanted = r[1] + " " + r[2];
      for (const entity& e : doc.entities) CHECK_MESSAGE(!(e.text == r[1] && e.type == r[2].substr(1)), unwanted);
      continue;
    }
    const std::string want = r[1] + " | " + r[2] + " | " + r[3] + " | " + r[4] + " | " + r[5];
    bool found = false;
    for (const entity& e : doc.entities) found = found || describe(e) == want;
    CHECK_MESSAGE(found, want);
  }
}

TEST_CASE("entities: the sample article") {
  const auto doc = test::analyze(test::sample_article(), test::with_dct("2024-10-04"));
  struct expected { const char* text; const char* type; const char* canonical; const char* country; };
  const expected names[] = {
      {"Kreml", "ORG", "Kreml", "RU"},
      {"Nordkorea", "LOC", "Nordkorea", "KP"},
      {"Ukraine", "LOC", "Ukraine", "UA"},
      {"Russland", "LOC", "Russland", "RU"},
      {"Moskau", "LOC", "Moskau", "RU"},
      {"Kiew", "LOC", "Kiew", "UA"},
      {"Seoul", "LOC", "Seoul", "KR"},
      {"Wladiwostok", "LOC", "Wladiwostok", "RU"},
      {"Pjöngjang", "LOC", "Pjöngjang", "KP"},
      {"Kim-Il-Sung-Platz", "LOC", "Kim-Il-Sung-Platz", "KP"},
      {"Dmitri Peskow", "PER", "Dmitri Peskow", ""},
      {"Kim Jong Un", "PER", "Kim Jong Un", ""},
      {"Wladimir Putin", "PER", "Wladimir Putin", ""},
      {"John Kirby", "PER", "John Kirby", ""},
      {"The Guardian", "ORG", "The Guardian", "GB"},
      {"Yonhap", "ORG", "Yonhap", "KR"},
      {"KCNA", "ORG", "KCNA", "KP"},
      {"KNS", "ORG", "KNS", "JP"},
      {"USA", "LOC", "USA", "US"},
      {"iranischer", "LOCderiv", "Iran", "IR"},
      {"nordkoreanische", "LOCderiv", "Nordkorea", "KP"},
      {"russischen", "LOCderiv", "Russland", "RU"},
      {"Kreml-Sprecher", "ORGpart", "Kreml", "RU"},
      {"Nationalen Sicherheitsrates der USA", "ORG", "Nationaler Sicherheitsrat der USA", "US"},
  };
  for (const expected& x : names) {
    CAPTURE(x.text);
    const entity* e = find(doc, x.text, x.type);
    REQUIRE_MESSAGE(e != nullptr, "missing " << x.text << " " << x.type);
    CHECK(e->canonical == x.canonical);
    CHECK(e->country == x.country);
    CHECK(e->cluster >= 0);
  }
  // GeoNames ids of the cities.
  CHECK(find(doc, "Moskau")->geonames == "524901");
  CHECK(find(doc, "Pjöngjang")->geonames == "1871859");

  // One cluster for every way of naming Kim; "Putins" is Wladimir Putin.
  const entity* kim = find(doc, "Kim Jong Un", "PER");
  const entity* kim_hyphen = find(doc, "Kim Jong-un", "PER");
  const entity* kim_alone = find(doc, "Kim", "PER");
  REQUIRE(kim_hyphen != nullptr);
  REQUIRE(kim_alone != nullptr);
  CHECK(kim_hyphen->cluster == kim->cluster);
  CHECK(kim_alone->cluster == kim->cluster);
  CHECK(kim_alone->canonical == "Kim Jong Un");
  const entity* putins = find(doc, "Putins", "PER");
  REQUIRE(putins != nullptr);
  CHECK(putins->canonical == "Wladimir Putin");
  CHECK(putins->cluster == find(doc, "Wladimir Putin")->cluster);
  CHECK(kim->cluster != putins->cluster);

  // Demonyms point at their place and share its cluster.
  CHECK(find(doc, "nordkoreanische")->cluster == find(doc, "Nordkorea")->cluster);

  // Roles found next to persons.
  const entity* peskow = find(doc, "Dmitri Peskow", "PER");
  REQUIRE(peskow->roles.size() == 1);
  CHECK(peskow->roles[0] == "Kreml-Sprecher");
  REQUIRE(find(doc, "Wladimir Putin")->roles.size() == 1);
  CHECK(find(doc, "Wladimir Putin")->roles[0] == "Präsident");
  REQUIRE(kim->roles.size() == 1);
  CHECK(kim->roles[0] == "Machthaber");

  // The quote's speaker links to Peskow's cluster.
  bool linked = false;
  for (const auto& q : doc.quotes)
    if (q.speaker_name == "Dmitri Peskow") linked = q.speaker_entity == peskow->cluster;
  CHECK(linked);

  // Every entity span covers its text.
  const std::string text = test::sample_article();
  for (const entity& e : doc.entities) {
    CAPTURE(e.text);
    CHECK(text.substr(e.start_byte, e.end_byte - e.start_byte) == e.text);
  }
}

TEST_CASE("entities: every inflection of a nationality adjective is LOCderiv of its country") {
  for (const char* form : {"nordkoreanisch", "nordkoreanische", "nordkoreanischen", "nordkoreanischer",
                           "nordkoreanisches", "nordkoreanischem"}) {
    CAPTURE(form);
    const auto doc = test::analyze(std::string("Es war ") + form + " gemeint.", entities_only());
    const entity* e = find(doc, form);
    REQUIRE(e != nullptr);
    CHECK(e->type == "LOCderiv");
    CHECK(e->canonical == "Nordkorea");
    CHECK(e->country == "KP");
  }
}

TEST_CASE("entities: a demonym noun's plural dative and female forms are LOCderiv of its place") {
  // "Argentinier" is listed once; the other forms are generated. A town's people noun too ("Bremern").
  const std::pair<const char*, const char*> cases[] = {
      {"Argentiniern", "Argentinien"}, {"Argentinierin", "Argentinien"}, {"Argentinierinnen", "Argentinien"},
      {"Schottin", "Schottland"}, {"Bremern", "Bremen"}, {"Ukrainerinnen", "Ukraine"}};
  for (auto [form, place] : cases) {
    CAPTURE(form);
    const auto doc = test::analyze(std::string("Am Montag sprachen wir mit den ") + form + " über das Spiel.", entities_only());
    const entity* e = find(doc, form);
    REQUIRE(e != nullptr);
    CHECK(e->type == "LOCderiv");
    CHECK(e->canonical == place);
  }
}

TEST_CASE("entities: people who share a surname stay apart; surname-only mentions join the nearest") {
  const auto doc = test::analyze(
      "Maria Müller traf am Montag Thomas Müller in Hamburg. Thomas Müller sagte danach, Müller sei zufrieden.",
      entities_only());
  const entity* maria = find(doc, "Maria Müller", "PER");
  const entity* thomas = find(doc, "Thomas Müller", "PER");
  REQUIRE(maria != nullptr);
  REQUIRE(thomas != nullptr);
  CHECK(maria->cluster != thomas->cluster);
  const entity* surname = find(doc, "Müller", "PER");
  REQUIRE(surname != nullptr);
  CHECK(surname->cluster == thomas->cluster);  // the nearest full name before it
  CHECK(surname->canonical == "Thomas Müller");
}

TEST_CASE("entities: an acronym and its long form are one cluster") {
  const auto doc = test::analyze(
      "Der Internationale Währungsfonds senkt die Prognose. Der IWF erwartet weniger Wachstum.", entities_only());
  const entity* long_form = find(doc, "Internationale Währungsfonds");
  const entity* acronym = find(doc, "IWF");
  REQUIRE(acronym != nullptr);
  CHECK(acronym->canonical == "Internationaler Währungsfonds");
  if (long_form) CHECK(long_form->cluster == acronym->cluster);
}

TEST_CASE("entities: odd input gives sane spans and no crash") {
  const std::string inputs[] = {
      "", ".", "\"\"\"", "Kreml-", "-Sprecher", "Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim",
      std::string(5000, 'A'), "Herr", "USA USA USA", "Die Die Die", "e.V. GmbH AG",
      "Ein " + std::string(300, 'x') + "sprecher Peter Meier sagte etwas.",
  };
  for (const std::string& in : inputs) {
    CAPTURE(in.substr(0, 40));
    const auto doc = test::analyze(in, entities_only());
    for (const entity& e : doc.entities) {
      CHECK(e.start_byte < e.end_byte);
      CHECK(e.end_byte <= in.size());
      CHECK(e.cluster >= 0);
      CHECK(!e.type.empty());
    }
  }
}

TEST_CASE("entities: the stage runs only when asked") {
  newsnorm::options o;
  o.stages = newsnorm::stages::structure;
  CHECK(test::analyze("Wladimir Putin sprach in Moskau.", o).entities.empty());
  CHECK(!test::analyze("Wladimir Putin sprach in Moskau.", entities_only()).entities.empty());
}

TEST_CASE("entities: a short quote is a title (OTH) only when its last word is capitalised or a number") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  // Speech ends in a verb or a particle: "Das reicht nicht", "Wir sind sehr zufrieden" are no titles.
  for (const char* text : {"Er sagte : \xE2\x80\x9E Das reicht nicht \xE2\x80\x9C .",
                           "Sie meinte \" Wir sind sehr zufrieden \" ."}) {
    ner_sentence s = tagger_sentence(gaz, text, store);
    std::vector<int> tags(s.tokens.size(), 0);
    apply_tag_rules(s, tags);
    CHECK_MESSAGE(std::all_of(tags.begin(), tags.end(), [](int t) { return t == 0; }), text);
  }
  // A title ends in a noun or a number: "Sommer vorm Balkon", "Apollo 13".
  for (const char* text : {"Der Film \xE2\x80\x9E Sommer vorm Balkon \xE2\x80\x9C lief gestern .",
                           "Der Film \" Apollo 13 \" lief gestern ."}) {
    ner_sentence s = tagger_sentence(gaz, text, store);
    std::vector<int> tags(s.tokens.size(), 0);
    apply_tag_rules(s, tags);
    CHECK_MESSAGE(tags[3] == begin_tag(label_index("OTH")), text);
    CHECK_MESSAGE(tags[4] == inside_tag(label_index("OTH")), text);
  }
}

TEST_CASE("entities: token rules for regnal numbers, role words and town names that are nouns") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  const int per = label_index("PER"), loc = label_index("LOC"), oth = label_index("OTH");
  auto rules = [&](const char* text, std::vector<int> tags) {
    ner_sentence s = tagger_sentence(gaz, text, store);
    tags.resize(s.tokens.size(), 0);
    apply_tag_rules(s, tags);
    return tags;
  };
  // A regnal number after a person or a first name is part of the person.
  auto t = rules("Damals sagte Kaiser Joseph II. das", {0, 0, 0, begin_tag(per)});
  CHECK(t[3] == begin_tag(per));
  CHECK(t[4] == inside_tag(per));
  t = rules("von König Felipe VI mit der Regierung", {0, 0, begin_tag(oth), inside_tag(oth)});
  CHECK(t[2] == begin_tag(per));
  CHECK(t[3] == inside_tag(per));
  t = rules("die Reform von Hartz IV kommt", {0, 0, 0, begin_tag(oth), inside_tag(oth)});
  CHECK(t[3] == begin_tag(oth));  // no first name: no person
  // A role word alone is no person; before a name it is no part of it.
  t = rules("sagte der Papst am Sonntag", {0, 0, begin_tag(per)});
  CHECK(t[2] == 0);
  t = rules("Besuch von Papst Franziskus in Kuba", {0, 0, begin_tag(per), inside_tag(per)});
  CHECK(t[2] == 0);
  CHECK(t[3] == begin_tag(per));
  // A person's genitive ends the name; a first name in -s or a name in vowel + s does not.
  t = rules("in Tom Rostons Buch steht", {0, begin_tag(per), inside_tag(per), inside_tag(per)});
  CHECK(t[1] == begin_tag(per));
  CHECK(t[2] == inside_tag(per));
  CHECK(t[3] == 0);
  t = rules("sagte Hans Meier heute", {0, begin_tag(per), inside_tag(per)});
  CHECK(t[2] == inside_tag(per));
  t = rules("sagte Nikos Toskas heute", {0, begin_tag(per), inside_tag(per)});
  CHECK(t[2] == inside_tag(per));
  // A town right after an article is the noun; not as a relative pronoun's object nor before a genitive.
  t = rules("sie saßen in den Bergen fest", {0, 0, 0, 0, begin_tag(loc)});
  CHECK(t[4] == 0);
  t = rules("das Spiel , in dem Bergen siegte", {0, 0, 0, 0, 0, begin_tag(loc)});
  CHECK(t[5] == begin_tag(loc));
  t = rules("er lebte im Berlin des Jahres 1962", {0, 0, 0, begin_tag(loc)});
  CHECK(t[3] == begin_tag(loc));
  t = rules("er wohnt in Bergen", {0, 0, 0, begin_tag(loc)});
  CHECK(t[3] == begin_tag(loc));
}

TEST_CASE("entities: the tagger sees the shape and class of a compound's first part") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  ner_sentence s = tagger_sentence(gaz, "Der NHL-Kader und der Ferrari-Technikchef und die SPD-Fraktion", store);
  const ner_token_info &nhl = s.info[1], &ferrari = s.info[4], &spd = s.info[7];
  CHECK(nhl.head_shape != 0);
  CHECK(nhl.head_shape != ferrari.head_shape);  // "NHL" is all capitals, "Ferrari" is not
  CHECK(nhl.head_shape == spd.head_shape);
  CHECK(spd.head_cluster == gaz.word("spd")->cluster[1]);
  CHECK(spd.head_cluster != 0);
  CHECK(s.info[0].head_shape == 0);  // no hyphen, no head
}

TEST_CASE("entities: English words make a name tagged PER a product's or a work's; first names keep it a person") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  const int per = label_index("PER"), oth = label_index("OTH");
  auto rules = [&](const char* text, std::vector<int> tags) {
    ner_sentence s = tagger_sentence(gaz, text, store);
    tags.resize(s.tokens.size(), 0);
    apply_tag_rules(s, tags);
    return tags;
  };
  auto t = rules("Brillen für Virtual Reality sind teuer", {0, 0, begin_tag(per), inside_tag(per)});
  CHECK(t[2] == begin_tag(oth));
  CHECK(t[3] == inside_tag(oth));
  t = rules("Der Grand Prix von Monaco", {0, begin_tag(per), inside_tag(per)});
  CHECK(t[1] == begin_tag(oth));
  t = rules("die Rakete von Blue Origin startete", {0, 0, 0, begin_tag(per), inside_tag(per)});
  CHECK(t[3] == begin_tag(oth));
  t = rules("das Studio Owlchemy Labs entwickelt", {0, 0, begin_tag(per), inside_tag(per)});  // a company's name
  CHECK(t[2] == begin_tag(label_index("ORG")));
  CHECK(t[3] == inside_tag(label_index("ORG")));
  t = rules("sagte Harry Potter heute", {0, begin_tag(per), inside_tag(per)});  // "Harry" is a first name
  CHECK(t[1] == begin_tag(per));
  t = rules("sagte Jürgen Klopp heute", {0, begin_tag(per), inside_tag(per)});
  CHECK(t[1] == begin_tag(per));
  // A one-word name too; an unknown word that is no English word stays a person.
  t = rules("Gegen Blue spielte", {0, begin_tag(per)});
  CHECK(t[1] == begin_tag(oth));
  t = rules("Gegen Kowalczyk spielte", {0, begin_tag(per)});
  CHECK(t[1] == begin_tag(per));
}

TEST_CASE("entities: a role compound before a name is no part of the person") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  const int per = label_index("PER"), org_part = label_index("ORGpart");
  ner_sentence s = tagger_sentence(gaz, "sagte Ko-Autor Nopphol Witvorapong von der Universität", store);
  std::vector<int> tags(s.tokens.size(), 0);
  tags[1] = begin_tag(per);
  tags[2] = tags[3] = inside_tag(per);
  apply_tag_rules(s, tags);
  CHECK(tags[1] == 0);
  CHECK(tags[2] == begin_tag(per));
  CHECK(tags[3] == inside_tag(per));
  // A compound of a known organisation is its part, as GermEval has it.
  s = tagger_sentence(gaz, "Die Chancen , SPD-Chef Kowalczyk abzulösen", store);
  tags.assign(s.tokens.size(), 0);
  tags[3] = begin_tag(per);
  tags[4] = inside_tag(per);
  apply_tag_rules(s, tags);
  CHECK(tags[3] == begin_tag(org_part));
  CHECK(tags[4] == begin_tag(per));
  // Alone, or before a name the tagger began anew, the compound is no person either.
  s = tagger_sentence(gaz, "Wagner war sein Co-Trainer in Wien", store);
  tags.assign(s.tokens.size(), 0);
  tags[0] = begin_tag(per);
  tags[3] = begin_tag(per);
  apply_tag_rules(s, tags);
  CHECK(tags[3] == 0);
  s = tagger_sentence(gaz, "sagt Kiwi-Chefin Monika Riha heute", store);
  tags.assign(s.tokens.size(), 0);
  tags[1] = begin_tag(per);
  tags[2] = begin_tag(per);
  tags[3] = inside_tag(per);
  apply_tag_rules(s, tags);
  CHECK(tags[1] == 0);
  CHECK(tags[2] == begin_tag(per));
  CHECK(tags[3] == inside_tag(per));
}

TEST_CASE("entities: an unknown -er word is no town adjective when it ends in a common noun or an English word follows") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  const int loc_deriv = label_index("LOCderiv");
  auto rules = [&](const char* text) {
    ner_sentence s = tagger_sentence(gaz, text, store);
    std::vector<int> tags(s.tokens.size(), 0);
    apply_tag_rules(s, tags);
    return tags;
  };
  CHECK(rules("die Ummendorfer Gemeinderäte tagten")[1] == begin_tag(loc_deriv));
  CHECK(rules("die Kooperationspartner Technik und Forschung")[1] == 0);  // "partner" is a common noun
  CHECK(rules("die Strecke Rollercoaster Lagoon ist neu")[2] == 0);       // "Lagoon" is English
  CHECK(rules("im neuen Browser Edge suchen")[2] == 0);
}

TEST_CASE("entities: German first names of every generation, with the gender German gives them") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  for (const char* name : {"jürgen", "günter", "wilfried", "ulrike", "uwe", "irmgard", "heinz-christian"}) {
    CAPTURE(name);
    CHECK((gaz.classes(name) & wc_first) != 0);
  }
  // entity_person_names.tsv (the quote stage's genders): German's gender wins over the locales' ("Gabriele"
  // is m in Italian), and a name one locale lists for either has none ("Lee").
  std::istringstream in(test::read_file(std::string(NEWSNORM_SOURCE_DIR) + "/src/data/de/entity_person_names.tsv"));
  std::string line;
  std::set<std::string> rows;
  while (std::getline(in, line)) rows.insert(line);
  CHECK(rows.count("Gabriele\tfirst\tf"));
  CHECK(rows.count("Jürgen\tfirst\tm"));
  CHECK(rows.count("Ulrike\tfirst\tf"));
  CHECK(rows.count("Lee\tfirst"));
  CHECK(!rows.count("Lee\tfirst\tf"));
  CHECK(rows.count("Jan\tfirst\tm"));  // one locale's "either" against many "m": m
}

TEST_CASE("entities: a name that starts with a landform and a genitive is a place") {
  using namespace newsnorm::detail;
  const gazetteer& gaz = builtin_gazetteer();
  std::vector<std::string> store;
  const int org = label_index("ORG"), loc = label_index("LOC");
  ner_sentence s = tagger_sentence(gaz, "Grabungen im Tal der Könige gehen weiter", store);
  std::vector<int> tags(s.tokens.size(), 0);
  tags[2] = begin_tag(org);
  tags[3] = tags[4] = inside_tag(org);
  apply_tag_rules(s, tags);
  CHECK(tags[2] == begin_tag(loc));
  CHECK(tags[4] == inside_tag(loc));
  s = tagger_sentence(gaz, "ein Sprecher vom Verein der Freunde sagte", store);  // no landform: the type stays
  tags.assign(s.tokens.size(), 0);
  tags[3] = begin_tag(org);
  tags[4] = tags[5] = inside_tag(org);
  apply_tag_rules(s, tags);
  CHECK(tags[3] == begin_tag(org));
}

TEST_CASE("entities: a quote's speaker the tagger missed is a person or a body; an organisation speaker is linked") {
  auto speaker_of = [](const newsnorm::document& d) { return d.quotes.empty() ? -2 : d.quotes.front().speaker_entity; };
  // One surname right after the speech verb: a person.
  auto doc = test::analyze("\"Wir haben die Zahlen am Montag noch einmal geprüft\", sagte Şahin.", entities_only());
  const entity* person = find(doc, "Şahin", "PER");
  REQUIRE(person != nullptr);
  CHECK(speaker_of(doc) == person->cluster);
  // An all-capital acronym: a body.
  doc = test::analyze("\"Ein Anspruch besteht in diesem Fall nicht\", so das LGZ.", entities_only());
  const entity* body = find(doc, "LGZ", "ORG");
  REQUIRE(body != nullptr);
  CHECK(speaker_of(doc) == body->cluster);
  // An organisation the tagger found that is the whole speaker is the speaker's entity.
  doc = test::analyze("\"Die Preise steigen weiter\", schrieb das Handelsblatt.", entities_only());
  body = find(doc, "Handelsblatt", "ORG");
  REQUIRE(body != nullptr);
  CHECK(speaker_of(doc) == body->cluster);
  // A common noun stays none.
  doc = test::analyze("\"Die Lage ist am Abend ruhig geblieben\", sagte die Polizei.", entities_only());
  CHECK(find(doc, "Polizei") == nullptr);
  CHECK(speaker_of(doc) == -1);
  // An organisation after the word for its kind is the speaker; a person's role before it is not.
  doc = test::analyze("\"Die Bestände sinken seit Jahren\", teilte die Naturschutzorganisation WWF mit.", entities_only());
  body = find(doc, "WWF", "ORG");
  REQUIRE(body != nullptr);
  CHECK(speaker_of(doc) == body->cluster);
  doc = test::analyze("\"Die Bestände sinken seit Jahren\", sagte die Sprecherin der EU-Kommission.", entities_only());
  CHECK(speaker_of(doc) == -1);
}

// engine_config::stages: an engine without the entity data answers the other stages as the full one does
// and refuses the entity stage with a clear error instead of returning no entities.
TEST_CASE("entities: an engine created without the entity stage's data") {
  newsnorm::engine_config config;
  config.stages = newsnorm::stages::structure | newsnorm::stages::time | newsnorm::stages::numbers;
  auto lean = newsnorm::engine::create(config);
  REQUIRE(lean);
  const std::string text = "Kremlsprecher Dmitri Peskow sagte am Montag in Moskau, mehr als 16.000 Container seien da.";
  newsnorm::options opt;
  opt.dct = std::chrono::year_month_day{std::chrono::year{2024}, std::chrono::month{10}, std::chrono::day{4}};
  opt.stages = config.stages;
  auto small = lean->analyze(text, opt);
  REQUIRE(small);
  auto full = test::engine().analyze(text, opt);
  REQUIRE(full);
  CHECK(newsnorm::to_json(*small) == newsnorm::to_json(*full));
  CHECK(small->timexes.size() == 1);
  CHECK(small->numbers.size() == 1);
  opt.stages = newsnorm::stages::all;
  auto refused = lean->analyze(text, opt);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == newsnorm::errc::invalid_argument);
  CHECK(refused.error().message.find("engine_config::stages") != std::string::npos);
}
