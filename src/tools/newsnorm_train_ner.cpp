// newsnorm_train_ner: trains the entity tagger (structured averaged perceptron, Viterbi decoding) and writes
// src/data/de/ner_model.bin; with --cv K it prints K-fold cross-validation figures on the GermEval file instead.
//
//   newsnorm_train_ner --germeval ../shared/eval/de/germeval2014/NER-de-dev.tsv \
//       --europeana ../shared/train/de/ner/europeana --mobie ../shared/train/de/ner/mobie/train.conll2003 \
//       --ler ../shared/train/de/ner/ler/ler_train_strict.conll --out src/data/de/ner_model.bin
//   newsnorm_train_ner ... --cv 5 --predict-out /tmp/cv.tsv
//
// Everything is deterministic: a fixed seed shuffles the sentences, so retraining reproduces the model.
// The other corpora's label sets are mapped to GermEval's (see map_label); they have no deriv or part
// labels, so lower-case demonyms and "Kreml-Sprecher"-style compounds of known names get them from the
// gazetteer (silver labels) rather than being taught as O.
#include "entities/gazetteer.hpp"
#include "entities/ner_features.hpp"
#include "entities/ner_model.hpp"
#include "text/fold.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace newsnorm::detail;
namespace fs = std::filesystem;

namespace {

enum class source : int { germeval, europeana, mobie, ler };
// Capitalised one-word demonyms of the other corpora ("Berliner", "Ukrainer") get a silver LOCderiv too.
bool silver_caps = true;

struct sample {
  std::string text;  // surfaces and folds back to back; the views in s point into it
  ner_sentence s;
  std::vector<int> gold;
  std::vector<int> reachable;  // gold as the decoder can output it (see reachable_gold)
  source from = source::germeval;
  std::vector<std::string> gold_names;  // GermEval only: the original outer labels, for the prediction file
};

struct raw_token {
  std::string word;
  std::string tag;  // "B-PER", "I-location-city", "O"
};

// Maps another corpus's tag to a GermEval tag; "" means: drop the sentence (a class GermEval has no
// clear counterpart for, such as LER's laws and court decisions).
std::string map_label(source from, const std::string& tag) {
  if (tag == "O" || tag.size() < 3) return "O";
  std::string prefix = tag.substr(0, 1), type = tag.substr(2);
  if (prefix != "B" && prefix != "I") return "O";
  auto upper = [](std::string s) { for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); return s; };
  std::string to;
  switch (from) {
    case source::germeval: return tag;
    case source::europeana: {
      type = upper(type);
      if (type == "PER" || type == "LOC" || type == "ORG") to = type;
      else return "O";
      break;
    }
    case source::mobie: {
      if (type == "person") to = "PER";
      else if (type == "location" || type == "location-city" || type == "location-street" || type == "location-stop") to = "LOC";
      else if (type == "organization" || type == "organization-company") to = "ORG";
      else if (type == "location-route") return "";
      else return "O";
      break;
    }
    case source::ler: {
      static const std::map<std::string, std::string> ler = {
          {"PER", "PER"}, {"RR", "PER"}, {"AN", "PER"}, {"LD", "LOC"}, {"ST", "LOC"}, {"STR", "LOC"}, {"LDS", "LOC"},
          {"ORG", "ORG"}, {"UN", "ORG"}, {"INN", "ORG"}, {"GRT", "ORG"}, {"MRK", "ORG"}};
      auto it = ler.find(type);
      if (it == ler.end()) return "";
      to = it->second;
      break;
    }
  }
  return prefix + "-" + to;
}

int tag_of(const std::string& t) {
  if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I')) return 0;
  const int label = label_index(std::string_view(t).substr(2));
  if (label < 0) return 0;
  return t[0] == 'B' ? begin_tag(label) : inside_tag(label);
}

// The decoder tags unscored tokens O and starts no name on a continuation-only token (scoring_plan), so a
// gold name that begins on one ("ihre" in a GermEval span) cannot be output: training aims at the nearest
// sequence it can output, that name left out.
void reachable_gold(sample& smp) {
  std::vector<std::uint8_t> plan;
  scoring_plan(smp.s, plan);
  smp.reachable = smp.gold;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    int& g = smp.reachable[i];
    const int prev = i > 0 ? smp.reachable[i - 1] : 0;
    if (g != 0 && !tag_begins(g) && tag_label(prev) != tag_label(g)) g = begin_tag(tag_label(g));
    if (plan[i] == 0 || (plan[i] == 1 && tag_begins(g))) g = 0;
  }
}

bool make_sample(const std::vector<raw_token>& toks, source from, const gazetteer& gaz, std::string& scratch,
                 std::vector<sample>& out) {
  if (toks.empty()) return false;
  sample smp;
  smp.from = from;
  std::vector<std::string> tags;
  for (const raw_token& t : toks) {
    std::string m = map_label(from, t.tag);
    if (m.empty()) return false;
    tags.push_back(m);
  }
  // Lay out surfaces and folds first, then take views (the string must not grow afterwards). The capacity
  // keeps the characters on the heap: a short string's would live inside the object and move with it,
  // leaving the views dangling once the sample is moved into the list (nondeterministic features).
  smp.text.reserve(64);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const raw_token& t : toks) {
    const std::size_t a = smp.text.size();
    smp.text += t.word;
    const std::size_t b = smp.text.size();
    append_folded(t.word, smp.text, matching_locale());
    spans.emplace_back(a, b);
  }
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::size_t a = spans[i].first, b = spans[i].second;
    const std::size_t e = i + 1 < toks.size() ? spans[i + 1].first : smp.text.size();
    ner_token nt;
    nt.surface = std::string_view(smp.text).substr(a, b - a);
    nt.fold = std::string_view(smp.text).substr(b, e - b);
    if (nt.fold.empty()) nt.fold = nt.surface;
    nt.sentence_start = i == 0;
    smp.s.tokens.push_back(nt);
  }
  annotate_sentence(gaz, smp.s, scratch);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    int g = tag_of(tags[i]);
    // I-X after O (a broken span in a noisy corpus) starts the span.
    if (g > 0 && !tag_begins(g) && (i == 0 || tag_label(smp.gold.back()) != tag_label(g))) g = begin_tag(tag_label(g));
    if (from != source::germeval && g == 0) {
      const ner_token_info& info = smp.s.info[i];
      if (info.match_label == label_index("LOCderiv") && info.match_words == 1 && (silver_caps || !info.upper_initial))
        g = begin_tag(label_index("LOCderiv"));
      else if (info.upper_initial && (info.head_classes & wc_loc)) g = begin_tag(label_index("LOCpart"));
      else if (info.upper_initial && (info.head_classes & wc_org)) g = begin_tag(label_index("ORGpart"));
    }
    smp.gold.push_back(g);
  }
  if (from == source::germeval) smp.gold_names = tags;
  reachable_gold(smp);
  out.push_back(std::move(smp));
  return true;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> f;
  std::string cur;
  std::istringstream ss(line);
  while (std::getline(ss, cur, sep)) f.push_back(cur);
  return f;
}

void read_germeval(const std::string& path, const gazetteer& gaz, std::string& scratch, std::vector<sample>& out) {
  std::ifstream in(path);
  if (!in) { std::cerr << "cannot read " << path << "\n"; std::exit(2); }
  std::vector<raw_token> toks;
  std::string line;
  auto flush = [&] { if (!toks.empty()) make_sample(toks, source::germeval, gaz, scratch, out); toks.clear(); };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line[0] == '#' && line.find('\t') == 1) { flush(); continue; }
    auto f = split(line, '\t');
    if (f.size() < 3) continue;
    toks.push_back({f[1], f[2]});
  }
  flush();
}

// "token TAG" or tab-separated columns with the tag last; blank lines end sentences. Europeana has no
// sentence breaks: a full stop or 60 tokens ends one.
void read_conll(const std::string& path, source from, const gazetteer& gaz, std::string& scratch,
                std::vector<sample>& out, std::size_t every = 1, std::size_t max_sentences = SIZE_MAX) {
  std::ifstream in(path);
  if (!in) { std::cerr << "cannot read " << path << "\n"; std::exit(2); }
  std::vector<raw_token> toks;
  std::string line;
  std::size_t seen = 0, kept = 0;
  auto flush = [&] {
    if (!toks.empty() && kept < max_sentences && (seen++ % every) == 0) {
      if (make_sample(toks, from, gaz, scratch, out)) ++kept;
    }
    toks.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("-DOCSTART-", 0) == 0) { flush(); continue; }
    if (from == source::europeana && line.rfind("# ", 0) == 0 && line.find(':') != std::string::npos) { flush(); continue; }
    const char sep = line.find('\t') != std::string::npos ? '\t' : ' ';
    auto f = split(line, sep);
    while (!f.empty() && f.back().empty()) f.pop_back();
    if (f.size() < 2 || f[0].empty()) continue;
    toks.push_back({f[0], f.back()});
    if (from == source::europeana && (f[0] == "." || toks.size() >= 60)) flush();
  }
  flush();
}

// ---- the averaged perceptron -------------------------------------------------------------------------

struct perceptron {
  std::uint32_t bits;
  std::vector<float> w, u;  // weights and the sum of step-weighted updates (Daume's averaging trick)
  double c = 1;
  explicit perceptron(std::uint32_t b) : bits(b), w((std::size_t{1} << b) * tag_count), u(w.size()) {}
  std::uint32_t mask() const { return (1u << bits) - 1u; }

  // The decoder's Weights interface.
  void add(const std::uint32_t* f, std::size_t n, float* s) const {
    for (std::size_t k = 0; k < n; ++k) {
      const float* row = &w[std::size_t{f[k]} * tag_count];
      for (int t = 0; t < tag_count; ++t) s[t] += row[t];
    }
  }
  void transition(int p, float* s) const {
    const std::uint32_t bucket = transition_bucket(p, mask());
    std::fill_n(s, tag_count, 0.0f);
    add(&bucket, 1, s);
  }
  void update(const std::uint32_t* f, std::size_t n, int tag, float by) {
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t at = std::size_t{f[k]} * tag_count + static_cast<std::size_t>(tag);
      w[at] += by;
      u[at] += by * static_cast<float>(c);
    }
  }
  // Collins's structured perceptron: decode the sentence with the current weights; where the best sequence
  // differs from the gold one, add the gold sequence's features and subtract the predicted one's.
  void train(const sample& smp) {
    const ner_sentence& s = smp.s;
    decode_sentence<float>(s, mask(), *this, predicted, limits.prune, limits.skip, limits.beam);
    scoring_plan(s, plan);
    feature_buffer fs;
    std::uint32_t hist[max_history_features];
    int gold_prev = 0, pred_prev = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const int gold = smp.reachable[i], pred = predicted[i];
      if (plan[i] && gold != pred) {
        const std::size_t n = static_features(s, i, mask(), fs);
        update(fs.data(), n, gold, 1);
        update(fs.data(), n, pred, -1);
      }
      if (plan[i] && (gold != pred || gold_prev != pred_prev)) {
        update(hist, history_features(s, i, gold_prev, mask(), hist), gold, 1);
        update(hist, history_features(s, i, pred_prev, mask(), hist), pred, -1);
      }
      gold_prev = plan[i] ? gold : 0;
      pred_prev = plan[i] ? pred : 0;
    }
    c += 1;
  }
  std::vector<int> predicted;
  std::vector<std::uint8_t> plan;
  decode_limits limits;
  // The averaged weights, pruned and quantised to 16 bits, in ner_model's file format.
  std::vector<float> averaged() const {
    std::vector<float> avg(w.size());
    for (std::size_t k = 0; k < w.size(); ++k) avg[k] = w[k] - static_cast<float>(u[k] / c);
    return avg;
  }
  std::string serialise(float prune) const { return serialise_weights(averaged(), bits, prune); }
  static std::string serialise_weights(const std::vector<float>& avg, std::uint32_t bits, float prune) {
    float top = 0;
    for (float v : avg) top = std::max(top, std::fabs(v));
    const float scale = top > 0 ? top / 32767.0f : 1.0f;
    std::vector<std::uint32_t> kept;
    for (std::uint32_t b = 0; b < (1u << bits); ++b) {
      const float* row = &avg[std::size_t{b} * tag_count];
      for (int t = 0; t < tag_count; ++t)
        if (std::fabs(row[t]) >= prune && std::lround(row[t] / scale) != 0) { kept.push_back(b); break; }
    }
    std::string out(ner_model_magic, 8);
    auto put = [&](const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); };
    const std::uint32_t tags = tag_count, rows = static_cast<std::uint32_t>(kept.size());
    put(&bits, 4); put(&tags, 4); put(&scale, 4); put(&rows, 4);
    for (std::uint32_t b : kept) put(&b, 4);
    for (std::uint32_t b : kept)
      for (int t = 0; t < tag_count; ++t) {
        const auto q = static_cast<std::int16_t>(std::clamp<long>(std::lround(avg[std::size_t{b} * tag_count + t] / scale), -32767, 32767));
        put(&q, 2);
      }
    return out;
  }
};

// Deterministic shuffle (xorshift64*): the same order on every platform and standard library.
void shuffle(std::vector<std::size_t>& v, std::uint64_t& state) {
  for (std::size_t i = v.size(); i > 1; --i) {
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    const std::size_t j = static_cast<std::size_t>((state * 2685821657736338717ull) % i);
    std::swap(v[i - 1], v[j]);
  }
}

struct settings {
  std::uint32_t bits = 18;
  int epochs = 10;
  int germeval_weight = 2;  // in-domain sentences are seen this many times an epoch
  float prune = 2.0f;  // buckets whose averaged weights are all smaller are left out of the model
  int ensemble = 5;        // perceptrons averaged (sentence orders seed, seed + 1, ...)
  int pretrain_epochs = 3;  // epochs on the other corpora alone first; GermEval then starts from those weights
  std::uint64_t seed = 20141;
  decode_limits limits;
};

std::vector<float> train_one(const std::vector<const sample*>& data, const settings& st);

// The average of `ensemble` perceptrons trained with different sentence orders (seed, seed + 1, ...).
std::string train(const std::vector<const sample*>& data, const settings& st) {
  std::vector<float> sum;
  for (int r = 0; r < st.ensemble; ++r) {
    settings one = st;
    one.seed = st.seed + static_cast<std::uint64_t>(r);
    std::vector<float> w = train_one(data, one);
    if (sum.empty()) sum = std::move(w);
    else for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += w[k];
  }
  for (float& v : sum) v /= static_cast<float>(st.ensemble);
  return perceptron::serialise_weights(sum, st.bits, st.prune);
}

std::vector<float> train_one(const std::vector<const sample*>& data, const settings& st) {
  perceptron p(st.bits);
  p.limits = st.limits;
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::uint64_t state = st.seed;
  if (st.pretrain_epochs > 0) {
    std::vector<std::size_t> other, own;
    for (std::size_t k : order) (data[k]->from == source::germeval ? own : other).push_back(k);
    for (int e = 0; e < st.pretrain_epochs; ++e) {
      shuffle(other, state);
      for (std::size_t k : other) p.train(*data[k]);
    }
    // Start from the averaged pre-trained weights; average only the GermEval epochs from here on.
    for (std::size_t k = 0; k < p.w.size(); ++k) p.w[k] -= static_cast<float>(p.u[k] / p.c);
    std::fill(p.u.begin(), p.u.end(), 0.0f);
    p.c = 1;
    order = own;
  }
  for (int e = 0; e < st.epochs; ++e) {
    shuffle(order, state);
    for (std::size_t k : order) {
      const int times = data[k]->from == source::germeval ? st.germeval_weight : 1;
      for (int r = 0; r < times; ++r) p.train(*data[k]);
    }
  }
  return p.averaged();
}

// Outer spans (label, first, last) from a tag sequence.
std::vector<std::tuple<int, std::size_t, std::size_t>> spans_of(const std::vector<int>& tags) {
  std::vector<std::tuple<int, std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == 0) continue;
    const int label = tag_label(tags[i]);
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j] == inside_tag(label)) ++j;
    out.emplace_back(label, i, j);
    i = j - 1;
  }
  return out;
}

std::string tag_name(int t) {
  if (t == 0) return "O";
  return std::string(tag_begins(t) ? "B-" : "I-") + std::string(label_names[tag_label(t)]);
}


// ---- word clusters (exchange algorithm) ----------------------------------------------------------------

// Reads the words of a corpus as sentences of folded tokens: GermEval (tab-separated, the word second) or
// CoNLL-style files (the word first). Labels are ignored: the clusters are learnt from raw text.
void read_text(const std::string& path, bool germeval_format, std::vector<std::vector<std::string>>& out) {
  std::ifstream in(path);
  if (!in) { std::cerr << "cannot read " << path << "\n"; std::exit(2); }
  std::vector<std::string> cur;
  std::string line, folded;
  auto flush = [&] { if (!cur.empty()) out.push_back(std::move(cur)); cur.clear(); };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("-DOCSTART-", 0) == 0) { flush(); continue; }
    if (line[0] == '#' && (line.size() == 1 || line[1] == '\t' || line[1] == ' ')) { flush(); continue; }
    const char sep = line.find('\t') != std::string::npos ? '\t' : ' ';
    auto f = split(line, sep);
    while (!f.empty() && f.back().empty()) f.pop_back();
    std::string word;
    if (germeval_format) { if (f.size() >= 3) word = f[1]; }
    else if (f.size() >= 2) word = f[0];
    if (word.empty()) continue;
    folded.clear();
    append_folded(word, folded, matching_locale());
    cur.push_back(folded.empty() ? word : folded);
    if (!germeval_format && (word == "." || cur.size() >= 60) && path.find(".bio") != std::string::npos) flush();
  }
  flush();
}

// Flat word classes of a two-sided class-bigram model (Kneser & Ney's exchange algorithm): every word
// starts in class (frequency rank mod k); each pass moves each word, most frequent first, to the class
// that most raises sum N(c,d) log N(c,d) - 2 sum N(c) log N(c). Deterministic: no random numbers, ties go
// to the lower class. Words seen fewer than min_count times share one token (not written out).
std::vector<std::uint32_t> exchange_clusters(const std::vector<std::vector<std::uint32_t>>& sents, std::size_t vocab,
                                             std::uint32_t k, int passes) {
  std::vector<std::uint64_t> count(vocab);
  // Bigram lists per word: right neighbours and left neighbours with counts.
  std::vector<std::map<std::uint32_t, std::uint32_t>> right(vocab), left(vocab);
  std::size_t total = 0;
  for (const auto& s : sents)
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      right[s[i]][s[i + 1]]++;
      left[s[i + 1]][s[i]]++;
      ++total;
    }
  for (std::uint32_t w = 0; w < vocab; ++w)
    for (auto& [x, n] : right[w]) count[w] += n;  // as the left word of a bigram
  std::vector<std::uint64_t> lcount(vocab);
  for (std::uint32_t w = 0; w < vocab; ++w)
    for (auto& [x, n] : left[w]) lcount[w] += n;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> R(vocab), L(vocab);
  for (std::uint32_t w = 0; w < vocab; ++w) {
    R[w].assign(right[w].begin(), right[w].end());
    L[w].assign(left[w].begin(), left[w].end());
  }
  right.clear(); left.clear();
  std::vector<double> g(total + 2);
  for (std::size_t n = 1; n < g.size(); ++n) g[n] = static_cast<double>(n) * std::log(static_cast<double>(n));
  auto G = [&](std::int64_t n) { return n <= 0 ? 0.0 : g[static_cast<std::size_t>(n)]; };
  std::vector<std::uint32_t> cls(vocab);
  for (std::uint32_t w = 0; w < vocab; ++w) cls[w] = w % k;  // ids are frequency ranks
  // N(c,d) and its transpose T(d,c) (columns read row-wise); class counts as left / right word.
  std::vector<std::int64_t> N(std::size_t{k} * k), T(N.size()), Nl(k), Nr(k);
  for (std::uint32_t w = 0; w < vocab; ++w) {
    for (auto [x, n] : R[w]) {
      N[std::size_t{cls[w]} * k + cls[x]] += n;
      T[std::size_t{cls[x]} * k + cls[w]] += n;
    }
    Nl[cls[w]] += count[w];
    Nr[cls[w]] += lcount[w];
  }
  std::vector<std::int64_t> rc(k), lc(k);  // w's bigram counts with each class, itself left out
  std::vector<std::uint32_t> rlist, llist;
  for (int pass = 0; pass < passes; ++pass) {
    std::size_t moved = 0;
    for (std::uint32_t w = 0; w < vocab; ++w) {
      const std::uint32_t a = cls[w];
      std::int64_t self = 0;
      rlist.clear(); llist.clear();
      for (auto [x, n] : R[w]) {
        if (x == w) { self += n; continue; }
        if (rc[cls[x]] == 0) rlist.push_back(cls[x]);
        rc[cls[x]] += n;
      }
      for (auto [x, n] : L[w]) {
        if (x == w) continue;
        if (lc[cls[x]] == 0) llist.push_back(cls[x]);
        lc[cls[x]] += n;
      }
      // Take w out of class a.
      for (std::uint32_t d : rlist) { N[std::size_t{a} * k + d] -= rc[d]; T[std::size_t{d} * k + a] -= rc[d]; }
      for (std::uint32_t c : llist) { N[std::size_t{c} * k + a] -= lc[c]; T[std::size_t{a} * k + c] -= lc[c]; }
      N[std::size_t{a} * k + a] -= self;
      T[std::size_t{a} * k + a] -= self;
      Nl[a] -= static_cast<std::int64_t>(count[w]);
      Nr[a] -= static_cast<std::int64_t>(lcount[w]);
      // The gain of putting it into class b.
      double best_gain = 0;
      std::uint32_t best = UINT32_MAX;
      for (std::uint32_t b = 0; b < k; ++b) {
        double gain = 0;
        const std::int64_t* row = &N[std::size_t{b} * k];
        const std::int64_t* col = &T[std::size_t{b} * k];
        for (std::uint32_t d : rlist)
          if (d != b) gain += G(row[d] + rc[d]) - G(row[d]);
        for (std::uint32_t c : llist)
          if (c != b) gain += G(col[c] + lc[c]) - G(col[c]);
        gain += G(row[b] + rc[b] + lc[b] + self) - G(row[b]);
        gain -= G(Nl[b] + static_cast<std::int64_t>(count[w])) - G(Nl[b]);
        gain -= G(Nr[b] + static_cast<std::int64_t>(lcount[w])) - G(Nr[b]);
        if (best == UINT32_MAX || gain > best_gain + 1e-9) { best_gain = gain; best = b; }
      }
      const std::uint32_t b = best;
      for (std::uint32_t d : rlist) { N[std::size_t{b} * k + d] += rc[d]; T[std::size_t{d} * k + b] += rc[d]; }
      for (std::uint32_t c : llist) { N[std::size_t{c} * k + b] += lc[c]; T[std::size_t{b} * k + c] += lc[c]; }
      N[std::size_t{b} * k + b] += self;
      T[std::size_t{b} * k + b] += self;
      Nl[b] += static_cast<std::int64_t>(count[w]);
      Nr[b] += static_cast<std::int64_t>(lcount[w]);
      if (b != a) { cls[w] = b; ++moved; }
      for (std::uint32_t d : rlist) rc[d] = 0;
      for (std::uint32_t c : llist) lc[c] = 0;
    }
    std::cerr << "  " << k << " classes, pass " << pass + 1 << ": " << moved << " words moved\n";
    if (moved == 0) break;
  }
  return cls;
}

// --clusters-out: word classes at several sizes over the raw text of the corpora, written as
// entity_clusters.tsv (folded word, then one class id per size, most frequent words first).
int make_clusters(const std::string& germeval, const std::string& europeana, const std::string& mobie,
                  const std::string& ler, const std::vector<std::string>& texts, const std::vector<std::uint32_t>& sizes,
                  std::size_t min_count, int passes, const std::string& out_path) {
  std::vector<std::vector<std::string>> sents;
  if (!germeval.empty()) read_text(germeval, true, sents);
  if (!europeana.empty()) {
    std::vector<std::string> files;
    for (const auto& f : fs::directory_iterator(europeana))
      if (f.path().extension() == ".bio") files.push_back(f.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) read_text(f, false, sents);
  }
  if (!mobie.empty()) read_text(mobie, false, sents);
  if (!ler.empty()) read_text(ler, false, sents);
  for (const auto& t : texts) read_text(t, false, sents);
  std::map<std::string, std::uint64_t> freq;
  std::size_t tokens = 0;
  for (const auto& s : sents)
    for (const auto& w : s) { ++freq[w]; ++tokens; }
  std::vector<std::pair<std::string, std::uint64_t>> words(freq.begin(), freq.end());
  std::stable_sort(words.begin(), words.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  std::map<std::string, std::uint32_t> id;
  std::uint32_t kept = 0;
  for (const auto& [w, n] : words)
    if (n >= min_count) id.emplace(w, kept++);
  const std::uint32_t rare = kept, boundary = kept + 1, vocab = kept + 2;
  std::vector<std::vector<std::uint32_t>> ids;
  for (const auto& s : sents) {
    std::vector<std::uint32_t> v{boundary};
    for (const auto& w : s) { auto it = id.find(w); v.push_back(it == id.end() ? rare : it->second); }
    v.push_back(boundary);
    ids.push_back(std::move(v));
  }
  std::cerr << sents.size() << " sentences, " << tokens << " tokens, " << kept << " words seen " << min_count
            << " times or more\n";
  std::vector<std::vector<std::uint32_t>> classes;
  for (std::uint32_t k : sizes) classes.push_back(exchange_clusters(ids, vocab, k, passes));
  std::ofstream o(out_path);
  o << "# Generated by src/tools/newsnorm_train_ner --clusters-out from the raw text of GermEval 2014 (CC BY 4.0),\n"
       "# LER (CC BY 4.0), Europeana newspapers (CC0) and MobIE (CC BY 4.0); labels unused. Columns: folded word,\n"
       "# then its class in flat exchange-algorithm clusterings of";
  for (std::uint32_t k : sizes) o << ' ' << k;
  o << " classes. A feature for the tagger only.\n";
  for (std::uint32_t w = 0; w < kept; ++w) {
    const std::string& word = words[w].first;
    if (word.find_first_of("\t\n") != std::string::npos) continue;
    o << word;
    for (const auto& c : classes) o << '\t' << c[w];
    o << '\n';
  }
  return o.good() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string germeval, europeana, mobie, ler, out, predict_out;
  int folds = 0;
  std::size_t ler_max = 6000;
  std::string clusters_out;
  std::vector<std::string> texts;
  std::vector<std::uint32_t> cluster_sizes = {64, 256, 1024};
  std::size_t min_count = 3;
  int passes = 10;
  settings st;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { if (i + 1 >= argc) { std::cerr << a << " needs a value\n"; std::exit(2); } return argv[++i]; };
    if (a == "--germeval") germeval = next();
    else if (a == "--europeana") europeana = next();
    else if (a == "--mobie") mobie = next();
    else if (a == "--ler") ler = next();
    else if (a == "--ler-max") ler_max = std::stoul(next());
    else if (a == "--out") out = next();
    else if (a == "--cv") folds = std::stoi(next());
    else if (a == "--predict-out") predict_out = next();
    else if (a == "--epochs") st.epochs = std::stoi(next());
    else if (a == "--bits") st.bits = static_cast<std::uint32_t>(std::stoul(next()));
    else if (a == "--germeval-weight") st.germeval_weight = std::stoi(next());
    else if (a == "--prune") st.prune = std::stof(next());
    else if (a == "--seed") st.seed = std::stoull(next());
    else if (a == "--decode-prune") st.limits.prune = std::stof(next());
    else if (a == "--skip") st.limits.skip = std::stof(next());
    else if (a == "--beam") st.limits.beam = std::stoi(next());
    else if (a == "--clusters-out") clusters_out = next();
    else if (a == "--text") texts.push_back(next());
    else if (a == "--min-count") min_count = std::stoul(next());
    else if (a == "--passes") passes = std::stoi(next());
    else if (a == "--cluster-sizes") {
      cluster_sizes.clear();
      for (const auto& f : split(next(), ',')) cluster_sizes.push_back(static_cast<std::uint32_t>(std::stoul(f)));
    }
    else if (a == "--no-silver-caps") silver_caps = false;
    else if (a == "--ensemble") st.ensemble = std::stoi(next());
    else if (a == "--pretrain-epochs") st.pretrain_epochs = std::stoi(next());
    else if (a == "--data-dir") {}  // reserved
    else { std::cerr << "unknown argument " << a << "\n"; return 2; }
  }
  if (!clusters_out.empty()) return make_clusters(germeval, europeana, mobie, ler, texts, cluster_sizes, min_count, passes, clusters_out);
  if (germeval.empty() || (out.empty() && folds < 2)) {
    std::cerr << "usage: newsnorm_train_ner --germeval FILE [--europeana DIR] [--mobie FILE] [--ler FILE]\n"
                 "       (--out MODEL | --cv K [--predict-out FILE]) [--epochs N] [--bits B] [--prune X]\n";
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const data_source data;  // the gazetteers built into the library
  gazetteer gaz;
  if (auto e = gaz.load(data, "de")) { std::cerr << e->message << "\n"; return 1; }
  std::string scratch;
  std::vector<sample> in_domain, extra;
  read_germeval(germeval, gaz, scratch, in_domain);
  if (!europeana.empty()) {
    std::vector<std::string> files;
    for (const auto& f : fs::directory_iterator(europeana))
      if (f.path().extension() == ".bio") files.push_back(f.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) read_conll(f, source::europeana, gaz, scratch, extra);
  }
  if (!mobie.empty()) read_conll(mobie, source::mobie, gaz, scratch, extra);
  if (!ler.empty()) read_conll(ler, source::ler, gaz, scratch, extra, 6, ler_max);
  std::size_t extra_tokens = 0;
  for (const auto& s : extra) extra_tokens += s.s.tokens.size();
  std::cerr << in_domain.size() << " GermEval sentences, " << extra.size() << " other sentences (" << extra_tokens
            << " tokens)\n";

  if (folds < 2) {
    std::vector<const sample*> all;
    for (const auto& s : in_domain) all.push_back(&s);
    for (const auto& s : extra) all.push_back(&s);
    const std::string model = train(all, st);
    std::ofstream o(out, std::ios::binary);
    o.write(model.data(), static_cast<std::streamsize>(model.size()));
    std::cerr << "wrote " << out << " (" << model.size() << " bytes) in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\n";
    return o.good() ? 0 : 1;
  }

  // K-fold cross-validation over the GermEval sentences; the other corpora are always in training.
  std::vector<std::vector<int>> predicted(in_domain.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<const sample*> tr;
    for (std::size_t i = 0; i < in_domain.size(); ++i)
      if (static_cast<int>(i % folds) != k) tr.push_back(&in_domain[i]);
    for (const auto& s : extra) tr.push_back(&s);
    ner_model m;
    if (auto e = m.load(train(tr, st))) { std::cerr << e->message << "\n"; return 1; }
    for (std::size_t i = k; i < in_domain.size(); i += folds) {
      m.tag(in_domain[i].s, predicted[i], st.limits);
      apply_tag_rules(in_domain[i].s, predicted[i]);
    }
    std::cerr << "fold " << k + 1 << "/" << folds << " done\n";
  }
  std::vector<int> tp(entity_labels), fp(entity_labels), fn(entity_labels);
  for (std::size_t i = 0; i < in_domain.size(); ++i) {
    auto g = spans_of(in_domain[i].gold), p = spans_of(predicted[i]);
    for (auto& s : p) (std::find(g.begin(), g.end(), s) != g.end() ? tp : fp)[std::get<0>(s)]++;
    for (auto& s : g) if (std::find(p.begin(), p.end(), s) == p.end()) fn[std::get<0>(s)]++;
  }
  auto f1 = [](int t, int p, int n) {
    const double pr = t + p ? double(t) / (t + p) : 0, re = t + n ? double(t) / (t + n) : 0;
    return std::tuple{pr, re, pr + re > 0 ? 2 * pr * re / (pr + re) : 0.0};
  };
  int T = 0, P = 0, N = 0;
  std::printf("%-10s %6s %6s %6s %6s\n", "label", "P", "R", "F1", "gold");
  for (int l = 0; l < entity_labels; ++l) {
    auto [pr, re, f] = f1(tp[l], fp[l], fn[l]);
    std::printf("%-10s %6.3f %6.3f %6.3f %6d\n", std::string(label_names[l]).c_str(), pr, re, f, tp[l] + fn[l]);
    T += tp[l]; P += fp[l]; N += fn[l];
  }
  auto [pr, re, f] = f1(T, P, N);
  std::printf("%-10s %6.3f %6.3f %6.3f %6d   (%d-fold cross-validation, outer spans)\n", "overall", pr, re, f, T + N, folds);
  if (!predict_out.empty()) {
    std::ofstream o(predict_out);
    for (std::size_t i = 0; i < in_domain.size(); ++i) {
      for (std::size_t j = 0; j < in_domain[i].s.tokens.size(); ++j)
        o << j + 1 << '\t' << in_domain[i].s.tokens[j].surface << '\t' << in_domain[i].gold_names[j] << '\t'
          << tag_name(predicted[i][j]) << '\n';
      o << '\n';
    }
  }
  std::cerr << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\n";
  return 0;
}
