// Meetings: n-ary events the article reports (talks, summits, council sessions, visits, calls), each
// with its participants, the place and the date where the text gives them, and whether it was held
// or is planned. Several sentences about one real meeting give one Meeting. Participants and place
// are indices into resolve::Entities; dates are ISO 8601 as precise as the text allows. Evidence
// spans are UTF-8 byte offsets into Document::text. Plain values, safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/extract/claims.hpp"
#include "newsgraph/parse/sentences.hpp"
#include "newsgraph/resolve/entities.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"
#include "newsgraph/time/expressions.hpp"

namespace newsgraph::extract {

struct Meeting {
  std::vector<std::size_t> participants;  // entity indices, in the order the text names them
  std::optional<std::size_t> place;       // entity index
  std::optional<std::string> date;
  bool planned = false;                // "will meet", "the upcoming summit"
  std::string kind;                    // the trigger as written: "meeting", "talks", "met"
  std::vector<Span> evidence;          // the sentences that report it
  std::vector<std::size_t> sentences;  // their indices
  std::vector<Span> triggers;          // the words that name it in each of them; the first report's first
};

// The meetings of an article. Claims made at a meeting ("Speaking after a meeting of ..., X said")
// make their speaker a participant; `said_at` gets, for each claim, the meeting it was made at.
// The sentences whose trees extract_meetings reads: those with a meeting word (one flag per sentence).
std::vector<bool> sentences_with_meeting_words(std::string_view text, const text::Segments& segments);

// The subject and object of a meeting verb ("A and B met", "A received B") are read from the
// sentence's tree where `trees` has one, else from word order.
std::vector<Meeting> extract_meetings(const Document& document, const text::Segments& segments,
                                      const tag::Tagging& tagging, const resolve::Entities& entities,
                                      const std::vector<time::TimeExpression>& times,
                                      const parse::SentenceTrees& trees, const std::vector<Claim>& claims,
                                      std::vector<std::optional<std::size_t>>& said_at);

}  // namespace newsgraph::extract
