// The errors the library throws. Every message is a whole sentence that names the place it is
// about ("articles.jsonl:17: ..."), ready to be printed after "newsgraph: error: ".
#pragma once

#include <stdexcept>
#include <string>

namespace newsgraph {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An article or corpus file that cannot be read as the format says.
class InputError : public Error {
 public:
  using Error::Error;
};

// A model or lexicon file that is missing, of the wrong format or version, or damaged.
class ModelError : public Error {
 public:
  using Error::Error;
};

}  // namespace newsgraph
