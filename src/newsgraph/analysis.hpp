// Analysis: every layer the stages add to one Document, each referring into its text by byte Spans
// and to the other layers by index. Made by analyse() (pipeline.hpp); plain values, safe to share.
#pragma once

#include <vector>

#include "newsgraph/extract/claims.hpp"
#include "newsgraph/resolve/entities.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph {

struct Analysis {
  text::Segments segments;
  tag::Tagging tagging;
  resolve::Entities entities;
  std::vector<extract::Claim> claims;
};

}  // namespace newsgraph
