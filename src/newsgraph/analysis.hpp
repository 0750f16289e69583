// Analysis: every layer the stages add to one Document, each referring into the analysed text by byte
// Spans and to the other layers by index. Made by analyse() (pipeline.hpp); plain values, safe to share.
#pragma once

#include <string>
#include <vector>

#include "newsgraph/extract/claims.hpp"
#include "newsgraph/extract/meetings.hpp"
#include "newsgraph/extract/roles.hpp"
#include "newsgraph/parse/sentences.hpp"
#include "newsgraph/resolve/entities.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph {

struct Analysis {
  // The text the stages read: the article's title, a blank line and its text, so that names in the
  // title join the same names in the text (or the text alone when there is no title). Every span of
  // the layers below points into it; Document::text starts at body_offset.
  std::string text;
  std::size_t body_offset = 0;
  text::Segments segments;
  tag::Tagging tagging;
  resolve::Entities entities;
  parse::SentenceTrees trees;  // of the sentences the extract stages read through syntax
  std::vector<extract::Role> roles;
  std::vector<time::TimeExpression> times;
  std::vector<extract::Claim> claims;
  std::vector<extract::Meeting> meetings;
  std::vector<std::optional<std::size_t>> said_at;  // per claim: the meeting it was made at
};

}  // namespace newsgraph
