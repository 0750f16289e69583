// The subcommands of the `newsgraph` program. Each lives in its own file and registers itself on the
// CLI11 app; its callback does the work and throws newsgraph::Error on failure (main prints it and
// exits 1). A callback may also return a non-zero exit status through CommandResult.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace newsgraph::command {

// What a subcommand's callback leaves for main: the process exit status.
struct CommandResult {
  int exit_status = 0;
};

// The whole of a file, or of standard input for "-"; throws InputError naming the file it cannot open.
std::string read_input(const std::string& path);

// The check of a --date option for CLI11: empty when `date` is YYYY-MM-DD, else what is wrong.
std::string iso_date_problem(const std::string& date);

void add_build_command(CLI::App& app, CommandResult& result);
void add_tag_command(CLI::App& app, CommandResult& result);
void add_parse_command(CLI::App& app, CommandResult& result);

}  // namespace newsgraph::command
