// Language data: TSV files under src/data/<lang>/, built into the library (see cmake/embed_data.cmake)
// or read from a directory given in engine_config::data_dir.
#pragma once

#include <newsnorm/newsnorm.hpp>

#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

struct embedded_resource {
  const char* name;  // "de/months.tsv"
  const char* begin;
  const char* end;
};

// Generated at build time.
extern const embedded_resource embedded_resources[];
extern const std::size_t embedded_resource_count;

// Where the engine reads its language data from while it is being created.
class data_source {
 public:
  explicit data_source(std::string dir = {}) : dir_(std::move(dir)) {}
  // The bytes of one resource ("de/months.tsv"); they live as long as this data_source.
  result<std::string_view> read(std::string_view name) const;
  // The same for a text file: bytes that are not well-formed UTF-8 are errc::data_error (the loaders fold
  // words with code that expects valid UTF-8).
  result<std::string_view> read_text(std::string_view name) const;
  // An overlay: read(name) gives `bytes` (not copied: they must outlive every read) instead of the file
  // or the built-in resource. The fuzzer of data directories replaces one file this way, in memory.
  void replace(std::string name, std::string_view bytes);
  // Every name read() is asked for from now on is appended to *names (nullptr: stop).
  void trace(std::vector<std::string>* names) const { trace_ = names; }

 private:
  std::string dir_;
  std::vector<std::pair<std::string, std::string_view>> replaced_;
  mutable std::deque<std::string> loaded_;
  mutable std::vector<std::string>* trace_ = nullptr;
};

// One row of a TSV file: the fields of a line that is neither blank nor a '#' comment.
struct tsv_row {
  std::vector<std::string_view> fields;
  std::size_t line = 0;  // 1-based, for error messages
  std::string_view operator[](std::size_t i) const { return i < fields.size() ? fields[i] : std::string_view{}; }
  std::size_t size() const { return fields.size(); }
};

// Calls `fn` for each row; fields are split on tabs, a trailing '\r' is dropped.
void for_each_tsv_row(std::string_view tsv, const std::function<void(const tsv_row&)>& fn);

// Reads a text resource (read_text) and calls `fn` for every row; an unreadable resource or one that is not
// UTF-8 is errc::data_error.
std::optional<error> read_tsv(const data_source& data, std::string_view name,
                              const std::function<void(const tsv_row&)>& fn);

}  // namespace newsnorm::detail
