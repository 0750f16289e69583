// ByteWriter and ByteReader: the little-endian binary encoding of model payloads. Integers and floats
// are written in little-endian byte order, strings and arrays with a length prefix. A ByteReader
// reads from a view of bytes it does not own and throws newsgraph::ModelError, naming its origin,
// when the bytes run out or a length is impossible; it never reads past the end. Neither type is
// safe to share between threads while in use.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "newsgraph/error.hpp"

namespace newsgraph::learn {

static_assert(std::endian::native == std::endian::little,
              "model files are little-endian and read by copying bytes");

class ByteWriter {
 public:
  template <typename T>
  requires std::is_arithmetic_v<T>
  void write(T value) { bytes_.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void write_string(std::string_view text) {
    write<std::uint64_t>(text.size());
    bytes_.append(text);
  }
  template <typename T>
  requires std::is_trivially_copyable_v<T>
  void write_array(const std::vector<T>& values) {
    write<std::uint64_t>(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  // origin names the bytes in error messages, e.g. "tagger.model".
  ByteReader(std::string_view bytes, std::string_view origin) : bytes_(bytes), origin_(origin) {}

  template <typename T>
  requires std::is_arithmetic_v<T> T read() {
    T value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view read_string() { return take(read_count(1)); }
  template <typename T>
  requires std::is_trivially_copyable_v<T> std::vector<T> read_array() {
    const std::size_t count = read_count(sizeof(T));
    std::vector<T> values(count);
    if (count > 0) std::memcpy(values.data(), take(count * sizeof(T)).data(), count * sizeof(T));
    return values;
  }
  bool at_end() const { return position_ == bytes_.size(); }
  std::size_t position() const { return position_; }
  std::string_view origin() const { return origin_; }

  // Throws the ModelError for bytes that do not say what the format expects.
  [[noreturn]] void fail(std::string_view what) const {
    throw ModelError(std::string(origin_) + ": " + std::string(what));
  }

 private:
  // A length prefix, checked against the bytes that remain before anything is allocated.
  std::size_t read_count(std::size_t element_size) {
    const auto count = read<std::uint64_t>();
    if (count > (bytes_.size() - position_) / element_size)
      fail("the file is truncated (a length of " + std::to_string(count) + " runs past its end)");
    return static_cast<std::size_t>(count);
  }
  std::string_view take(std::size_t size) {
    if (size > bytes_.size() - position_) fail("the file is truncated");
    const std::string_view out = bytes_.substr(position_, size);
    position_ += size;
    return out;
  }

  std::string_view bytes_;
  std::string origin_;
  std::size_t position_ = 0;
};

}  // namespace newsgraph::learn
