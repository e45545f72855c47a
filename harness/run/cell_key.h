// The cache key of a cell: a hash of everything that determines its result. A finished cell
// whose stored key matches is not run again.
#pragma once

#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/core/params.h"
#include "harness/plan/plan.h"

namespace tgvc {

// SHA-256 over: schema version; the dataset and sequence names; the source's identity
// (source_identity); frame range; resize; the codec's name, type and version for the cell's
// parameters (Codec::version_for); every resolved parameter; the content fingerprint
// (harness/core/file_fingerprint.h) of every file the codec reads for them (Codec::input_files:
// TorchScript models, model directories); and per metric its id, version, resolved options and
// the content fingerprint of its model files. Not in it, because they cannot change a result:
// the config's layout (key order, comments), the output directory, the job count.
std::string cell_inputs_hash(const Experiment& experiment, const Cell& cell);

// The key of a cell's bitstream: the encoder's inputs alone. SHA-256 over: a format version; the
// source's identity; frame range; resize; the codec's type and its version_for the encoder
// parameters; those parameters and the fingerprints of the files the codec reads for them. Not
// in it: the dataset, sequence and codec entry names, metrics, and the decoder-only parameters
// (ParamSpec::decoder_only), so entries differing only in decoder choices share one bitstream.
std::string encoder_inputs_hash(const Experiment& experiment, const Cell& cell);

// `params` with every decoder-only key of `specs` back at its default: what the encoder sees.
ParamSet encoder_params(const std::vector<ParamSpec>& specs, const ParamSet& params,
                        const std::string& where);

// The files a file sequence reads: the video file, or every frame of an image sequence.
std::vector<std::string> sequence_files(const SequenceSpec& sequence);

// A synthetic sequence by its generator settings; a file sequence by each of `files` (path, size
// and modification time: source videos are too large to hash on every run) and the raw geometry
// of a headerless file.
std::string source_identity(const SequenceSpec& sequence, const std::vector<std::string>& files);

}  // namespace tgvc
