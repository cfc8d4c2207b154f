// Sha256: the SHA-256 digest (FIPS 180-4), for content hashes in provenance
// (a matrix records the hash of every input it was computed from, so a reader
// can tell whether a committed matrix still describes the files at hand).
//
// Streaming: Update() any number of times with pieces of any size, then
// Finish() once; the digest does not depend on how the input was split.
// Not for secrets: no constant-time guarantees are needed or given.
#ifndef GAPMAP_CORE_SHA256_H_
#define GAPMAP_CORE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gapmap {

class Sha256 {
 public:
  using Digest = std::array<uint8_t, 32>;

  Sha256();
  void Update(std::string_view data);
  // Returns the digest; the object must not be used afterwards (Reset() first).
  Digest Finish();
  void Reset();

  uint64_t bytes() const { return length_; }

  // Lower-case hexadecimal, 64 characters.
  static std::string Hex(const Digest& digest);
  // Convenience: Hex of the digest of `data`.
  static std::string HexOf(std::string_view data);

 private:
  void Compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_;
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_SHA256_H_
