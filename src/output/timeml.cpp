// TimeML: the text with <TIMEX3> tags around each temporal expression (--format timeml).
#include <newsnorm/newsnorm.hpp>

#include <algorithm>

namespace newsnorm {
inline namespace v1 {

namespace {

void escape_xml(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 forbids most control characters: drop them rather than write invalid XML.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out += c;
    }
  }
}

}  // namespace

std::string to_timeml(const document& d, std::string_view text) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n";
  if (!d.dct.empty()) {
    out += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + d.dct + "\" functionInDocument=\"CREATION_TIME\">" + d.dct +
           "</TIMEX3></DCT>\n";
  }
  out += "<TEXT>";
  std::vector<const timex*> order;
  for (const auto& t : d.timexes) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [](const timex* a, const timex* b) { return a->start_byte < b->start_byte; });
  std::size_t pos = 0;
  for (const timex* t : order) {
    if (t->start_byte < pos || t->end_byte > text.size()) continue;  // nested or overlapping: keep the first
    escape_xml(out, text.substr(pos, t->start_byte - pos));
    out += "<TIMEX3 tid=\"" + t->tid + "\" type=\"" + t->type + "\" value=\"";
    escape_xml(out, t->value);
    out += "\"";
    if (!t->mod.empty()) out += " mod=\"" + t->mod + "\"";
    // a value computed from an anchor is a temporal function; the document date is t0
    if (!t->anchor.empty()) {
      out += " temporalFunction=\"true\"";
      if (t->anchor == d.dct) out += " anchorTimeID=\"t0\"";
    }
    if (!t->quant.empty()) out += " quant=\"" + t->quant + "\"";
    if (!t->freq.empty()) out += " freq=\"" + t->freq + "\"";
    out += ">";
    escape_xml(out, text.substr(t->start_byte, t->end_byte - t->start_byte));
    out += "</TIMEX3>";
    pos = t->end_byte;
  }
  escape_xml(out, text.substr(std::min(pos, text.size())));
  out += "</TEXT>\n</TimeML>\n";
  return out;
}

}  // namespace v1
}  // namespace newsnorm
