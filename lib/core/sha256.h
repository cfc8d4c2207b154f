// Sha256: the SHA-256 digest (FIPS 180-4), for content hashes in provenance
// (a matrix records the hash of every input it was computed from, so a reader
// can tell whether a committed matrix still describes the files at hand).
//
// Streaming: Update() any number of times with pieces of any size, then
// Finish() once; the digest does not depend on how the input was split.
// Not for secrets: no constant-time guarantees are needed or given.
//
// Speed: every input byte of `gapmap matrix` goes through here, so on x86-64
// CPUs with the SHA extensions (checked at run time) blocks are compressed by
// the SHA-NI instructions (~10x faster than the portable code, which other
// CPUs use). Both give the same digest; the tests compare them.
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

  // Whether this CPU compresses with SHA-NI; tests can turn it off (process
  // wide, not thread-safe) to check the portable code against it.
  static bool HardwareAvailable();
  static void UseHardwareForTesting(bool use);

 private:
  // Compresses `count` consecutive 64-byte blocks.
  void Compress(const uint8_t* blocks, size_t count);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_;
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_SHA256_H_
