// The features the tagger's two perceptrons (part of speech, then named entities) look at, shared
// by training and tagging so that both see exactly the same thing.
//  - Word features depend on one word only (its form, lowercase, shape, affixes, word classes) and
//    on its offset from the word being tagged (-2..+2). Because they depend on nothing else, the
//    Tagger adds up their weights once per word type and offset, and tags by adding five vectors.
//  - Context features depend on the tags already given to the words on the left, on the predicted
//    parts of speech, on neighbouring word pairs and on gazetteer matches.
// Pure functions of their arguments: safe to use from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/learn/perceptron.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::tag {

inline constexpr int kWindow = 2;                           // words looked at on each side
inline constexpr int kOffsets = 2 * kWindow + 1;            // offsets -kWindow..+kWindow
inline constexpr std::string_view kBeforeSentence = "<s>";  // the word "before" the first
inline constexpr std::string_view kAfterSentence = "</s>";  // the word "after" the last
inline constexpr std::uint32_t kNoClass = 0xffffffffu;      // no tag (outside the sentence)

// Appends the word features of word seen at offset from the word being tagged.
void add_word_features(std::string_view word, int offset, const WordClusters& clusters,
                       std::vector<learn::FeatureHash>& features);

// What the context features need to know of one word, computed once per word type.
struct WordKeys {
  std::uint64_t lower = 0;        // hash of the lowercased word
  std::uint64_t short_shape = 0;  // hash of its shape with runs collapsed ("Xx", "d-d")
};
WordKeys word_keys(std::string_view word);

// One sentence as the context features see it; spans have one element per word.
struct SentenceContext {
  std::span<const WordKeys> keys;
  std::span<const std::uint32_t> pos;              // predicted part-of-speech ids (NER only)
  std::span<const std::uint16_t> gazetteer_marks;  // see Gazetteer::match (NER only)
};

// Context features of word i for the part-of-speech model, given the two tags to its left.
void add_pos_context_features(const SentenceContext& sentence, std::size_t i, std::uint32_t previous,
                              std::uint32_t before_previous, std::vector<learn::FeatureHash>& features);

// Context features of word i for the named-entity model, given the two tags to its left.
void add_ner_context_features(const SentenceContext& sentence, std::size_t i, std::uint32_t previous,
                              std::uint32_t before_previous, std::vector<learn::FeatureHash>& features);

// Which entity tag may follow which under IOB2 (I-X only after B-X or I-X): element
// previous * n + next, for n tags; previous n stands for the start of the sentence.
std::vector<std::uint8_t> iob2_transitions(const std::vector<std::string>& tags);

// "Xxxx" for "Paris", "dd-dd" for "12-14": letters and digits by kind, runs longer than four cut.
std::string word_shape(std::string_view word);

// ---- The features of the tagger model format 2 (Tagger::kVersion) ----
// The functions above stay as they are: the part-of-speech tagger of the parser (parse/) uses them.

// As add_word_features, with the word classes of a word looked up in any case (find_any_case).
void add_tagger_word_features(std::string_view word, int offset, const WordClusters& clusters,
                              std::vector<learn::FeatureHash>& features);
// The same at every offset at once: features[offset + kWindow] (each list is replaced).
void tagger_word_features(std::string_view word, const WordClusters& clusters,
                          std::array<std::vector<learn::FeatureHash>, kOffsets>& features);

// Which entity tag may follow which under BILOU (B-X then I-X* then L-X, or U-X alone): element
// previous * n + next, for n tags; previous n stands for the start of the sentence.
std::vector<std::uint8_t> bilou_transitions(const std::vector<std::string>& tags);

// Per entity tag: 0 for "O", else 1 + the index of its type among the sorted types of tags.
std::vector<std::uint8_t> entity_type_ids(const std::vector<std::string>& tags);

// A headline: a sentence with at least three letters, none of them lowercase ("LEICESTERSHIRE
// TAKE OVER AT TOP", "LONDON 1996-08-30").
bool is_headline(std::span<const std::string_view> words);

// Known word forms and how frequent they are: the rank of a form (0 = most frequent), or
// kNoClass for a form the model does not list.
using FormRank = std::uint32_t (*)(const void* context, std::string_view form);

// The forms the word features see for the words of a document's headlines, so that a headline
// looks like ordinary text: the form the same word has most often elsewhere in the document
// (outside headlines), else the most frequent known one of its lowercase, capitalised and
// written forms, else its capitalised form. Words without uppercase letters keep their form.
// sentences: the document; headline: is_headline of each sentence. Returns, per sentence, the
// forms of its words (empty for the sentences that are not headlines).
std::vector<std::vector<std::string>> headline_forms(std::span<const std::vector<std::string_view>> sentences,
                                                     std::span<const std::uint8_t> headline, FormRank rank,
                                                     const void* rank_context);

// One word of a document as the document-level features see it.
struct DocumentWord {
  std::uint64_t lower = 0;      // lower_word_hash
  bool capitalised = false;     // begins with an uppercase letter
  bool lowercase = false;       // has letters, all of them lowercase
  bool sentence_start = false;  // first of its sentence
  bool headline = false;        // in a headline
};
DocumentWord document_word(std::string_view word, bool sentence_start, bool headline);
// The same, given lower_word_hash(word).
DocumentWord document_word(std::string_view word, bool sentence_start, bool headline, std::uint64_t lower);

// Per word of a document: how the same word is written elsewhere in it, outside headlines. Bit 0:
// in lowercase; bit 1: capitalised, not first in its sentence; bit 2: the word itself is first
// in its sentence or in a headline; 0 for words that are not capitalised.
void document_casing(std::span<const DocumentWord> words, std::span<std::uint8_t> casing);

// What the entity features know of a word's sentence and document; spans have one element per
// word of the sentence.
struct EntityContext {
  std::span<const WordKeys> keys;
  std::span<const std::uint32_t> pos;        // predicted part-of-speech ids
  std::span<const std::uint32_t> gazetteer;  // Gazetteer::match_positions
  std::span<const std::uint8_t> casing;      // document_casing
  bool headline = false;
};

// Context features of word i for the named-entity models, given the two tags to its left: the
// union of the two functions below.
void add_entity_context_features(const EntityContext& sentence, std::size_t i, std::uint32_t previous,
                                 std::uint32_t before_previous, std::vector<learn::FeatureHash>& features);
// Those that do not depend on the tags to the left: the same in both entity passes.
void add_entity_word_features(const EntityContext& sentence, std::size_t i,
                              std::vector<learn::FeatureHash>& features);
// Those that do.
void add_entity_history_features(const EntityContext& sentence, std::size_t i, std::uint32_t previous,
                                 std::uint32_t before_previous, std::vector<learn::FeatureHash>& features);

// The non-local features of the second entity model, for every word of a document: the tags the
// first model gave the word and its neighbours, and the entity types the first model gave the same
// word elsewhere in the document (capitalised, outside headlines). first_stage: the first model's
// tag ids; types: entity_type_ids of its tags. The features of word i are
// features[starts[i], starts[i + 1]).
struct DocumentFeatures {
  std::vector<std::uint32_t> starts;
  std::vector<learn::FeatureHash> features;
  std::span<const learn::FeatureHash> of(std::size_t i) const {
    return std::span<const learn::FeatureHash>(features).subspan(starts[i], starts[i + 1] - starts[i]);
  }
};
void document_features(std::span<const DocumentWord> words, std::span<const std::uint32_t> first_stage,
                       std::span<const std::uint8_t> types, DocumentFeatures& out);

}  // namespace newsgraph::tag
