// Recognition: one pass over the token stream, matching only where a token's class can begin an
// expression. Out: unresolved expressions in text order, without overlaps.
#pragma once

#include "pipeline/analysis.hpp"
#include "time/time_expr.hpp"

#include <vector>

namespace newsnorm::detail {

// The time word of each token (nullptr for most), one lexicon probe per word token.
token_words classify_tokens(const time_tables& t, const analysis& a);

std::vector<time_expr> find_time_exprs(const time_tables& t, const analysis& a,
                                       const token_words& words);

// Completes and links the two ends of ranges ("vom 3. bis 5. Mai", "Mai/Juni 1940", "1939-1945")
// and drops bare days that found no month.
void join_ranges(const analysis& a, std::vector<time_expr>& exprs);

}  // namespace newsnorm::detail
