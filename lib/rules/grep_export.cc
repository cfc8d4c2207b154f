#include "lib/rules/grep_export.h"

#include <cctype>
#include <set>

#include <fmt/format.h>

namespace gapmap {

bool Re2ToEre(const std::string& re2, std::string* ere, std::string* reason) {
  std::string s = re2;
  if (s.rfind("(?i)", 0) == 0) s = s.substr(4);
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      const char* outside = nullptr;
      const char* inside = nullptr;
      switch (n) {
        case 'd': outside = "[0-9]"; inside = "0-9"; break;
        case 'D': outside = "[^0-9]"; break;
        case 's': outside = "[[:space:]]"; inside = "[:space:]"; break;
        case 'S': outside = "[^[:space:]]"; break;
        case 'w': outside = "[[:alnum:]_]"; inside = "[:alnum:]_"; break;
        case 'W': outside = "[^[:alnum:]_]"; break;
        case 'b': outside = "\\b"; break;
        case 'B': outside = "\\B"; break;
        case 'A': outside = "^"; break;
        case 'z': outside = "$"; break;
        default: break;
      }
      if (in_class) {
        if (inside != nullptr) {
          out += inside;
        } else if (n == '-' || n == ']' || n == '^' || n == '\\' || n == 'p' || n == 'P' ||
                   n == 'x' || std::isalnum(static_cast<unsigned char>(n))) {
          *reason = fmt::format("'\\{}' inside [...] has no POSIX equivalent", n);
          return false;
        } else {
          out += n;
        }
        continue;
      }
      if (outside != nullptr) {
        out += outside;
      } else if (n == 'p' || n == 'P' || n == 'x' || n == 'Q' || n == 'C' ||
                 std::isalnum(static_cast<unsigned char>(n))) {
        *reason = fmt::format("'\\{}' has no POSIX equivalent", n);
        return false;
      } else {
        out += '\\';
        out += n;
      }
      continue;
    }
    if (in_class) {
      if (c == ']' && !(out.back() == '[' || (out.back() == '^' && out[out.size() - 2] == '['))) {
        in_class = false;
      }
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      continue;
    }
    if (c == '(' && i + 1 < s.size() && s[i + 1] == '?') {
      if (s.compare(i, 3, "(?:") == 0) {
        out += '(';
        i += 2;
        continue;
      }
      // Case flags: grep -i ignores case everywhere, so "(?-i:X)" and
      // "(?i:X)" become "(X)", and "(?i)" / "(?-i)" go (the same lines, or a
      // few more where the rule asked for exact case).
      size_t close = s.find_first_of(":)", i + 2);
      if (close != std::string::npos) {
        std::string_view flags(s.data() + i + 2, close - i - 2);
        if (!flags.empty() && flags.find_first_not_of("i-") == std::string_view::npos) {
          if (s[close] == ':') out += '(';
          i = close;
          continue;
        }
      }
      *reason = "flags other than i, or named groups '(?...', have no POSIX equivalent";
      return false;
    }
    if (c == '?' && !out.empty() && (out.back() == '*' || out.back() == '+' || out.back() == '?' ||
                                     out.back() == '}')) {
      continue;  // lazy quantifier: the same lines match
    }
    out += c;
  }
  if (in_class) {
    *reason = "unterminated [...]";
    return false;
  }
  *ere = std::move(out);
  return true;
}

GrepExport ExportGrep(const RuleSet& rules, bool with_vetoes) {
  GrepExport result;
  std::set<std::string> seen;
  for (const CompiledPattern& p : rules.compiled.patterns) {
    bool cue = with_vetoes;
    for (const PatternUse& use : p.uses) {
      cue |= use.list != CueList::kNot && use.list != CueList::kUnless;
    }
    if (!cue) continue;
    std::string line;
    if (p.kind == PatternSpec::Kind::kTerm) {
      for (const Term& t : p.terms) {
        if (!line.empty()) line.push_back('|');
        line.append(TermToEre(t));
      }
    } else {
      std::string reason;
      if (!Re2ToEre(rules.compiled.regexes[p.regex].pattern(), &line, &reason)) {
        result.skipped.push_back(fmt::format("{}: {}", p.display, reason));
        continue;
      }
    }
    if (line.empty() || line.find('\n') != std::string::npos) continue;
    if (seen.insert(line).second) result.lines.push_back(std::move(line));
  }
  return result;
}

}  // namespace gapmap
