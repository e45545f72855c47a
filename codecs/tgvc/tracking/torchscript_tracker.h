// T-GVC's TorchScript point tracker (the paper: CoTracker3 offline), loaded from a file. The model
// runs in libtgvc_torch.so, loaded on first use, so this class and its users do not link
// LibTorch. Call contract: docs/tgvc.md, "TorchScript models".
//
// Like FlowTracker, each query is followed from its query frame to the clip's last frame and,
// separately, back to frame 0: the model always sees queries on its first frame (t = 0), on the
// clip from the query frame on, or on the reversed clip from the query frame back (the paper's
// backward grid). So the grid on a clip's last frame is tracked on the reversed clip, as in the
// paper's code, and a traced export (made with t = 0) meets the queries it was traced with. At its
// query frame a track is the query itself, visible. A position outside the frame ([0, width) x
// [0, height)) is invisible whatever the model says; a query outside the frame is kept where it is
// and is invisible in every frame (the model does not see it). Each query's frame must be in
// [0, frame_count) and its coordinates finite (InputError otherwise). Deterministic when the model
// is; track() keeps no state and may run concurrently.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "harness/tracking/tracks.h"

namespace tgvc {

class TorchTrackerModel;

class TorchScriptTracker final : public Tracker {
 public:
  // Loads the TorchScript tracker in `path` on `device` ("cpu" or "cuda"); `where` names the
  // setting in messages. InputError: no such file (the message names it and how to fetch the
  // paper's model), a digest that differs from PATH.sha256, not TorchScript, bad attributes, a bad
  // device. tgvc::Error: the LibTorch library cannot be loaded.
  explicit TorchScriptTracker(const std::string& path, const std::string& device = "cpu",
                              const std::string& where = "tgvc tracker");
  ~TorchScriptTracker() override;

  std::string id() const override { return "torchscript"; }
  // "1 (model <first 12 hex digits of the file's SHA-256>)".
  std::string version() const override;
  // InputError naming the file for a clip the model cannot take (longer than its frames
  // attribute) or an output that breaks the contract.
  Tracks track(const Video& clip, const std::vector<TrackQuery>& queries) const override;

  const std::string& model_sha256() const;
  // The shapes the model declares: "frames 30, points 4096, 512x320", or "any shape".
  std::string model_shapes() const;

 private:
  // Follows `members` (queries on `frame`) in `direction` (+1 forward, -1 backward) into `tracks`.
  void follow(const Video& clip, int frame, int direction, const std::vector<TrackQuery>& queries,
              const std::vector<size_t>& members, Tracks& tracks) const;

  std::shared_ptr<const TorchTrackerModel> model_;
  std::string where_;
};

}  // namespace tgvc
