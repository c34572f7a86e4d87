// Datelines at the start of a body paragraph, or after the lede sentence of a one-line article:
//   "MOSKAU (dpa) - "   "Berlin, 3. Mai (Reuters) -"   "Wien – "   "Berlin/Paris (AFP) – "
// place: up to four capitalised words; date: after a comma; agency: in brackets; then a dash.
#include "article/article.hpp"

namespace newsnorm::detail {

namespace {

struct dateline_match {
  std::size_t end_token = 0;  // the dash
  std::size_t place_first = 0, place_last = 0, date_first = 0, date_last = 0, agency_first = 0, agency_last = 0;
};

std::optional<dateline_match> match_dateline(const article_rules& rules, const analysis& a, std::size_t i, std::size_t limit) {
  dateline_match m;
  auto cap = [&](std::size_t k) { return k < limit && a.is(k, tf_word) && a.is(k, tf_upper_initial | tf_all_upper); };
  std::size_t k = i;
  // place
  m.place_first = k;
  std::size_t words = 0;
  while (cap(k) && words < 4) {
    ++k; ++words;
    if (k < limit && a.surface(k) == "." && a.glued(k - 1) && rules.is_abbreviation(a.fold(k - 1))) ++k;  // "St. Pölten"
    if (k + 1 < limit && a.surface(k) == "/" && cap(k + 1)) ++k;                                                   // "Berlin/Paris"
    if (k + 1 < limit && (a.fold(k) == "am" || a.fold(k) == "an" || a.fold(k) == "im") && cap(k + 1)) ++k;        // "Frankfurt am Main"
  }
  m.place_last = k;
  if (k < limit && a.surface(k) == ",") {
    // date: "3. Mai", "3. Mai 2024", "03.05.2024"
    const std::size_t d = k + 1;
    std::size_t e = d;
    while (e < limit && e - d < 5 && (a.is(e, tf_number) || a.surface(e) == "." || cap(e))) ++e;
    if (e > d && a.is(d, tf_number)) { m.date_first = d; m.date_last = e; k = e; }
  }
  if (k < limit && a.surface(k) == "(") {
    std::size_t e = k + 1;
    while (e < limit && e - k < 8 && a.surface(e) != ")") ++e;
    if (e >= limit || a.surface(e) != ")" || e == k + 1) return std::nullopt;
    m.agency_first = k + 1; m.agency_last = e;
    k = e + 1;
  }
  if (m.place_last == m.place_first && m.agency_last == m.agency_first) return std::nullopt;
  if (k >= limit || !a.is(k, tf_dash) || !a.is(k, tf_space_before)) return std::nullopt;
  if (k + 1 >= limit || !a.is(k + 1, tf_space_before)) return std::nullopt;
  // Without agency or date, ask for a short place and a capitalised start after the dash.
  if (m.agency_last == m.agency_first && m.date_last == m.date_first) {
    if (words > 3 || !(a.is(k + 1, tf_upper_initial) || a.is(k + 1, tf_quote_mark))) return std::nullopt;
  }
  m.end_token = k;
  return m;
}

}  // namespace

void find_datelines(const article_rules& rules, analysis& a) {
  // Candidates: the first two sentences of the first body paragraph, the first of the second.
  std::vector<std::size_t> starts;
  std::uint32_t seen_paragraphs = 0, last_paragraph = UINT32_MAX, in_paragraph = 0;
  for (const sentence_range& s : a.sentences) {
    if (s.where != zone::body) continue;
    if (s.paragraph != last_paragraph) { last_paragraph = s.paragraph; ++seen_paragraphs; in_paragraph = 0; }
    if (seen_paragraphs > 2) break;
    ++in_paragraph;
    if ((seen_paragraphs == 1 && in_paragraph <= 2) || (seen_paragraphs == 2 && in_paragraph == 1)) starts.push_back(s.first);
  }
  for (std::size_t i : starts) {
    const std::size_t limit = a.sentences[a.tokens[i].sentence].last;
    const auto m = match_dateline(rules, a, i, limit);
    if (!m) continue;
    dateline d;
    static_cast<span&>(d) = byte_span(a.tokens[i].begin, a.tokens[m->end_token].end);
    auto text_of = [&](std::size_t f, std::size_t l) {
      return f == l ? std::string() : std::string(a.text.substr(a.tokens[f].begin, a.tokens[l - 1].end - a.tokens[f].begin));
    };
    d.place = text_of(m->place_first, m->place_last);
    d.date = text_of(m->date_first, m->date_last);
    d.agency = text_of(m->agency_first, m->agency_last);
    a.doc->datelines.push_back(std::move(d));
    break;  // one dateline an article
  }
}

}  // namespace newsnorm::detail
