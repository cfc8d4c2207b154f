// re2_set_scan: the regex engine's own speed on gapmap's patterns, for
// `make bench` (docs/PERFORMANCE.md).
//
// Issue 5 asks for a pipeline close to the limit of its regex engine. This
// is that limit, measured: the patterns gapmap runs, as `gapmap rules export
// --format grep --with-vetoes` writes them (RE2 reads that ERE as it
// stands), compiled into one RE2::Set with gapmap's default memory budget
// and run over the input cut into paragraphs at blank lines, as
// bench/python_re_tagger.py cuts it. It does less than gapmap: no
// segmentation, no match spans, no scoring; it only learns which patterns
// occur in each paragraph.
//
// Usage: re2_set_scan PATTERNS INPUT. Prints the pattern, paragraph and
// match counts; exit 2 on a pattern RE2 refuses, an unreadable file or a set
// that runs out of memory (then it has measured nothing).
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int64_t kMemoryBudget = 64 << 20;  // gapmap's --regex-mem default

int Fail(const std::string& message) {
  std::fprintf(stderr, "re2_set_scan: %s\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return Fail("usage: re2_set_scan PATTERNS INPUT");
  RE2::Options options;
  options.set_case_sensitive(false);  // as grep -i and gapmap's default
  options.set_max_mem(kMemoryBudget);
  options.set_log_errors(false);
  RE2::Set set(options, RE2::UNANCHORED);
  std::ifstream patterns(argv[1]);
  if (!patterns) return Fail(std::string(argv[1]) + ": cannot read");
  std::string line;
  int count = 0;
  for (int number = 1; std::getline(patterns, line); ++number) {
    std::string error;
    if (set.Add(line, &error) < 0) {
      return Fail(std::string(argv[1]) + ":" + std::to_string(number) + ": " + error);
    }
    ++count;
  }
  if (!set.Compile()) return Fail("the set does not compile within the memory budget");

  std::ifstream input(argv[2], std::ios::binary);
  if (!input) return Fail(std::string(argv[2]) + ": cannot read");
  std::string paragraph;
  std::vector<int> matched;
  long paragraphs = 0, matches = 0;
  auto scan = [&]() {
    if (paragraph.empty()) return true;
    RE2::Set::ErrorInfo info;
    if (!set.Match(paragraph, &matched, &info) && info.kind != RE2::Set::kNoError) return false;
    ++paragraphs;
    matches += static_cast<long>(matched.size());
    paragraph.clear();
    return true;
  };
  while (std::getline(input, line)) {
    if (line.empty()) {
      if (!scan()) return Fail("the set ran out of memory while matching");
      continue;
    }
    paragraph += line;
    paragraph += '\n';
  }
  if (!scan()) return Fail("the set ran out of memory while matching");
  std::printf("%d patterns, %ld paragraphs, %ld pattern matches\n", count, paragraphs, matches);
  return 0;
}
