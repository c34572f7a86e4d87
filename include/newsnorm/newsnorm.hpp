// newsnorm: German (and English) news articles in, structured and normalised data out.
//
//   auto engine = newsnorm::engine::create();          // once: language data loaded, immutable
//   newsnorm::options opt;
//   opt.dct = newsnorm::parse_date("2024-10-04").value();
//   auto doc = engine.value().analyze(text, opt);      // any thread, any number of times
//   if (!doc) std::cerr << doc.error().message;
//
// Every span carries code point offsets (start, end) and UTF-8 byte offsets (start_byte, end_byte),
// half-open, into the caller's text. Nothing here throws for bad input: errors come back as values.
#pragma once

#include <newsnorm/version.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace newsnorm {
namespace detail { struct engine_impl; }  // internal: the engine's compiled tables
inline namespace v1 {

// ---------------------------------------------------------------------------------------------
// Errors. The numeric values are the C ABI's status codes and never change meaning.
enum class errc : int {
  ok = 0,
  invalid_argument = -1,      // NULL pointer, unknown option value, bad option struct version
  invalid_utf8 = -2,          // bad sequence, overlong form, surrogate, truncated sequence
  encoding_failed = -3,       // legacy encoding could not be converted
  invalid_date = -4,          // a reference date that is not YYYY-MM-DD[THH:MM[:SS]] or not a calendar date or time
  input_too_large = -5,       // input over options::max_input_bytes
  too_many_annotations = -6,  // over options::max_annotations or options::max_memory_bytes
  data_error = -7,            // language data missing or malformed
  out_of_memory = -8,
  internal = -9,
};

struct error {
  errc code = errc::internal;
  std::string message;
  std::size_t byte_offset = static_cast<std::size_t>(-1);  // where in the input, when it applies
};

// A value or an error, in the manner of simdjson's result<T>.
template <class T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  result(newsnorm::error err) : v_(std::move(err)) {}  // NOLINT
  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const newsnorm::error& error() const& { return std::get<1>(v_); }

 private:
  std::variant<T, newsnorm::error> v_;
};

// ---------------------------------------------------------------------------------------------
// The document model.
struct span {
  std::size_t start = 0, end = 0;            // code points, half-open
  std::size_t start_byte = 0, end_byte = 0;  // UTF-8 bytes, half-open
  std::string text;                          // the covered text, as in the input
};

// The headline. A scraper often repeats it; the repeats are reported, the title is kept once.
struct title : span {
  std::vector<span> repeats;
};

enum class zone : std::uint8_t { title, body, caption };

struct paragraph : span {
  std::size_t first_sentence = 0, sentence_count = 0;
};

struct sentence : span {
  newsnorm::zone zone = zone::body;
  std::size_t paragraph = static_cast<std::size_t>(-1);  // index into document::paragraphs for body text
};

// "MOSKAU (dpa) - ", "Berlin, 3. Mai (Reuters) -", "Wien – "
struct dateline : span {
  std::string place, agency, date;
};

// A photo caption; "credit" is the agency line a scraper appends to the repeated caption.
struct caption : span {
  std::string credit;
  std::optional<span> credit_span;
  std::vector<span> repeats;  // the other lines that said the same caption
};

enum class quote_kind : std::uint8_t { direct, reported };

struct quote : span {          // the whole quote, marks included for direct quotes
  quote_kind kind = quote_kind::direct;
  span content;                // what was said, without the marks
  std::optional<span> speaker; // "Dmitri Peskow" (or "er", "Peskow": the words in the text)
  std::string speaker_name;    // the fullest name seen for the speaker: "Peskow" -> "Dmitri Peskow"
  std::string role;            // "Kreml-Sprecher"
  std::string verb;            // "sagte"
  int speaker_entity = -1;     // cluster id in document::entities, when the entity stage linked it
};

// A TIMEX3 temporal expression.
struct timex : span {
  std::string tid;     // "t1", unique in the document
  std::string type;    // DATE, TIME, DURATION, SET
  std::string value;   // TIMEX3 value: "2019-04-25", "2022", "P3M", "XXXX-WXX-1", "PAST_REF"
  std::string mod;     // START, MID, END, APPROX, BEFORE, AFTER, ... or empty
  std::string anchor;  // the value a relative expression was resolved against, or empty
  std::string quant, freq;          // for sets ("jeden", "zweimal")
  std::string range_begin, range_end;  // tids of the two ends when this is a range
};

// A number or quantity with an exact decimal value.
struct number : span {
  std::string kind;      // cardinal, ordinal, fraction, percent, money, quantity
  std::string value;     // exact decimal string: "16000", "1500000000", "0.333333"
  std::string fraction;  // "1/3" when the value is a true fraction
  std::string unit;      // "km", "t", "%", "pp" ...
  std::string currency;  // ISO 4217: "EUR"
  std::string mod;       // MORE_THAN, LESS_THAN, APPROX, AT_LEAST, AT_MOST, ...
  std::string low, high; // for ranges
};

// A named entity mention.
struct entity : span {
  std::string type;       // PER, LOC, ORG, OTH, optionally with "deriv" or "part" (LOCderiv)
  std::string canonical;  // "Wladimir Putin", "Nordkorea"
  std::string country;    // ISO 3166-1 alpha-2 when known
  std::string geonames;   // GeoNames id when known
  int cluster = -1;       // mentions of one referent share a cluster
  std::vector<std::string> roles;  // "Kreml-Sprecher"
};

struct token : span {
  std::uint32_t flags = 0;
};

struct document {
  std::string id;
  std::string lang = "de";
  std::string dct;  // reference date used (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with a time of day), empty when none
  std::string mode; // "news", "narrative" or "none" (no anchor)
  std::optional<newsnorm::title> title;
  std::vector<dateline> datelines;
  std::vector<paragraph> paragraphs;
  std::vector<sentence> sentences;
  std::vector<caption> captions;
  std::vector<quote> quotes;
  std::vector<timex> timexes;
  std::vector<number> numbers;
  std::vector<entity> entities;
  std::vector<token> tokens;  // only when options::tokens is set
};

// ---------------------------------------------------------------------------------------------
// Options.
enum class analysis_mode : std::uint8_t {
  automatic,  // news when a reference date is given, otherwise no anchor (underspecified values)
  news,       // anchor on the publication date, tense decides past or future
  narrative,  // anchor on the latest absolute date mentioned before
};

enum class input_encoding : std::uint8_t { utf8, latin1, windows1252 };

namespace stages {
inline constexpr unsigned structure = 1u, time = 2u, numbers = 4u, entities = 8u;
inline constexpr unsigned all = structure | time | numbers | entities;
}  // namespace stages

struct options {
  std::optional<std::chrono::year_month_day> dct;  // publication date
  // The time of day of the publication (0 <= dct_time < 24 h; only with dct): "in zwei Stunden" and
  // "vor 30 Minuten" resolve to clock times counted from it. parse_reference() reads both.
  std::optional<std::chrono::seconds> dct_time;
  analysis_mode mode = analysis_mode::automatic;
  unsigned stages = stages::all;                   // structure always runs: the others read it
  input_encoding encoding = input_encoding::utf8;
  std::string lang = "de";                         // "de" or "en"
  std::string id;                                  // copied into document::id
  bool tokens = false;                             // also return the token list
  std::size_t max_input_bytes = std::size_t{256} << 20;   // 256 MiB; at most 4 GiB - 1
  std::size_t max_annotations = 4'000'000;                // per list in the document
  // What the document's annotations and the tokens behind them may take, estimated as they are made;
  // 0: 64 MiB + 24 x the input's size. Over it, analyze() stops early with too_many_annotations.
  std::size_t max_memory_bytes = 0;
};

struct engine_config {
  // Read the language data (TSV) from this directory instead of the copy built into the library.
  std::string data_dir;
  // The stages whose data is loaded. Without stages::entities the engine skips the entity model and
  // gazetteers (most of the loading time: a date-only tool starts in a fraction of the time), and analyze()
  // refuses options that ask for the entity stage. The other stages' data is small and always loaded.
  unsigned stages = stages::all;
};

// The immutable engine. Cheap to copy (shared), safe to use from many threads at once.
class NEWSNORM_API engine {
 public:
  static result<engine> create(const engine_config& config = {});
  result<document> analyze(std::string_view text, const options& opt = {}) const;
  // Time taken by create(), for the bench harness.
  double creation_ms() const noexcept;

 private:
  explicit engine(std::shared_ptr<const detail::engine_impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const detail::engine_impl> impl_;
};

// Converts ISO-8859-1 or Windows-1252 bytes to UTF-8 (Boost.Locale). Analyse the result as UTF-8 to
// get offsets into it.
NEWSNORM_API result<std::string> to_utf8(std::string_view bytes, input_encoding from);

// "2024-10-04" -> a valid calendar date, or errc::invalid_date.
NEWSNORM_API result<std::chrono::year_month_day> parse_date(std::string_view text);

// A reference date with an optional time of day: "2024-10-04", "2024-10-04T09:30", "2024-10-04T09:30:15",
// "2024-10-04 09:30:15.250", "2024-10-04T09:30:00+02:00", "...Z". The time is the local time of the text
// (a zone suffix is checked and dropped); fractions of a second are dropped. Anything else is errc::invalid_date.
struct reference_time {
  std::chrono::year_month_day date;
  std::optional<std::chrono::seconds> time;  // since midnight, when given
};
NEWSNORM_API result<reference_time> parse_reference(std::string_view text);

// Renderings of a document.
NEWSNORM_API std::string to_json(const document& doc);    // one line, the schema in docs/schema.md
NEWSNORM_API std::string to_timeml(const document& doc, std::string_view text);  // TimeML with TIMEX3 tags
NEWSNORM_API std::string to_text(const document& doc);    // human-readable summary

NEWSNORM_API const char* version_string() noexcept;

}  // namespace v1
}  // namespace newsnorm
