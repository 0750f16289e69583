#include "newsgraph/embedded.hpp"

#include <string>

#include "newsgraph/error.hpp"

namespace newsgraph {

std::string_view require_embedded(std::string_view name) {
  const std::optional<std::string_view> bytes = embedded_file(name);
  if (!bytes) throw ModelError(std::string(name) + ": this file is not embedded in this build of newsgraph");
  return *bytes;
}

}  // namespace newsgraph
