# gapmap — the two commands a new machine needs are `make run` and `make test`.
#
#   make deps    install missing Debian packages (apt-get; a no-op when present)
#   make build   configure and build (Release) into build/
#   make run     the main job: tag corpus/ with rules/, write out/
#   make test    unit and end-to-end tests through ctest
#   make bench   performance benchmarks (see docs/PERFORMANCE.md)
#   make test-sanitize  the whole test suite under ASan + UBSan, in build-asan/
#   make fuzz    libFuzzer targets, FUZZ_SECONDS each (default 60), in build-fuzz/
#   make clean   remove build trees and out/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
GAPMAP := $(BUILD_DIR)/cli/gapmap
CCACHE := $(shell command -v ccache 2>/dev/null)

# Build and test dependencies, all Debian packages. nlohmann-json3-dev reads
# tagged JSONL and gold files; parallel and chromium are used by end-to-end tests.
EXTRA_PACKAGES ?=
DEB_PACKAGES := cmake ninja-build g++ pkg-config python3 \
  libboost-program-options-dev libre2-dev libfmt-dev libyaml-cpp-dev doctest-dev \
  nlohmann-json3-dev parallel chromium

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test bench clean test-sanitize fuzz
FUZZ_SECONDS ?= 60

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  $(if $(CCACHE),-DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE))

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The main job: every unit of corpus/ tagged with rules/, the gap matrix in
# each of its forms, then a summary (agency x 4P for recommendations, the
# intervention types nobody or few recommend or see as gaps).
run: deps build
	@mkdir -p out
	$(GAPMAP) tag corpus/ -q -o out/tagged.jsonl
	$(GAPMAP) matrix corpus/ -q -o out/matrix.csv
	$(GAPMAP) matrix corpus/ -q --layout wide --dimension fourp -o out/matrix-wide-fourp.csv
	$(GAPMAP) matrix corpus/ -q --layout wide --dimension rectype -o out/matrix-wide-rectype.csv
	$(GAPMAP) matrix corpus/ -q --format json -o out/matrix.json
	$(GAPMAP) report corpus/ -q -o out/report.html
	@echo "wrote out/tagged.jsonl out/matrix.csv out/matrix-wide-fourp.csv out/matrix-wide-rectype.csv out/matrix.json out/report.html"
	@echo
	@$(GAPMAP) gaps out/matrix.json --dimension fourp --stance recommendation
	@echo
	@$(GAPMAP) gaps out/matrix.json --dimension rectype --stance recommendation,gap --no-table --top 4

test: deps build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# The whole suite under ASan + UBSan (-fno-sanitize-recover=all: any report
# fails the test). -O1 keeps it fast, -g1 gives file:line in reports, and
# asserts stay on (no NDEBUG).
SANITIZE_FLAGS := -O1 -g1
test-sanitize: deps
	@if [ ! -f build-asan/build.ninja ]; then \
	  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	    -DCMAKE_CXX_FLAGS_DEBUG="$(SANITIZE_FLAGS)" -DGAPMAP_SANITIZE=ON \
	    $(if $(CCACHE),-DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)); \
	fi
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS)

# libFuzzer needs clang and its runtime (only a Recommends of clang in Debian).
fuzz:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="clang libclang-rt-dev"
	FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) tests/fuzz/run.sh

# Speed and memory against issue 5's targets, competitors side by side
# (docs/PERFORMANCE.md). Needs the Release build in $(BUILD_DIR); valgrind for
# instructions per byte, PyYAML for the Python competitor. BENCH_RUNS (default
# 5), BENCH_DIR (keep the generated inputs), BENCH_STRICT=1 (exit 1 on a miss).
bench:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="valgrind python3-yaml"
	@$(MAKE) --no-print-directory build
	python3 bench/bench.py --gapmap $(GAPMAP)

clean:
	rm -rf build build-* out
