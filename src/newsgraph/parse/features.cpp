#include "newsgraph/parse/features.hpp"

#include <algorithm>

#include "newsgraph/learn/feature_hash.hpp"

namespace newsgraph::parse {
namespace {

using learn::FeatureHash;
using learn::hash_combine;

// Feature templates. The numbers are part of the model format: renumbering needs a new version.
enum Template : std::uint64_t {
  // move features; s = stack, b = buffer, l/r = leftmost/rightmost dependent, w = word, t = tag
  kS0w = 1,
  kS0t,
  kS0wt,
  kS1w,
  kS1t,
  kS1wt,
  kS2t,
  kB0w,
  kB0t,
  kB0wt,
  kB1w,
  kB1t,
  kB1wt,
  kB2t,
  kS0wtB0wt,
  kS0wtB0w,
  kS0wB0wt,
  kS0wtB0t,
  kS0tB0wt,
  kS0wB0w,
  kS0tB0t,
  kB0tB1t,
  kS1wtS0wt,
  kS1wS0w,
  kS1tS0t,
  kS1tS0w,
  kS1wS0t,
  kS1tB0t,
  kS1wB0w,
  kB0tB1tB2t,
  kS0tB0tB1t,
  kS1tS0tB0t,
  kS2tS1tS0t,
  kS0tS0ltB0t,
  kS0tS0rtB0t,
  kS0tB0tB0lt,
  kS1tS1rtS0t,
  kS1tS0tS0lt,
  kS1tS0tS0rt,
  kS0wDistance,
  kS0tDistance,
  kB0wDistance,
  kB0tDistance,
  kS0wB0wDistance,
  kS0tB0tDistance,
  kS1tS0tDistance,
  kS1wS0wDistance,
  kS0wRightValency,
  kS0tRightValency,
  kS0wLeftValency,
  kS0tLeftValency,
  kB0wLeftValency,
  kB0tLeftValency,
  kS1tRightValency,
  kS0lw,
  kS0lt,
  kS0lRelation,
  kS0rw,
  kS0rt,
  kS0rRelation,
  kB0lw,
  kB0lt,
  kB0lRelation,
  kS1rw,
  kS1rt,
  kS1rRelation,
  kS0l2w,
  kS0l2t,
  kS0l2Relation,
  kS0r2w,
  kS0r2t,
  kS0r2Relation,
  kB0l2w,
  kB0l2t,
  kB0l2Relation,
  kS0tS0ltS0l2t,
  kS0tS0rtS0r2t,
  kB0tB0ltB0l2t,
  kS0wRightRelations,
  kS0tRightRelations,
  kS0wLeftRelations,
  kS0tLeftRelations,
  kB0wLeftRelations,
  kB0tLeftRelations,
  kS1tRightRelations,
  kBias,
  kS0c,
  kS1c,
  kB0c,
  kB1c,
  kS0cB0c,
  kS0cB0t,
  kS0tB0c,
  kS1cS0c,
  kS1tS0c,
  kS1cS0t,
  kS0cB0cDistance,
  kS0tSuffix,
  kS1tSuffix,
  kB0tSuffix,
  kB1tSuffix,
  kS0tSuffixB0tSuffix,
  kS0f,
  kB0f,
  kS0fB0f,
  kS0TagSet,
  kB0TagSet,
  kB1TagSet,
  kS0TagSetB0TagSet,
  kS2w,
  kB2w,
  kS1lw,
  kS1lt,
  kS1lRelation,
  kS1tS1ltS0t,
  kS0cB0w,
  kS0wB0c,
  kB0cB1c,
  kS1cB0c,
  kS0cB0cB1c,
  kS1cS0cB0c,
  kB0wB1w,
  kB0wB1t,
  kB0tB1w,
  kS0wB0tB1t,
  kS0tB0wB1t,
  kS1tS0tB0tB1t,
  kS0rcB0c,
  kB0lcS0c,
  kS0Doubt,
  kS1Doubt,
  kB0Doubt,
  kB1Doubt,
  kS0DoubtB0Doubt,
  // relation features; h = head, d = dependent. The move templates have run past 100 since: the two
  // kinds live in separate tables (moves and labels), so the numbers may overlap, and renumbering
  // would change every feature's hash and need the model retrained.
  kArcDirection = 100,
  kHw,
  kHt,
  kHwt,
  kDw,
  kDt,
  kDwt,
  kHtDt,
  kHwDt,
  kHtDw,
  kHwDw,
  kHtDtDistance,
  kDtLeftRelations,
  kDtRightRelations,
  kHtDtLeftRelations,
  kHtDtRightRelations,
  kHtHeadLeftRelations,
  kHtHeadRightRelations,
  kDtDlRelation,
  kDtDrRelation,
  kDlwDt,
  kDlwHt,
  kDrwDt,
  kDtBeforeTAfterT,
  kHtBeforeTAfterT,
  kDtValency,
  kHtDtB1t,
  kDwHwt,
  kDwtHt,
  kHc,
  kDc,
  kHcDc,
  kHtDc,
  kHcDt,
  kDtSuffix,
  kHtSuffixDt,
  kDf,
  kHtDf,
  kDtTagSet,
  kHtDtSiblingRelation,
  kHwDc,
  kHcDw,
  kDtAfterW,
  kDlRelationDrRelation,
  kDDoubt,
  kHDoubtDDoubt,
};

// A distance in words, in buckets: 1, 2, 3, 4, 5-6, 7-10, more.
std::uint64_t distance_bucket(std::uint32_t from, std::uint32_t to) {
  const std::uint32_t distance = from > to ? from - to : to - from;
  if (distance <= 4) return distance;
  if (distance <= 6) return 5;
  return distance <= 10 ? 6 : 7;
}

std::uint64_t pair(std::uint64_t a, std::uint64_t b) {
  return hash_combine(a, b);
}

class Features {
 public:
  Features(std::span<const ParserToken> tokens, std::vector<FeatureHash>& out) : tokens_(tokens), out_(out) {}

  const ParserToken& token(std::uint32_t position) const {
    return position == kNoWord ? tokens_.back() : tokens_[position];
  }
  std::uint64_t word(std::uint32_t position) const { return token(position).form; }
  std::uint64_t tag(std::uint32_t position) const { return token(position).tag; }
  std::uint64_t cluster(std::uint32_t position) const { return token(position).cluster; }
  std::uint64_t fine_cluster(std::uint32_t position) const { return token(position).fine_cluster; }
  std::uint64_t tag_set(std::uint32_t position) const { return token(position).tag_set; }
  std::uint64_t tag_suffix(std::uint32_t position) const {
    return pair(tag(position), token(position).suffix);
  }
  // The tag with the runner-up: the tag paired with itself where the tagger was sure.
  std::uint64_t doubt(std::uint32_t position) const { return pair(tag(position), token(position).runner_up); }
  std::uint64_t word_tag(std::uint32_t position) const { return pair(word(position), tag(position)); }

  void add(Template name, std::uint64_t value) { out_.push_back(hash_combine(name, value)); }
  void add(Template name, std::uint64_t first, std::uint64_t second) {
    out_.push_back(hash_combine(hash_combine(name, first), second));
  }
  void add(Template name, std::uint64_t first, std::uint64_t second, std::uint64_t third) {
    out_.push_back(hash_combine(hash_combine(hash_combine(name, first), second), third));
  }

 private:
  std::span<const ParserToken> tokens_;
  std::vector<FeatureHash>& out_;
};

std::uint64_t relation_of(const Configuration& configuration, std::uint32_t word) {
  return word == kNoWord ? kNoRelation : configuration.relation(word);
}

// The last three letters tell verb forms apart that UPOS merges ("-ing", "-ed") and, for words
// the model has not seen, what kind of word it is.
std::uint64_t suffix_hash(std::string_view word) {
  constexpr std::size_t kLength = 3;
  if (word.size() <= kLength) return 0;
  std::uint64_t hash = 0;
  for (const char c : word.substr(word.size() - kLength))
    hash = hash << 8 | static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return learn::mix64(hash + 1);
}

}  // namespace

std::vector<ParserToken> sentence_tokens(std::span<const UposWord> words, std::span<const std::uint32_t> tags,
                                         std::span<const std::uint32_t> runners_up,
                                         const UposTagger& tagger) {
  constexpr std::size_t kMiddleLevel = 1;
  constexpr std::size_t kFineLevel = 2;
  const auto tag_count = static_cast<std::uint32_t>(tagger.tags().size());
  const std::size_t n = words.size();
  std::vector<ParserToken> tokens(n + 2);
  for (std::size_t i = 0; i < n; ++i)
    tokens[i] = {words[i].keys.lower,
                 tags[i],
                 runners_up.empty() ? tags[i] : runners_up[i],
                 words[i].classes[kMiddleLevel],
                 words[i].classes[kFineLevel],
                 tagger.dictionary().find(words[i].keys.lower),
                 suffix_hash(words[i].word)};
  tokens[n] = {learn::hash_string("<root>"), tag_count, tag_count, 0xfffffffeu, 0xfffffffeu, 0xfffffffeu, 1};
  tokens[n + 1] = {
      learn::hash_string("<none>"), tag_count + 1, tag_count + 1, 0xffffffffu, 0xffffffffu, 0xffffffffu, 2};
  return tokens;
}

void add_move_features(const Configuration& c, std::span<const ParserToken> tokens,
                       std::vector<FeatureHash>& features) {
  Features f(tokens, features);
  const std::uint32_t s0 = c.stack(0), s1 = c.stack(1), s2 = c.stack(2);
  const std::uint32_t b0 = c.buffer(0), b1 = c.buffer(1), b2 = c.buffer(2);
  const Dependents& s0d = c.dependents(s0);
  const Dependents& s1d = c.dependents(s1);
  const Dependents& b0d = c.dependents(b0);

  const std::uint64_t s0w = f.word(s0), s0t = f.tag(s0), s0wt = f.word_tag(s0);
  const std::uint64_t s1w = f.word(s1), s1t = f.tag(s1), s1wt = f.word_tag(s1);
  const std::uint64_t b0w = f.word(b0), b0t = f.tag(b0), b0wt = f.word_tag(b0);
  const std::uint64_t b1t = f.tag(b1), b2t = f.tag(b2), s2t = f.tag(s2);
  const std::uint64_t s0lt = f.tag(s0d.leftmost), s0rt = f.tag(s0d.rightmost);
  const std::uint64_t b0lt = f.tag(b0d.leftmost), s1rt = f.tag(s1d.rightmost);

  f.add(kBias, 0);
  f.add(kS0w, s0w);
  f.add(kS0t, s0t);
  f.add(kS0wt, s0wt);
  f.add(kS1w, s1w);
  f.add(kS1t, s1t);
  f.add(kS1wt, s1wt);
  f.add(kS2t, s2t);
  f.add(kB0w, b0w);
  f.add(kB0t, b0t);
  f.add(kB0wt, b0wt);
  f.add(kB1w, f.word(b1));
  f.add(kB1t, b1t);
  f.add(kB1wt, f.word_tag(b1));
  f.add(kB2t, b2t);

  f.add(kS0wtB0wt, s0wt, b0wt);
  f.add(kS0wtB0w, s0wt, b0w);
  f.add(kS0wB0wt, s0w, b0wt);
  f.add(kS0wtB0t, s0wt, b0t);
  f.add(kS0tB0wt, s0t, b0wt);
  f.add(kS0wB0w, s0w, b0w);
  f.add(kS0tB0t, s0t, b0t);
  f.add(kB0tB1t, b0t, b1t);
  f.add(kS1wtS0wt, s1wt, s0wt);
  f.add(kS1wS0w, s1w, s0w);
  f.add(kS1tS0t, s1t, s0t);
  f.add(kS1tS0w, s1t, s0w);
  f.add(kS1wS0t, s1w, s0t);
  f.add(kS1tB0t, s1t, b0t);
  f.add(kS1wB0w, s1w, b0w);

  f.add(kB0tB1tB2t, b0t, b1t, b2t);
  f.add(kS0tB0tB1t, s0t, b0t, b1t);
  f.add(kS1tS0tB0t, s1t, s0t, b0t);
  f.add(kS2tS1tS0t, s2t, s1t, s0t);
  f.add(kS0tS0ltB0t, s0t, s0lt, b0t);
  f.add(kS0tS0rtB0t, s0t, s0rt, b0t);
  f.add(kS0tB0tB0lt, s0t, b0t, b0lt);
  f.add(kS1tS1rtS0t, s1t, s1rt, s0t);
  f.add(kS1tS0tS0lt, s1t, s0t, s0lt);
  f.add(kS1tS0tS0rt, s1t, s0t, s0rt);

  const std::uint64_t distance = s0 == kNoWord ? 0 : distance_bucket(s0, b0);
  f.add(kS0wDistance, s0w, distance);
  f.add(kS0tDistance, s0t, distance);
  f.add(kB0wDistance, b0w, distance);
  f.add(kB0tDistance, b0t, distance);
  f.add(kS0wB0wDistance, pair(s0w, b0w), distance);
  f.add(kS0tB0tDistance, s0t, b0t, distance);
  const std::uint64_t stack_distance = s1 == kNoWord ? 0 : distance_bucket(s1, s0);
  f.add(kS1tS0tDistance, s1t, s0t, stack_distance);
  f.add(kS1wS0wDistance, pair(s1w, s0w), stack_distance);

  f.add(kS0wRightValency, s0w, s0d.right_count);
  f.add(kS0tRightValency, s0t, s0d.right_count);
  f.add(kS0wLeftValency, s0w, s0d.left_count);
  f.add(kS0tLeftValency, s0t, s0d.left_count);
  f.add(kB0wLeftValency, b0w, b0d.left_count);
  f.add(kB0tLeftValency, b0t, b0d.left_count);
  f.add(kS1tRightValency, s1t, s1d.right_count);

  f.add(kS0lw, f.word(s0d.leftmost));
  f.add(kS0lt, s0lt);
  f.add(kS0lRelation, relation_of(c, s0d.leftmost));
  f.add(kS0rw, f.word(s0d.rightmost));
  f.add(kS0rt, s0rt);
  f.add(kS0rRelation, relation_of(c, s0d.rightmost));
  f.add(kB0lw, f.word(b0d.leftmost));
  f.add(kB0lt, b0lt);
  f.add(kB0lRelation, relation_of(c, b0d.leftmost));
  f.add(kS1rw, f.word(s1d.rightmost));
  f.add(kS1rt, s1rt);
  f.add(kS1rRelation, relation_of(c, s1d.rightmost));
  f.add(kS0l2w, f.word(s0d.second_leftmost));
  f.add(kS0l2t, f.tag(s0d.second_leftmost));
  f.add(kS0l2Relation, relation_of(c, s0d.second_leftmost));
  f.add(kS0r2w, f.word(s0d.second_rightmost));
  f.add(kS0r2t, f.tag(s0d.second_rightmost));
  f.add(kS0r2Relation, relation_of(c, s0d.second_rightmost));
  f.add(kB0l2w, f.word(b0d.second_leftmost));
  f.add(kB0l2t, f.tag(b0d.second_leftmost));
  f.add(kB0l2Relation, relation_of(c, b0d.second_leftmost));
  f.add(kS0tS0ltS0l2t, s0t, s0lt, f.tag(s0d.second_leftmost));
  f.add(kS0tS0rtS0r2t, s0t, s0rt, f.tag(s0d.second_rightmost));
  f.add(kB0tB0ltB0l2t, b0t, b0lt, f.tag(b0d.second_leftmost));

  f.add(kS0wRightRelations, s0w, s0d.right_relations);
  f.add(kS0tRightRelations, s0t, s0d.right_relations);
  f.add(kS0wLeftRelations, s0w, s0d.left_relations);
  f.add(kS0tLeftRelations, s0t, s0d.left_relations);
  f.add(kB0wLeftRelations, b0w, b0d.left_relations);
  f.add(kB0tLeftRelations, b0t, b0d.left_relations);
  f.add(kS1tRightRelations, s1t, s1d.right_relations);

  const std::uint64_t s0c = f.cluster(s0), s1c = f.cluster(s1), b0c = f.cluster(b0);
  f.add(kS0c, s0c);
  f.add(kS1c, s1c);
  f.add(kB0c, b0c);
  f.add(kB1c, f.cluster(b1));
  f.add(kS0cB0c, s0c, b0c);
  f.add(kS0cB0t, s0c, b0t);
  f.add(kS0tB0c, s0t, b0c);
  f.add(kS1cS0c, s1c, s0c);
  f.add(kS1tS0c, s1t, s0c);
  f.add(kS1cS0t, s1c, s0t);
  f.add(kS0cB0cDistance, s0c, b0c, distance);

  const std::uint64_t s0ts = f.tag_suffix(s0), b0ts = f.tag_suffix(b0);
  f.add(kS0tSuffix, s0ts);
  f.add(kS1tSuffix, f.tag_suffix(s1));
  f.add(kB0tSuffix, b0ts);
  f.add(kB1tSuffix, f.tag_suffix(b1));
  f.add(kS0tSuffixB0tSuffix, s0ts, b0ts);

  const std::uint64_t s0f = f.fine_cluster(s0), b0f = f.fine_cluster(b0);
  f.add(kS0f, s0f);
  f.add(kB0f, b0f);
  f.add(kS0fB0f, s0f, b0f);
  // The tags a word can have let the parser doubt a tag the tagger got wrong.
  const std::uint64_t s0s = f.tag_set(s0), b0s = f.tag_set(b0);
  f.add(kS0TagSet, s0s, s0t);
  f.add(kB0TagSet, b0s, b0t);
  f.add(kB1TagSet, f.tag_set(b1), b1t);
  f.add(kS0TagSetB0TagSet, s0s, b0s);

  // Further words and dependents, and word-class versions of the strongest tag templates: each
  // group raised UAS by 0.2 to 0.4 on EWT dev.
  f.add(kS2w, f.word(s2));
  f.add(kB2w, f.word(b2));
  f.add(kS1lw, f.word(s1d.leftmost));
  f.add(kS1lt, f.tag(s1d.leftmost));
  f.add(kS1lRelation, relation_of(c, s1d.leftmost));
  f.add(kS1tS1ltS0t, s1t, f.tag(s1d.leftmost), s0t);
  const std::uint64_t b1c = f.cluster(b1);
  f.add(kS0cB0w, s0c, b0w);
  f.add(kS0wB0c, s0w, b0c);
  f.add(kB0cB1c, b0c, b1c);
  f.add(kS1cB0c, s1c, b0c);
  f.add(kS0cB0cB1c, s0c, b0c, b1c);
  f.add(kS1cS0cB0c, s1c, s0c, b0c);
  const std::uint64_t b1w = f.word(b1);
  f.add(kB0wB1w, b0w, b1w);
  f.add(kB0wB1t, b0w, b1t);
  f.add(kB0tB1w, b0t, b1w);
  f.add(kS0wB0tB1t, s0w, b0t, b1t);
  f.add(kS0tB0wB1t, s0t, b0w, b1t);
  f.add(kS1tS0tB0tB1t, pair(s1t, s0t), b0t, b1t);
  f.add(kS0rcB0c, f.cluster(s0d.rightmost), b0c);
  f.add(kB0lcS0c, f.cluster(b0d.leftmost), s0c);
  // Where the tagger hesitated, its runner-up lets the parser recover from a wrong tag.
  const std::uint64_t s0u = f.doubt(s0), b0u = f.doubt(b0);
  f.add(kS0Doubt, s0u);
  f.add(kS1Doubt, f.doubt(s1));
  f.add(kB0Doubt, b0u);
  f.add(kB1Doubt, f.doubt(b1));
  f.add(kS0DoubtB0Doubt, s0u, b0u);
}

void add_relation_features(const Configuration& c, std::span<const ParserToken> tokens, Move move,
                           std::vector<FeatureHash>& features) {
  Features f(tokens, features);
  const auto [h, d] = c.arc(move);
  const Dependents& hd = c.dependents(h);
  const Dependents& dd = c.dependents(d);
  const std::uint64_t hw = f.word(h), ht = f.tag(h), dw = f.word(d), dt = f.tag(d);
  const auto n = static_cast<std::uint32_t>(c.word_count());
  auto before = [&](std::uint32_t w) { return w == 0 ? kNoWord : w - 1; };
  auto after = [&](std::uint32_t w) { return w + 1 <= n ? w + 1 : kNoWord; };

  f.add(kBias, 1);
  f.add(kArcDirection, move, dt);
  f.add(kHw, hw);
  f.add(kHt, ht);
  f.add(kHwt, f.word_tag(h));
  f.add(kDw, dw);
  f.add(kDt, dt);
  f.add(kDwt, f.word_tag(d));
  f.add(kHtDt, ht, dt, move);
  f.add(kHwDt, hw, dt, move);
  f.add(kHtDw, ht, dw, move);
  f.add(kHwDw, hw, dw);
  f.add(kDwHwt, dw, f.word_tag(h));
  f.add(kDwtHt, f.word_tag(d), ht);
  f.add(kHtDtDistance, ht, dt, distance_bucket(h, d) * 2 + move);
  f.add(kDtLeftRelations, dt, dd.left_relations);
  f.add(kDtRightRelations, dt, dd.right_relations);
  f.add(kHtDtLeftRelations, pair(ht, dt), dd.left_relations);
  f.add(kHtDtRightRelations, pair(ht, dt), dd.right_relations);
  f.add(kHtHeadLeftRelations, pair(ht, dt), hd.left_relations);
  f.add(kHtHeadRightRelations, pair(ht, dt), hd.right_relations);
  f.add(kDtDlRelation, dt, relation_of(c, dd.leftmost));
  f.add(kDtDrRelation, dt, relation_of(c, dd.rightmost));
  f.add(kDlwDt, f.word(dd.leftmost), dt);
  f.add(kDlwHt, f.word(dd.leftmost), ht, move);
  f.add(kDrwDt, f.word(dd.rightmost), dt);
  f.add(kDtBeforeTAfterT, dt, f.tag(before(d)), f.tag(after(d)));
  f.add(kHtBeforeTAfterT, ht, f.tag(before(h)), f.tag(after(h)));
  f.add(kDtValency, dt,
        std::min<std::uint64_t>(dd.left_count, 3) * 4 + std::min<std::uint64_t>(dd.right_count, 3));
  f.add(kHtDtB1t, ht, dt, f.tag(c.buffer(move == kLeft ? 1 : 0)));
  const std::uint64_t hc = f.cluster(h), dc = f.cluster(d);
  f.add(kHc, hc, move);
  f.add(kDc, dc, move);
  f.add(kHcDc, hc, dc, move);
  f.add(kHtDc, ht, dc, move);
  f.add(kHcDt, hc, dt, move);
  f.add(kDtSuffix, f.tag_suffix(d), move);
  f.add(kHtSuffixDt, f.tag_suffix(h), dt, move);
  const std::uint64_t df = f.fine_cluster(d);
  f.add(kDf, df, move);
  f.add(kHtDf, ht, df, move);
  f.add(kDtTagSet, dt, f.tag_set(d));
  // The head's previous dependent on the same side: a second object, a chain of conjuncts.
  const std::uint32_t sibling = move == kLeft ? hd.leftmost : hd.rightmost;
  f.add(kHtDtSiblingRelation, pair(ht, dt), relation_of(c, sibling), move);
  f.add(kHwDc, hw, dc, move);
  f.add(kHcDw, hc, dw, move);
  f.add(kDtAfterW, dt, f.word(after(d)), move);
  f.add(kDlRelationDrRelation, relation_of(c, dd.leftmost), relation_of(c, dd.rightmost), dt);
  const std::uint64_t du = f.doubt(d);
  f.add(kDDoubt, du, move);
  f.add(kHDoubtDDoubt, f.doubt(h), du, move);
}

}  // namespace newsgraph::parse
