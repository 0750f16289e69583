// `newsgraph build` as a user runs it: exit statuses, messages naming file and line, and the graph
// of the good articles still written when some are bad.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using newsgraph::testing::read_file;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::TemporaryDirectory;
using newsgraph::testing::write_file;

namespace {

std::string quoted(const std::filesystem::path& path) {
  std::string out = "'";
  out += path.string();
  out += "'";
  return out;
}

}  // namespace

TEST_CASE("build writes JSON to stdout by default and picks the format from the output's name", "[command]") {
  TemporaryDirectory directory("cmd-formats");
  write_file(directory / "a.txt", "Sergei Lavrov said the talks went well.");
  const auto json = run_newsgraph("build " + quoted(directory / "a.txt"), "cmd-formats-json");
  CHECK(json.exit_status == 0);
  CHECK(json.out.starts_with("{\n \"graph\": {"));
  const auto dot = run_newsgraph(
      "build " + quoted(directory / "a.txt") + " -o " + quoted(directory / "a.dot"), "cmd-formats-dot");
  CHECK(dot.exit_status == 0);
  CHECK(read_file(directory / "a.dot").starts_with("digraph G {"));
  const auto svg = run_newsgraph(
      "build " + quoted(directory / "a.txt") + " -o " + quoted(directory / "a.svg"), "cmd-formats-svg");
  CHECK(svg.exit_status == 0);
  CHECK(read_file(directory / "a.svg").find("<svg") != std::string::npos);
}

TEST_CASE("a missing file is an error naming it, and the other articles are still written", "[command]") {
  TemporaryDirectory directory("cmd-missing");
  write_file(directory / "good.txt", "Sergei Lavrov said the talks went well.");
  const auto run = run_newsgraph("build " + quoted(directory / "missing.txt") + " " +
                                     quoted(directory / "good.txt") + " -o " + quoted(directory / "out.json"),
                                 "cmd-missing");
  CHECK(run.exit_status == 1);
  CHECK_THAT(run.err, Catch::Contains("newsgraph: error: " + (directory / "missing.txt").string() +
                                      ": no such file or directory"));
  CHECK(read_file(directory / "out.json").find("person:sergei-lavrov") != std::string::npos);
}

TEST_CASE("a malformed JSONL line is reported with its line and the rest of the corpus is kept",
          "[command]") {
  TemporaryDirectory directory("cmd-jsonl");
  write_file(directory / "corpus.jsonl",
             "{\"id\": \"one\", \"text\": \"Sergei Lavrov said the talks went well.\"}\n"
             "{\"id\": \"two\", \"text\": \"unterminated\n"
             "{\"id\": \"three\"}\n"
             "{\"id\": \"four\", \"text\": \"Ellen Tauscher said the talks went badly.\"}\n");
  const auto run = run_newsgraph("build " + quoted(directory / "corpus.jsonl"), "cmd-jsonl");
  CHECK(run.exit_status == 1);
  CHECK_THAT(run.err, Catch::Contains((directory / "corpus.jsonl").string() + ":2: not a JSON object"));
  CHECK_THAT(run.err,
             Catch::Contains((directory / "corpus.jsonl").string() + ":3: field \"text\" is missing"));
  CHECK_THAT(run.out, Catch::Contains("\"id\": \"one\""));
  CHECK_THAT(run.out, Catch::Contains("\"id\": \"four\""));
}

TEST_CASE("invalid UTF-8, an empty article and an empty directory are errors with exit status 1",
          "[command]") {
  TemporaryDirectory directory("cmd-bad");
  write_file(directory / "latin1.txt", "Caf\xE9 society.");
  write_file(directory / "empty.txt", "");
  std::filesystem::create_directories(directory / "nothing");
  for (const auto& [input, message] : std::vector<std::pair<std::string, std::string>>{
           {"latin1.txt", ":1: invalid UTF-8"},
           {"empty.txt", ": the article is empty"},
           {"nothing", ": no articles (.txt or .jsonl files)"}}) {
    const auto run = run_newsgraph("build " + quoted(directory / input), "cmd-bad-" + input);
    INFO(input);
    CHECK(run.exit_status == 1);
    CHECK_THAT(run.err, Catch::Contains((directory / input).string() + message));
    CHECK(run.out.empty());
  }
}

TEST_CASE("a wrong command line prints usage and exits with status 2", "[command]") {
  const auto no_subcommand = run_newsgraph("", "cmd-usage-none");
  CHECK(no_subcommand.exit_status == 2);
  const auto unknown_option = run_newsgraph("build --no-such-option x.txt", "cmd-usage-option");
  CHECK(unknown_option.exit_status == 2);
  const auto bad_format = run_newsgraph("build x.txt --format pdf", "cmd-usage-format");
  CHECK(bad_format.exit_status == 2);
  CHECK_THAT(bad_format.err, Catch::Contains("json, dot, svg or png"));
  const auto bad_date = run_newsgraph("build x.txt --date 1.9.2011", "cmd-usage-date");
  CHECK(bad_date.exit_status == 2);
  CHECK_THAT(bad_date.err, Catch::Contains("--date must be a date like 2011-09-01"));
}

TEST_CASE("--help teaches the inputs and formats", "[command]") {
  const auto run = run_newsgraph("build --help", "cmd-help");
  CHECK(run.exit_status == 0);
  CHECK_THAT(run.out, Catch::Contains(".jsonl"));
  CHECK_THAT(run.out, Catch::Contains("--date"));
  CHECK_THAT(run.out, Catch::Contains("Examples:"));
}

TEST_CASE("tag shows each time expression with its value against the article's date", "[command]") {
  TemporaryDirectory directory("cmd-tag-times");
  write_file(directory / "a.txt", "Ministers met last November and will meet again on Friday.");
  const auto run = run_newsgraph("tag --date 2011-09-01 " + quoted(directory / "a.txt"), "cmd-tag-times");
  CHECK(run.exit_status == 0);
  CHECK_THAT(run.out, Catch::Contains("TIME \"last November\" = 2010-11"));
  CHECK_THAT(run.out, Catch::Contains("TIME \"Friday\" = 2011-09-02"));
}

TEST_CASE("tag and parse read each article of a JSONL file and report a bad line", "[command]") {
  TemporaryDirectory directory("cmd-tag-jsonl");
  write_file(directory / "corpus.jsonl",
             "{\"id\": \"one\", \"text\": \"Sergei Lavrov spoke.\"}\n"
             "{\"id\": \"two\", \"text\": \"unterminated\n"
             "{\"id\": \"three\", \"text\": \"Ellen Tauscher met him.\"}\n");
  for (const std::string command : {"tag", "parse"}) {
    const auto run = run_newsgraph(command + " " + quoted(directory / "corpus.jsonl"), "cmd-tag-jsonl");
    CHECK(run.exit_status == 1);
    CHECK_THAT(run.err, Catch::Contains((directory / "corpus.jsonl").string() + ":2: not a JSON object"));
    CHECK_THAT(run.out, Catch::Contains("article one"));
    CHECK_THAT(run.out, Catch::Contains("article three"));
    CHECK_THAT(run.out, Catch::Contains("Tauscher"));
    CHECK_THAT(run.out, !Catch::Contains("\"id\""));
  }
}

TEST_CASE("a user's own lexicon file adds titles and reporting cues, and a bad row names its file and line",
          "[command]") {
  TemporaryDirectory directory("cmd-lexicon");
  write_file(directory / "a.txt", "Russian Herald Ivan Petrov harrumphed that the talks were a circus.");
  write_file(directory / "cues.tsv", "# newsgraph-lexicon 1 reporting-cues\n# mine\nharrumphed\tverb\n");
  write_file(directory / "titles.tsv", "# newsgraph-lexicon 1 titles\nHerald\thead\n");
  write_file(directory / "bad.tsv", "# newsgraph-lexicon 1 titles\nHerald\thead\nBad\n");
  const auto plain = run_newsgraph("build " + quoted(directory / "a.txt"), "cmd-lexicon");
  CHECK(plain.exit_status == 0);
  CHECK_THAT(plain.out, !Catch::Contains("\"cue\": \"harrumphed\""));
  const auto extended =
      run_newsgraph("build " + quoted(directory / "a.txt") + " --lexicon " + quoted(directory / "cues.tsv") +
                        " --lexicon " + quoted(directory / "titles.tsv"),
                    "cmd-lexicon");
  CHECK(extended.exit_status == 0);
  CHECK_THAT(extended.out, Catch::Contains("\"cue\": \"harrumphed\""));
  CHECK_THAT(extended.out, Catch::Contains("\"title\": \"Herald\""));
  const auto bad = run_newsgraph(
      "build " + quoted(directory / "a.txt") + " --lexicon " + quoted(directory / "bad.tsv"), "cmd-lexicon");
  CHECK(bad.exit_status == 1);
  CHECK_THAT(bad.err, Catch::Contains((directory / "bad.tsv").string() + ":3: each row must be"));
}

TEST_CASE("tag shows the tagger's entities and the names the graph reads from them", "[command]") {
  TemporaryDirectory directory("cmd-tag-names");
  write_file(directory / "a.txt", "Jens Stoltenberg, the Secretary-General of NATO, arrived in Kiev.");
  const auto run = run_newsgraph("tag " + quoted(directory / "a.txt"), "cmd-tag-names");
  CHECK(run.exit_status == 0);
  CHECK_THAT(run.out, Catch::Contains("  name person \"Jens Stoltenberg\" [0, 16)"));
  CHECK_THAT(run.out, Catch::Contains("  name organization \"NATO\" [43, 47)"));
  CHECK_THAT(run.out, Catch::Contains("  name place \"Kiev\" [60, 64)"));
}
