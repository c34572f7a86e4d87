#include "text/fold.hpp"

#include "text/utf8.hpp"

#include <boost/locale/conversion.hpp>
#include <boost/locale/generator.hpp>

namespace newsnorm::detail {

const std::locale& matching_locale() {
  // Function-local static: initialised once, thread-safe by the language rules.
  static const std::locale loc = [] {
    boost::locale::generator gen;
    return gen("de_DE.UTF-8");
  }();
  return loc;
}

void append_folded(std::string_view word, std::string& out, const std::locale& icu) {
  const std::size_t mark = out.size();
  bool slow = false;
  for (std::size_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    std::size_t j = i;
    const char32_t c = next_code_point(word, j);
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {  // À..Þ -> à..þ, the German umlauts among them
      append_utf8(out, c + 0x20);
    } else if (c >= 0xDF && c <= 0xFF && c != 0xF7) {
      out.append(word.substr(i, j - i));  // already lower case Latin-1: ß, ä, ö, ü, é ...
    } else {
      slow = true;  // Greek, Cyrillic, combining marks, Latin Extended capitals ...
      break;
    }
    i = j;
  }
  if (!slow) return;
  out.resize(mark);
  // ICU's canonical reordering is quadratic in one run of combining marks: "a" + 300,000 x U+0308 U+0323
  // took 200 s. No table holds a word this long, so such a word is matched as written.
  constexpr std::size_t longest_folded_word = 256;
  if (word.size() > longest_folded_word) {
    out.append(word);
    return;
  }
  std::string s(word);
  s = boost::locale::normalize(s, boost::locale::norm_nfc, icu);
  s = boost::locale::fold_case(s, icu);
  out += s;
}

}  // namespace newsnorm::detail
