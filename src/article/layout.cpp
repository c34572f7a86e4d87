// Layout: reads the article line by line and decides what each line is.
//
//   Kreml weist Berichte ... zurück            <- title
//   Kreml weist Berichte ... zurück            <- repeat of the title (reported, not content)
//   Der Kreml hat Berichte zurückgewiesen ...  <- body paragraph
//   Der nordkoreanische Machthaber ..., 25. April 2019              <- repeat of the caption
//   Der nordkoreanische Machthaber ..., 25. April 2019 - KCNA via KNS <- caption with its credit
#include "article/article.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace newsnorm::detail {

namespace {

struct line {
  std::uint32_t begin = 0, end = 0;  // trimmed, bytes
  bool blank() const { return begin == end; }
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Splits into lines (\n, \r\n, \r) with surrounding white space trimmed. One pass.
std::vector<line> split_lines(std::string_view text) {
  std::vector<line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    // memchr finds '\n' at memory speed; a lone '\r' (old Mac line ends) is looked for in that stretch only.
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    std::size_t eol = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    if (const void* cr = std::memchr(text.data() + pos, '\r', eol - pos))
      eol = static_cast<std::size_t>(static_cast<const char*>(cr) - text.data());
    std::size_t b = pos, e = eol;
    while (b < e && is_ascii_space(text[b])) ++b;
    while (e > b && is_ascii_space(text[e - 1])) --e;
    // U+00A0 no-break space at either end, common in scraped text.
    while (e - b >= 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
    while (e - b >= 2 && text.substr(b, 2) == "\xC2\xA0") b += 2;
    lines.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    if (eol >= text.size()) break;
    pos = eol + ((text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') ? 2 : 1);
  }
  return lines;
}

std::string_view text_of(std::string_view text, const line& l) { return text.substr(l.begin, l.end - l.begin); }

// Dashes and bars that separate a caption from its credit: " - ", " – ", " | ", " / ".
std::size_t credit_separator_length(std::string_view s) {
  if (s.empty()) return 0;
  const char c = s[0];
  if (c == '-' || c == '|' || c == '/') return 1;
  if (c != '\xE2' && c != '\xC2') return 0;  // the multi-byte ones start with these
  static constexpr std::string_view seps[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xA9"};
  for (auto sep : seps)
    if (s.substr(0, sep.size()) == sep) return sep.size();
  return 0;
}

// The first bytes of the separators a one-line caption's credit follows: "-", "|", "–" / "—" (0xE2), "©" (0xC2).
constexpr std::array<bool, 256> separator_lead = [] {
  std::array<bool, 256> t{};
  t['-'] = t['|'] = t[0xE2] = t[0xC2] = true;
  return t;
}();

// " - 朝鮮通信社/KCNA via KNS" after the caption text: returns the credit, trimmed, or empty.
std::string_view credit_suffix(std::string_view rest, std::size_t& credit_offset) {
  std::size_t i = 0;
  while (i < rest.size() && rest[i] == ' ') ++i;
  if (i == 0 && !rest.empty() && rest[0] != '(') return {};  // the caption must end at a word boundary
  std::size_t sep = credit_separator_length(rest.substr(i));
  bool paren = false;
  if (sep == 0 && i < rest.size() && rest[i] == '(') { sep = 1; paren = true; }
  if (sep == 0) return {};
  i += sep;
  while (i < rest.size() && rest[i] == ' ') ++i;
  std::string_view credit = rest.substr(i);
  if (paren && !credit.empty() && credit.back() == ')') credit.remove_suffix(1);
  if (credit.empty() || credit.size() > 160) return {};
  credit_offset = i;
  return credit;
}

// A line that is a caption on its own: "Putin in Moskau. Foto: dpa", "... 2021 - Reuters/KCNA via KNS".
// The credit must look like one: a photo word, a known agency, a slash or " via ".
bool looks_like_credit(const article_rules& rules, std::string_view credit) {
  if (credit.size() > 100) return false;
  if (credit.find(" via ") != std::string_view::npos || credit.find('/') != std::string_view::npos) return true;
  std::string folded;
  std::size_t i = 0;
  while (i < credit.size()) {
    std::size_t j = i;
    while (j < credit.size() && credit[j] != ' ' && credit[j] != ':' && credit[j] != ',' && credit[j] != '(' && credit[j] != ')') ++j;
    if (j > i) {
      folded.clear();
      append_folded(credit.substr(i, j - i), folded, matching_locale());
      if (rules.classes(folded) & (aw_agency | aw_photo_credit)) return true;
    }
    i = j + 1;
  }
  return false;
}

// Where the last "Foto: " of `tail` starts, else the last "Bild: ", else the last "Fotos: " (npos when none);
// an occurrence at `tail_start + position == 0` does not count. One backward pass over the colons (memrchr)
// instead of three rfind calls, which compare at every byte: this runs for every one-line document.
std::size_t last_photo_word(std::string_view tail, std::size_t tail_start) {
  constexpr std::size_t none = std::string_view::npos;
  std::size_t found[3] = {none, none, none};  // Foto, Bild, Fotos
  std::size_t end = tail.size();
  while (found[0] == none && end > 0) {
    const void* hit = memrchr(tail.data(), ':', end);
    if (!hit) break;
    const std::size_t p = static_cast<std::size_t>(static_cast<const char*>(hit) - tail.data());
    end = p;
    if (p + 1 >= tail.size() || tail[p + 1] != ' ') continue;
    auto take = [&](int k, std::string_view word) {
      if (found[k] == none && p >= word.size() && tail.substr(p - word.size(), word.size()) == word &&
          tail_start + p - word.size() > 0)
        found[k] = p - word.size();
    };
    take(0, "Foto");
    take(1, "Bild");
    take(2, "Fotos");
  }
  for (std::size_t f : found)
    if (f != none) return f;
  return none;
}

// A one-line caption is a sentence or two before its credit: a one-line article (scraped text often has no line
// breaks) that ends in "(APA/red – 8.8. 2015)" or a results table with "1/3" is no caption.
constexpr std::size_t max_caption_bytes = 400;

// Finds the last " - " (or " – ", " | ") in a line whose tail reads as a credit.
std::optional<std::pair<std::size_t, std::size_t>> single_line_credit(const article_rules& rules, std::string_view s) {
  const std::size_t stop = s.size() > 170 ? s.size() - 170 : 1;  // a credit is short: look at the tail only
  for (std::size_t k = s.size(); k-- > stop;) {
    // A separator starts with one of four bytes, rare in text: testing them first keeps the branch predictable
    // (a test for the space before them would alternate with every word).
    if (!separator_lead[static_cast<unsigned char>(s[k])] || s[k - 1] != ' ') continue;
    const std::size_t sep = credit_separator_length(s.substr(k));
    if (sep == 0 || s[k] == '/') continue;
    if (k + sep >= s.size() || s[k + sep] != ' ') continue;
    std::size_t off = 0;
    std::string_view credit = credit_suffix(s.substr(k - 1), off);
    if (!credit.empty() && looks_like_credit(rules, credit)) return std::make_pair(k - 1, k - 1 + off);
  }
  // "... (Foto: dpa)" or "... Foto: Reuters" in the last 100 bytes
  const std::size_t tail_start = s.size() > 100 ? s.size() - 100 : 0;
  const std::size_t at = last_photo_word(s.substr(tail_start), tail_start);
  if (at != std::string_view::npos) {
    std::size_t start = tail_start + at;
    if (s[start - 1] == '(') --start;
    return std::make_pair(start, tail_start + at);
  }
  return std::nullopt;
}

// "... gesagt." / "... gesagt.“" / "... (dpa)" : a line that ends a sentence.
bool ends_sentence(std::string_view s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '.' || c == '!' || c == '?') return true;
    if (c == '"' || c == ')' || c == '\'') { s.remove_suffix(1); continue; }
    if (s.ends_with("\xE2\x80\x9C") || s.ends_with("\xE2\x80\x9D") || s.ends_with("\xC2\xAB") || s.ends_with("\xC2\xBB")) {
      s.remove_suffix(s.ends_with("\xE2\x80\x9C") || s.ends_with("\xE2\x80\x9D") ? 3 : 2);
      continue;
    }
    return s.ends_with("\xE2\x80\xA6");  // …
  }
  return false;
}

// A line that can open a paragraph: a capital, a digit, an opening quote or a dash.
bool starts_paragraph(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '(' || c == '-' || c >= 0xC3;
}

// Hard-wrapped text (every line but the last of about the same width) keeps its lines in one paragraph.
bool hard_wrapped(std::string_view text, const std::vector<line>& lines, std::size_t first, std::size_t last) {
  if (last - first < 2) return false;
  std::size_t lo = SIZE_MAX, hi = 0;
  for (std::size_t k = first; k < last; ++k) {  // all but the last line
    const std::size_t n = count_code_points(text.substr(lines[k].begin, lines[k].end - lines[k].begin));
    lo = std::min(lo, n);
    hi = std::max(hi, n);
  }
  return hi <= 100 && lo + 15 >= hi;
}

bool ends_like_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == ':' || c == ';' || c == ',';
}

// A headline: short, alone in its block, not ending like a running sentence.
bool looks_like_headline(std::string_view s) {
  return !s.empty() && s.size() <= 300 && !ends_like_sentence(s);
}

}  // namespace

void find_layout(const article_rules& rules, analysis& a) {
  const std::string_view text = a.text;
  document& doc = *a.doc;
  const std::vector<line> lines = split_lines(text);
  std::vector<std::uint8_t> used(lines.size(), 0);

  // Title: the first line, when it repeats or stands alone as a short block before the body.
  std::size_t first = 0;
  while (first < lines.size() && lines[first].blank()) ++first;
  if (first < lines.size()) {
    const std::string_view head = text_of(text, lines[first]);
    std::size_t next = first + 1;
    while (next < lines.size() && lines[next].blank()) ++next;
    const bool alone = first + 1 < lines.size() && lines[first + 1].blank();
    const bool repeated = next < lines.size() && text_of(text, lines[next]) == head;
    // "Headline\nFirst paragraph ...": a short first line with no sentence end before a line that has one.
    const bool heads_body = !alone && next < lines.size() && head.size() <= 200 && !ends_sentence(head) &&
                            looks_like_headline(head) && ends_sentence(text_of(text, lines[next])) &&
                            lines[next].end - lines[next].begin > head.size();
    if (next < lines.size() && (repeated || (alone && looks_like_headline(head)) || heads_body)) {
      title t;
      static_cast<span&>(t) = byte_span(lines[first].begin, lines[first].end);
      used[first] = 1;
      // Every following line that says the same again is a repeat.
      for (std::size_t k = next; k < lines.size(); ++k) {
        if (lines[k].blank()) continue;
        if (text_of(text, lines[k]) != head) break;
        t.repeats.push_back(byte_span(lines[k].begin, lines[k].end));
        used[k] = 1;
      }
      a.zones.push_back({lines[first].begin, lines[first].end, zone::title, UINT32_MAX});
      doc.title = std::move(t);
    }
  }

  // Captions: a line followed by the same line plus a credit; or one line with a credit tail.
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (used[k] || lines[k].blank()) continue;
    const std::string_view s = text_of(text, lines[k]);
    if (k + 1 < lines.size() && !used[k + 1] && !lines[k + 1].blank()) {
      const std::string_view t = text_of(text, lines[k + 1]);
      std::size_t off = 0;
      if (t.size() > s.size() && t.substr(0, s.size()) == s) {
        const std::string_view credit = credit_suffix(t.substr(s.size()), off);
        if (!credit.empty()) {
          caption c;
          const std::uint32_t base = lines[k + 1].begin;
          static_cast<span&>(c) = byte_span(base, base + static_cast<std::uint32_t>(s.size()));
          const std::uint32_t cb = base + static_cast<std::uint32_t>(s.size() + off);
          c.credit_span = byte_span(cb, cb + static_cast<std::uint32_t>(credit.size()));
          c.credit = std::string(credit);
          c.repeats.push_back(byte_span(lines[k].begin, lines[k].end));
          a.zones.push_back({base, lines[k + 1].end, zone::caption, UINT32_MAX});
          a.before_append(doc.captions, "captions");
          doc.captions.push_back(std::move(c));
          used[k] = used[k + 1] = 1;
          ++k;
          continue;
        }
      }
    }
    // A one-line caption: a block of its own that ends in a credit.
    const bool own_block = (k == 0 || lines[k - 1].blank()) && (k + 1 >= lines.size() || lines[k + 1].blank());
    if (own_block) {
      if (auto cut = single_line_credit(rules, s); cut && cut->first <= max_caption_bytes) {
        caption c;
        const std::uint32_t base = lines[k].begin;
        static_cast<span&>(c) = byte_span(base, base + static_cast<std::uint32_t>(cut->first));
        std::string_view credit = s.substr(cut->second);
        if (!credit.empty() && credit.back() == ')' && s[cut->first] == '(') credit.remove_suffix(1);
        const std::uint32_t cb = base + static_cast<std::uint32_t>(cut->second);
        c.credit_span = byte_span(cb, cb + static_cast<std::uint32_t>(credit.size()));
        c.credit = std::string(credit);
        a.zones.push_back({base, lines[k].end, zone::caption, UINT32_MAX});
        a.before_append(doc.captions, "captions");
        doc.captions.push_back(std::move(c));
        used[k] = 1;
      }
    }
  }

  // Paragraphs: runs of consecutive body lines; a blank line or a caption ends one, and so does a line
  // break after a sentence end ("... gesagt.\nDie Regierung ...") unless the block is hard-wrapped.
  for (std::size_t k = 0; k < lines.size();) {
    if (used[k] || lines[k].blank()) { ++k; continue; }
    std::size_t block_end = k;
    while (block_end + 1 < lines.size() && !used[block_end + 1] && !lines[block_end + 1].blank()) ++block_end;
    const bool wrapped = hard_wrapped(text, lines, k, block_end);
    std::size_t e = k;
    while (e < block_end && (wrapped || !ends_sentence(text_of(text, lines[e])) ||
                             !starts_paragraph(text_of(text, lines[e + 1]))))
      ++e;
    paragraph p;
    static_cast<span&>(p) = byte_span(lines[k].begin, lines[e].end);
    const auto index = static_cast<std::uint32_t>(doc.paragraphs.size());
    a.zones.push_back({lines[k].begin, lines[e].end, zone::body, index});
    a.before_append(doc.paragraphs, "paragraphs");
    doc.paragraphs.push_back(std::move(p));
    k = e + 1;
  }

  std::sort(a.zones.begin(), a.zones.end(), [](const content_zone& x, const content_zone& y) { return x.begin < y.begin; });
}

}  // namespace newsnorm::detail
