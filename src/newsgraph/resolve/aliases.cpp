#include "newsgraph/resolve/aliases.hpp"

#include "newsgraph/error.hpp"

namespace newsgraph::resolve {
namespace {

std::vector<std::string> split(std::string_view line, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(separator, start);
    const std::string_view field = line.substr(start, end == std::string_view::npos ? line.npos : end - start);
    if (!field.empty() || separator == '\t') fields.emplace_back(field);
    if (end == std::string_view::npos) return fields;
    start = end + 1;
  }
}

}  // namespace

const std::string& UserAliases::canonical_name(const std::string& name) const {
  const auto found = canonical.find(name);
  return found == canonical.end() ? name : found->second;
}

UserAliases read_user_aliases(std::string_view bytes, const std::string& origin) {
  constexpr std::string_view kHeader = "# newsgraph-lexicon 1 aliases";
  UserAliases aliases;
  std::size_t number = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string where = origin + ":" + std::to_string(number) + ": ";
    if (number == 1) {
      if (line != kHeader)
        throw InputError(where + "an alias file starts with the line \"" + std::string(kHeader) + "\"");
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string> fields = split(line, '\t');
    if (fields.size() != 3 || fields[1].empty() || fields[2].empty())
      throw InputError(where + "expected three tab-separated fields, found " + std::to_string(fields.size()));
    if (fields[0] == "same") {
      aliases.canonical[fields[2]] = fields[1];
    } else if (fields[0] == "never") {
      aliases.never.insert({fields[1], fields[2]});
      aliases.never.insert({fields[2], fields[1]});
    } else if (fields[0] == "name") {
      tag::EntityType type;
      if (fields[1] == "person")
        type = tag::EntityType::Person;
      else if (fields[1] == "organization")
        type = tag::EntityType::Organization;
      else if (fields[1] == "place")
        type = tag::EntityType::Place;
      else
        throw InputError(where + "expected person, organization or place, found \"" + fields[1] + "\"");
      aliases.names.push_back(UserAliases::Name{type, split(fields[2], ' ')});
    } else {
      throw InputError(where + "expected same, never or name, found \"" + fields[0] + "\"");
    }
  }
  if (number == 0) throw InputError(origin + ": the alias file is empty");
  return aliases;
}

}  // namespace newsgraph::resolve
