#include "data/resources.hpp"

#include "text/utf8.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace newsnorm::detail {

void data_source::replace(std::string name, std::string_view bytes) {
  for (auto& [n, b] : replaced_)
    if (n == name) { b = bytes; return; }
  replaced_.emplace_back(std::move(name), bytes);
}

result<std::string_view> data_source::read(std::string_view name) const {
  if (trace_) trace_->emplace_back(name);
  for (const auto& [n, b] : replaced_)
    if (n == name) return b;
  if (!dir_.empty()) {
    const std::string path = dir_ + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (!in) return error{errc::data_error, fmt::format("cannot read language data file {}", path)};
    std::ostringstream ss;
    ss << in.rdbuf();
    loaded_.push_back(ss.str());
    return std::string_view(loaded_.back());
  }
  for (std::size_t i = 0; i < embedded_resource_count; ++i) {
    if (name == embedded_resources[i].name)
      return std::string_view(embedded_resources[i].begin,
                              static_cast<std::size_t>(embedded_resources[i].end - embedded_resources[i].begin));
  }
  return error{errc::data_error, fmt::format("language data {} is not built into this library", name)};
}

result<std::string_view> data_source::read_text(std::string_view name) const {
  auto bytes = read(name);
  if (!bytes) return bytes;
  if (auto bad = validate_utf8(*bytes)) return error{errc::data_error, fmt::format("language data {}: {}", name, bad->message)};
  return bytes;
}

void for_each_tsv_row(std::string_view tsv, const std::function<void(const tsv_row&)>& fn) {
  tsv_row row;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    std::size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++row.line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    row.fields.clear();
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    fn(row);
  }
}

std::optional<error> read_tsv(const data_source& data, std::string_view name,
                              const std::function<void(const tsv_row&)>& fn) {
  auto bytes = data.read_text(name);
  if (!bytes) return bytes.error();
  for_each_tsv_row(*bytes, fn);
  return std::nullopt;
}

}  // namespace newsnorm::detail
