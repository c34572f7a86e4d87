// The tense of a sentence read from German verb forms, without a tagger: Präteritum forms ("sagte",
// "kam"), Perfekt/Plusquamperfekt auxiliaries with a participle ("hat ... unterzeichnet", "hatte"),
// and "wird ... werden" or modal verbs that point ahead. It decides whether a bare month or weekday
// lies before or after the publication date.
#pragma once

#include "pipeline/analysis.hpp"
#include "time/time_words.hpp"

#include <utility>
#include <vector>

namespace newsnorm::detail {

class tense_reader {
 public:
  tense_reader(const analysis& a, const token_words& words)
      : a_(a), words_(words), cache_(a.sentences.size(), -1), pluperfect_(a.sentences.size(), -1),
        others_(a.sentences.size(), -1), report_(a.sentences.size(), -1) {}
  // past, future, or none (present tense or no verb found)
  tense of_sentence(std::size_t sentence);
  // the tense of the clause around tokens [first, last) (between commas, colons, dashes, brackets, quotes)
  // when its own verbs show one, else the sentence's: "Wie X am Dienstag meldete, soll er im Herbst regieren."
  // day: a weekday or a part of a day, which a present verb of reporting in its clause places in the past
  // ("vermeldet die Polizei am Freitag")
  tense of_clause(std::size_t first, std::size_t last, bool day = false);
  // "Die Inflation beträgt im Oktober 0,7 Prozent", "Die Euro-Zone verzeichnet im Juli das stärkste Wachstum seit
  // 2013": the clause around [first, last) reports a measured value (a present verb of measuring and a number); not
  // after "ab", "bis", "von", "seit", "für" ("Ab Juli beträgt der Beitrag 5 Euro" announces)
  bool measured(std::size_t first, std::size_t last) const;
  // "hatte ... gefordert", "war ... gegründet worden": a flashback that does not move the story on
  bool pluperfect(std::size_t sentence);
  // The clause around tokens [first, last) and the tense its own verbs show, never the sentence's: "heute sind es
  // 40" in "Früher waren es 20, heute sind es 40" shows none (present), where of_clause() falls back to "waren".
  struct clause {
    std::size_t first = 0, last = 0;
    tense shown = tense::none;
  };
  clause own_clause(std::size_t first, std::size_t last) const;

 private:
  // the clause around tokens [first, last) inside sentence r: its first token and the token after it
  std::pair<std::size_t, std::size_t> clause_around(std::size_t first, std::size_t last, const sentence_range& r) const;
  // a clause ends at token k (punctuation or a verb joint)
  bool boundary(std::size_t k) const;
  // "gekommen und möchte": "und", "oder", "aber" at k before a finite verb of the tense table part two verb phrases
  bool verb_joint(std::size_t k) const;
  // "die kaltfeuchte Stimmung": the word at i follows a determiner inside a clause, an adjective
  bool after_determiner(std::size_t i) const;
  // "Sollte er am Sonntag gewinnen": "sollte" first in its clause, a condition that points ahead
  bool conditional_sollte(std::size_t i) const;
  // the tense shown in tokens [first, last); a verb of saying outside [keep_first, keep_last) does not count
  tense read(std::size_t first, std::size_t last, std::size_t keep_first = 0,
             std::size_t keep_last = static_cast<std::size_t>(-1), bool reporting = false) const;
  const analysis& a_;
  const token_words& words_;
  std::vector<std::int8_t> cache_;
  std::vector<std::int8_t> pluperfect_;
  std::vector<std::int8_t> others_;  // the sentence without the verbs of saying that open a clause
  std::vector<std::int8_t> report_;  // the sentence with present verbs of reporting as past
};

// "sagte", "meldeten", "forderte": a weak Präteritum form (suffix rule with exceptions for adjectives).
bool weak_preterite(std::string_view folded);
// "geplant", "vorgesehen", "angesetzt": participles that with "ist"/"sind" describe a state ("ist für Mai geplant").
bool stative_participle(std::string_view folded);
// The ending both of those need: "-t" (not "-st") or "-en", five bytes or more; a cheap test before them.
bool participle_ending(std::string_view folded);
// "unterzeichnet", "gesagt", "gekommen", "beschlossen", "verhandelt": a participle.
// separable: also "festgenommen", "angekündigt" (particle + "ge" + stem)
bool participle(std::string_view folded, bool separable = true);
// "begonnene", "verstorbenen", "gegründete", "getretenen": a participle used as an adjective, which places what
// it describes in the past ("die im April begonnene Krise"); not the stative ones ("die für Mai geplante Wahl").
bool past_participle_adjective(std::string_view folded);

}  // namespace newsnorm::detail
