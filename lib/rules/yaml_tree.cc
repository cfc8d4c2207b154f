#include "lib/rules/yaml_tree.h"

#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace gapmap {

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k->IsScalar() && k->scalar == key) return v;
  }
  return nullptr;
}

std::string_view YamlNode::TypeName() const {
  switch (type) {
    case Type::kNull: return "nothing";
    case Type::kScalar: return "a string";
    case Type::kSequence: return "a list";
    case Type::kMap: return "a mapping";
  }
  return "?";
}

namespace {

// Thrown inside the event handler to stop the parser at a limit; caught below.
struct LimitExceeded {
  Diagnostic diagnostic;
};

}  // namespace

class YamlTreeBuilder : public YAML::EventHandler {
 public:
  YamlTreeBuilder(YamlDocument* doc, const YamlLimits& limits, std::vector<Diagnostic>* errors)
      : doc_(doc), limits_(limits), errors_(errors) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(NewNode(YamlNode::Type::kNull, mark), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw LimitExceeded{Error(mark, "alias refers to an unknown anchor")};
    }
    const YamlNode* target = it->second;
    total_ += target->expanded_size;
    if (total_ > limits_.max_nodes) {
      throw LimitExceeded{Error(
          mark, fmt::format("aliases expand to more than {} nodes (an alias bomb?); "
                            "write the lists out instead",
                            limits_.max_nodes))};
    }
    Attach(target);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode* node = NewNode(YamlNode::Type::kScalar, mark);
    node->scalar = value;
    node->quoted = tag == "!";  // yaml-cpp tags non-plain scalars "!"
    Add(node, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(NewNode(YamlNode::Type::kSequence, mark), anchor, mark);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(NewNode(YamlNode::Type::kMap, mark), anchor, mark);
  }
  void OnMapEnd() override {
    const YamlNode* map = stack_.back();
    // yaml-cpp accepts duplicate keys silently; a rule file must not.
    std::map<std::string, const YamlNode*> seen;
    for (const auto& [key, value] : map->entries) {
      if (!key->IsScalar()) continue;
      auto [it, inserted] = seen.emplace(key->scalar, key);
      if (!inserted) {
        errors_->push_back(Diagnostic{
            SourceLocation{doc_->file_, key->line, key->column},
            fmt::format("duplicate key '{}' (first defined at line {})", key->scalar,
                        it->second->line)});
      }
    }
    Close();
  }

 private:
  YamlNode* NewNode(YamlNode::Type type, const YAML::Mark& mark) {
    if (++total_ > limits_.max_nodes) {
      throw LimitExceeded{Error(mark, fmt::format("more than {} YAML nodes", limits_.max_nodes))};
    }
    YamlNode& node = doc_->nodes_.emplace_back();
    node.type = type;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    return &node;
  }

  Diagnostic Error(const YAML::Mark& mark, std::string message) {
    return Diagnostic{SourceLocation{doc_->file_, mark.line + 1, mark.column + 1},
                      std::move(message)};
  }

  void Add(YamlNode* node, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = node;
    Attach(node);
  }

  void Open(YamlNode* node, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw LimitExceeded{
          Error(mark, fmt::format("nesting deeper than {} levels", limits_.max_depth))};
    }
    Add(node, anchor);
    stack_.push_back(node);
    pending_key_.push_back(nullptr);
  }

  void Close() {
    YamlNode* done = stack_.back();
    stack_.pop_back();
    pending_key_.pop_back();
    if (!stack_.empty()) stack_.back()->expanded_size += done->expanded_size - 1;
  }

  // Puts `node` where the parser is: root, list item, map key or map value.
  void Attach(const YamlNode* node) {
    if (stack_.empty()) {
      if (doc_->root_ == nullptr) doc_->root_ = node;
      return;
    }
    YamlNode* parent = stack_.back();
    parent->expanded_size += node->expanded_size;
    if (parent->IsSequence()) {
      parent->items.push_back(node);
    } else if (pending_key_.back() == nullptr) {
      pending_key_.back() = node;
    } else {
      parent->entries.emplace_back(pending_key_.back(), node);
      pending_key_.back() = nullptr;
    }
  }

  YamlDocument* doc_;
  const YamlLimits& limits_;
  std::vector<Diagnostic>* errors_;
  std::vector<YamlNode*> stack_;
  std::vector<const YamlNode*> pending_key_;
  std::unordered_map<YAML::anchor_t, const YamlNode*> anchors_;
  size_t total_ = 0;
};

YamlDocument ParseYaml(std::string_view text, const std::string& file_name,
                       const YamlLimits& limits, std::vector<Diagnostic>* errors) {
  YamlDocument doc;
  doc.file_ = file_name;
  if (text.size() > limits.max_bytes) {
    errors->push_back(Diagnostic{SourceLocation{file_name, 0, 0},
                                 fmt::format("file is {} bytes; rule files are limited to {} bytes",
                                             text.size(), limits.max_bytes)});
    return doc;
  }
  std::istringstream in{std::string(text)};
  YamlTreeBuilder builder(&doc, limits, errors);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const LimitExceeded& e) {
    errors->push_back(e.diagnostic);
    doc.root_ = nullptr;
  } catch (const YAML::Exception& e) {
    errors->push_back(Diagnostic{SourceLocation{file_name, e.mark.line + 1, e.mark.column + 1},
                                 fmt::format("YAML syntax error: {}", e.msg)});
    doc.root_ = nullptr;
  }
  return doc;
}

}  // namespace gapmap
