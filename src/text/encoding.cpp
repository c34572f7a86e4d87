#include "text/encoding.hpp"

#include <boost/locale/encoding.hpp>

namespace newsnorm::detail {

result<std::string> convert_to_utf8(std::string_view bytes, input_encoding from) {
  const char* charset = from == input_encoding::latin1 ? "ISO-8859-1" : "windows-1252";
  try {
    // stop: an undefined byte (0x81 in Windows-1252) is an error, not silently dropped text.
    return boost::locale::conv::to_utf<char>(bytes.data(), bytes.data() + bytes.size(), charset,
                                             boost::locale::conv::stop);
  } catch (const boost::locale::conv::conversion_error&) {
    return error{errc::encoding_failed, std::string("input is not valid ") + charset, static_cast<std::size_t>(-1)};
  } catch (const std::exception& e) {
    return error{errc::encoding_failed, std::string("encoding conversion failed: ") + e.what(), static_cast<std::size_t>(-1)};
  }
}

}  // namespace newsnorm::detail
