// The state one analyze() call passes from stage to stage.
//
//   bytes -> text (validate, decode)            -> analysis::text
//         -> article (zones, paragraphs, tokens, sentences, quotes)
//         -> time, numbers, entities             (each reads tokens, appends to the document)
//         -> offsets (byte -> code point)        -> document
//
// Stages keep byte offsets only; pipeline/offsets fills the code point offsets and texts at the end.
#pragma once

#include <newsnorm/newsnorm.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

// What a token looks like, computed once by the tokenizer.
enum token_flag : std::uint32_t {
  tf_word = 1u << 0,           // letters (and maybe digits): "Kreml", "G7", "Kreml-Sprecher"
  tf_number = 1u << 1,         // digits with inner separators: "2019", "16.000", "14.01.2021", "14:30"
  tf_punct = 1u << 2,          // one punctuation or symbol code point: ".", "„", "–", "€"
  tf_upper_initial = 1u << 3,  // first letter upper case: "Kreml"
  tf_all_upper = 1u << 4,      // every letter upper case, at least two: "USA", "KCNA"
  tf_has_digit = 1u << 5,      // "G7", "2019"
  tf_has_hyphen = 1u << 6,     // "Kreml-Sprecher"
  tf_space_before = 1u << 7,   // white space before this token
  tf_newline_before = 1u << 8, // a line break before this token
  tf_sentence_start = 1u << 9, // first token of a sentence
  tf_paragraph_start = 1u << 10,
  tf_non_ascii = 1u << 11,     // contains a code point above U+007F
  tf_quote_mark = 1u << 12,    // " „ “ ” » « ‚ ‘ ’ '
  tf_dash = 1u << 13,          // - – —
  tf_in_quote = 1u << 14,      // inside a direct quote's content
};

struct token {
  std::uint32_t begin = 0, end = 0;           // bytes into analysis::text
  std::uint32_t fold_begin = 0, fold_len = 0;  // the case-folded NFC form in analysis::folded
  std::uint32_t flags = 0;
  std::uint32_t sentence = 0;                  // index into analysis::sentences
};

// A sentence as a token range, plus the zone it belongs to.
struct sentence_range {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  zone where = zone::body;
  std::uint32_t paragraph = UINT32_MAX;
};

// A run of text that stages read: the title once, body paragraphs, captions once.
// Repeated headlines and repeated caption lines are not content.
struct content_zone {
  std::uint32_t begin = 0, end = 0;  // bytes
  zone where = zone::body;
  std::uint32_t paragraph = UINT32_MAX;
  std::uint32_t first_token = 0, last_token = 0;  // set by the tokenizer
};

// Thrown where an annotation is appended when the document goes over options::max_annotations or its
// memory budget; engine::analyze() turns it into the error. Checking as the lists grow stops a hostile
// document early: 100 MB of "am 25. April 2019" would otherwise build 7 million timexes (2.5 GB) first.
struct limit_exceeded {
  error err;
};
[[noreturn]] void throw_annotation_limit(const char* list, std::size_t max);
[[noreturn]] void throw_memory_limit(std::size_t charged, std::size_t budget);

struct analysis {
  std::string_view text;          // valid UTF-8: the caller's text, or its conversion from a legacy encoding
  const options* opt = nullptr;
  document* doc = nullptr;
  std::vector<content_zone> zones;
  std::vector<token> tokens;
  std::string folded;             // case-folded forms, back to back; token::fold_begin indexes it
  std::vector<sentence_range> sentences;
  std::vector<std::uint32_t> article_classes;  // per token: the structure stage's word classes (article_word bits)
  // per token: its number among the words another stage shares the structure stage's probe with (article_rules::
  // shared; 0 none), and that stage's tables, or null
  std::vector<std::uint16_t> shared_ids;
  const void* shared_for = nullptr;
  std::optional<std::chrono::year_month_day> dct;
  int dct_seconds = -1;           // the reference time of day in seconds since midnight, -1 when not given
  analysis_mode mode = analysis_mode::automatic;  // resolved: news, narrative, or automatic = no anchor
  std::size_t max_annotations = SIZE_MAX;  // per list: options::max_annotations
  std::size_t memory_budget = SIZE_MAX;    // bytes the document's annotations may take (an estimate)
  std::size_t memory_charged = 0;          // what the lists and tokens take so far

  // Counts bytes against the budget; over it, the analysis stops with the error.
  void charge(std::size_t bytes) {
    memory_charged += bytes;
    if (memory_charged > memory_budget) throw_memory_limit(memory_charged, memory_budget);
  }
  // Called before each push_back to a document list: the size limit, and the element's size plus the text
  // each span gets at the end (pipeline/offsets) against the budget.
  template <class List>
  void before_append(const List& list, const char* name) {
    if (list.size() >= max_annotations) throw_annotation_limit(name, max_annotations);
    charge(sizeof(typename List::value_type) + span_text_estimate);
  }
  static constexpr std::size_t span_text_estimate = 16;  // heap bytes of a span's text beyond the SSO buffer

  // Empties every list but keeps its capacity: engine::analyze reuses one analysis per thread, so a
  // stream of documents does not allocate the token buffers again and again.
  void reset() {
    text = {};
    opt = nullptr;
    doc = nullptr;
    zones.clear();
    tokens.clear();
    folded.clear();
    sentences.clear();
    article_classes.clear();
    shared_ids.clear();
    shared_for = nullptr;
    dct.reset();
    dct_seconds = -1;
    mode = analysis_mode::automatic;
    max_annotations = SIZE_MAX;
    memory_budget = SIZE_MAX;
    memory_charged = 0;
  }
  // Gives the memory back after a very large document.
  void release_if_large(std::size_t limit_bytes) {
    if (tokens.capacity() * sizeof(token) + folded.capacity() > limit_bytes) *this = analysis{};
  }

  std::string_view surface(const token& t) const { return text.substr(t.begin, t.end - t.begin); }
  std::string_view fold(const token& t) const {
    return std::string_view(folded).substr(t.fold_begin, t.fold_len);
  }
  std::string_view surface(std::size_t i) const { return surface(tokens[i]); }
  std::string_view fold(std::size_t i) const { return fold(tokens[i]); }
  bool is(std::size_t i, std::uint32_t flag) const { return i < tokens.size() && (tokens[i].flags & flag); }
  // True when token i is immediately followed by token i+1 with no space: "25" "." in "25."
  bool glued(std::size_t i) const {
    return i + 1 < tokens.size() && tokens[i].end == tokens[i + 1].begin;
  }
};

// Makes a span with byte offsets only; pipeline/offsets fills start, end and text later.
inline span byte_span(std::uint32_t begin, std::uint32_t end) {
  span s;
  s.start_byte = begin;
  s.end_byte = end;
  return s;
}

}  // namespace newsnorm::detail
