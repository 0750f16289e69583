#include <catch2/catch.hpp>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/model_file.hpp"

using newsgraph::ModelError;
using newsgraph::learn::decode_model_file;
using newsgraph::learn::encode_model_file;

namespace {

const std::string kPayload = "some payload bytes, long enough to hold several 64-bit words";

std::string example_file(std::string format = "newsgraph-test", std::uint32_t version = 1) {
  return encode_model_file({format, version, "epochs: 3\n"}, kPayload);
}

}  // namespace

TEST_CASE("a model file gives back what was written", "[learn][model_file]") {
  const std::string bytes = example_file();
  const auto view = decode_model_file(bytes, "test.model", "newsgraph-test", 1);
  CHECK(view.format == "newsgraph-test");
  CHECK(view.version == 1);
  CHECK(view.settings == "epochs: 3\n");
  CHECK(view.payload == kPayload);
}

TEST_CASE("a damaged model file is refused with a clear message", "[learn][model_file]") {
  const std::string good = example_file();

  std::string flipped = good;
  flipped[flipped.size() - 20] ^= 0x01;
  CHECK_THROWS_MATCHES(decode_model_file(flipped, "test.model", "newsgraph-test", 1), ModelError,
                       Catch::Message("test.model: checksum mismatch: the file is damaged"));

  for (const std::size_t size : {good.size() - 1, good.size() / 2, std::size_t{20}, std::size_t{3}})
    CHECK_THROWS_AS(decode_model_file(good.substr(0, size), "test.model", "newsgraph-test", 1), ModelError);
  CHECK_THROWS_WITH(decode_model_file(good.substr(0, good.size() - 1), "test.model", "newsgraph-test", 1),
                    Catch::Contains("truncated"));
  CHECK_THROWS_WITH(decode_model_file("not a model at all", "x.model", "newsgraph-test", 1),
                    Catch::Contains("not a newsgraph model file"));
}

TEST_CASE("a model file of another format or version is refused", "[learn][model_file]") {
  CHECK_THROWS_MATCHES(
      decode_model_file(example_file("newsgraph-test", 3), "test.model", "newsgraph-test", 1), ModelError,
      Catch::Message("test.model: expected format newsgraph-test version 1, found format "
                     "newsgraph-test version 3"));
  CHECK_THROWS_WITH(decode_model_file(example_file("newsgraph-parser", 1), "test.model", "newsgraph-test", 1),
                    Catch::Contains("found format newsgraph-parser version 1"));
}
