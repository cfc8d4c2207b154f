#include "lib/rules/term.h"

#include <algorithm>

#include <fmt/format.h>

#include "lib/segment/normaliser.h"
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

std::string NormalizeLikeText(std::string_view text) {
  std::string out;
  NormaliseLine(text, &out);
  return out;
}

Result<Term> ParseTerm(std::string_view written, bool case_sensitive) {
  Term term;
  term.source = NormalizeLikeText(written);
  term.case_sensitive = case_sensitive;
  const std::string& s = term.source;
  if (s.empty()) return Status::Rule("empty pattern");

  // Regex syntax in a term is almost always a mistake: say so rather than
  // match the characters literally. (Alternatives in parentheses were
  // expanded by ParseTermEntry before this.)
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

Result<std::vector<std::string>> ExpandAlternatives(std::string_view text) {
  std::vector<std::string> out = {""};
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ')') {
      return Status::Rule(fmt::format("'{}' has ')' without '(' before it", text));
    }
    if (c == '|') {
      return Status::Rule(fmt::format(
          "'{}' has '|' outside parentheses: alternatives are written '(a|b|c)'", text));
    }
    if (c != '(') {
      size_t next = text.find_first_of("()|", i);
      if (next == std::string_view::npos) next = text.size();
      for (std::string& s : out) s.append(text.substr(i, next - i));
      i = next;
      continue;
    }
    size_t close = text.find(')', i + 1);
    if (close == std::string_view::npos) {
      return Status::Rule(fmt::format("'{}' has '(' without ')' after it", text));
    }
    std::string_view group = text.substr(i + 1, close - i - 1);
    if (group.find('(') != std::string_view::npos) {
      return Status::Rule(fmt::format("'{}' nests parentheses; alternatives do not nest", text));
    }
    std::vector<std::string_view> choices;
    size_t start = 0;
    while (true) {
      size_t bar = group.find('|', start);
      choices.push_back(group.substr(start, bar == std::string_view::npos ? bar : bar - start));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    if (choices.size() == 1) {
      return Status::Rule(fmt::format(
          "'{}' has '({})' with no '|': write alternatives as '(a|b)', or '(a|)' to make a part "
          "optional",
          text, group));
    }
    if (out.size() * choices.size() > static_cast<size_t>(kMaxAlternatives)) {
      return Status::Rule(fmt::format("'{}' expands to more than {} terms; split it", text,
                                      kMaxAlternatives));
    }
    std::vector<std::string> next;
    for (const std::string& s : out) {
      for (std::string_view choice : choices) next.push_back(s + std::string(choice));
    }
    out = std::move(next);
    i = close + 1;
  }
  return out;
}

Result<std::vector<Term>> ParseTermEntry(std::string_view text, bool case_sensitive) {
  Result<std::vector<std::string>> expanded = ExpandAlternatives(text);
  if (!expanded.ok()) return expanded.status();
  std::vector<Term> terms;
  for (const std::string& one : *expanded) {
    Result<Term> term = ParseTerm(one, case_sensitive);
    if (!term.ok()) {
      if (expanded->size() == 1) return term.status();
      return Status::Rule(fmt::format("'{}' gives '{}': {}", NormalizeLikeText(text),
                                      NormalizeLikeText(one), term.status().message()));
    }
    // The same text twice (e.g. "(a|a)") is one term.
    bool seen = false;
    for (const Term& t : terms) seen |= t.source == term->source;
    if (!seen) terms.push_back(std::move(*term));
  }
  return terms;
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
