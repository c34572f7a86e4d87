// Sentences: a boundary after ". ! ? …" (and closing quotes or brackets glued to them) when the next
// token starts a new sentence. A '.' does not end a sentence after
//   an abbreviation            "z. B.", "Dr.", "u. a.", "Nr.", "Mio.", "bzw."
//   an initial                 "John F. Kennedy"
//   an ordinal                 "am 25. April", "der 3. Platz"  (unless a sentence starter follows)
//   a date                     "am 14.01. in Berlin"   ("14.01.2021" is one token anyway)
// and nothing ends before a lower-case word: German sentences start with a capital.
#include "article/article.hpp"
#include "text/utf8.hpp"

#include <array>

namespace newsnorm::detail {

namespace {

bool is_terminal(std::string_view s) {
  if (s.size() == 1) return s[0] == '.' || s[0] == '!' || s[0] == '?';
  return s == "\xE2\x80\xA6";  // …
}

constexpr std::array<bool, 256> may_be_terminal = [] {
  std::array<bool, 256> t{};
  t['.'] = t['!'] = t['?'] = t[0xE2] = true;  // 0xE2: the lead byte of "…"
  return t;
}();

bool is_closer(std::string_view s) {
  return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xC2\xAB" || s == "\xC2\xBB" ||
         s == "\xE2\x80\x98" || s == "\xE2\x80\x99" || s == ")" || s == "]" || s == "'";
}

bool starts_lower(const analysis& a, std::size_t i) {
  const token& t = a.tokens[i];
  if (!(t.flags & tf_word) || (t.flags & tf_upper_initial)) return false;
  const unsigned char c = static_cast<unsigned char>(a.text[t.begin]);
  return (c >= 'a' && c <= 'z') || c >= 0xC3;  // a lower-case ASCII letter or ä/ö/ü/ß...
}

// A '.' at token i (glued to token i-1) that belongs to the word before it.
bool dot_is_not_final(const article_rules& rules, const analysis& a, std::size_t i, std::size_t next) {
  if (i == 0 || !a.glued(i - 1)) return false;
  const token& prev = a.tokens[i - 1];
  const std::string_view fold = a.fold(prev);
  if (prev.flags & tf_word) {
    if (rules.is_abbreviation(fold)) return true;
    // An initial: a single letter, "F." in "John F. Kennedy".
    return !(prev.flags & tf_has_digit) && count_code_points(a.surface(prev)) == 1;
  }
  if (prev.flags & tf_number) {
    const std::string_view digits = a.surface(prev);
    const bool has_sep = digits.find_first_of(".,:/") != std::string_view::npos;
    // "am 14.01. in Berlin": a day.month. date
    if (has_sep && digits.size() <= 5 && digits.find('.') != std::string_view::npos) return true;
    // "am 25. April": an ordinal of one or two digits, unless a sentence starter follows ("... Platz 3. Die ...")
    if (!has_sep && digits.size() <= 2) {
      if (next >= a.tokens.size()) return false;
      return !(a.article_classes[next] & aw_sentence_starter);
    }
  }
  return false;
}

}  // namespace

void split_sentences(const article_rules& rules, analysis& a) {
  document& doc = *a.doc;
  for (const content_zone& z : a.zones) {
    if (z.first_token == z.last_token) continue;
    std::size_t start = z.first_token;
    auto close_sentence = [&](std::size_t end_tok) {  // tokens [start, end_tok)
      sentence_range r{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end_tok), z.where, z.paragraph};
      a.tokens[start].flags |= tf_sentence_start;
      for (std::size_t k = start; k < end_tok; ++k) a.tokens[k].sentence = static_cast<std::uint32_t>(a.sentences.size());
      a.sentences.push_back(r);
      sentence s;
      static_cast<span&>(s) = byte_span(a.tokens[start].begin, a.tokens[end_tok - 1].end);
      s.zone = z.where;
      if (z.paragraph != UINT32_MAX) {
        s.paragraph = z.paragraph;
        paragraph& p = doc.paragraphs[z.paragraph];
        if (p.sentence_count == 0) p.first_sentence = doc.sentences.size();
        ++p.sentence_count;
      }
      a.before_append(doc.sentences, "sentences");
      doc.sentences.push_back(std::move(s));
      start = end_tok;
    };
    const token* const tokens = a.tokens.data();
    const auto* const bytes = reinterpret_cast<const unsigned char*>(a.text.data());
    for (std::size_t i = z.first_token; i < z.last_token; ++i) {
      // one table lookup on the first byte turns away all but ". ! ?" and the three-byte marks ("…")
      if (!may_be_terminal[bytes[tokens[i].begin]]) continue;
      if (!is_terminal(a.surface(i))) continue;
      // Take the rest of "?!", "...", and closing quotes or brackets glued to the mark.
      std::size_t e = i + 1;
      while (e < z.last_token && a.glued(e - 1) && (is_terminal(a.surface(e)) || is_closer(a.surface(e)))) ++e;
      if (e >= z.last_token) break;
      if (!(a.tokens[e].flags & tf_space_before)) { i = e - 1; continue; }
      if (starts_lower(a, e)) { i = e - 1; continue; }
      // A comma or colon next: "„Nein!“, sagte er"
      const std::string_view nx = a.surface(e);
      if (nx == "," || nx == ";" || nx == ":" || nx == ")") { i = e - 1; continue; }
      // the run's last mark decides: in "Seidl (13.). Zehnter" the ordinal's dot is the bracket's, the one after it
      // ends the sentence
      std::size_t last = i;
      for (std::size_t k = i + 1; k < e; ++k)
        if (is_terminal(a.surface(k))) last = k;
      if (a.surface(last) == "." && dot_is_not_final(rules, a, last, e)) { i = e - 1; continue; }
      close_sentence(e);
      i = e - 1;
    }
    if (start < z.last_token) close_sentence(z.last_token);
  }
}

}  // namespace newsnorm::detail
