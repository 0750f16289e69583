// A user's alias file (`newsgraph build --aliases FILE`): what the user knows about names that the
// articles do not say. A tab-separated file whose first line is "# newsgraph-lexicon 1 aliases";
// lines starting with '#' are comments. Rows:
//   same   NAME   OTHER NAME      OTHER NAME is the same entity as NAME, which names the node
//   never  NAME   OTHER NAME      the two are different entities, however alike they look
//   name   TYPE   NAME            NAME is a person, organization or place wherever it is written
// A UserAliases never changes once read: safe to share between threads.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsgraph/tag/mentions.hpp"

namespace newsgraph::resolve {

struct UserAliases {
  struct Name {
    tag::EntityType type = tag::EntityType::Person;
    std::vector<std::string> words;  // the name split at spaces, as the tokenizer splits it
  };

  std::map<std::string, std::string> canonical;           // OTHER NAME -> NAME
  std::set<std::pair<std::string, std::string>> never;    // both orders
  std::vector<Name> names;

  // The name a node for `name` takes: the user's NAME where `name` is a same-as alias of it.
  const std::string& canonical_name(const std::string& name) const;
  bool never_same(const std::string& a, const std::string& b) const { return never.contains({a, b}); }
};

// Reads an alias file; `origin` names it in messages. Throws InputError naming the file and line
// ("aliases.tsv:3: expected same, never or name, found \"alias\"").
UserAliases read_user_aliases(std::string_view bytes, const std::string& origin);

}  // namespace newsgraph::resolve
