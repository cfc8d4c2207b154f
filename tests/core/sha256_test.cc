#include "lib/core/sha256.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

TEST_CASE("sha256 matches the FIPS 180-4 test vectors") {
  CHECK(Sha256::HexOf("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256::HexOf("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256::HexOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256::HexOf(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 does not depend on how the input is split") {
  std::string data;
  for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i * 7 + 3));
  std::string whole = Sha256::HexOf(data);
  for (size_t piece :
       {size_t{1}, size_t{7}, size_t{55}, size_t{56}, size_t{63}, size_t{64}, size_t{65}}) {
    CAPTURE(piece);
    Sha256 sha;
    for (size_t i = 0; i < data.size(); i += piece)
      sha.Update(std::string_view(data).substr(i, piece));
    CHECK(sha.bytes() == data.size());
    CHECK(Sha256::Hex(sha.Finish()) == whole);
  }
  // Lengths around the padding boundary.
  CHECK(Sha256::HexOf(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(Sha256::HexOf(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

TEST_CASE("sha256 gives the same digests with and without the SHA-NI instructions") {
  if (!Sha256::HardwareAvailable()) {
    MESSAGE("this CPU has no SHA extensions: only the portable code runs");
    return;
  }
  std::string data;
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245 + 12345;
    data.push_back(static_cast<char>(x >> 16));
  }
  for (size_t length : {size_t{0}, size_t{3}, size_t{63}, size_t{64}, size_t{65}, size_t{128},
                        size_t{1000}, size_t{4097}, size_t{5000}}) {
    CAPTURE(length);
    std::string_view piece = std::string_view(data).substr(0, length);
    Sha256::UseHardwareForTesting(false);
    std::string portable = Sha256::HexOf(piece);
    Sha256::UseHardwareForTesting(true);
    std::string hardware = Sha256::HexOf(piece);
    CHECK(portable == hardware);
  }
  // The FIPS vector that spans many blocks, through the hardware path.
  CHECK(Sha256::HexOf(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace gapmap
