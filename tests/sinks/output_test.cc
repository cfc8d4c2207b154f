#include "lib/sinks/output.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gapmap {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("gapmap-output-test-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path path;
};

TEST_CASE("a committed output replaces the file; nothing else is left behind") {
  TempDir dir;
  fs::path target = dir.path / "m.csv";
  std::ofstream(target) << "old\n";
  {
    auto out = Output::Open(target.string());
    REQUIRE(out.ok());
    REQUIRE((*out)->Write("new\n").ok());
    CHECK(Slurp(target) == "old\n");  // not visible before Commit
    REQUIRE((*out)->Commit().ok());
  }
  CHECK(Slurp(target) == "new\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("bytes appended to the buffer mix with Write()s in order, across flushes") {
  // Lines of varying length, some through Write() and most appended to
  // buffer() and announced by Wrote(), far past the buffer's size, so that
  // the buffer is written out many times, often in the middle of a line.
  TempDir dir;
  fs::path target = dir.path / "lines.txt";
  std::string expected;
  {
    auto out = Output::Open(target.string());
    REQUIRE(out.ok());
    for (int i = 0; i < 40000; ++i) {
      std::string line = std::to_string(i) + std::string(static_cast<size_t>(i % 97), 'x') + "\n";
      expected += line;
      if (i % 7 == 0) {
        REQUIRE((*out)->Write(line).ok());
      } else {
        (*out)->buffer()->append(line);
        REQUIRE((*out)->Wrote().ok());
      }
    }
    CHECK(Slurp(target).empty());  // nothing visible before Commit
    REQUIRE((*out)->Commit().ok());
  }
  REQUIRE(expected.size() > 4 * 256 * 1024);
  CHECK(Slurp(target) == expected);
}

TEST_CASE("an output that is never committed leaves the previous file intact") {
  TempDir dir;
  fs::path target = dir.path / "m.csv";
  std::ofstream(target) << "old\n";
  {
    auto out = Output::Open(target.string());
    REQUIRE(out.ok());
    REQUIRE((*out)->Write("half").ok());
  }
  CHECK(Slurp(target) == "old\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("an output into a missing directory is an error naming the path") {
  auto out = Output::Open("/nonexistent-dir/x.csv");
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == StatusCode::kIo);
  CHECK(out.status().message().find("/nonexistent-dir/x.csv") == 0);
}

// A device node to write to. As root a private copy (mknod) so that a
// regression cannot replace the system's node; otherwise the real one, which
// an unprivileged process could not replace anyway.
std::string DeviceNode(const TempDir& dir, const char* system_path, dev_t device) {
  if (::geteuid() != 0) return system_path;
  std::string path = (dir.path / fs::path(system_path).filename()).string();
  REQUIRE(::mknod(path.c_str(), S_IFCHR | 0666, device) == 0);
  return path;
}

TEST_CASE("an existing device target is written in place and not replaced by a file") {
  TempDir dir;
  std::string null_device = DeviceNode(dir, "/dev/null", makedev(1, 3));
  auto out = Output::Open(null_device);
  REQUIRE(out.ok());
  REQUIRE((*out)->Write("discarded\n").ok());
  REQUIRE((*out)->Commit().ok());
  CHECK(fs::is_character_file(null_device));
}

TEST_CASE("a full device gives a write error naming the target") {
  TempDir dir;
  std::string full_device = DeviceNode(dir, "/dev/full", makedev(1, 7));
  auto out = Output::Open(full_device);
  REQUIRE(out.ok());
  REQUIRE((*out)->Write("x").ok());  // buffered
  Status s = (*out)->Commit();
  CHECK(s.code() == StatusCode::kIo);
  CHECK(s.message() == full_device + ": write error: No space left on device");
  CHECK(fs::is_character_file(full_device));
}

TEST_CASE("a symlink stays a symlink and its target is replaced") {
  TempDir dir;
  fs::path real = dir.path / "real.csv";
  fs::path link = dir.path / "link.csv";
  std::ofstream(real) << "old\n";
  fs::create_symlink(real, link);
  {
    auto out = Output::Open(link.string());
    REQUIRE(out.ok());
    REQUIRE((*out)->Write("new\n").ok());
    REQUIRE((*out)->Commit().ok());
  }
  CHECK(fs::is_symlink(link));
  CHECK(Slurp(real) == "new\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);
}

TEST_CASE("a replaced file keeps its permission bits") {
  TempDir dir;
  fs::path target = dir.path / "m.csv";
  std::ofstream(target) << "old\n";
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
  {
    auto out = Output::Open(target.string());
    REQUIRE(out.ok());
    REQUIRE((*out)->Write("new\n").ok());
    REQUIRE((*out)->Commit().ok());
  }
  CHECK(Slurp(target) == "new\n");
  CHECK((fs::status(target).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a directory as the target is refused before anything is written") {
  TempDir dir;
  auto out = Output::Open(dir.path.string());
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().message() == dir.path.string() + ": is a directory");
}

}  // namespace
}  // namespace gapmap
