// The engine: created once, then analyze() runs the pipeline for each document.
#include "pipeline/engine_impl.hpp"
#include "text/encoding.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>

#include <chrono>
#include <new>

namespace newsnorm {
inline namespace v1 {

using namespace detail;

namespace {

result<language_rules> load_language(const data_source& data, std::string lang, unsigned stages) {
  language_rules l;
  l.lang = lang;
  // the structure stage's probe finds the time words too (article_rules::shared); errors in the article's order
  auto time = load_time_rules(data, lang);
  auto shared = time ? shared_time_words(*time) : std::pair<std::vector<std::string_view>, std::shared_ptr<const void>>{};
  auto article = load_article_rules(data, lang, {std::move(shared.first), std::move(shared.second)});
  if (!article) return article.error();
  l.article = std::move(*article);
  if (!time) return time.error();
  l.time = std::move(*time);
  auto numbers = load_number_rules(data, lang);
  if (!numbers) return numbers.error();
  l.numbers = std::move(*numbers);
  if (!(stages & stages::entities)) return l;  // engine_config::stages: no entity data wanted
  auto entities = load_entity_rules(data, lang);
  if (!entities) return entities.error();
  l.entities = std::move(*entities);
  return l;
}

std::string format_date(const std::chrono::year_month_day& d) {
  const int y = static_cast<int>(d.year());
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  // "2024-10-04" by hand: fmt::format cost more than a short document's whole structure stage
  const unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  const char out[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10), static_cast<char>('0' + y / 10 % 10),
                        static_cast<char>('0' + y % 10), '-', static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                        static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
  return std::string(out, 10);
}

std::optional<error> check_limits(const document& doc, std::size_t max) {
  const std::pair<const char*, std::size_t> lists[] = {
      {"sentences", doc.sentences.size()}, {"quotes", doc.quotes.size()}, {"timexes", doc.timexes.size()},
      {"numbers", doc.numbers.size()},     {"entities", doc.entities.size()}, {"tokens", doc.tokens.size()},
  };
  for (auto [name, n] : lists)
    if (n > max) return error{errc::too_many_annotations, fmt::format("document has {} {}, more than max_annotations ({})", n, name, max)};
  return std::nullopt;
}

// The automatic budget: dense real text (a date, a number, two entities and a sentence every 85 bytes) takes
// about 20 x its size; the slack is for vector growth. A per-document floor keeps small inputs unaffected.
std::size_t memory_budget(const options& opt, std::size_t input_bytes) {
  if (opt.max_memory_bytes) return opt.max_memory_bytes;
  return (std::size_t{64} << 20) + 24 * input_bytes;
}

}  // namespace

result<engine> engine::create(const engine_config& config) {
  const auto t0 = std::chrono::steady_clock::now();
  try {
    (void)matching_locale();  // generate the ICU locale once, before any thread uses it
    const data_source data(config.data_dir);
    auto impl = std::make_shared<engine_impl>();
    for (const char* lang : {"de", "en"}) {
      auto l = load_language(data, lang, config.stages);
      if (!l) return l.error();
      impl->languages.push_back(std::move(*l));
    }
    impl->creation_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return engine(std::move(impl));
  } catch (const std::bad_alloc&) {
    return error{errc::out_of_memory, "out of memory while loading language data"};
  } catch (const std::exception& e) {
    return error{errc::data_error, fmt::format("cannot create engine: {}", e.what())};
  }
}

double engine::creation_ms() const noexcept { return impl_ ? impl_->creation_ms : 0.0; }

result<document> engine::analyze(std::string_view input, const options& opt) const {
  try {
    if (!impl_) return error{errc::invalid_argument, "engine is not initialised"};
    const std::size_t limit = std::min<std::size_t>(opt.max_input_bytes, UINT32_MAX - 1);
    if (input.size() > limit)
      return error{errc::input_too_large, fmt::format("input has {} bytes, more than the limit of {}", input.size(), limit)};
    const language_rules* rules = impl_->find(opt.lang);
    if (!rules) return error{errc::invalid_argument, fmt::format("unsupported language '{}' (use \"de\" or \"en\")", opt.lang)};
    if ((opt.stages & stages::entities) && !rules->entities)
      return error{errc::invalid_argument, "the engine was created without the entity stage's data (engine_config::stages)"};
    if (opt.dct && !opt.dct->ok()) return error{errc::invalid_date, "the reference date is not a calendar date"};
    if (opt.dct_time && !opt.dct) return error{errc::invalid_date, "a reference time of day needs a reference date"};
    if (opt.dct_time && (opt.dct_time->count() < 0 || opt.dct_time->count() >= 86400))
      return error{errc::invalid_date, fmt::format("the reference time of day is {} s after midnight, not within 0..86399", opt.dct_time->count())};

    std::string converted;
    std::string_view text = input;
    if (opt.encoding != input_encoding::utf8) {
      auto c = convert_to_utf8(input, opt.encoding);
      if (!c) return c.error();
      converted = std::move(*c);
      text = converted;
      if (text.size() > limit) return error{errc::input_too_large, "input is over the size limit once converted to UTF-8"};
    } else if (auto bad = validate_utf8(text)) {
      return *bad;
    }

    document doc;
    doc.id = opt.id;
    doc.lang = rules->lang;
    thread_local analysis scratch;  // per thread: no shared mutable state, the engine stays immutable
    analysis& a = scratch;
    a.reset();
    struct release_guard {
      analysis& a;
      ~release_guard() { a.release_if_large(std::size_t{64} << 20); }
    } guard{a};
    a.text = text;
    a.opt = &opt;
    a.doc = &doc;
    a.dct = opt.dct;
    if (opt.dct_time) a.dct_seconds = static_cast<int>(opt.dct_time->count());
    a.mode = opt.mode;
    a.max_annotations = opt.max_annotations;
    a.memory_budget = memory_budget(opt, text.size());
    if (a.mode == analysis_mode::automatic && a.dct) a.mode = analysis_mode::news;
    doc.mode = a.mode == analysis_mode::news ? "news" : a.mode == analysis_mode::narrative ? "narrative" : "none";
    if (a.dct) doc.dct = format_date(*a.dct);
    if (a.dct && a.dct_seconds >= 0) {  // "2013-02-12T04:30:00"
      const int t = a.dct_seconds;
      doc.dct += fmt::format("T{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
    }

    run_pipeline(*rules, a);

    if (opt.tokens) {
      if (a.tokens.size() > opt.max_annotations) throw_annotation_limit("tokens", opt.max_annotations);
      a.charge(a.tokens.size() * (sizeof(newsnorm::token) + analysis::span_text_estimate));
      doc.tokens.reserve(a.tokens.size());
      for (const detail::token& t : a.tokens) {
        newsnorm::token out;
        static_cast<span&>(out) = byte_span(t.begin, t.end);
        out.flags = t.flags;
        doc.tokens.push_back(std::move(out));
      }
    }
    if (auto e = check_limits(doc, opt.max_annotations)) return *e;
    finish_offsets(text, doc);
    return doc;
  } catch (const limit_exceeded& e) {
    return e.err;
  } catch (const std::bad_alloc&) {
    return error{errc::out_of_memory, "out of memory while analysing the document"};
  } catch (const std::exception& e) {
    return error{errc::internal, fmt::format("internal error: {}", e.what())};
  }
}

result<std::chrono::year_month_day> parse_date(std::string_view s) {
  auto bad = [&] {
    return error{errc::invalid_date, fmt::format("invalid date '{}': expected YYYY-MM-DD, a real calendar date", s)};
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return bad();
  int v[3] = {0, 0, 0};
  const std::size_t pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t i = pos[k][0]; i < pos[k][0] + pos[k][1]; ++i) {
      if (s[i] < '0' || s[i] > '9') return bad();
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  const std::chrono::year_month_day d{std::chrono::year{v[0]}, std::chrono::month{static_cast<unsigned>(v[1])},
                                      std::chrono::day{static_cast<unsigned>(v[2])}};
  if (!d.ok() || v[0] == 0) return bad();
  return d;
}

result<reference_time> parse_reference(std::string_view s) {
  auto bad = [&] {
    return error{errc::invalid_date,
                 fmt::format("invalid reference '{}': expected YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]] "
                             "and Z or +HH:MM, a real calendar date and time of day", s)};
  };
  auto date = parse_date(s.substr(0, 10));
  if (!date) return s.size() <= 10 ? date.error() : bad();
  reference_time r{*date, std::nullopt};
  if (s.size() == 10) return r;
  // two digits at p, at most `max`
  auto two = [&](std::size_t p, int max, int& out) {
    if (p + 2 > s.size() || s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9') return false;
    out = (s[p] - '0') * 10 + (s[p + 1] - '0');
    return out <= max;
  };
  int h = 0, m = 0, sec = 0;
  if ((s[10] != 'T' && s[10] != ' ') || !two(11, 23, h) || s.size() < 16 || s[13] != ':' || !two(14, 59, m)) return bad();
  std::size_t p = 16;
  if (p < s.size() && s[p] == ':') {
    if (!two(p + 1, 59, sec)) return bad();
    p += 3;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {  // a fraction of a second: at least one digit
      const std::size_t digits = ++p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      if (p == digits) return bad();
    }
  }
  if (p < s.size()) {  // a zone: Z, +HH:MM, +HHMM or +HH
    int zh = 0, zm = 0;
    if (s[p] == 'Z') ++p;
    else if (s[p] == '+' || s[p] == '-') {
      if (!two(p + 1, 23, zh)) return bad();
      p += 3;
      if (p < s.size() && s[p] == ':') ++p;
      if (p < s.size()) { if (!two(p, 59, zm)) return bad(); p += 2; }
    }
    if (p != s.size()) return bad();
  }
  r.time = std::chrono::seconds{h * 3600 + m * 60 + sec};
  return r;
}

const char* version_string() noexcept { return NEWSNORM_VERSION_STRING; }

}  // namespace v1
}  // namespace newsnorm

namespace newsnorm::detail {

void throw_annotation_limit(const char* list, std::size_t max) {
  throw limit_exceeded{error{errc::too_many_annotations, fmt::format("document has more {} than max_annotations ({})", list, max)}};
}

void throw_memory_limit(std::size_t charged, std::size_t budget) {
  throw limit_exceeded{error{errc::too_many_annotations,
                             fmt::format("document needs more than {} MB for its annotations, over max_memory_bytes ({} MB)",
                                         charged >> 20, budget >> 20)}};
}

void run_pipeline(const language_rules& rules, analysis& a) {
  const unsigned stages = a.opt->stages;
  read_article(*rules.article, a);
  // Time before numbers: years and dates belong to the temporal stage, numbers skip what it took.
  if (stages & stages::time) recognise_times(*rules.time, a);
  if (stages & stages::numbers) recognise_numbers(*rules.numbers, a);
  if (stages & stages::entities) recognise_entities(*rules.entities, a);
}

}  // namespace newsnorm::detail
