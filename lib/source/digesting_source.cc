#include "lib/source/digesting_source.h"

namespace gapmap {

Result<size_t> DigestingSource::Read(char* buffer, size_t capacity) {
  Result<size_t> n = inner_->Read(buffer, capacity);
  if (n.ok()) sha_.Update(std::string_view(buffer, *n));
  return n;
}

InputDigest DigestingSource::Finish(std::string name) {
  InputDigest digest;
  digest.name = std::move(name);
  digest.bytes = sha_.bytes();
  digest.sha256 = Sha256::Hex(sha_.Finish());
  return digest;
}

}  // namespace gapmap
