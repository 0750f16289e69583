// Time expressions: the stretches of an article's text that name a day or a period of the calendar
// ("met on Friday, August 12", "last November", "two years ago", "in early July", "the 1990s"), each
// with its ISO 8601 value resolved against the article's own date and the tense of its clause.
//
// Spans are half-open UTF-8 byte offsets into Document::text and follow the TimeML (TIMEX3)
// convention: the expression itself without the preposition that introduces it ("on Friday, August
// 12" -> "Friday, August 12"; "in early July" -> "early July"), but with its modifiers ("last",
// "early", "the").
//
// Values are as precise as the text: "2011-08-12", "2011-07", "2011", a decade "201", a century "20",
// and TimeML's forms for periods that are not calendar dates: ISO weeks "2011-W36", weekends
// "2011-W36-WE", quarters "2011-Q3", halves "2011-H1" and seasons "2011-SP"/"SU"/"FA"/"WI".
// calendar_date() reduces a value to the calendar date it pins down. A value is nullopt where the
// text does not pin the time down ("now", "recently", "soon", "a few years ago") and, for relative
// expressions, when the document has no date. Everything here is a pure function: safe to call from
// several threads at once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/span.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::time {

struct TimeExpression {
  Span span;                         // UTF-8 byte offsets into Document::text
  std::size_t sentence = 0;          // index in Segments::sentences
  std::optional<std::string> value;  // ISO 8601 at the precision the text gives, or nullopt
};

// The tense of the clause an expression stands in, which decides the direction of expressions that
// name a day, month or quarter without saying which one ("on Friday", "in March", "on August 12").
// find_time_expressions takes it from the nearest marker in the clause ("will", "is to", "plans to",
// "next" -> Future; past-tense verbs, "last", "ago" -> Past) and defaults to Past, since news reports
// what happened. A month and day (or a month) that the tense would put more than about nine (eight)
// months away goes to the nearer side instead: writers give the year of a date that far off.
enum class Tense {
  Past,    // on or before the document date
  Future,  // on or after the document date
};

// Every time expression of the document, in text order, none overlapping. Document::date
// ("YYYY-MM-DD") anchors the relative ones; without it only absolute expressions get a value.
std::vector<TimeExpression> find_time_expressions(const Document& document, const text::Segments& segments);

// The value of one expression given on its own ("last November", "Friday, August 12"), resolved
// against `document_date` ("YYYY-MM-DD") in a clause of the given tense. nullopt when the words are
// not one whole time expression or do not pin down a time.
std::optional<std::string> normalize_time_expression(std::string_view expression,
                                                     std::optional<std::string_view> document_date,
                                                     Tense tense);

// The calendar date ("2011-08-12", "2011-08" or "2011") a value pins down: itself for calendar
// dates; for a week or weekend, its month or year when all its days share them; for a quarter, half
// or season other than winter, its year. nullopt for decades, centuries, and weeks that straddle
// a year.
std::optional<std::string> calendar_date(std::string_view value);

}  // namespace newsgraph::time
