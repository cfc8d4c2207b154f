// FoldText: the term matcher's one pass over a unit's bytes. It writes the
// case-folded copy of the words (every other byte 0) and one bit per byte
// for "part of a word", and counts the words. (What lies between words is
// read from the text itself where a term needs to know: IsSoftGap().)
//
// Why one pass of 64-byte blocks: a block of plain ASCII (nearly all text)
// is folded and classified 16 bytes at a time, and its 64 bits of each kind
// are stored as whole words, so no bit is shifted into place and the words
// that start in the block are counted from a register. Other bytes (UTF-8
// sequences, ill-formed bytes) take the exact path of word_scan.h.
#ifndef GAPMAP_RULES_FOLD_TEXT_H_
#define GAPMAP_RULES_FOLD_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gapmap {

// Bytes the folded buffer must hold for a text of `n` bytes: the last block
// is written whole, and readers may load 16 bytes from any word's start.
inline size_t FoldedBufferSize(size_t n) { return (n / 64 + 1) * 64 + 16; }
// 64-bit words the bit array must hold (zeroed by the caller): one past
// the text's last block, so that a reader finds the 0 after its last word.
inline size_t BitWords(size_t n) { return n / 64 + 2; }

// Folds `text` into `folded` (FoldedBufferSize() bytes; 0 at every byte of
// no word, from text.size() to the end of its block included) and ORs its
// word bits into the zeroed array `word_bits` (BitWords() words). Returns
// the number of words (runs of word bits).
size_t FoldText(std::string_view text, char* folded, uint64_t* word_bits);

}  // namespace gapmap

#endif  // GAPMAP_RULES_FOLD_TEXT_H_
