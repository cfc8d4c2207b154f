// DigestingSource: a ByteSource that passes another one's bytes through and
// computes their SHA-256 and size on the way, so provenance costs no second
// read (and works for stdin, which cannot be read twice).
#ifndef GAPMAP_SOURCE_DIGESTING_SOURCE_H_
#define GAPMAP_SOURCE_DIGESTING_SOURCE_H_

#include <cstdint>
#include <string>

#include "lib/core/sha256.h"
#include "lib/source/byte_source.h"

namespace gapmap {

// What provenance records about one input.
struct InputDigest {
  std::string name;  // as given on the command line (or found below a directory)
  uint64_t bytes = 0;
  std::string sha256;  // lower-case hex
};

class DigestingSource : public ByteSource {
 public:
  // `inner` is not owned.
  explicit DigestingSource(ByteSource* inner) : inner_(inner) {}
  Result<size_t> Read(char* buffer, size_t capacity) override;
  const std::string& name() const override { return inner_->name(); }

  // The digest of everything read so far; call once, after the last Read().
  InputDigest Finish(std::string name);

 private:
  ByteSource* inner_;
  Sha256 sha_;
};

}  // namespace gapmap

#endif  // GAPMAP_SOURCE_DIGESTING_SOURCE_H_
