// Which export file a learned codec's `model` setting names, resolved before LibTorch is loaded.
#pragma once

#include <string>

#include "codecs/learned/learned_params.h"

namespace tgvc {

struct LearnedModelFile {
  std::string path;
  std::string sha256;         // expected digest (manifest, or FILE.sha256 beside it); empty: not checked
  std::string manifest_name;  // empty for a file given by path
};

// A manifest model, a family with `quality` ("<model>-q<quality>") or an existing file (model
// contains '/' or ends in .pt). `quality`, when set, is also checked against the export's own
// once it is loaded (LearnedCodec::encode). InputError (where "learned model") naming the valid choices and,
// for a manifest model whose file is missing, the command that fetches it.
LearnedModelFile resolve_learned_model(const LearnedParams& params);

}  // namespace tgvc
