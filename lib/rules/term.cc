#include "lib/rules/term.h"

#include <algorithm>

#include <fmt/format.h>

#include "lib/core/text_normalize.h"
#include "lib/rules/word_scan.h"

namespace gapmap {
namespace {

std::string FirstCodePoint(std::string_view s, size_t i) {
  char32_t cp;
  size_t len = DecodeAt(s, i, &cp);
  return std::string(s.substr(i, len));
}

void AppendRegexLiteral(std::string_view text, std::string* out) {
  for (char c : text) {
    bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 static_cast<uint8_t>(c) >= 0x80;
    if (!plain) out->push_back('\\');
    out->push_back(c);
  }
}

void AppendEreLiteral(std::string_view text, std::string* out) {
  for (char c : text) {
    if (std::string_view(".[]()*+?{}|^$\\").find(c) != std::string_view::npos) {
      out->push_back('\\');
    }
    out->push_back(c);
  }
}

}  // namespace

Result<Term> ParseTerm(std::string_view written, bool case_sensitive) {
  Term term;
  term.source = NormalizeTermText(written);
  term.case_sensitive = case_sensitive;
  const std::string& s = term.source;
  if (s.empty()) return Status::Rule("empty pattern");

  // Regex syntax in a term is almost always a mistake: say so rather than
  // match the characters literally.
  size_t bad = s.find_first_of("?+[]{}()|\\^$");
  if (bad != std::string::npos) {
    return Status::Rule(fmt::format(
        "term '{}' contains '{}': terms are plain words (only a trailing '*' is special); "
        "write a /regex/ for a pattern",
        s, s[bad]));
  }
  std::string word;
  std::string gap;
  bool have_word = false;   // a word was started (term.words or `word`)
  bool after_glob = false;  // the previous code point was a glob `*`
  auto finish_word = [&](bool glob) {
    term.words.push_back(TermWord{case_sensitive ? word : FoldCase(word), glob});
    word.clear();
  };
  auto add_gap = [&]() {
    TermGap g;
    bool has_space = false, has_other = false;
    size_t i = 0;
    while (i < gap.size()) {
      size_t len;
      CharClass cls = ClassAt(gap, i, &len);
      has_space |= cls == CharClass::kSpace;
      has_other |= cls == CharClass::kOther;
      i += len;
    }
    if (has_other) {
      g.kind = TermGapKind::kLiteral;
      g.literal = CanonicalGap(gap);
    } else if (has_space || term.words.back().glob) {
      g.kind = TermGapKind::kSoft;
    } else {
      g.kind = TermGapKind::kOptional;
    }
    term.gaps.push_back(std::move(g));
    gap.clear();
  };

  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    CharClass cls = ClassAt(s, i, &len);
    if (s[i] == '*') {
      if (word.empty()) {
        return Status::Rule(fmt::format(
            "'*' must come at the end of a word, as in 'reintegrat*'; '{}' has it {}", s,
            have_word ? "after a non-letter" : "at the start"));
      }
      finish_word(/*glob=*/true);
      after_glob = true;
      i += 1;
      continue;
    }
    if (cls == CharClass::kWord) {
      if (after_glob) {
        return Status::Rule(fmt::format(
            "'*' must come at the end of a word, as in 'reintegrat*'; '{}' has it inside a word",
            s));
      }
      if (!have_word) {
        have_word = true;
      } else if (word.empty()) {
        add_gap();
      }
      word.append(s, i, len);
    } else {
      if (!have_word) {
        return Status::Rule(fmt::format(
            "term '{}' starts with '{}': a term begins and ends with a letter or digit "
            "(leave the punctuation out, or write a /regex/)",
            s, FirstCodePoint(s, i)));
      }
      if (!word.empty()) finish_word(/*glob=*/false);
      after_glob = false;
      gap.append(s, i, len);
    }
    i += len;
  }
  if (!word.empty()) finish_word(/*glob=*/false);
  if (term.words.empty()) {
    return Status::Rule(fmt::format("term '{}' has no letters or digits", s));
  }
  if (!gap.empty()) {
    return Status::Rule(fmt::format(
        "term '{}' ends with '{}': a term begins and ends with a letter or digit "
        "(leave the punctuation out, or write a /regex/)",
        s, FirstCodePoint(gap, 0)));
  }
  int optional = 0;
  for (const TermGap& g : term.gaps) optional += g.kind == TermGapKind::kOptional;
  if (optional > kMaxOptionalGaps) {
    return Status::Rule(fmt::format(
        "term '{}' has {} hyphens between words; at most {} are allowed (write a /regex/)", s,
        optional, kMaxOptionalGaps));
  }
  return term;
}

std::vector<TermVariant> ExpandVariants(const Term& term) {
  std::vector<size_t> optional;
  for (size_t g = 0; g < term.gaps.size(); ++g) {
    if (term.gaps[g].kind == TermGapKind::kOptional) optional.push_back(g);
  }
  std::vector<TermVariant> out;
  for (uint32_t mask = 0; mask < (1u << optional.size()); ++mask) {
    TermVariant v;
    v.words.push_back(term.words[0]);
    for (size_t g = 0; g < term.gaps.size(); ++g) {
      const TermGap& gap = term.gaps[g];
      bool join = false;
      if (gap.kind == TermGapKind::kOptional) {
        size_t bit = std::find(optional.begin(), optional.end(), g) - optional.begin();
        join = (mask >> bit) & 1;
      }
      if (join) {
        v.words.back().text += term.words[g + 1].text;
        v.words.back().glob = term.words[g + 1].glob;
      } else {
        TermGap kept = gap;
        if (kept.kind == TermGapKind::kOptional) kept.kind = TermGapKind::kSoft;
        v.gaps.push_back(std::move(kept));
        v.words.push_back(term.words[g + 1]);
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::string TermToRegex(const Term& term) {
  std::string out;
  for (size_t w = 0; w < term.words.size(); ++w) {
    if (w > 0) {
      const TermGap& gap = term.gaps[w - 1];
      switch (gap.kind) {
        case TermGapKind::kSoft: out += SoftClassRegex() + "+"; break;
        case TermGapKind::kOptional: out += SoftClassRegex() + "*"; break;
        case TermGapKind::kLiteral: {
          out += SpaceClassRegex() + "*";
          size_t i = 0;
          while (i < gap.literal.size()) {
            char32_t cp;
            size_t len = DecodeAt(gap.literal, i, &cp);
            std::string one = gap.literal.substr(i, len);
            out += (ClassifyCodePoint(cp) == CharClass::kDash) ? CanonicalCharRegex("-")
                                                               : CanonicalCharRegex(one);
            out += SpaceClassRegex() + "*";
            i += len;
          }
          break;
        }
      }
    }
    AppendRegexLiteral(term.words[w].text, &out);
    if (term.words[w].glob) out += WordClassRegex() + "*";
  }
  return out;
}

std::string TermToEre(const Term& term) {
  std::string out = term.at_start ? "^[^[:alnum:]]*" : "\\b";
  for (size_t w = 0; w < term.words.size(); ++w) {
    if (w > 0) {
      const TermGap& gap = term.gaps[w - 1];
      switch (gap.kind) {
        case TermGapKind::kSoft: out += "[[:space:]-]+"; break;
        case TermGapKind::kOptional: out += "[[:space:]-]*"; break;
        case TermGapKind::kLiteral:
          out += "[[:space:]]*";
          AppendEreLiteral(gap.literal, &out);
          out += "[[:space:]]*";
          break;
      }
    }
    AppendEreLiteral(term.words[w].text, &out);
    if (term.words[w].glob) out += "[[:alnum:]]*";
  }
  out += "\\b";
  return out;
}

}  // namespace gapmap
