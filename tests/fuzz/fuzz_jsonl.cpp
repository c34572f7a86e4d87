// Fuzz target: the CLI's JSONL reader (parse_jsonl_record), one line in. A line it accepts must give
// valid UTF-8 in every field (\u escapes included), and reading the same line twice must give the same
// record; a line it refuses must say why. Accepted records go on to the reference date parser and, when
// short, to the engine, as the CLI would run them.
#include <newsnorm/newsnorm.hpp>

#include "cli/jsonl.hpp"
#include "fuzz_check.hpp"
#include "text/utf8.hpp"

#include <cstdint>
#include <string_view>

namespace {

const newsnorm::engine& shared_engine() {
  static const newsnorm::engine engine = [] {
    auto e = newsnorm::engine::create();
    FUZZ_CHECK(e.has_value());
    return *e;
  }();
  return engine;
}

bool same(const newsnorm::detail::jsonl_record& a, const newsnorm::detail::jsonl_record& b) {
  return a.id == b.id && a.has_id == b.has_id && a.text == b.text && a.has_text == b.has_text && a.dct == b.dct &&
         a.lang == b.lang;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsnorm;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  detail::jsonl_record rec;
  const auto failure = detail::parse_jsonl_record(line, rec);
  if (failure) {
    FUZZ_CHECK(!failure->empty());
    return 0;
  }
  FUZZ_CHECK(rec.has_text);
  for (std::string_view field : {std::string_view(rec.id), std::string_view(rec.text), std::string_view(rec.dct),
                                 std::string_view(rec.lang)})
    FUZZ_CHECK(!detail::validate_utf8(field));
  detail::jsonl_record again;
  FUZZ_CHECK(!detail::parse_jsonl_record(line, again) && same(rec, again));

  options opt;
  opt.lang = rec.lang.empty() ? "de" : rec.lang;
  if (!rec.dct.empty()) {
    auto d = parse_date(rec.dct);
    if (d) opt.dct = *d;
    else FUZZ_CHECK(d.error().code == errc::invalid_date);
  }
  if (rec.text.size() <= 512) {
    auto doc = shared_engine().analyze(rec.text, opt);
    FUZZ_CHECK(doc || doc.error().code == errc::invalid_argument);  // only an unknown "lang" may fail
  }
  return 0;
}
