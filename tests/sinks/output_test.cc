#include "lib/sinks/output.h"

#include <doctest/doctest.h>

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

}  // namespace
}  // namespace gapmap
