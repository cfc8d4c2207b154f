#include "lib/aggregate/matrix_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "lib/aggregate/matrix_sink.h"
#include "lib/sinks/jsonl_reader.h"
#include "lib/sinks/matrix_reader.h"
#include "lib/source/byte_source.h"
#include "lib/source/digesting_source.h"

namespace gapmap {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Serves `prefix` (bytes already read for sniffing), then the rest of `inner`.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, ByteSource* inner)
      : prefix_(std::move(prefix)), inner_(inner) {}
  Result<size_t> Read(char* buffer, size_t capacity) override {
    if (pos_ < prefix_.size()) {
      size_t n = std::min(capacity, prefix_.size() - pos_);
      std::memcpy(buffer, prefix_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return inner_->Read(buffer, capacity);
  }
  const std::string& name() const override { return inner_->name(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  ByteSource* inner_;
};

// Reads from `source` until `head` holds a non-blank byte, 4 KiB, or the end.
Status ReadHead(ByteSource* source, std::string* head) {
  char buffer[4096];
  while (head->size() < sizeof buffer) {
    Result<size_t> n = source->Read(buffer, sizeof buffer - head->size());
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    head->append(buffer, *n);
    if (head->find_first_not_of(" \t\r\n") != std::string::npos && head->size() >= 256) break;
  }
  return Status::Ok();
}

enum class Sniffed { kMatrix, kJsonl, kText };

Sniffed Sniff(std::string_view head) {
  if (LooksLikeMatrix(head)) return Sniffed::kMatrix;
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && head[start] == '{') return Sniffed::kJsonl;
  return Sniffed::kText;
}

// What BuildMatrix has settled so far.
struct BuildState {
  bool options_adopted = false;
  bool rules_hash_known = false;  // from the rules, or from the first matrix input
  int matrices_added = 0;
};

Status AddMatrixInput(LoadedMatrix loaded, BuiltMatrix* built, BuildState* state,
                      const MatrixBuildOptions& options) {
  if (options.adopt_matrix_options && !state->options_adopted && loaded.from_json) {
    // The first JSON matrix decides; what was added before is carried over.
    GapMatrix fresh(loaded.matrix.options());
    if (state->matrices_added > 0) {
      GAPMAP_RETURN_IF_ERROR(fresh.Mergeable(built->matrix));
      fresh += built->matrix;
    } else {
      fresh += built->matrix;  // only the declared categories so far
    }
    built->matrix = std::move(fresh);
    built->provenance.normalize = loaded.provenance.normalize;
    state->options_adopted = true;
  }
  if (!state->rules_hash_known) {
    built->provenance.rules_hash = loaded.provenance.rules_hash;
    state->rules_hash_known = true;
  }
  GAPMAP_RETURN_IF_ERROR(built->matrix.Mergeable(loaded.matrix));
  built->matrix += loaded.matrix;
  ++state->matrices_added;
  ++(loaded.from_json ? built->json_matrices : built->csv_matrices);
  return MergeProvenance(&built->provenance, loaded.provenance);
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "matrix") return InputFormat::kMatrix;
  return std::nullopt;
}

ClassifiedInputs ClassifyInputs(const std::vector<std::string>& args, InputFormat from,
                                const std::string& stdin_name) {
  ClassifiedInputs out;
  std::vector<std::string> documents;
  for (const std::string& arg : args) {
    std::error_code ec;
    bool directory = arg != "-" && fs::is_directory(arg, ec);
    if (from == InputFormat::kText || directory) {
      documents.push_back(arg);
    } else if (from == InputFormat::kJsonl) {
      out.jsonl.push_back(arg);
    } else if (from == InputFormat::kMatrix) {
      out.matrices.push_back(arg);
    } else if (arg == "-") {
      out.sniff.push_back(arg);
    } else if (EndsWith(arg, ".txt")) {
      documents.push_back(arg);
    } else if (EndsWith(arg, ".jsonl")) {
      out.jsonl.push_back(arg);
    } else if (EndsWith(arg, ".json") || EndsWith(arg, ".csv")) {
      out.matrices.push_back(arg);
    } else {
      Result<std::unique_ptr<FdSource>> source = FdSource::Open(arg);
      std::string head;
      Status s = source.ok() ? ReadHead(source->get(), &head) : source.status();
      if (!s.ok()) {
        out.errors.push_back(s);
        continue;
      }
      switch (Sniff(head)) {
        case Sniffed::kMatrix:
          out.matrices.push_back(arg);
          break;
        case Sniffed::kJsonl:
          out.jsonl.push_back(arg);
          break;
        case Sniffed::kText:
          documents.push_back(arg);
          break;
      }
    }
  }
  if (!documents.empty()) {
    InputList list = ExpandInputs(documents, stdin_name);
    out.documents = std::move(list.inputs);
    for (Status& e : list.errors) out.errors.push_back(std::move(e));
  }
  return out;
}

Result<BuiltMatrix> BuildMatrix(const ClassifiedInputs& inputs, const RuleSet* rules,
                                const MatrixBuildOptions& options, Diagnostics* diagnostics) {
  BuiltMatrix built{GapMatrix(options.matrix), {}};
  built.provenance.tool_version = GAPMAP_VERSION;
  built.provenance.normalize = options.normalize;
  if (rules != nullptr) {
    built.provenance.rules_hash = rules->content_hash;
    built.matrix.DeclareSchema(rules->schema);
    GAPMAP_RETURN_IF_ERROR(built.matrix.status());
  }
  BuildState state;
  // The rules' hash describes the cells only when they tag (documents) or,
  // for JSONL, stand for the rules that did; for matrix files alone they
  // only name the known categories, and the files' own hash is kept.
  bool units_read = !inputs.documents.empty() || !inputs.jsonl.empty() || !inputs.sniff.empty();
  state.rules_hash_known = rules != nullptr && units_read;
  if (!state.rules_hash_known) built.provenance.rules_hash.clear();

  // Matrix files first, so that adopted options apply to everything else.
  for (const std::string& path : inputs.matrices) {
    Result<std::vector<LoadedMatrix>> loaded = ReadMatrixFile(path, options.matrix);
    if (!loaded.ok()) {
      diagnostics->Error(loaded.status());
      continue;
    }
    for (LoadedMatrix& m : *loaded) {
      Status s = AddMatrixInput(std::move(m), &built, &state, options);
      if (!s.ok()) return Status::Input(fmt::format("{}: {}", path, s.message()));
    }
  }

  // One schema for every JSONL input: the matrix caches label indices per
  // schema object, and a fresh schema per file (possibly at the same address)
  // would give the same index to different labels.
  Schema jsonl_schema;
  auto read_jsonl = [&](ByteSource* source, const std::string& name) -> Status {
    DigestingSource digesting(source);
    Schema& schema = jsonl_schema;
    MatrixSink sink(&built.matrix, &schema, options.observer);
    JsonlReader reader(options.digest_inputs ? &digesting : source, &schema);
    TaggedUnit unit;
    while (reader.Next(&unit)) GAPMAP_RETURN_IF_ERROR(sink.Write(unit));
    GAPMAP_RETURN_IF_ERROR(reader.status());
    if (options.digest_inputs) built.provenance.inputs.push_back(digesting.Finish(name));
    return Status::Ok();
  };
  for (const std::string& path : inputs.jsonl) {
    Result<std::unique_ptr<FdSource>> source = FdSource::Open(path);
    Status s = source.ok() ? read_jsonl(source->get(), path) : source.status();
    if (s.code() == StatusCode::kRule) return s;  // a label the matrix cannot hold
    if (!s.ok()) diagnostics->Error(s);
  }
  for (const std::string& path : inputs.sniff) {
    Result<std::unique_ptr<FdSource>> source = FdSource::Open(path);
    std::string head;
    Status s = source.ok() ? ReadHead(source->get(), &head) : source.status();
    if (!s.ok()) {
      diagnostics->Error(s);
      continue;
    }
    PrefixedSource prefixed(head, source->get());
    switch (Sniff(head)) {
      case Sniffed::kMatrix: {
        std::string data = head;
        GAPMAP_RETURN_IF_ERROR(AppendRemaining(source->get(), &data));
        Result<std::vector<LoadedMatrix>> loaded = ParseMatrices(data, "<stdin>", options.matrix);
        if (!loaded.ok()) {
          diagnostics->Error(loaded.status());
          continue;
        }
        for (LoadedMatrix& m : *loaded) {
          s = AddMatrixInput(std::move(m), &built, &state, options);
          if (!s.ok()) return Status::Input(fmt::format("<stdin>: {}", s.message()));
        }
        break;
      }
      case Sniffed::kJsonl:
        s = read_jsonl(&prefixed, path);
        if (s.code() == StatusCode::kRule) return s;
        if (!s.ok()) diagnostics->Error(s);
        break;
      case Sniffed::kText:
        diagnostics->Error(Status::Usage(
            "standard input is neither tagged JSONL nor a matrix; to read a document from "
            "stdin, pass --from text"));
        break;
    }
  }

  if (!inputs.documents.empty()) {
    if (rules == nullptr) return Status::Usage("documents need rules to be tagged");
    MatrixSink sink(&built.matrix, &rules->schema, options.observer);
    RunOptions run = options.run;
    run.digest_inputs = options.digest_inputs;
    RunSummary summary = RunDocuments(*rules, inputs.documents, run, &sink, diagnostics);
    if (!summary.fatal.ok()) return summary.fatal;
    for (InputDigest& d : summary.digests) built.provenance.inputs.push_back(std::move(d));
  }
  SortInputs(&built.provenance.inputs);
  GAPMAP_RETURN_IF_ERROR(built.matrix.status());
  return built;
}

}  // namespace gapmap
