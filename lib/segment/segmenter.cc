#include "lib/segment/segmenter.h"

namespace gapmap {

Segmenter::Segmenter(const StructureRules& rules, std::string doc_id, SegmenterOptions options)
    : rules_(rules), doc_id_(std::move(doc_id)), options_(options) {}

void Segmenter::AddLine(const Line& line, std::vector<Unit>* out) {
  if (line.text.find_first_not_of(" \t") == std::string_view::npos) {
    Flush(out);
    return;
  }
  if (!has_pending_) {
    pending_ = Unit{};
    pending_.doc = doc_id_;
    pending_.line_start = line.number;
    pending_.byte_start = line.offset;
    has_pending_ = true;
  } else {
    pending_.text += ' ';
  }
  pending_.text.append(line.text);
  pending_.line_end = line.number;
  pending_.byte_end = line.offset + line.text.size();
}

void Segmenter::Finish(std::vector<Unit>* out) { Flush(out); }

void Segmenter::Flush(std::vector<Unit>* out) {
  if (!has_pending_) return;
  pending_.ordinal = next_ordinal_++;
  out->push_back(std::move(pending_));
  has_pending_ = false;
}

}  // namespace gapmap
