// Claims: statements the article attributes to someone, quoted ("“...,” Lavrov noted.") or reported
// ("Rasmussen said there was no need ..."). The content span holds the statement only: no quotation
// marks, no cue, no speaker. Spans are UTF-8 byte offsets into Document::text; the speaker is an index
// into resolve::Entities. Plain values, safe to share between threads.
#pragma once

#include <optional>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/parse/sentences.hpp"
#include "newsgraph/resolve/entities.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"
#include "newsgraph/time/expressions.hpp"

namespace newsgraph::extract {

struct Claim {
  Span content;
  // An attribution set inside the content, with the punctuation around it ("To understand it,
  // Roberts said, one should visit ..."): the claim's text is the content without it, the words on
  // either side joined by a space. Empty when there is none.
  Span aside;
  Span cue;                                 // the reporting verb or phrase as written
  Span attribution;                         // the words that name the speaker and the cue, for evidence
  bool quote = false;                       // the content is in quotation marks
  bool negative = false;                    // the cue denies its content ("denied that ...")
  std::optional<std::size_t> speaker;       // index into Entities::entities, when resolved
  std::vector<std::size_t> joint_speakers;  // who made it together with the speaker ("Putin and Blair said")
  std::vector<std::size_t> mentioned;       // the first mention (index into Tagging::mentions) of each entity
                                            // named inside the content, speakers aside
  std::size_t sentence = 0;                 // the sentence the claim starts in
  std::optional<std::string> date;  // when it was said, where the attribution says ("said on Saturday")
};

// Whether a span lies in what was said: inside the content, outside its aside.
inline bool in_what_was_said(const Claim& claim, Span span) {
  return claim.content.contains(span) && !claim.aside.contains(span);
}

// The sentences whose trees extract_claims reads: those with a reporting cue (one flag per sentence).
std::vector<bool> sentences_with_cues(std::string_view text, const text::Segments& segments);

// Reported speech is read from the sentence's tree where `trees` has one, else from word order.
std::vector<Claim> extract_claims(const Document& document, const text::Segments& segments,
                                  const tag::Tagging& tagging, const resolve::Entities& entities,
                                  const std::vector<time::TimeExpression>& times,
                                  const parse::SentenceTrees& trees);

}  // namespace newsgraph::extract
