// Legacy encodings (ISO-8859-1, Windows-1252) converted to UTF-8 with Boost.Locale before analysis.
#pragma once

#include <newsnorm/newsnorm.hpp>

#include <string>
#include <string_view>

namespace newsnorm::detail {

// Converts `bytes` in `from` to UTF-8. Offsets reported afterwards refer to the converted text.
result<std::string> convert_to_utf8(std::string_view bytes, input_encoding from);

}  // namespace newsnorm::detail
