// What an engine holds: per language, every stage's compiled tables. Immutable after create().
#pragma once

#include "article/article.hpp"
#include "entities/entity_stage.hpp"
#include "numbers/number_stage.hpp"
#include "time/time_stage.hpp"

#include <memory>

namespace newsnorm::detail {

struct language_rules {
  std::string lang;
  std::shared_ptr<const article_rules> article;
  std::shared_ptr<const time_rules> time;
  std::shared_ptr<const number_rules> numbers;
  std::shared_ptr<const entity_rules> entities;
};

struct engine_impl {
  std::vector<language_rules> languages;  // "de" first
  double creation_ms = 0;
  const language_rules* find(std::string_view lang) const {
    for (const auto& l : languages)
      if (l.lang == lang) return &l;
    return nullptr;
  }
};

// Runs the stages the options ask for over an analysis whose text is valid UTF-8.
void run_pipeline(const language_rules& rules, analysis& a);

// Fills code point offsets and texts of every span from their byte offsets.
void finish_offsets(std::string_view text, document& doc);

}  // namespace newsnorm::detail
