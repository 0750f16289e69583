// The subcommands of the `newsgraph` program. Each lives in its own file and registers itself on the
// CLI11 app; its callback does the work and throws newsgraph::Error on failure (main prints it and
// exits 1). A callback may also return a non-zero exit status through CommandResult.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/read/read.hpp"

namespace newsgraph::command {

// What a subcommand's callback leaves for main: the process exit status.
struct CommandResult {
  int exit_status = 0;
};

// The whole of a file, or of standard input for "-"; throws InputError naming the file it cannot open.
std::string read_input(const std::string& path);

// The articles of one input for the commands that read them one by one (tag, parse): a .jsonl file
// or a directory as `build` reads them, anything else as the text of one article. Problems with
// single records are printed; `had_problems` says whether there were any. Throws InputError when no
// article can be read.
struct Articles {
  std::vector<Document> documents;
  bool had_problems = false;
};
Articles read_articles_of(const std::string& input, const read::ReadOptions& options);

// The check of a --date option for CLI11: empty when `date` is YYYY-MM-DD, else what is wrong.
std::string iso_date_problem(const std::string& date);

void add_build_command(CLI::App& app, CommandResult& result);
void add_tag_command(CLI::App& app, CommandResult& result);
void add_parse_command(CLI::App& app, CommandResult& result);

}  // namespace newsgraph::command
