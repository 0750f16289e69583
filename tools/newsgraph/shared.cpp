// What the subcommands share: reading their input, checking their options.
#include <filesystem>
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

Articles read_articles_of(const std::string& input, const read::ReadOptions& options) {
  Articles articles;
  if (input.ends_with(".jsonl") || std::filesystem::is_directory(input)) {
    read::ReadResult result = read::read_articles({input}, options, std::cin);
    for (const auto& problem : result.problems) std::cerr << "newsgraph: error: " << problem << "\n";
    if (result.documents.empty()) throw InputError(input + ": no article could be read");
    articles.documents = std::move(result.documents);
    articles.had_problems = !result.problems.empty();
    return articles;
  }
  const std::string id = input == "-" ? "stdin" : std::filesystem::path(input).filename().string();
  articles.documents.push_back(read::read_text_article(read_input(input), id, input, options));
  return articles;
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
