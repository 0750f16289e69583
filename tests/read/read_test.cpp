#include <catch2/catch.hpp>

#include <sstream>

#include "newsgraph/error.hpp"
#include "newsgraph/read/read.hpp"
#include "test_support.hpp"

using newsgraph::read::read_articles;
using newsgraph::read::ReadOptions;
using newsgraph::testing::TemporaryDirectory;
using newsgraph::testing::write_file;

TEST_CASE("a wire dateline gives the place, the source and the month and day", "[read]") {
  ReadOptions options;
  options.date = "2011-09-01";
  const auto document = newsgraph::read::read_text_article(
      "ST. PETERSBURG, September 1 (Itar-Tass) \u2014 Talks went well.", "a", "a.txt", options);
  CHECK(document.dateline == "St. Petersburg");
  CHECK(document.source == "Itar-Tass");
  CHECK(document.date == "2011-09-01");
  REQUIRE(document.dateline_span);
  CHECK(newsgraph::slice(document.text, *document.dateline_span) ==
        "ST. PETERSBURG, September 1 (Itar-Tass) \u2014");
}

TEST_CASE("a dateline with a year dates the article; --date fills in for one without", "[read]") {
  const auto dated =
      newsgraph::read::read_text_article("WASHINGTON, Aug. 12, 2011 (Reuters) - Text.", "a", "a.txt", {});
  CHECK(dated.date == "2011-08-12");
  CHECK(dated.source == "Reuters");
  const auto undated = newsgraph::read::read_text_article("Plain text with no dateline.", "b", "b.txt", {});
  CHECK_FALSE(undated.date);
  CHECK_FALSE(undated.dateline_span);
}

TEST_CASE("a dateline may give the city's state after it", "[read]") {
  const auto orlando = newsgraph::read::read_text_article(
      "ORLANDO, Fla. (Reuters) - President Barack Obama met survivors.", "a", "a.txt", {});
  CHECK(orlando.dateline == "Orlando");
  CHECK(orlando.source == "Reuters");
  REQUIRE(orlando.dateline_span);
  CHECK(newsgraph::slice(orlando.text, *orlando.dateline_span) == "ORLANDO, Fla. (Reuters) -");
  const auto cambridge = newsgraph::read::read_text_article(
      "CAMBRIDGE, Mass., Dec. 11, 2015 (UPI) \u2014 Young voters gathered.", "b", "b.txt", {});
  CHECK(cambridge.dateline == "Cambridge");
  CHECK(cambridge.date == "2015-12-11");
  CHECK(cambridge.source == "UPI");
  // Only a state: "Inc." is none.
  CHECK_FALSE(newsgraph::read::read_text_article("NASA, Inc. (AP) - Text.", "c", "c.txt", {}).dateline_span);
}

TEST_CASE("JSONL records give id, text and the optional fields; null is absent", "[read]") {
  std::istringstream input(
      "{\"id\": \"a\", \"text\": \"One.\", \"date\": \"2011-09-01\", \"source\": \"Itar-Tass\", \"title\": "
      "null}\n"
      "\n"
      "{\"id\": \"b\", \"text\": \"Two.\"}\n");
  const auto result = read_articles({"-"}, {}, input);
  REQUIRE(result.problems.empty());
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[0].date == "2011-09-01");
  CHECK(result.documents[0].source == "Itar-Tass");
  CHECK_FALSE(result.documents[0].title);
  CHECK(result.documents[1].origin == "<stdin>:3");
}

TEST_CASE("bad records are reported with file and line and the others are still read", "[read]") {
  TemporaryDirectory directory("read-bad");
  const auto corpus = directory / "corpus.jsonl";
  write_file(corpus,
             "{\"id\": \"good-1\", \"text\": \"Fine.\"}\n"
             "{\"id\": \"broken\", \"text\": \n"
             "{\"id\": \"no-text\"}\n"
             "{\"id\": \"empty\", \"text\": \"  \"}\n"
             "{\"id\": \"bad-date\", \"text\": \"x\", \"date\": \"20110901\"}\n"
             "{\"id\": \"bad-utf8\", \"text\": \"caf\xC3\x28\"}\n"
             "{\"id\": \"good-2\", \"text\": \"Also fine.\"}\n");
  std::istringstream no_input;
  const auto result = read_articles({corpus.string()}, {}, no_input);
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[0].id == "good-1");
  CHECK(result.documents[1].id == "good-2");
  REQUIRE(result.problems.size() == 5);
  const std::string name = corpus.string();
  CHECK_THAT(result.problems[0], Catch::StartsWith(name + ":2: not a JSON object"));
  CHECK_THAT(result.problems[1], Catch::StartsWith(name + ":3: field \"text\" is missing"));
  CHECK_THAT(result.problems[2], Catch::StartsWith(name + ":4: article \"empty\" is empty"));
  CHECK(result.problems[3] == name + ":5: field \"date\" must be a date like 2011-09-01, found 20110901");
  CHECK_THAT(result.problems[4], Catch::StartsWith(name + ":6: invalid UTF-8"));
}

TEST_CASE("missing files, empty directories and invalid UTF-8 in .txt files are reported", "[read]") {
  TemporaryDirectory directory("read-files");
  write_file(directory / "empty-dir" / "notes.md", "not an article");
  write_file(directory / "latin1.txt", "Line one.\nCaf\xE9 society.\n");
  write_file(directory / "blank.txt", "\n  \n");
  write_file(directory / "good.txt", "A good article.");
  std::istringstream no_input;
  const auto result = read_articles({(directory / "missing.txt").string(), (directory / "empty-dir").string(),
                                     (directory / "latin1.txt").string(), (directory / "blank.txt").string(),
                                     (directory / "good.txt").string()},
                                    {}, no_input);
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].id == "good");
  REQUIRE(result.problems.size() == 4);
  CHECK(result.problems[0] == (directory / "missing.txt").string() + ": no such file or directory");
  CHECK_THAT(result.problems[1], Catch::Contains("no articles (.txt or .jsonl files)"));
  CHECK_THAT(result.problems[2],
             Catch::StartsWith((directory / "latin1.txt").string() + ":2: invalid UTF-8"));
  CHECK(result.problems[3] == (directory / "blank.txt").string() + ": the article is empty");
}

TEST_CASE("a directory is read recursively in path order", "[read]") {
  TemporaryDirectory directory("read-dir");
  write_file(directory / "b" / "second.txt", "Second.");
  write_file(directory / "a" / "first.txt", "First.");
  write_file(directory / "c.jsonl", "{\"id\": \"third\", \"text\": \"Third.\"}\n");
  std::istringstream no_input;
  const auto result = read_articles({directory.path().string()}, {}, no_input);
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].id == "first");
  CHECK(result.documents[1].id == "second");
  CHECK(result.documents[2].id == "third");
}

TEST_CASE("a date-first dateline line gives the date and the place", "[read]") {
  const auto document = newsgraph::read::read_text_article(
      "April 18, 2002 19:00 The Kremlin, Moscow\n\nAt the meeting, Mr Putin spoke.", "k", "k.txt", {});
  CHECK(document.date == "2002-04-18");
  CHECK(document.dateline == "The Kremlin, Moscow");
  REQUIRE(document.dateline_span);
  CHECK(newsgraph::slice(document.text, *document.dateline_span) ==
        "April 18, 2002 19:00 The Kremlin, Moscow");
}

TEST_CASE("files of one name in different folders of a directory are different articles", "[read]") {
  TemporaryDirectory directory("read-same-names");
  write_file(directory / "business" / "001.txt", "Shares rose on Monday.");
  write_file(directory / "sport" / "001.txt", "The match was drawn on Sunday.");
  std::istringstream no_input;
  write_file(directory / "sport" / "002.txt", "The race was won on Saturday.");
  const auto result = read_articles({directory.path().string()}, {}, no_input);
  CHECK(result.problems.empty());
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].id == "business/001");
  CHECK(result.documents[1].id == "sport/001");
  CHECK(result.documents[2].id == "002");
}
