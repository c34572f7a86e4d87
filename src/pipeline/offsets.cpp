// Byte offsets -> code point offsets for every span in the document, with a checkpoint table every
// 64 bytes so each lookup costs at most 63 byte tests (linear in the input overall).
#include "pipeline/engine_impl.hpp"
#include "text/utf8.hpp"

namespace newsnorm::detail {

namespace {

class offset_map {
 public:
  // `checkpoints` is the caller's buffer, reused from document to document (a short document would
  // otherwise pay an allocation for a handful of checkpoints). A block of pure ASCII, common in German text
  // too, answers without counting.
  offset_map(std::string_view text, std::vector<std::size_t>& checkpoints) : text_(text), checkpoints_(checkpoints) {
    checkpoints_.clear();
    checkpoints_.reserve(text.size() / step + 2);
    std::size_t cps = 0;
    for (std::size_t i = 0; i < text.size(); i += step) {
      checkpoints_.push_back(cps);
      cps += count_code_points(text.substr(i, step));
    }
    checkpoints_.push_back(cps);
  }
  std::size_t code_point(std::size_t byte) const {
    const std::size_t k = byte / step;
    const std::size_t begin = k * step;
    if (begin + step <= text_.size() && checkpoints_[k + 1] - checkpoints_[k] == step) return checkpoints_[k] + (byte - begin);
    return checkpoints_[k] + count_code_points(text_.substr(begin, byte - begin));
  }

 private:
  static constexpr std::size_t step = 64;
  std::string_view text_;
  std::vector<std::size_t>& checkpoints_;
};

template <class Fn>
void for_each_span(document& doc, Fn&& fn) {
  auto all = [&](auto& list) { for (auto& s : list) fn(static_cast<span&>(s)); };
  if (doc.title) { fn(static_cast<span&>(*doc.title)); all(doc.title->repeats); }
  all(doc.datelines);
  all(doc.paragraphs);
  all(doc.sentences);
  for (auto& c : doc.captions) {
    fn(static_cast<span&>(c));
    if (c.credit_span) fn(*c.credit_span);
    all(c.repeats);
  }
  for (auto& q : doc.quotes) {
    fn(static_cast<span&>(q));
    fn(q.content);
    if (q.speaker) fn(*q.speaker);
  }
  all(doc.timexes);
  all(doc.numbers);
  all(doc.entities);
  all(doc.tokens);
}

}  // namespace

void finish_offsets(std::string_view text, document& doc) {
  thread_local std::vector<std::size_t> checkpoints;  // per thread: the engine stays immutable
  if (checkpoints.capacity() > (std::size_t{1} << 20)) checkpoints = {};  // give back what a huge document took
  const offset_map map(text, checkpoints);
  for_each_span(doc, [&](span& s) {
    s.start = map.code_point(s.start_byte);
    s.end = map.code_point(s.end_byte);
    s.text.assign(text.substr(s.start_byte, s.end_byte - s.start_byte));
  });
}

}  // namespace newsnorm::detail
