// FUZZ_CHECK: a property a fuzz target asserts. A failure prints the property
// and aborts, which libFuzzer records as a crash with the input that caused it.
#ifndef GAPMAP_TESTS_FUZZ_FUZZ_CHECK_H_
#define GAPMAP_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace gapmap::fuzz {

// Splits a fuzz input into parameters and strings (FuzzedDataProvider is
// clang-only, and the replay build may use gcc). Exhausted input reads as 0/"".
class InputReader {
 public:
  InputReader(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data), size) {}

  uint8_t Byte() {
    if (data_.empty()) return 0;
    auto b = static_cast<uint8_t>(data_[0]);
    data_.remove_prefix(1);
    return b;
  }
  uint32_t Number(uint32_t max) {  // in [0, max]
    uint32_t v = Byte() | Byte() << 8 | Byte() << 16;
    return max == 0 ? 0 : v % (max + 1);
  }
  bool Bool() { return Byte() & 1; }
  // Bytes up to the next 0xFF (the separator) or the end.
  std::string String() {
    size_t end = data_.find('\xFF');
    std::string s(data_.substr(0, end));
    data_.remove_prefix(end == std::string_view::npos ? data_.size() : end + 1);
    return s;
  }
  std::string Rest() {
    std::string s(data_);
    data_ = {};
    return s;
  }
  bool empty() const { return data_.empty(); }

 private:
  std::string_view data_;
};

}  // namespace gapmap::fuzz

#endif  // GAPMAP_TESTS_FUZZ_FUZZ_CHECK_H_
