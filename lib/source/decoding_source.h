// DecodingSource: a document's bytes as UTF-8, whatever Unicode encoding its
// byte order mark announces.
//
// Text extracted on Windows ("Unicode" in Notepad) is often UTF-16 with a BOM;
// read as bytes it is half NULs and would be skipped as binary or turn into
// garbage. Contract:
// - No BOM, or the UTF-8 BOM: bytes pass through unchanged (the line reader
//   drops the UTF-8 BOM).
// - UTF-16LE/BE BOM: the BOM is dropped and the rest transcoded to UTF-8.
//   Unpaired surrogates and a dangling odd byte become U+FFFD and are counted
//   (replacements()), so the output is always well-formed UTF-8. Byte offsets
//   downstream then count bytes of the UTF-8 text, not of the file.
// - UTF-32 BOM: Read() fails with an input error saying how to convert the
//   file; never a silent empty or garbled result.
// Memory: a fixed buffer of a few times the caller's chunk size.
#ifndef GAPMAP_SOURCE_DECODING_SOURCE_H_
#define GAPMAP_SOURCE_DECODING_SOURCE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "lib/core/status.h"
#include "lib/source/byte_source.h"

namespace gapmap {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The encoding a byte order mark at the start of `head` announces (kUtf8 when
// there is none). `head` should hold the first 4 bytes, or the whole input if
// it is shorter.
TextEncoding SniffEncoding(std::string_view head);

// "UTF-8", "UTF-16LE", ...
std::string_view EncodingName(TextEncoding encoding);

class DecodingSource : public ByteSource {
 public:
  // `inner` is not owned and must outlive this source.
  explicit DecodingSource(ByteSource* inner) : inner_(inner) {}

  Result<size_t> Read(char* buffer, size_t capacity) override;
  const std::string& name() const override { return inner_->name(); }

  // Known after the first Read().
  TextEncoding encoding() const { return encoding_; }
  // Code units that could not be transcoded and became U+FFFD.
  uint64_t replacements() const { return replacements_; }

 private:
  Status Sniff();
  // Reads from `inner_` and transcodes into out_; false at the end of input.
  Result<bool> Refill(size_t capacity);
  void Transcode(std::string_view units, bool at_end);

  ByteSource* inner_;
  bool sniffed_ = false;
  bool inner_eof_ = false;
  TextEncoding encoding_ = TextEncoding::kUtf8;
  std::string head_;      // bytes read while sniffing, not yet handed out
  std::string raw_;       // UTF-16 bytes not yet transcoded (odd byte, split pair)
  std::string out_;       // transcoded bytes not yet handed out, from out_pos_
  size_t out_pos_ = 0;
  uint64_t replacements_ = 0;
};

}  // namespace gapmap

#endif  // GAPMAP_SOURCE_DECODING_SOURCE_H_
