// The document as one line of JSON. The field names are a contract: docs/schema.md documents them.
#include "output/json_writer.hpp"

#include <newsnorm/newsnorm.hpp>

namespace newsnorm {
inline namespace v1 {

namespace {

using detail::json_writer;

void span_fields(json_writer& w, const span& s) {
  w.key("start").value(static_cast<std::uint64_t>(s.start));
  w.key("end").value(static_cast<std::uint64_t>(s.end));
  w.key("start_byte").value(static_cast<std::uint64_t>(s.start_byte));
  w.key("end_byte").value(static_cast<std::uint64_t>(s.end_byte));
  w.key("text").value(s.text);
}

void span_object(json_writer& w, const span& s) {
  w.begin_object();
  span_fields(w, s);
  w.end_object();
}

void optional_span(json_writer& w, std::string_view key, const std::optional<span>& s) {
  w.key(key);
  if (s) span_object(w, *s); else w.null();
}

template <class T, class Fn>
void list(json_writer& w, std::string_view key, const std::vector<T>& items, Fn&& extra) {
  w.key(key).begin_array();
  for (const T& item : items) {
    w.begin_object();
    span_fields(w, item);
    extra(item);
    w.end_object();
  }
  w.end_array();
}

const char* zone_name(zone z) { return z == zone::title ? "title" : z == zone::caption ? "caption" : "body"; }

}  // namespace

std::string to_json(const document& d) {
  std::string out;
  out.reserve(4096);
  json_writer w(out);
  w.begin_object();
  w.key("id").value(d.id);
  w.key("lang").value(d.lang);
  w.key("dct");
  if (d.dct.empty()) w.null(); else w.value(d.dct);
  w.key("mode").value(d.mode);
  w.key("title");
  if (d.title) {
    w.begin_object();
    span_fields(w, *d.title);
    w.key("repeats").begin_array();
    for (const span& r : d.title->repeats) span_object(w, r);
    w.end_array();
    w.end_object();
  } else {
    w.null();
  }
  list(w, "datelines", d.datelines, [&](const dateline& x) {
    w.key("place").value(x.place).key("agency").value(x.agency).key("date").value(x.date);
  });
  list(w, "paragraphs", d.paragraphs, [&](const paragraph& p) {
    w.key("first_sentence").value(static_cast<std::uint64_t>(p.first_sentence));
    w.key("sentence_count").value(static_cast<std::uint64_t>(p.sentence_count));
  });
  list(w, "sentences", d.sentences, [&](const sentence& s) {
    w.key("zone").value(zone_name(s.zone));
    w.key("paragraph");
    if (s.paragraph == static_cast<std::size_t>(-1)) w.null(); else w.value(static_cast<std::uint64_t>(s.paragraph));
  });
  list(w, "captions", d.captions, [&](const caption& c) {
    w.key("credit").value(c.credit);
    optional_span(w, "credit_span", c.credit_span);
    w.key("repeats").begin_array();
    for (const span& r : c.repeats) span_object(w, r);
    w.end_array();
  });
  list(w, "quotes", d.quotes, [&](const quote& q) {
    w.key("kind").value(q.kind == quote_kind::direct ? "direct" : "reported");
    w.key("content");
    span_object(w, q.content);
    w.key("speaker");
    if (q.speaker) w.value(q.speaker->text); else w.null();
    optional_span(w, "speaker_span", q.speaker);
    w.key("speaker_name").value(q.speaker_name);
    w.key("role").value(q.role);
    w.key("verb").value(q.verb);
    w.key("speaker_entity");
    if (q.speaker_entity >= 0) w.value(q.speaker_entity); else w.null();
  });
  list(w, "timexes", d.timexes, [&](const timex& t) {
    w.key("tid").value(t.tid).key("type").value(t.type).key("value").value(t.value);
    w.optional("mod", t.mod).optional("anchor", t.anchor).optional("quant", t.quant).optional("freq", t.freq);
    if (!t.range_begin.empty() || !t.range_end.empty()) {
      w.key("range").begin_object().key("begin").value(t.range_begin).key("end").value(t.range_end).end_object();
    }
  });
  list(w, "numbers", d.numbers, [&](const number& n) {
    w.key("kind").value(n.kind).key("value").value(n.value);
    w.optional("fraction", n.fraction).optional("unit", n.unit).optional("currency", n.currency).optional("mod", n.mod);
    w.optional("low", n.low).optional("high", n.high);
  });
  list(w, "entities", d.entities, [&](const entity& e) {
    w.key("type").value(e.type).key("canonical").value(e.canonical);
    w.optional("country", e.country).optional("geonames", e.geonames);
    w.key("cluster").value(e.cluster);
    if (!e.roles.empty()) {
      w.key("roles").begin_array();
      for (const auto& r : e.roles) w.value(r);
      w.end_array();
    }
  });
  if (!d.tokens.empty()) {
    list(w, "tokens", d.tokens, [&](const token& t) { w.key("flags").value(static_cast<std::uint64_t>(t.flags)); });
  }
  w.end_object();
  return out;
}

}  // namespace v1
}  // namespace newsnorm
