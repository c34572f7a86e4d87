// The C ABI: a thin shim over the C++ API. Nothing throws across it.
#include <newsnorm/newsnorm.h>
#include <newsnorm/newsnorm.hpp>

#include "text/encoding.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <cstring>
#include <new>

struct newsnorm_engine {
  newsnorm::engine engine;
};

struct newsnorm_result {
  newsnorm::document doc;
  std::string text;  // the analysed text, for TimeML
  mutable std::string json, timeml;
  std::vector<std::string> owned;  // strings made for annotations (numbers, token flags)
};

namespace {

thread_local std::string last_error;

int fail(int status, std::string message) {
  last_error = std::move(message);
  return status;
}
int fail(const newsnorm::error& e) { return fail(static_cast<int>(e.code), e.message); }

template <class Fn>
int guarded(Fn&& fn) noexcept {
  try {
    last_error.clear();
    return fn();
  } catch (const std::bad_alloc&) {
    return fail(NEWSNORM_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(NEWSNORM_EINTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(NEWSNORM_EINTERNAL, "internal error");
  }
}

const char* cstr(const std::string& s) { return s.c_str(); }

}  // namespace

extern "C" {

int newsnorm_engine_options_init(newsnorm_engine_options* opts, unsigned int version) {
  if (!opts) return fail(NEWSNORM_EINVAL, "opts is NULL");
  if (version != NEWSNORM_ENGINE_OPTIONS_VERSION)
    return fail(NEWSNORM_EINVAL, fmt::format("unknown newsnorm_engine_options version {}", version));
  *opts = newsnorm_engine_options{version, nullptr};
  return NEWSNORM_OK;
}

int newsnorm_options_init(newsnorm_options* opts, unsigned int version) {
  if (!opts) return fail(NEWSNORM_EINVAL, "opts is NULL");
  if (version != 1 && version != NEWSNORM_OPTIONS_VERSION)
    return fail(NEWSNORM_EINVAL, fmt::format("unknown newsnorm_options version {}", version));
  // A caller built against version 1 has the shorter struct: clear only what it has.
  std::memset(opts, 0, version == 1 ? offsetof(newsnorm_options, max_memory_bytes) : sizeof(newsnorm_options));
  opts->version = version;
  opts->mode = NEWSNORM_MODE_AUTO;
  opts->stages = NEWSNORM_STAGE_ALL;
  opts->encoding = NEWSNORM_ENCODING_UTF8;
  return NEWSNORM_OK;
}

int newsnorm_engine_create(newsnorm_engine** out, const newsnorm_engine_options* opts) {
  return guarded([&]() -> int {
    if (!out) return fail(NEWSNORM_EINVAL, "out is NULL");
    *out = nullptr;
    newsnorm::engine_config config;
    if (opts) {
      if (opts->version != NEWSNORM_ENGINE_OPTIONS_VERSION)
        return fail(NEWSNORM_EINVAL, fmt::format("unknown newsnorm_engine_options version {}", opts->version));
      if (opts->data_dir) config.data_dir = opts->data_dir;
    }
    auto e = newsnorm::engine::create(config);
    if (!e) return fail(e.error());
    *out = new newsnorm_engine{std::move(*e)};
    return NEWSNORM_OK;
  });
}

void newsnorm_engine_destroy(newsnorm_engine* engine) { delete engine; }

int newsnorm_analyze(newsnorm_result** out, const newsnorm_engine* engine, const char* text, size_t len,
                     const newsnorm_options* opts) {
  return guarded([&]() -> int {
    if (!out) return fail(NEWSNORM_EINVAL, "out is NULL");
    *out = nullptr;
    if (!engine) return fail(NEWSNORM_EINVAL, "engine is NULL");
    if (!text && len) return fail(NEWSNORM_EINVAL, "text is NULL but len is not 0");
    newsnorm::options o;
    if (opts) {
      if (opts->version != 1 && opts->version != NEWSNORM_OPTIONS_VERSION)
        return fail(NEWSNORM_EINVAL, fmt::format("unknown newsnorm_options version {}", opts->version));
      if (opts->dct) {
        auto d = newsnorm::parse_reference(opts->dct);
        if (!d) return fail(d.error());
        o.dct = d->date;
        o.dct_time = d->time;
      }
      if (opts->mode < NEWSNORM_MODE_AUTO || opts->mode > NEWSNORM_MODE_NARRATIVE)
        return fail(NEWSNORM_EINVAL, fmt::format("unknown mode {}", opts->mode));
      o.mode = static_cast<newsnorm::analysis_mode>(opts->mode);
      if (opts->stages & ~NEWSNORM_STAGE_ALL) return fail(NEWSNORM_EINVAL, fmt::format("unknown stage bits {:#x}", opts->stages));
      o.stages = opts->stages ? opts->stages : NEWSNORM_STAGE_ALL;
      if (opts->encoding < NEWSNORM_ENCODING_UTF8 || opts->encoding > NEWSNORM_ENCODING_WINDOWS1252)
        return fail(NEWSNORM_EINVAL, fmt::format("unknown encoding {}", opts->encoding));
      o.encoding = static_cast<newsnorm::input_encoding>(opts->encoding);
      if (opts->lang) o.lang = opts->lang;
      if (opts->id) o.id = opts->id;
      if (opts->max_input_bytes) o.max_input_bytes = opts->max_input_bytes;
      if (opts->max_annotations) o.max_annotations = opts->max_annotations;
      o.tokens = opts->tokens != 0;
      if (opts->version >= 2) o.max_memory_bytes = opts->max_memory_bytes;  // version 1 structs end before it
    }
    std::string_view input(text ? text : "", len);
    auto r = std::make_unique<newsnorm_result>();
    if (o.encoding != newsnorm::input_encoding::utf8) {
      auto converted = newsnorm::to_utf8(input, o.encoding);
      if (!converted) return fail(converted.error());
      r->text = std::move(*converted);
      o.encoding = newsnorm::input_encoding::utf8;
    } else {
      r->text.assign(input);
    }
    auto doc = engine->engine.analyze(r->text, o);
    if (!doc) return fail(doc.error());
    r->doc = std::move(*doc);
    *out = r.release();
    return NEWSNORM_OK;
  });
}

void newsnorm_result_destroy(newsnorm_result* result) { delete result; }

int newsnorm_result_json(const newsnorm_result* result, const char** json, size_t* len) {
  return guarded([&]() -> int {
    if (!result || !json) return fail(NEWSNORM_EINVAL, "result or json is NULL");
    if (result->json.empty()) result->json = newsnorm::to_json(result->doc);
    *json = result->json.c_str();
    if (len) *len = result->json.size();
    return NEWSNORM_OK;
  });
}

int newsnorm_result_timeml(const newsnorm_result* result, const char** xml, size_t* len) {
  return guarded([&]() -> int {
    if (!result || !xml) return fail(NEWSNORM_EINVAL, "result or xml is NULL");
    if (result->timeml.empty()) result->timeml = newsnorm::to_timeml(result->doc, result->text);
    *xml = result->timeml.c_str();
    if (len) *len = result->timeml.size();
    return NEWSNORM_OK;
  });
}

size_t newsnorm_result_count(const newsnorm_result* r, int kind) {
  if (!r) return 0;
  const auto& d = r->doc;
  switch (kind) {
    case NEWSNORM_KIND_TITLE: return d.title ? 1 : 0;
    case NEWSNORM_KIND_DATELINE: return d.datelines.size();
    case NEWSNORM_KIND_PARAGRAPH: return d.paragraphs.size();
    case NEWSNORM_KIND_SENTENCE: return d.sentences.size();
    case NEWSNORM_KIND_CAPTION: return d.captions.size();
    case NEWSNORM_KIND_QUOTE: return d.quotes.size();
    case NEWSNORM_KIND_TIMEX: return d.timexes.size();
    case NEWSNORM_KIND_NUMBER: return d.numbers.size();
    case NEWSNORM_KIND_ENTITY: return d.entities.size();
    case NEWSNORM_KIND_TOKEN: return d.tokens.size();
    default: return 0;
  }
}

int newsnorm_result_get(const newsnorm_result* r, int kind, size_t index, newsnorm_annotation* out) {
  return guarded([&]() -> int {
    if (!r || !out) return fail(NEWSNORM_EINVAL, "result or out is NULL");
    if (index >= newsnorm_result_count(r, kind))
      return fail(NEWSNORM_EINVAL, fmt::format("no annotation {} of kind {}", index, kind));
    static const std::string empty;
    const auto& d = r->doc;
    auto fill = [&](const newsnorm::span& s, const std::string& label, const std::string& value, const std::string& mod,
                    const std::string& extra) {
      *out = newsnorm_annotation{s.start, s.end, s.start_byte, s.end_byte, s.text.c_str(), s.text.size(),
                                 cstr(label), cstr(value), cstr(mod), cstr(extra)};
    };
    static const std::string zones[] = {"title", "body", "caption"};
    static const std::string kinds[] = {"direct", "reported"};
    switch (kind) {
      case NEWSNORM_KIND_TITLE: fill(*d.title, empty, empty, empty, empty); break;
      case NEWSNORM_KIND_DATELINE: { const auto& x = d.datelines[index]; fill(x, x.agency, x.place, empty, x.date); break; }
      case NEWSNORM_KIND_PARAGRAPH: fill(d.paragraphs[index], empty, empty, empty, empty); break;
      case NEWSNORM_KIND_SENTENCE: {
        const auto& s = d.sentences[index];
        fill(s, zones[static_cast<int>(s.zone)], empty, empty, empty);
        break;
      }
      case NEWSNORM_KIND_CAPTION: { const auto& c = d.captions[index]; fill(c, empty, c.credit, empty, empty); break; }
      case NEWSNORM_KIND_QUOTE: {
        const auto& q = d.quotes[index];
        fill(q, kinds[static_cast<int>(q.kind)], q.speaker ? q.speaker->text : empty, q.role, q.verb);
        break;
      }
      case NEWSNORM_KIND_TIMEX: { const auto& t = d.timexes[index]; fill(t, t.type, t.value, t.mod, t.tid); break; }
      case NEWSNORM_KIND_NUMBER: {
        const auto& n = d.numbers[index];
        fill(n, n.kind, n.value, n.mod, n.currency.empty() ? n.unit : n.currency);
        break;
      }
      case NEWSNORM_KIND_ENTITY: { const auto& e = d.entities[index]; fill(e, e.type, e.canonical, e.country, e.geonames); break; }
      case NEWSNORM_KIND_TOKEN: fill(d.tokens[index], empty, empty, empty, empty); break;
    }
    return NEWSNORM_OK;
  });
}

const char* newsnorm_last_error(void) { return last_error.c_str(); }
const char* newsnorm_version(void) { return NEWSNORM_VERSION_STRING; }
int newsnorm_version_number(void) { return NEWSNORM_VERSION_NUMBER; }

}  // extern "C"

namespace newsnorm {
inline namespace v1 {
result<std::string> to_utf8(std::string_view bytes, input_encoding from) {
  if (from == input_encoding::utf8) return std::string(bytes);
  return detail::convert_to_utf8(bytes, from);
}
}  // namespace v1
}  // namespace newsnorm
