#include "lib/rules/regex.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

namespace gapmap {
namespace {

RE2::Options MakeOptions(const RegexOptions& options) {
  RE2::Options re2_options;
  re2_options.set_encoding(RE2::Options::EncodingUTF8);
  re2_options.set_log_errors(false);
  re2_options.set_case_sensitive(!options.case_insensitive);
  re2_options.set_literal(options.literal);
  re2_options.set_max_mem(options.max_mem);
  return re2_options;
}

bool MatchGroups(const RE2& re, std::string_view text, RE2::Anchor anchor,
                 std::vector<std::string_view>* groups) {
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(n + 1);
  if (!re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), anchor, pieces.data(),
                n + 1)) {
    return false;
  }
  groups->assign(n, std::string_view());
  for (int i = 0; i < n; ++i) {
    if (pieces[i + 1].data() != nullptr) {
      (*groups)[i] = std::string_view(pieces[i + 1].data(), pieces[i + 1].size());
    }
  }
  return true;
}

}  // namespace

struct Regex::Impl {
  Impl(std::string_view pattern, const RE2::Options& options)
      : re(re2::StringPiece(pattern.data(), pattern.size()), options) {}
  RE2 re;
};

Result<Regex> Regex::Compile(std::string_view pattern, const RegexOptions& options) {
  auto impl = std::make_shared<Impl>(pattern, MakeOptions(options));
  if (!impl->re.ok()) return Status::Rule(impl->re.error());
  return Regex(std::move(impl));
}

bool Regex::PartialMatch(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), impl_->re);
}

bool Regex::FullMatch(std::string_view text) const {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), impl_->re);
}

bool Regex::Find(std::string_view text, size_t from, size_t* begin, size_t* end) const {
  return Find(text, from, text.size(), begin, end);
}

bool Regex::Find(std::string_view text, size_t from, size_t to, size_t* begin,
                 size_t* end) const {
  re2::StringPiece match;
  if (to > text.size() || from > to) return false;
  if (!impl_->re.Match(re2::StringPiece(text.data(), text.size()), from, to, RE2::UNANCHORED,
                       &match, 1)) {
    return false;
  }
  *begin = static_cast<size_t>(match.data() - text.data());
  *end = *begin + match.size();
  return true;
}

bool Regex::FullMatchGroups(std::string_view text, std::vector<std::string_view>* groups) const {
  return MatchGroups(impl_->re, text, RE2::ANCHOR_BOTH, groups);
}

bool Regex::PartialMatchGroups(std::string_view text, std::vector<std::string_view>* groups) const {
  return MatchGroups(impl_->re, text, RE2::UNANCHORED, groups);
}

int Regex::group_count() const { return impl_->re.NumberOfCapturingGroups(); }
int Regex::program_size() const { return impl_->re.ProgramSize(); }
const std::string& Regex::pattern() const { return impl_->re.pattern(); }

struct RegexSet::Impl {
  Impl(const RE2::Options& options, RE2::Anchor anchor)
      : set(options, anchor), budget(options.max_mem()) {}
  RE2::Set set;
  int64_t budget;
  int size = 0;
};

namespace {
RE2::Anchor ToRe2(RegexSet::Anchor anchor) {
  switch (anchor) {
    case RegexSet::Anchor::kUnanchored:
      return RE2::UNANCHORED;
    case RegexSet::Anchor::kAnchorStart:
      return RE2::ANCHOR_START;
    case RegexSet::Anchor::kAnchorBoth:
      return RE2::ANCHOR_BOTH;
  }
  return RE2::UNANCHORED;
}

// Why RE2::Set::Match returned false with `info`: OK for a plain miss, else
// an error. An out-of-memory scan must never pass for "no match".
Status SetMatchStatus(const RE2::Set::ErrorInfo& info, int64_t budget, size_t text_size) {
  switch (info.kind) {
    case RE2::Set::kNoError:
      return Status::Ok();
    case RE2::Set::kOutOfMemory:
      return Status::Internal(fmt::format(
          "regex set ran out of memory (budget {} bytes) while scanning a unit of {} bytes", budget,
          text_size));
    case RE2::Set::kInconsistent:
      return Status::Internal("regex set returned an inconsistent result");
    case RE2::Set::kNotCompiled:
      return Status::Internal("regex set used before Compile()");
  }
  return Status::Internal("regex set failed");
}

}  // namespace

RegexSet::RegexSet(const RegexOptions& options, Anchor anchor)
    : impl_(std::make_unique<Impl>(MakeOptions(options), ToRe2(anchor))) {}
RegexSet::~RegexSet() = default;
RegexSet::RegexSet(RegexSet&&) noexcept = default;
RegexSet& RegexSet::operator=(RegexSet&&) noexcept = default;

Result<int> RegexSet::Add(std::string_view pattern) {
  std::string error;
  int index = impl_->set.Add(re2::StringPiece(pattern.data(), pattern.size()), &error);
  if (index < 0) return Status::Rule(error);
  impl_->size = index + 1;
  return index;
}

Status RegexSet::Compile() {
  if (!impl_->set.Compile()) {
    return Status::Rule(
        fmt::format("the combined patterns do not fit the regex memory budget of {} bytes "
                    "(raise --regex-mem or simplify the patterns)",
                    impl_->budget));
  }
  return Status::Ok();
}

Status RegexSet::Match(std::string_view text, std::vector<int>* hits, bool* out_of_memory) const {
  RE2::Set::ErrorInfo info;
  hits->clear();
  if (out_of_memory != nullptr) *out_of_memory = false;
  if (impl_->set.Match(re2::StringPiece(text.data(), text.size()), hits, &info)) {
    return Status::Ok();
  }
  if (out_of_memory != nullptr) *out_of_memory = info.kind == RE2::Set::kOutOfMemory;
  return SetMatchStatus(info, impl_->budget, text.size());
}

Result<bool> RegexSet::MatchesAny(std::string_view text) const {
  RE2::Set::ErrorInfo info;
  if (impl_->set.Match(re2::StringPiece(text.data(), text.size()), nullptr, &info)) return true;
  GAPMAP_RETURN_IF_ERROR(SetMatchStatus(info, impl_->budget, text.size()));
  return false;
}

int RegexSet::size() const { return impl_->size; }

}  // namespace gapmap
