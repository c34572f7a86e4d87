// Helpers shared by the test files: one engine for all, the sample article, file reading.
#pragma once

#include <newsnorm/newsnorm.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace test {

inline const newsnorm::engine& engine() {
  static const newsnorm::engine e = [] {
    auto r = newsnorm::engine::create();
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
    return *r;
  }();
  return e;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string sample_article() { return read_file(std::string(NEWSNORM_SOURCE_DIR) + "/examples/article_de_kreml.txt"); }

inline newsnorm::document analyze(std::string_view text, newsnorm::options opt = {}) {
  auto r = engine().analyze(text, opt);
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
  return std::move(*r);
}

inline newsnorm::options with_dct(const char* date) {
  newsnorm::options o;
  o.dct = newsnorm::parse_date(date).value();
  return o;
}

}  // namespace test
