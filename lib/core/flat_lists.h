// FlatLists: a list of ints for each index 0, 1, ..., all in one array (a
// compressed sparse row). Looking an index up reads two offsets and then
// adjacent items, where a vector per index is a pointer to chase and a cache
// line apart from the next: the hot lookups of the regex prefilter and the
// atom scanner (several per atom found in a unit) are of this kind.
#ifndef GAPMAP_CORE_FLAT_LISTS_H_
#define GAPMAP_CORE_FLAT_LISTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gapmap {

class FlatLists {
 public:
  // One index's list; a range for `for`, or `auto [first, last] = ...`.
  struct Items {
    const int* first;
    const int* last;
    const int* begin() const { return first; }
    const int* end() const { return last; }
  };

  // Appends the list of the next index (size() before the call).
  template <typename Iterator>
  void Add(Iterator first, Iterator last) {
    items_.insert(items_.end(), first, last);
    begin_.push_back(static_cast<uint32_t>(items_.size()));
  }
  // The lists of indices 0, 1, ... as given.
  void Assign(const std::vector<std::vector<int>>& lists) {
    begin_.assign(1, 0);
    items_.clear();
    for (const std::vector<int>& list : lists) Add(list.begin(), list.end());
  }

  Items operator[](size_t i) const {
    return {items_.data() + begin_[i], items_.data() + begin_[i + 1]};
  }
  size_t size() const { return begin_.size() - 1; }

 private:
  std::vector<uint32_t> begin_ = {0};  // per index: its first item; and one past the last
  std::vector<int> items_;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_FLAT_LISTS_H_
