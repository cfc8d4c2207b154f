// InsertionMap: a hash map from small trivially comparable keys to values,
// kept as one vector of (key, value) entries in insertion order plus an
// open-addressing index of entry numbers.
//
// Why not std::unordered_map: the gap matrix looks up ~8 cells per unit,
// and a node map pays a modulo by a prime and a pointer chase per lookup
// (~2 % of `gapmap matrix`); here a lookup is a multiply, a shift and,
// nearly always, one probe into a flat array. Entries are never erased.
//
// `Hash` must spread keys over the high bits of its result (the index takes
// them), e.g. a multiply by an odd 64-bit constant.
#ifndef GAPMAP_AGGREGATE_INSERTION_MAP_H_
#define GAPMAP_AGGREGATE_INSERTION_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gapmap {

template <typename Key, typename Value, typename Hash>
class InsertionMap {
 public:
  using Entry = std::pair<Key, Value>;

  // The value of `key`, default-constructed and appended if it is new.
  // Only the lookup is here, inlined where it is called (nearly every call
  // finds its key; GapMatrix::Add, ~7 lookups per unit, paid a call and its
  // register saves for each); adding one is Insert's.
  [[gnu::always_inline]] Value& operator[](const Key& key) {
    if (!slots_.empty()) {
      for (size_t i = Slot(key);; i = (i + 1) & (slots_.size() - 1)) {
        const uint32_t entry = slots_[i];
        if (entry == kEmpty) break;
        if (entries_[entry].first == key) return entries_[entry].second;
      }
    }
    return Insert(key);
  }

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // Entries in insertion order.
  typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  size_t Slot(const Key& key) const {
    return static_cast<size_t>(static_cast<uint64_t>(Hash()(key)) >> shift_);
  }

  // Appends `key`, which is not in the map, growing the index first when it
  // would be more than 3/4 full.
  Value& Insert(const Key& key) {
    if ((entries_.size() + 1) * 4 > slots_.size() * 3) Grow();
    size_t i = Slot(key);
    while (slots_[i] != kEmpty) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = static_cast<uint32_t>(entries_.size());
    entries_.emplace_back(key, Value{});
    return entries_.back().second;
  }

  // Doubles the index (starting at 64 slots) and reinserts every entry.
  void Grow() {
    const size_t size = slots_.empty() ? 64 : slots_.size() * 2;
    shift_ = 64;
    for (size_t s = size; s > 1; s >>= 1) --shift_;
    slots_.assign(size, kEmpty);
    for (size_t e = 0; e < entries_.size(); ++e) {
      size_t i = Slot(entries_[e].first);
      while (slots_[i] != kEmpty) i = (i + 1) & (size - 1);
      slots_[i] = static_cast<uint32_t>(e);
    }
  }

  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;  // entry number or kEmpty; size a power of two
  int shift_ = 64;               // 64 - log2(slots_.size())
};

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_INSERTION_MAP_H_
