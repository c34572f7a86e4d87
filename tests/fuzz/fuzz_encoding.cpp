// Fuzz target: legacy-encoding conversion (newsnorm::to_utf8). The first byte picks the encoding
// (even: ISO-8859-1, odd: Windows-1252); the rest is the text. Every byte string is ISO-8859-1, so that
// conversion never fails and maps byte b to U+00b; Windows-1252 may refuse its five undefined bytes but
// must never produce bad UTF-8. Converted text goes on to the engine, as the C ABI's encoding option does.
#include <newsnorm/newsnorm.hpp>

#include "fuzz_check.hpp"
#include "text/utf8.hpp"

#include <cstdint>
#include <string>
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

// What ISO-8859-1 must become: every byte is the code point of the same number.
std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) newsnorm::detail::append_utf8(out, static_cast<unsigned char>(c));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsnorm;
  if (size == 0) return 0;
  const auto from = (data[0] & 1) ? input_encoding::windows1252 : input_encoding::latin1;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto converted = to_utf8(bytes, from);
  if (from == input_encoding::latin1) {
    FUZZ_CHECK(converted.has_value());
    FUZZ_CHECK(*converted == latin1_to_utf8(bytes));
  }
  if (!converted) {
    FUZZ_CHECK(converted.error().code == errc::encoding_failed && !converted.error().message.empty());
    return 0;
  }
  FUZZ_CHECK(!detail::validate_utf8(*converted));
  FUZZ_CHECK(detail::count_code_points(*converted) == bytes.size());  // one code point a byte, both charsets

  // The same bytes through analyze()'s encoding option: the same text, so the same document, offsets
  // included. The structure stage alone: the later stages read the converted text like any other UTF-8
  // (fuzz_analyze runs them on every kind of input, its encoding option too), and they took most of each
  // execution here (the entity stage four fifths: 540 a second; time and numbers after it: 460).
  options opt;
  opt.encoding = from;
  opt.stages = stages::structure;
  options plain;
  plain.stages = opt.stages;
  auto via_option = shared_engine().analyze(bytes, opt);
  auto via_utf8 = shared_engine().analyze(*converted, plain);
  FUZZ_CHECK(via_option.has_value() && via_utf8.has_value());
  FUZZ_CHECK(to_json(*via_option) == to_json(*via_utf8));
  return 0;
}
