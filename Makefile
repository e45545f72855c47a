# Thin wrapper over CMake presets. `make run` and `make test` set everything up on a fresh
# Debian 12 machine (missing packages, configure, build) before they run. `make fuzz` runs the
# libFuzzer targets of the readers and the config loader (clang) for FUZZ_SECONDS each
# (docs/reliability.md).
JOBS ?= $(shell nproc)
PRESET ?= release
BUILD := build/$(PRESET)
BIN := $(BUILD)/tgvc-bench

FUZZ_SECONDS ?= 300

.PHONY: all deps configure build run test test-asan bench fuzz clean

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

# The fuzzers of the .tgvc, Y4M and raw YUV readers and the config loader (clang, the fuzz preset
# in build/fuzz; docs/reliability.md). Exits non-zero on a crash, a hang or an out-of-memory
# input, which stays under build/fuzz/runs/.
fuzz:
	bash scripts/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	bash tests/fuzz/run_fuzzers.sh build/fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build
