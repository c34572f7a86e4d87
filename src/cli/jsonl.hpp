// Reading the CLI's JSONL input: one JSON object a line, {"id", "text", "dct"?, "lang"?}.
// A strict, non-recursive-explosive JSON parser (depth limit 64), linear in the line's length.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsnorm::detail {

struct jsonl_record {
  std::string id;        // as a string; a number id is kept as written ("17")
  bool has_id = false;
  std::string text;
  bool has_text = false;
  std::string dct;       // as given
  std::string lang;
};

// Parses one line. On failure returns the reason, and fills what it could read (the id) into `rec`.
std::optional<std::string> parse_jsonl_record(std::string_view line, jsonl_record& rec);

}  // namespace newsnorm::detail
