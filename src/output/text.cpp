// A human-readable summary of a document, for the terminal (--format text).
#include <newsnorm/newsnorm.hpp>

#include <fmt/format.h>

namespace newsnorm {
inline namespace v1 {

std::string to_text(const document& d) {
  std::string out;
  auto line = [&]<class... Args>(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
    out += '\n';
  };
  if (!d.id.empty()) line("id: {}", d.id);
  line("mode: {}{}", d.mode, d.dct.empty() ? "" : ", reference date " + d.dct);
  if (d.title) line("title: {}{}", d.title->text, d.title->repeats.empty() ? "" : fmt::format("  (repeated {}x)", d.title->repeats.size()));
  for (const auto& x : d.datelines) line("dateline: place={} agency={} date={}", x.place, x.agency, x.date);
  line("paragraphs: {}, sentences: {}", d.paragraphs.size(), d.sentences.size());
  for (const auto& c : d.captions) line("caption [{}-{}]: {}  | credit: {}", c.start, c.end, c.text, c.credit);
  for (const auto& q : d.quotes)
    line("quote ({}) [{}-{}]: {}\n    speaker: {}{}{}", q.kind == quote_kind::direct ? "direct" : "reported", q.start, q.end,
         q.content.text, q.speaker ? q.speaker->text : "-", q.role.empty() ? "" : ", role: " + q.role,
         q.verb.empty() ? "" : ", verb: " + q.verb);
  for (const auto& t : d.timexes)
    line("timex [{}-{}] {:<24} {} {}{}", t.start, t.end, t.text, t.type, t.value, t.mod.empty() ? "" : " mod=" + t.mod);
  for (const auto& n : d.numbers)
    line("number [{}-{}] {:<24} {} {}{}{}{}", n.start, n.end, n.text, n.kind, n.value, n.unit.empty() ? "" : " " + n.unit,
         n.currency.empty() ? "" : " " + n.currency, n.mod.empty() ? "" : " mod=" + n.mod);
  for (const auto& e : d.entities)
    line("entity [{}-{}] {:<24} {} -> {}{}", e.start, e.end, e.text, e.type, e.canonical, e.country.empty() ? "" : " (" + e.country + ")");
  return out;
}

}  // namespace v1
}  // namespace newsnorm
