#include "newsgraph/resolve/aliases.hpp"

#include "newsgraph/error.hpp"
#include "newsgraph/lexicon/lexicon.hpp"

namespace newsgraph::resolve {
namespace {

std::vector<std::string> split(std::string_view line, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(separator, start);
    const std::string_view field =
        line.substr(start, end == std::string_view::npos ? line.npos : end - start);
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
  std::vector<lexicon::LexiconRow> rows;
  try {
    rows = lexicon::parse_lexicon_rows(bytes, origin, "aliases");
  } catch (const ModelError& e) {
    throw InputError(e.what());  // a bad header or an empty file: the user's, not the program's
  }
  UserAliases aliases;
  for (const lexicon::LexiconRow& row : rows) {
    const std::string where = origin + ":" + std::to_string(row.line) + ": ";
    const std::vector<std::string>& fields = row.fields;
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
  return aliases;
}

}  // namespace newsgraph::resolve
