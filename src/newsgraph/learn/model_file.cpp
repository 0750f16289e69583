#include "newsgraph/learn/model_file.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/binary_io.hpp"

namespace newsgraph::learn {
namespace {

constexpr std::string_view kMagic = "newsgraph model\n";

}  // namespace

std::uint64_t model_checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::array<std::uint64_t, 4> lanes;
  lanes.fill(0xcbf29ce484222325ULL);
  const std::size_t words = bytes.size() / 8;
  for (std::size_t w = 0; w < words; ++w) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + 8 * w, 8);
    lanes[w % 4] = (lanes[w % 4] ^ word) * kPrime;
  }
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto add_byte = [&](unsigned char byte) { hash = (hash ^ byte) * kPrime; };
  for (const std::uint64_t lane : lanes)
    for (int shift = 0; shift < 64; shift += 8) add_byte(static_cast<unsigned char>(lane >> shift));
  for (const char c : bytes.substr(8 * words)) add_byte(static_cast<unsigned char>(c));
  return hash;
}

std::string encode_model_file(const ModelHeader& header, std::string_view payload) {
  ByteWriter writer;
  writer.write_string(header.format);
  writer.write(header.version);
  writer.write_string(header.settings);
  writer.write_string(payload);
  std::string bytes(kMagic);
  bytes += writer.bytes();
  const std::uint64_t checksum = model_checksum(bytes);
  bytes.append(reinterpret_cast<const char*>(&checksum), sizeof checksum);
  return bytes;
}

ModelView decode_model_file(std::string_view bytes, std::string_view origin, std::string_view expected_format,
                            std::uint32_t expected_version) {
  const std::string expected =
      "expected format " + std::string(expected_format) + " version " + std::to_string(expected_version);
  if (!bytes.starts_with(kMagic))
    throw ModelError(std::string(origin) + ": not a newsgraph model file (" + expected + ")");

  ByteReader reader(bytes.substr(kMagic.size()), origin);
  ModelView view;
  view.format = reader.read_string();
  view.version = reader.read<std::uint32_t>();
  view.settings = reader.read_string();
  view.payload = reader.read_string();
  const std::size_t checked_size = kMagic.size() + reader.position();
  const auto stored_checksum = reader.read<std::uint64_t>();
  if (!reader.at_end()) reader.fail("unexpected bytes after the checksum: the file is damaged");
  if (stored_checksum != model_checksum(bytes.substr(0, checked_size)))
    reader.fail("checksum mismatch: the file is damaged");

  if (view.format != expected_format || view.version != expected_version)
    reader.fail(expected + ", found format " + std::string(view.format) + " version " +
                std::to_string(view.version));
  return view;
}

std::string read_model_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw ModelError(path + ": cannot open the model file: " + std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw ModelError(path + ": cannot read the model file");
  return bytes;
}

void write_model_bytes(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw ModelError(path + ": cannot create the model file: " + std::strerror(errno));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw ModelError(path + ": cannot write the model file");
}

}  // namespace newsgraph::learn
