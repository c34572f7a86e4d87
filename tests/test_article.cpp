// Article structure: title, captions, datelines, paragraphs, sentences, tokens, quotes.
#include "test_support.hpp"

#include "data/resources.hpp"

#include <algorithm>

using namespace newsnorm;

namespace {

std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t k = s.find(sep);
    out.emplace_back(s.substr(0, k));
    if (k == std::string_view::npos) break;
    s.remove_prefix(k + sep.size());
  }
  return out;
}

template <class Fn>
void for_each_golden(const char* name, Fn&& fn) {
  const std::string data = test::read_file(std::string(NEWSNORM_SOURCE_DIR) + "/tests/golden/" + name);
  std::size_t rows = 0;
  detail::for_each_tsv_row(data, [&](const detail::tsv_row& row) { ++rows; fn(row); });
  CHECK(rows > 5);
}

// The speaker's name of the text's last quote (a pronoun's person, a role's person).
std::string name_of_last(const char* text) {
  const auto doc = test::analyze(text);
  REQUIRE(!doc.quotes.empty());
  return doc.quotes.back().speaker_name;
}

}  // namespace

TEST_CASE("golden: German sentence splitting") {
  for_each_golden("sentences_de.tsv", [](const detail::tsv_row& row) {
    const std::string text(row[0]);
    CAPTURE(text);
    const auto doc = test::analyze(text);
    std::vector<std::string> got;
    for (const auto& s : doc.sentences) got.push_back(s.text);
    CHECK(got == split(row[1], " || "));
  });
}

TEST_CASE("golden: quotes and their speakers") {
  for_each_golden("quotes_de.tsv", [](const detail::tsv_row& row) {
    const std::string text(row[0]);
    CAPTURE(text);
    const auto doc = test::analyze(text);
    if (row[1] == "none") {
      CHECK(doc.quotes.empty());
      return;
    }
    REQUIRE(doc.quotes.size() == 1);
    const quote& q = doc.quotes[0];
    CHECK((q.kind == quote_kind::direct ? "direct" : "reported") == row[1]);
    if (row[2] == "-") {  // a quote with nobody in particular as its source ("heißt es")
      CHECK_FALSE(q.speaker.has_value());
      return;
    }
    REQUIRE(q.speaker.has_value());
    CHECK(q.speaker->text == row[2]);
    CHECK(q.role == row[3]);
    CHECK(q.verb == row[4]);
    if (row.size() > 5 && !row[5].empty()) CHECK(q.speaker_name == row[5]);  // the fullest name, a pronoun's person
  });
}

TEST_CASE("sample article: title once, two captions with their credit, Peskow's quote") {
  const std::string text = test::sample_article();
  const auto doc = test::analyze(text, test::with_dct("2024-10-04"));
  REQUIRE(doc.title.has_value());
  CHECK(doc.title->text == "Kreml weist Berichte über Unterstützung durch nordkoreanische Soldaten in der Ukraine zurück");
  CHECK(doc.title->repeats.size() == 1);
  CHECK(doc.title->start == 0);

  REQUIRE(doc.captions.size() == 2);
  for (const auto& c : doc.captions) {
    CHECK(c.credit == "朝鮮通信社/KCNA via KNS");
    CHECK(c.repeats.size() == 1);
    REQUIRE(c.credit_span.has_value());
    CHECK(c.credit_span->text == c.credit);
  }
  CHECK(doc.captions[0].text.ends_with("in Wladiwostok an, 25. April 2019"));
  CHECK(doc.captions[1].text == "Militärparade auf dem Kim-Il-Sung-Platz in Pjöngjang, 14. Januar 2021");

  // Captions and the repeated title are not body text.
  CHECK(doc.paragraphs.size() == 15);
  for (const auto& p : doc.paragraphs) {
    CHECK(p.text.find("KCNA") == std::string::npos);
    CHECK(p.text != doc.title->text);
  }

  const auto direct = std::find_if(doc.quotes.begin(), doc.quotes.end(), [](const quote& q) { return q.kind == quote_kind::direct; });
  REQUIRE(direct != doc.quotes.end());
  CHECK(direct->content.text == "Das sieht nach einer weiteren Fake News Nachricht aus");
  REQUIRE(direct->speaker.has_value());
  CHECK(direct->speaker->text == "Dmitri Peskow");
  CHECK(direct->role == "Kreml-Sprecher");
  CHECK(direct->verb == "sagte");
  CHECK(std::count_if(doc.quotes.begin(), doc.quotes.end(), [](const quote& q) { return q.kind == quote_kind::direct; }) == 1);
  // "The Guardian" in marks is a name, not a quote
  for (const auto& q : doc.quotes) CHECK(q.content.text != "The Guardian");
  // The reported statement of John Kirby
  const auto kirby = std::find_if(doc.quotes.begin(), doc.quotes.end(),
                                  [](const quote& q) { return q.speaker && q.speaker->text == "John Kirby"; });
  REQUIRE(kirby != doc.quotes.end());
  CHECK(kirby->kind == quote_kind::reported);
  CHECK(kirby->role == "Sprecher des Nationalen Sicherheitsrates der USA");
}

TEST_CASE("a quote interrupted by its attribution is two quotes with one speaker") {
  const auto doc = test::analyze("„Wir sind bereit“, sagte der Minister, „aber wir brauchen mehr Zeit.“");
  REQUIRE(doc.quotes.size() == 2);
  for (const auto& q : doc.quotes) {
    REQUIRE(q.speaker.has_value());
    CHECK(q.speaker->text == "Minister");
    CHECK(q.verb == "sagte");
  }
  CHECK(doc.quotes[1].content.text == "aber wir brauchen mehr Zeit.");
}

TEST_CASE("quotes: the subject of the next paragraph's sentence is not a closed quote's speaker") {
  const auto doc = test::analyze("Hilfe für die Kliniken\n\n„Wir sind bereit“, sagte die Ministerin. „Aber wir brauchen Hilfe.“\n\n"
                                 "Die Bundesregierung teilte mit, sie prüfe den Vorschlag.");
  REQUIRE(doc.quotes.size() == 3);
  REQUIRE(doc.quotes[1].speaker.has_value());
  CHECK(doc.quotes[1].speaker->text != "Bundesregierung");
  CHECK(doc.quotes[1].speaker_name == "Ministerin");
}

TEST_CASE("a pronoun's person: a full name after a role word, even with a first name no list knows") {
  const auto doc = test::analyze("Glyphosat in der Kritik\n\nSeither wird Landwirtschaftsminister Andrä Rupprechter von allen "
                                 "Seiten bestürmt. Die Ergebnisse seien ernst zu nehmen, sagte er am Montag.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker_name == "Andrä Rupprechter");
  // a woman named after a kin word is no "er"; an agency's name is nobody
  const auto other = test::analyze("Besuch in Peking\n\nDer Künstler besuchte seine Mutter Gao Ying. "
                                   "Es gehe ihr besser, sagte er. Das meldete die Nachrichtenagentur TASR Fico.");
  REQUIRE(other.quotes.size() >= 1);
  CHECK(other.quotes[0].speaker_name != "Gao Ying");
}

TEST_CASE("a pronoun's person: the hand-written first names give a gender where the name lists give none") {
  // "Ricarda" is in the name lists without a gender; entity_first_names.tsv says f, so "er" is not Ricarda Lang
  const auto doc = test::analyze("Streit in der Koalition\n\nDer Minister Olaf Berger schwieg lange. Die Grünen-Chefin "
                                 "Ricarda Lang sprach von einem Fehler. Auf die Frage, ob er zurücktrete, sagte er: „Nein.“");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker_name == "Olaf Berger");
}

TEST_CASE("quotes: a reported clause that ends in a quotation keeps its closing mark") {
  const auto doc = test::analyze("Meldung\n\nLaut dem Sprecher ist „alles in Ordnung“. Die Ministerin sagte, die Abgaben seien "
                                 "„ein wesentlich hoher Betrag“.");
  REQUIRE(doc.quotes.size() >= 2);
  std::vector<std::string> reported;
  for (const auto& q : doc.quotes)
    if (q.kind == quote_kind::reported) reported.push_back(q.content.text);
  CHECK(reported == std::vector<std::string>{"ist „alles in Ordnung“", "die Abgaben seien „ein wesentlich hoher Betrag“"});
}

TEST_CASE("quotes: a body's fuller name is an adjective's, not another body's that ends in the same word") {
  const auto doc = test::analyze("Streik\n\n„Die Leute sind genervt“, sagte ein Sprecher von Pro Bahn. Nach Angaben der Bahn "
                                 "fallen rund 80 Prozent der Fernzüge aus. Die Tiroler Polizei ermittelt. Der Fahrer sei "
                                 "verletzt worden, teilte die Polizei mit.");
  std::vector<std::string> names;
  for (const auto& q : doc.quotes) names.push_back(q.speaker_name);
  CHECK(std::find(names.begin(), names.end(), "Bahn") != names.end());
  CHECK(std::find(names.begin(), names.end(), "Pro Bahn") == names.end());
  CHECK(std::find(names.begin(), names.end(), "Tiroler Polizei") != names.end());
}

TEST_CASE("quotes: a speaker after a dash, and 'Und weiter:' going on with the speaker") {
  const auto doc = test::analyze("Haushalt\n\n„Wir brauchen mehr Geld“ – das forderte der Bürgermeister am Montag. "
                                 "Und weiter: „Die Stadt ist pleite.“\n\n„Wir sparen“ – so die Kämmerin.\n\n"
                                 "„Die Kasse ist leer, das Geld ist weg“ – die Stadt in Zahlen.");
  REQUIRE(doc.quotes.size() == 4);
  for (std::size_t n : {0, 1}) {
    REQUIRE(doc.quotes[n].speaker.has_value());
    CHECK(doc.quotes[n].speaker->text == "Bürgermeister");
  }
  CHECK(doc.quotes[0].verb == "forderte");
  REQUIRE(doc.quotes[2].speaker.has_value());
  CHECK(doc.quotes[2].speaker->text == "Kämmerin");
  CHECK_FALSE(doc.quotes[3].speaker.has_value());
}

TEST_CASE("quotes: a title that opens with the quote names its speaker after the colon") {
  const auto doc = test::analyze("„Wir schaffen das“: Merkel verteidigt ihre Flüchtlingspolitik\n\n"
                                 "Berlin (dpa) - Die Kanzlerin hat ihre Politik verteidigt.\n\n"
                                 "„Sicher ist sicher“: Die Stadt verschärft die Kontrollen.");
  REQUIRE(doc.title.has_value());
  REQUIRE(doc.quotes.size() >= 1);
  REQUIRE(doc.quotes[0].speaker.has_value());
  CHECK(doc.quotes[0].speaker->text == "Merkel");
  for (const auto& q : doc.quotes) CHECK_FALSE((q.speaker && q.speaker->text == "Stadt"));  // a motto in the body
}

TEST_CASE("quotes: a three-word sentence in the subjunctive goes on with the reported speaker") {
  const auto doc = test::analyze("Prozess\n\nEr habe nichts gewusst, sagte der Angeklagte. Er sei unschuldig.");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[1].content.text == "Er sei unschuldig");
  REQUIRE(doc.quotes[1].speaker.has_value());
  CHECK(doc.quotes[1].speaker->text == "Angeklagte");
}

TEST_CASE("a pronoun whose sentence names two persons does not guess between them") {
  const auto doc = test::analyze("Am Montag traf Anna Berger in Berlin Maria Krüger. „Wir sind uns einig“, sagte sie.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "sie");
  CHECK(doc.quotes[0].speaker_name.empty());
}

TEST_CASE("a pronoun's person has a gender the pronoun allows") {
  const auto er = test::analyze("Am Montag traf Anna Berger in Berlin Thomas Krüger. „Wir sind uns einig“, sagte er.");
  REQUIRE(er.quotes.size() == 1);
  CHECK(er.quotes[0].speaker_name == "Thomas Krüger");
  const auto sie = test::analyze("Am Montag traf Anna Berger in Berlin Thomas Krüger. „Wir sind uns einig“, sagte sie.");
  REQUIRE(sie.quotes.size() == 1);
  CHECK(sie.quotes[0].speaker_name == "Anna Berger");
  // the last named speaker too: "sie" after Olaf Scholz is not Olaf Scholz
  const auto speaker = test::analyze("„Wir prüfen das“, sagte Olaf Scholz. „Nein“, sagte sie dann.");
  REQUIRE(speaker.quotes.size() == 2);
  CHECK(speaker.quotes[1].speaker_name.empty());
}

TEST_CASE("a pronoun's person: one name the article gives after a person's role, not after a medium's") {
  // "Stelarc" is no known first name: without the role before it, one word could be a place or a firm
  const auto doc = test::analyze(
      "Der Künstler Orlak stellt in Wien aus. „Das Ohr bleibt online“, sagte Orlak. Dann versprach er: „Bald kommt mehr.“");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[1].speaker->text == "er");
  CHECK(doc.quotes[1].speaker_name == "Orlak");
  const auto medium = test::analyze(
      "Die Zeitschrift Nokta berichtet seit Jahren. „Wir bleiben“, schrieb Nokta. Dann sagte er: „Bald kommt mehr.“");
  REQUIRE(medium.quotes.size() == 2);
  CHECK(medium.quotes[1].speaker_name.empty());
}

TEST_CASE("a pronoun's person is no body named as a speaker") {
  const auto doc = test::analyze(
      "Der Mann wurde verurteilt, wie die Schweriner Staatsanwaltschaft mitteilte. Vor Gericht beteuerte er, er habe es nicht ernst gemeint.");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].speaker_name == "Schweriner Staatsanwaltschaft");
  CHECK(doc.quotes[1].speaker->text == "er");
  CHECK(doc.quotes[1].speaker_name.empty());
}

TEST_CASE("a pronoun takes the person that opens a sentence naming two") {
  const auto doc = test::analyze(
      "Der Sprecher des Amtes Thomas Krüger wies den Vorwurf von Anna Berger zurück. „Das stimmt nicht“, sagte er.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker_name == "Thomas Krüger");
}

TEST_CASE("a pronoun's person: after a role word, with a hyphenated first name, by surname alone") {
  CHECK(name_of_last("„Wir bleiben hart“, sagte Viktor Orbán. Flüchtlingskoordinator Christian Konrad hat recht, "
                     "wenn er sagt: „Das Land kann mit Problemen schwer umgehen.“") == "Christian Konrad");
  CHECK(name_of_last("Antonis Samaras sagte, das sei falsch. Außenminister Frank-Walter Steinmeier übte Kritik. "
                     "„Ich verstehe das nicht“, sagte er.") == "Frank-Walter Steinmeier");
  CHECK(name_of_last("Selahattin Demirtaş sprach in Ankara. „Das ist Propaganda“, sagte Recep Tayyip Erdoğan. "
                     "Demirtaş bestreitet den Vorwurf. „Wir haben keine Beziehungen“, sagte er.") == "Selahattin Demirtaş");
  // a surname that is also a noun, after an adjective, is the noun: "mit voller Kraft"
  CHECK(name_of_last("„Wir siegen“, sagte Thomas Müller. Stefan Kraft sprang weit. Müller lief mit voller Kraft. "
                     "„Ich bin zufrieden“, sagte er.") == "Thomas Müller");
}

TEST_CASE("a pronoun's person is named before a quotation in marks, not inside it") {
  const auto doc = test::analyze("Ähnlich äußerte sich Generalsekretär Markus Blume: „Dass Andreas Kalbitz "
                                 "ausgeschlossen bleibt, ändert nichts“, sagte er.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker_name == "Markus Blume");
}

TEST_CASE("quotes: a phrase after the source of \"laut\" belongs to it; the content starts at the verb") {
  const auto doc = test::analyze("Laut einer amtlichen Opferbilanz vom Samstag wurden 238 Menschen verletzt.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "Opferbilanz");
  CHECK(doc.quotes[0].content.text == "wurden 238 Menschen verletzt");
}

TEST_CASE("quotes: a genitive after the source of \"laut\" belongs to it; after a text it is the source") {
  auto doc = test::analyze("Laut dem Jahresbericht der Arbeiterkammer stiegen die Mieten um vier Prozent.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "Arbeiterkammer");
  CHECK(doc.quotes[0].content.text == "stiegen die Mieten um vier Prozent");
  // an adjective stands before a noun: the lower-case word after the phrase is the verb
  doc = test::analyze("Laut einer Umfrage unter 500 Lehrern wünschen sich die meisten kleinere Klassen.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].content.text == "wünschen sich die meisten kleinere Klassen");
}

TEST_CASE("quotes: \"habe ich\" going on after a report is the speaker's own words, a direct quote") {
  const auto doc = test::analyze("Das Haus in den Bergen gehöre ihm noch, sagte der Schauspieler. Er habe es nie "
                                 "verkauft. Außerdem habe ich es an einen Freund vermietet.");
  REQUIRE(doc.quotes.size() == 3);
  CHECK(doc.quotes[1].kind == quote_kind::reported);
  CHECK(doc.quotes[2].kind == quote_kind::direct);
  CHECK(doc.quotes[2].content.text == "Außerdem habe ich es an einen Freund vermietet");
  REQUIRE(doc.quotes[2].speaker.has_value());
  CHECK(doc.quotes[2].speaker->text == "Schauspieler");
}

TEST_CASE("the polite Sie inside a sentence names nobody") {
  const auto doc = test::analyze("Rektorin Sonja Hammerschmid lacht. STANDARD: Bei Ihrer Antrittsrede haben Sie gesagt, "
                                 "dass Ihr Vater wichtig war.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "Sie");
  CHECK(doc.quotes[0].speaker_name.empty());
}

TEST_CASE("a surname speaker gets the full name seen in the article") {
  const auto doc = test::analyze("Kreml-Sprecher Dmitri Peskow war in Moskau.\n\nPeskow sagte: „Das ist eine Lüge.“");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "Peskow");
  CHECK(doc.quotes[0].speaker_name == "Dmitri Peskow");
}

TEST_CASE("the full-name index prefers runs that start with a first name") {
  const auto doc = test::analyze("Medizin-Nobelpreisträger Tim Hunt sprach in London. Hunt erklärte, Frauen sollten getrennt arbeiten.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "Hunt");
  CHECK(doc.quotes[0].speaker_name == "Tim Hunt");
}

TEST_CASE("ich, wir and man do not inherit the previous speaker") {
  const auto doc = test::analyze("„Wir prüfen das“, sagte Olaf Scholz. „Das geht nicht“, sagte man im Ministerium.");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[1].speaker->text == "man");
  CHECK(doc.quotes[1].speaker_name.empty());
}

TEST_CASE("a pronoun speaker takes the previous named speaker") {
  const auto doc = test::analyze("„Wir prüfen das“, sagte Olaf Scholz. „Nein“, sagte er dann.");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[1].speaker->text == "er");
  CHECK(doc.quotes[1].speaker_name == "Olaf Scholz");
}

TEST_CASE("quotes: a quote sentence right after an attributed one goes on with its speaker") {
  const auto doc = test::analyze(
      "Der Rosenmontagszug zieht wieder durch Köln.\n\n"
      "„Die Lage ist ernst“, sagte der Kölner Zugleiter Holger Kirsch. „Der Zug ist durch nichts zu ersetzen.“ "
      "„Wir planen weiter.“\n\n„Das sehen wir anders.“");
  REQUIRE(doc.quotes.size() == 4);
  for (std::size_t n = 0; n < 3; ++n) {
    CAPTURE(n);
    REQUIRE(doc.quotes[n].speaker.has_value());
    CHECK(doc.quotes[n].speaker->text == "Holger Kirsch");
    CHECK(doc.quotes[n].role == "Kölner Zugleiter");
  }
  CHECK(doc.quotes[0].verb == "sagte");
  CHECK(doc.quotes[1].verb.empty());  // the verb belongs to the first quote
  CHECK_FALSE(doc.quotes[3].speaker.has_value());  // a new paragraph: nobody is carried over
  // a quote with text of its own after it, or one that does not open its sentence, is not carried: a
  // fragment takes the subject of its own sentence
  const auto other = test::analyze("„Die Lage ist ernst“, sagte Holger Kirsch. Der Verband nannte das „eine Zumutung für alle“.");
  REQUIRE(other.quotes.size() == 2);
  REQUIRE(other.quotes[1].speaker.has_value());
  CHECK(other.quotes[1].speaker->text == "Verband");
}

TEST_CASE("quotes: reported speech goes on in the subjunctive in the sentences after it") {
  const auto doc = test::analyze(
      "Die Lage sei ernst, sagte Staatsanwalt François Molins am Samstag. Es gebe 352 Verletzte. "
      "Sieben Terroristen seien gestorben. Die Ermittlungen dauern an. Es gebe keine Spur.");
  REQUIRE(doc.quotes.size() == 3);
  CHECK(doc.quotes[1].content.text == "Es gebe 352 Verletzte");
  CHECK(doc.quotes[2].content.text == "Sieben Terroristen seien gestorben");
  for (const auto& q : doc.quotes) {
    REQUIRE(q.speaker.has_value());
    CHECK(q.speaker->text == "François Molins");
    CHECK(q.role == "Staatsanwalt");
  }
  CHECK(doc.quotes[1].verb.empty());
  // after a direct quote too; not with "ich" (a direct quote without its marks), not in a new paragraph,
  // not when the sentence has a source of its own
  const auto after = test::analyze(
      "„Das ist falsch“, sagte die Anwältin. Ihr Mandant habe nichts gewusst. Ich habe das gesehen.\n\n"
      "„Das stimmt“, sagte Anna Berger. Das sei ein Fehler gewesen, heißt es in der Klage.\n\nEs sei spät.");
  REQUIRE(after.quotes.size() == 4);
  CHECK(after.quotes[1].content.text == "Ihr Mandant habe nichts gewusst");
  REQUIRE(after.quotes[1].speaker.has_value());
  CHECK(after.quotes[1].speaker->text == "Anwältin");
  CHECK(after.quotes[3].content.text == "Das sei ein Fehler gewesen");  // the Klage's, nobody's in particular
  CHECK_FALSE(after.quotes[3].speaker.has_value());
}

TEST_CASE("quotes: a quote over a paragraph break is one quote") {
  // German convention: the first paragraph stays open, the next one opens again with „
  const auto doc = test::analyze(
      "Die Ministerin sprach in Berlin.\n\nMüller sagte: „Wir werden das prüfen. Das ist sicher.\n\n"
      "„Wir brauchen aber mehr Zeit.“\n\nDanach ging sie.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].content.text == "Wir werden das prüfen. Das ist sicher.\n\n„Wir brauchen aber mehr Zeit.");
  REQUIRE(doc.quotes[0].speaker.has_value());
  CHECK(doc.quotes[0].speaker->text == "Müller");
  // the same with the speaker after the last part, and over three paragraphs
  const auto after = test::analyze("Der Tag begann früh.\n\n„Wir sind bereit.\n\n„Wir kommen.\n\n„Das Ziel ist klar“, sagte Anna Berger.");
  REQUIRE(after.quotes.size() == 1);
  CHECK(after.quotes[0].text.starts_with("„Wir sind bereit."));
  REQUIRE(after.quotes[0].speaker.has_value());
  CHECK(after.quotes[0].speaker->text == "Anna Berger");
  // a paragraph that does not open with a mark ends the open quote (dropped, as before)
  const auto stop = test::analyze("Der Tag begann früh.\n\nMüller sagte: „Wir sind bereit.\n\nDann kam der Regen.“ Er ging.");
  for (const auto& q : stop.quotes) CHECK(q.text.find("bereit") == std::string::npos);
}

TEST_CASE("quotes: a verb joined by \"und\" takes the subject of the clause before") {
  const auto direct = test::analyze("„Wir sind bereit“, sagte Anna Müller und fügte hinzu, die Lage sei aber ernst.");
  REQUIRE(direct.quotes.size() == 2);
  CHECK(direct.quotes[1].kind == quote_kind::reported);
  CHECK(direct.quotes[1].content.text == "die Lage sei aber ernst");
  REQUIRE(direct.quotes[1].speaker.has_value());
  CHECK(direct.quotes[1].speaker->text == "Anna Müller");
  CHECK(direct.quotes[1].verb == "fügte");

  const auto two = test::analyze("Die Ministerin betonte, die Lage sei ernst, und meinte, man müsse jetzt handeln.");
  REQUIRE(two.quotes.size() == 2);
  CHECK(two.quotes[0].content.text == "die Lage sei ernst");  // ends before ", und meinte"
  CHECK(two.quotes[1].content.text == "man müsse jetzt handeln");
  for (const auto& q : two.quotes) {
    REQUIRE(q.speaker.has_value());
    CHECK(q.speaker->text == "Ministerin");
  }
  CHECK(two.quotes[1].verb == "meinte");

  const auto colon = test::analyze(
      "„Wir waren nicht da“, räumte Rückraumspielerin Xenia Smits ein und forderte: „Wir müssen jetzt nach vorne schauen.“");
  REQUIRE(colon.quotes.size() == 2);
  REQUIRE(colon.quotes[1].speaker.has_value());
  CHECK(colon.quotes[1].speaker->text == "Xenia Smits");
  CHECK(colon.quotes[1].verb == "forderte");
}

TEST_CASE("quotes: the full-name index skips a noun at the start of a run") {
  const auto named = test::analyze("Das Schicksal Badawis bewegt viele. „Es ist ein Skandal“, sagte Badawis.");
  REQUIRE(named.quotes.size() == 1);
  CHECK(named.quotes[0].speaker_name == "Badawis");
  const auto start = test::analyze("Gegen Tesla ermitteln die Behörden. „Das System hat versagt“, teilte Tesla mit.");
  REQUIRE(start.quotes.size() == 1);
  CHECK(start.quotes[0].speaker_name == "Tesla");
  const auto abstract = test::analyze("Amnesty fordert zur Freilassung Badawis auf. „Es ist ein Skandal“, sagte Badawis.");
  REQUIRE(abstract.quotes.size() == 1);
  CHECK(abstract.quotes[0].speaker_name == "Badawis");
  const auto org = test::analyze("Die Salzburger Polizei ermittelt. „Es gibt keine Spur“, teilte die Polizei mit.");
  REQUIRE(org.quotes.size() == 1);
  CHECK(org.quotes[0].speaker_name == "Salzburger Polizei");  // an adjective after the article is kept
}

TEST_CASE("datelines") {
  struct dl_case { const char* text; const char* place; const char* agency; const char* date; };
  const dl_case cases[] = {
      {"MOSKAU (dpa) - Der Kreml hat reagiert.", "MOSKAU", "dpa", ""},
      {"Berlin, 3. Mai (Reuters) - Die Regierung tagte.", "Berlin", "Reuters", "3. Mai"},
      {"Wien – Die Gewerkschaft sieht Handlungsbedarf.", "Wien", "", ""},
      {"Berlin/Paris (AFP) – Die Minister trafen sich.", "Berlin/Paris", "AFP", ""},
      {"Frankfurt am Main (dpa) - Die Börse schloss fester.", "Frankfurt am Main", "dpa", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto doc = test::analyze(c.text);
    REQUIRE(doc.datelines.size() == 1);
    CHECK(doc.datelines[0].place == c.place);
    CHECK(doc.datelines[0].agency == c.agency);
    CHECK(doc.datelines[0].date == c.date);
  }
  // A lede sentence first, then the dateline (as news sites join headline and body)
  const auto joined = test::analyze("Die Gewerkschaft lanciert einen Rechner. Wien – Die Gewerkschaft sieht Handlungsbedarf.");
  REQUIRE(joined.datelines.size() == 1);
  CHECK(joined.datelines[0].place == "Wien");
  // Not datelines: a dash inside a normal sentence
  CHECK(test::analyze("Die Lage ist ernst – sagen Experten.").datelines.empty());
  CHECK(test::analyze("Das ist so - oder auch nicht.").datelines.empty());
}

TEST_CASE("captions: a single line with a credit tail, and a title that stands alone") {
  const auto doc = test::analyze(
      "Scholz reist nach Kiew\n\nDer Kanzler kam am Morgen an.\n\nOlaf Scholz am Bahnhof in Kiew - Foto: dpa/Kay Nietfeld\n\nEr traf den Präsidenten.");
  REQUIRE(doc.title.has_value());
  CHECK(doc.title->text == "Scholz reist nach Kiew");
  CHECK(doc.title->repeats.empty());
  REQUIRE(doc.captions.size() == 1);
  CHECK(doc.captions[0].text == "Olaf Scholz am Bahnhof in Kiew");
  CHECK(doc.captions[0].credit == "Foto: dpa/Kay Nietfeld");
  CHECK(doc.paragraphs.size() == 2);
}

TEST_CASE("captions: a one-line article that ends in an agency's credit is a paragraph, not a caption") {
  // Scraped articles often come as one line; "(APA/red – 8.8. 2015)" at the end reads like a caption's credit.
  std::string text = "Wien – Der Sieger des Turniers heißt Philipp Kohlschreiber.";
  for (int i = 0; i < 8; ++i) text += " Der Deutsche gewann das Endspiel am Samstag nach zwei Stunden in drei Sätzen.";
  text += " Ich bin sehr zufrieden mit der Woche, sagte Kohlschreiber. Für den Verlierer reichte es zu einem Titel – seinem ersten im Doppel. (APA/red – 8.8. 2015)";
  const auto doc = test::analyze(text);
  CHECK(doc.captions.empty());
  CHECK(doc.paragraphs.size() == 1);
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].speaker->text == "Kohlschreiber");
  // a short line with the same credit stays a caption
  const auto caption = test::analyze("Er trifft den Präsidenten.\n\nKohlschreiber nach dem Finale in Kitzbühel – APA/red\n\nDas Turnier endet.");
  REQUIRE(caption.captions.size() == 1);
  CHECK(caption.captions[0].credit == "APA/red");
}

TEST_CASE("a body that starts with a long sentence has no title") {
  const auto doc = test::analyze("Der Kreml hat Berichte zurückgewiesen, wonach Nordkorea Soldaten geschickt hat.\nEr sagte nichts.");
  CHECK_FALSE(doc.title.has_value());
  CHECK(doc.paragraphs.size() == 2);  // a sentence end, then a line break: a new paragraph
  CHECK(doc.sentences.size() == 2);
}

TEST_CASE("tokens keep compounds, numbers and punctuation apart") {
  options opt;
  opt.tokens = true;
  const auto doc = test::analyze("Kreml-Sprecher Peskow: am 14.01.2021 um 14:30 kamen 16.000 Menschen (G7).", opt);
  std::vector<std::string> got;
  for (const auto& t : doc.tokens) got.push_back(t.text);
  const std::vector<std::string> expected = {"Kreml-Sprecher", "Peskow", ":", "am", "14.01.2021", "um", "14:30", "kamen",
                                             "16.000", "Menschen", "(", "G7", ")", "."};
  CHECK(got == expected);
}

TEST_CASE("quotes: unbalanced and nested marks stay linear and sane") {
  const auto doc = test::analyze("„Er sagte ‚Nein‘ und ging“, berichtete die Zeitung. „Offen bleibt");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].content.text == "Er sagte ‚Nein‘ und ging");
  std::string many(200000, '"');
  const auto flood = test::analyze(many);
  CHECK(flood.quotes.empty());
}

TEST_CASE("layout: single newlines between paragraphs, a headline on the first line") {
  const auto doc = test::analyze(
      "Scholz trifft Macron in Paris\n"
      "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist. Dort traf er den Präsidenten.\n"
      "Die beiden sprachen über die Ukraine.\n"
      "„Wir stehen zusammen“, sagte Scholz.");
  REQUIRE(doc.title.has_value());
  CHECK(doc.title->text == "Scholz trifft Macron in Paris");
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[2].text == "„Wir stehen zusammen“, sagte Scholz.");
}

TEST_CASE("layout: hard-wrapped lines stay one paragraph") {
  const auto doc = test::analyze(
      "Der Kreml hat Berichte zurueckgewiesen, wonach Nordkorea Soldaten in die\n"
      "Ukraine geschickt hat. Das sagte ein Sprecher am Donnerstag vor Reportern\n"
      "in Moskau. Die Zeitung hatte zuvor unter Berufung auf Beamte berichtet.\n"
      "Weitere Angaben gab es nicht.");
  CHECK_FALSE(doc.title.has_value());
  CHECK(doc.paragraphs.size() == 1);
  CHECK(doc.sentences.size() == 4);
}

TEST_CASE("English: reported speech after 'said that', no comma before 'that'") {
  newsnorm::options opt;
  opt.lang = "en";
  const auto doc = test::analyze("Talks go on\n\nThe minister said that the talks would continue. He told reporters on "
                                 "Monday that the plan was dead. She said the weather was fine.", opt);
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].content.text == "that the talks would continue");
  CHECK(doc.quotes[0].speaker->text == "minister");
  CHECK(doc.quotes[1].content.text == "that the plan was dead");
  CHECK(doc.quotes[1].verb == "told");
  const auto according = test::analyze("Accident\n\nAccording to the police, three people were injured.", opt);
  REQUIRE(according.quotes.size() == 1);
  CHECK(according.quotes[0].speaker->text == "police");
  CHECK(according.quotes[0].content.text == "three people were injured");
}

TEST_CASE("English: title, dateline, and a quote with the speaker before the verb") {
  newsnorm::options opt;
  opt.lang = "en";
  const auto doc = test::analyze(
      "Kremlin denies reports\n\nMOSCOW (Reuters) - The Kremlin on Friday dismissed the reports.\n\n"
      "\"This looks like another fake news story,\" Kremlin spokesman Dmitry Peskov told reporters.\n", opt);
  REQUIRE(doc.title.has_value());
  REQUIRE(doc.datelines.size() == 1);
  CHECK(doc.datelines[0].place == "MOSCOW");
  REQUIRE(doc.quotes.size() == 1);
  REQUIRE(doc.quotes[0].speaker.has_value());
  CHECK(doc.quotes[0].speaker->text == "Dmitry Peskov");
  CHECK(doc.quotes[0].role == "Kremlin spokesman");
  CHECK(doc.quotes[0].verb == "told");
}

TEST_CASE("quotes: a direct quote whose marks the source dropped, and reported speech after it") {
  // "Das ist schlimm" is a direct quote without marks; "fügte hinzu" reports the rest with the same speaker
  const auto doc = test::analyze("Das ist schlimm, sagte Makarim Wibisono und fügte hinzu, die Schuldigen würden nie bestraft.");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].kind == quote_kind::direct);
  CHECK(doc.quotes[0].content.text == "Das ist schlimm");
  CHECK(doc.quotes[1].kind == quote_kind::reported);
  CHECK(doc.quotes[1].verb == "fügte");
  for (const auto& q : doc.quotes) {
    REQUIRE(q.speaker.has_value());
    CHECK(q.speaker->text == "Makarim Wibisono");
  }
  // the whole sentence head is the quote, "Und" included; a dateline is not part of it
  const auto und = test::analyze("Und das ist gut so, sagte der Trainer.");
  REQUIRE(und.quotes.size() == 1);
  CHECK(und.quotes[0].content.text == "Und das ist gut so");
}

TEST_CASE("quotes: quotes without marks take at most half the input's size in memory") {
  // A text of nothing but attributions would make a quote a sentence; the quotes without marks stop at
  // (half the input + 64 KiB) / (a quote's size), the rest of the text is read without them.
  std::string text;
  while (text.size() < 400000) text += "Die Lage ist sehr ernst, sagte Peskow. ";
  const auto doc = test::analyze(text);
  const std::size_t allowed = (text.size() / 2 + (std::size_t{64} << 10)) / (sizeof(quote) + 16);
  CHECK(doc.sentences.size() > 2 * allowed);
  CHECK(doc.quotes.size() == allowed);
  for (const auto& q : doc.quotes) REQUIRE(q.kind == quote_kind::direct);
}

TEST_CASE("quotes: a quote sentence after reported speech in the open-class subjunctive goes on with its speaker") {
  const auto doc = test::analyze("Er beneide die Regierung aber nicht, sagte Hartung. „Als Konsument brauche ich den Ausbau.“");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].kind == quote_kind::reported);
  REQUIRE(doc.quotes[1].speaker.has_value());
  CHECK(doc.quotes[1].speaker->text == "Hartung");
}

TEST_CASE("quotes: a fragment in marks inside reported speech: the clause is reported, the fragment takes its speaker") {
  const auto doc = test::analyze("IOC-Präsident Thomas Bach erklärte, ein Ausschluss „wegen eines Passes oder des Geburtsorts“ "
                                 "verstoße gegen das Verbot.");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].kind == quote_kind::reported);
  CHECK(doc.quotes[0].content.text == "ein Ausschluss „wegen eines Passes oder des Geburtsorts“ verstoße gegen das Verbot");
  CHECK(doc.quotes[1].kind == quote_kind::direct);
  CHECK(doc.quotes[1].content.text == "wegen eines Passes oder des Geburtsorts");
  REQUIRE(doc.quotes[1].speaker.has_value());
  CHECK(doc.quotes[1].speaker->text == "Thomas Bach");

  const auto with_own = test::analyze("Mit seiner Mannschaft sei das Arbeiten „ein Genuss“, lobte der Trainer.");
  REQUIRE(with_own.quotes.size() == 2);
  CHECK(with_own.quotes[0].kind == quote_kind::reported);
  CHECK(with_own.quotes[0].speaker->text == "Trainer");

  // a whole quote in marks is no fragment: no second, reported copy of it
  const auto whole = test::analyze("„Kleine Sender könnten stark betroffen sein“, sagt Petra Hauser.");
  REQUIRE(whole.quotes.size() == 1);
  CHECK(whole.quotes[0].kind == quote_kind::direct);
}

TEST_CASE("quotes: a speaker that is a role alone gets the person named with that role before") {
  // the same role, and a role with the same head ("Sprecher" after "Polizeisprecher"); hand-written first names
  CHECK(name_of_last("Der russische Präsident Wladimir Putin reiste nach Peking. „Wir sind Partner“, sagte der "
                     "russische Präsident.") == "Wladimir Putin");
  CHECK(name_of_last("Polizeisprecher Roman Hahslinger war vor Ort. Es gebe keine Verletzten, so der Sprecher.") ==
        "Roman Hahslinger");
  // a role with a genitive may be someone else's: "ein Sprecher der Feuerwehr"
  CHECK(name_of_last("Polizeisprecher Roman Hahslinger war vor Ort. Es gebe keine Verletzten, sagte ein Sprecher "
                     "der Feuerwehr.") == "Sprecher der Feuerwehr");
  // nobody named with it before: the role stays
  CHECK(name_of_last("„Wir sind bereit“, sagte der Minister.") == "Minister");
}
