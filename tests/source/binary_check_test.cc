#include "lib/source/binary_check.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace gapmap {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

// Writes `data` to a temporary file and scans it.
std::optional<uint64_t> Scan(const std::string& data) {
  fs::path path = fs::temp_directory_path() /
                  ("gapmap-binary-test-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path, std::ios::binary) << data;
  auto source = FdSource::Open(path.string());
  fs::remove(path);
  REQUIRE(source.ok());
  REQUIRE((*source)->seekable());
  Result<std::optional<uint64_t>> nul = ScanForNul(**source);
  REQUIRE(nul.ok());
  return *nul;
}

TEST_CASE("policies parse from their option names only") {
  CHECK(ParseBinaryPolicy("skip") == BinaryPolicy::kSkip);
  CHECK(ParseBinaryPolicy("text") == BinaryPolicy::kText);
  CHECK(ParseBinaryPolicy("error") == BinaryPolicy::kError);
  CHECK_FALSE(ParseBinaryPolicy("Skip").has_value());
  CHECK_FALSE(ParseBinaryPolicy("").has_value());
}

TEST_CASE("a NUL is found anywhere in the file and also far past the first 64 KiB") {
  CHECK_FALSE(Scan("plain text\n").has_value());
  CHECK_FALSE(Scan("").has_value());
  CHECK(Scan("\0"s) == 0u);
  CHECK(Scan("ab\0cd"s) == 2u);
  std::string late(3 * (1 << 20) + 17, 'x');  // beyond the scanner's 1 MiB reads
  late += '\0';
  CHECK(Scan(late) == 3u * (1 << 20) + 17);
}

TEST_CASE("UTF-16 is binary only if it holds U+0000") {
  // "hi" in UTF-16LE: half of its bytes are NUL, yet it is text.
  CHECK_FALSE(Scan("\xFF\xFEh\0i\0"s).has_value());
  CHECK_FALSE(Scan("\xFE\xFF\0h\0i"s).has_value());
  CHECK_FALSE(Scan("\xFF\xFEh\0i"s).has_value());  // odd last byte
  CHECK(Scan("\xFF\xFEh\0\0\0i\0"s) == 4u);
  // A 00 00 pair that straddles two code units is not U+0000.
  CHECK_FALSE(Scan("\xFF\xFE\0\x01\x01\0"s).has_value());
}

TEST_CASE("a pipe is not seekable so it cannot be scanned ahead") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[1]);
  std::string path = "/dev/fd/" + std::to_string(fds[0]);
  auto source = FdSource::Open(path);
  REQUIRE(source.ok());
  CHECK_FALSE((*source)->seekable());
  ::close(fds[0]);
}

}  // namespace
}  // namespace gapmap
