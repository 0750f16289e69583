// What the subcommands share: reading their input, checking their options.
#include <fstream>
#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/read/read.hpp"

namespace newsgraph::command {

std::string read_input(const std::string& path) {
  if (path == "-") return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string iso_date_problem(const std::string& date) {
  try {
    read::check_iso_date(date, "--date");
    return {};
  } catch (const InputError& e) {
    return e.what();
  }
}

}  // namespace newsgraph::command
