// An external cell's cache key holds its programs' contents: replacing the encoder or the version
// program recomputes the cell.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/run/cell_key.h"
#include "tests/unit/external/external_test_support.h"

namespace tgvc {
namespace {

std::string key_of(const std::string& config) {
  const Experiment e = parse_experiment(config, "exp.yaml");
  return cell_inputs_hash(e, make_plan(e).at(0));
}

TEST(ExternalCacheKey, ChangesWithTheProgramsBytesAndTheVersionOutput) {
  const TempDir dir{"tgvc-ext-test-"};
  const std::string enc = write_program(dir, "enc", "#!/bin/sh\ncp \"$1\" \"$2\" # v1\n");
  const std::string ver = write_program(dir, "ver", "#!/bin/sh\necho 'fake 1.0'\n");
  const std::string config =
      "experiment: t\ndatasets:\n  - synthetic: {name: a, frames: 2}\ncodecs:\n"
      "  - {type: external, params: {encode: [" +
      enc + ", \"{input}\", \"{bitstream}\"], decode: [" + enc +
      ", \"{bitstream}\", \"{output}\"], bitstream: s, version: [" + ver + "]}}\n";
  const std::string first = key_of(config);
  EXPECT_EQ(key_of(config), first);
  // Another encoder of the same size (the fingerprint hashes contents, not size and time).
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  write_program(dir, "enc", "#!/bin/sh\ncp \"$1\" \"$2\" # v2\n");
  const std::string replaced = key_of(config);
  EXPECT_NE(replaced, first);
  // The version program too (its output is read once per process and is in the key as the
  // cell's codec version: ExternalCodec.TheCacheKeyHoldsTheProgramsAndTheVersionOutput).
  write_program(dir, "ver", "#!/bin/sh\necho 'fake 1.1'\n");
  EXPECT_NE(key_of(config), replaced);
}

}  // namespace
}  // namespace tgvc
