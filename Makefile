# Thin wrapper over CMake presets. `make run` and `make test` set everything up on a fresh
# Debian 12 machine (missing packages, configure, build) before they run.
JOBS ?= $(shell nproc)
PRESET ?= release
BUILD := build/$(PRESET)
BIN := $(BUILD)/tgvc-bench

.PHONY: all deps configure build run test test-asan bench clean

all: build

deps:
	bash scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake --preset $(PRESET)

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BIN) run configs/demo.yaml --jobs $(JOBS)
	@echo "report: runs/demo/report.html (results: runs/demo/results.csv, frames.csv, results.json)"

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 $(MAKE) test PRESET=asan

bench: build
	bash scripts/run-benchmarks.sh $(BUILD)

clean:
	rm -rf build
