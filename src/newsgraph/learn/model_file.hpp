// The container every trained model of newsgraph is stored in: a fixed magic line, the model's
// format name and version, the settings it was trained with (free text for people), an opaque
// payload, and a 64-bit checksum over everything before it (see model_checksum). Reading checks all of these
// and throws newsgraph::ModelError with a whole sentence ("tagger.model: checksum mismatch: the file is
// damaged") instead of handing a damaged payload to the model. Plain values and free functions: safe
// to use from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::learn {

struct ModelHeader {
  std::string format;  // e.g. "newsgraph-tagger"
  std::uint32_t version = 0;
  std::string settings;  // how the model was trained, one "key: value" per line
};

// A model file read into memory; settings and payload view the bytes it was read from.
struct ModelView {
  std::string_view format;
  std::uint32_t version = 0;
  std::string_view settings;
  std::string_view payload;
};

// FNV-1a in four interleaved lanes over 64-bit little-endian words, the lanes and the last bytes
// folded by byte-wise FNV-1a: catches damage like FNV-1a, at memory speed.
std::uint64_t model_checksum(std::string_view bytes);

// The whole file as bytes.
std::string encode_model_file(const ModelHeader& header, std::string_view payload);

// Checks magic, lengths, checksum, format name and version, in that order. origin names the file in
// messages. The views of the result point into bytes.
ModelView decode_model_file(std::string_view bytes, std::string_view origin, std::string_view expected_format,
                            std::uint32_t expected_version);

// Reads a whole file; throws ModelError when it cannot be read.
std::string read_model_bytes(const std::string& path);

// Writes a whole file; throws ModelError when it cannot be written.
void write_model_bytes(const std::string& path, std::string_view bytes);

}  // namespace newsgraph::learn
