// Data files compiled into the library (lexicons, trained models), found by their path relative to
// src/newsgraph, e.g. embedded_file("extract/reporting_verbs.tsv"). The bytes live for the whole
// program and never change, so the returned views are safe to share between threads.
#pragma once

#include <optional>
#include <string_view>

namespace newsgraph {

std::optional<std::string_view> embedded_file(std::string_view name);

// The same for a file the program cannot work without: throws ModelError when it is not built in.
std::string_view require_embedded(std::string_view name);

}  // namespace newsgraph
