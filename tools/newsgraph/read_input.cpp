// Reading a subcommand's single input file, or standard input.
#include <fstream>
#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "newsgraph/error.hpp"

namespace newsgraph::command {

std::string read_input(const std::string& path) {
  if (path == "-") return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace newsgraph::command
