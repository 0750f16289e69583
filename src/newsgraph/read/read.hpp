// Reading articles: .txt files (one article each; a wire dateline such as
// "MOSCOW, September 1 (Itar-Tass) —" gives the dateline place, the source and the date),
// .jsonl files (one article a line: id, text, and optional date, source, title, dateline),
// directories (every .txt and .jsonl below them, in path order) and "-" for standard input.
// Reading never stops at a bad article: each one is reported as a problem naming its file and line,
// and the rest are still read. Functions only; nothing here keeps state between calls.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/document.hpp"

namespace newsgraph::read {

struct ReadOptions {
  std::optional<std::string> date;  // --date: the date of articles whose text and record give none
};

struct ReadResult {
  std::vector<Document> documents;
  std::vector<std::string> problems;  // whole sentences: "corpus.jsonl:17: field \"text\" is missing"
};

// Reads every input in order; `standard_input` is read for "-".
ReadResult read_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                         std::istream& standard_input);

// One article from the text of a .txt file; its id is given, its date and source come from the
// wire dateline if there is one, else from options. Throws InputError for invalid UTF-8 or empty text.
Document read_text_article(std::string text, std::string id, std::string origin, const ReadOptions& options);

// Throws InputError unless `date` is an ISO calendar date, YYYY-MM-DD; `what` names it in the message.
void check_iso_date(const std::string& date, const std::string& what);

}  // namespace newsgraph::read
