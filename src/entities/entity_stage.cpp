// The entities stage: tag each sentence (gazetteer features + averaged perceptron + token rules), turn the
// tags into mentions, normalise each mention (canonical name, country, GeoNames id), attach roles, merge
// aliases into clusters and link quote speakers to them.
#include "entities/entity_stage.hpp"

#include "entities/entity_normalise.hpp"
#include "entities/gazetteer.hpp"
#include "entities/ner_features.hpp"
#include "entities/ner_model.hpp"

namespace newsnorm::detail {

result<std::shared_ptr<const ner_model>> load_ner_model(std::string_view bytes) {
  auto model = std::make_shared<ner_model>();
  if (auto e = model->load(bytes)) return *e;
  return std::shared_ptr<const ner_model>(std::move(model));
}

result<std::shared_ptr<const entity_rules>> load_entity_rules(const data_source& data, std::string_view lang) {
  auto names = std::make_shared<gazetteer>();
  if (auto e = names->load(data, lang)) return *e;
  auto rules = std::make_shared<entity_rules>();
  rules->names = std::move(names);
  // The model is optional for a language: without one only the gazetteer rules tag.
  if (auto bytes = data.read(std::string(lang) + "/ner_model.bin")) {
    auto model = load_ner_model(*bytes);
    if (!model) return model.error();
    rules->model = std::move(*model);
  } else {
    rules->model = std::make_shared<const ner_model>();
  }
  return std::shared_ptr<const entity_rules>(std::move(rules));
}

namespace {

// Copies one sentence's tokens into the tagger's view (views into the analysis, no string copies).
void view_sentence(const analysis& a, const sentence_range& r, ner_sentence& s) {
  s.tokens.clear();
  for (std::uint32_t i = r.first; i < r.last && i < a.tokens.size(); ++i) {
    const token& t = a.tokens[i];
    ner_token nt;
    nt.surface = a.surface(t);
    nt.fold = t.fold_len ? a.fold(t) : nt.surface;
    nt.space_before = (t.flags & (tf_space_before | tf_newline_before)) != 0;
    nt.sentence_start = i == r.first && (t.flags & tf_sentence_start);  // not at a window's cut
    s.tokens.push_back(nt);
  }
}

// A sentence is tagged in windows of at most max_window tokens, so the tagger's per-token tables stay
// small whatever the input: a megabyte of text without a full stop is one "sentence" of 500,000 tokens
// (88 bytes each in the tagger's view). A window ends at punctuation or a lower-case word where it can, so
// that a name is not cut ("... Wladimir | Putin"); real sentences are far shorter than a window.
constexpr std::uint32_t max_window = 256, window_slack = 32;

std::uint32_t window_end(const analysis& a, std::uint32_t first, std::uint32_t last) {
  if (last - first <= max_window) return last;
  std::uint32_t end = first + max_window;
  for (std::uint32_t limit = end + window_slack; end < limit && end < last; ++end) {
    const std::uint32_t f = a.tokens[end].flags;
    if ((f & tf_punct) || !(f & tf_upper_initial)) return end;
  }
  return end;
}

}  // namespace

void recognise_entities(const entity_rules& rules, analysis& a) {
  const gazetteer& names = *rules.names;
  const ner_model& model = *rules.model;
  if (names.size() == 0 && model.empty()) return;
  ner_sentence s;
  std::vector<int> tags;
  std::string scratch;
  std::vector<mention> mentions;
  for (const sentence_range& r : a.sentences) {
    if (r.first >= r.last || r.last > a.tokens.size()) continue;
    for (sentence_range w = r; w.first < r.last; w.first = w.last) {
      w.last = window_end(a, w.first, r.last);
      view_sentence(a, w, s);
      annotate_sentence(names, s, scratch);
      model.tag(s, tags);
      apply_tag_rules(s, tags);
      collect_mentions(names, a, w, s, tags, mentions);
    }
  }
  add_repeated_names(a, mentions);
  build_entities(names, a, mentions);
}

}  // namespace newsnorm::detail
