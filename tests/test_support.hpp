// Helpers shared by the tests: temporary files, running the built newsgraph command, reading files.
#pragma once

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace newsgraph::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A fresh directory under the system's temporary directory, removed with the object.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("newsgraph-test-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TemporaryDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandRun {
  int exit_status = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs the built newsgraph with the given arguments (already shell-quoted as needed).
inline CommandRun run_newsgraph(const std::string& arguments, const std::string& scratch = "run") {
  TemporaryDirectory directory("run-" + scratch);
  const auto out = directory / "stdout";
  const auto err = directory / "stderr";
  const std::string command = std::string("'") + NEWSGRAPH_BINARY + "' " + arguments + " >'" + out.string() +
                              "' 2>'" + err.string() + "' </dev/null";
  const int status = std::system(command.c_str());
  CommandRun run;
  run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(NEWSGRAPH_SOURCE_DIR) / relative;
}

}  // namespace newsgraph::testing
