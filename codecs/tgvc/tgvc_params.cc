#include "codecs/tgvc/tgvc_params.h"

namespace tgvc {

const ParamTable<TgvcParams>& tgvc_param_table() {
  using P = TgvcParams;
  using Row = ParamRow<P>;
  static const EnumNames<KeyframePrediction> kPredictionNames = {{KeyframePrediction::kIntra, "intra"},
                                                                 {KeyframePrediction::kInter, "inter"}};
  static const ParamTable<P> table(concat_rows<P>({
      {
          Row("keyframe-codec", &P::keyframes, &KeyframeCodingParams::codec)
              .choices({"x265", "aom", "learned"})
              .help("codec of the keyframes (learned: the paper's way, MS-ILLM; intra only)"),
          Row("keyframe-prediction", &P::keyframes, &KeyframeCodingParams::prediction, kPredictionNames)
              .help("intra: each keyframe a still (the paper's method); inter: one stream, each keyframe "
                    "predicted from the previous"),
          Row("keyframe-quality", &P::keyframes, &KeyframeCodingParams::quality)
              .range(0, 63)
              .help("x265 QP (0..51), aom cq-level (0..63) or learned quality (1..8) of the keyframes"),
          Row("keyframe-scale", &P::keyframes, &KeyframeCodingParams::scale)
              .range(0.0625, 1)
              .help("keyframes coded at this fraction of the video's width and height (area average) and "
                    "enlarged after decoding (linear); 1: as they are"),
          Row("keyframe-model", &P::keyframes, &KeyframeCodingParams::model)
              .help("learned keyframes: the learned codec's model (a manifest model, a family such as "
                    "msillm with keyframe-quality, or an export file)"),
          Row("target-bpp", &P::target_bpp)
              .range(0, 8)
              .help(
                  "above 0: the finest keyframe-quality of the keyframe codec whose whole stream meets this "
                  "rate (the lowest-rate one when none does; learned: over the family's qualities)")
              .unit("bpp"),
          Row("trajectory-scale", &P::trajectory_scale)
              .range(0, 4)
              .help("scales each kept motion instance's representative count (0: send no trajectories)"),
          Row("quant-step", &P::quant_step)
              .choices({"8", "4", "2", "1"})
              .help("trajectory quantisation grid (8: the decoder's latent grid)")
              .unit("px"),
          Row("embedder", &P::embedder)
              .help("image embedder for keyframes and importance: thumbnail (built in) or the path of a "
                    "TorchScript image tower (docs/tgvc.md)"),
          Row("tracker", &P::tracker)
              .help("point tracker: flow (built in) or the path of a TorchScript point tracker "
                    "(docs/tgvc.md)"),
          Row("grid", &P::grid).range(2, 128).help("query lattice per side on a clip's first and last frame"),
          Row("cut-threshold", &P::selection, &KeyframeParams::cut_threshold)
              .range(-1, 1)
              .help("consecutive-frame similarity below which a scene cut is declared"),
          Row("window", &P::selection, &KeyframeParams::window)
              .range(1, 10000)
              .help("frames per keyframe selection window")
              .unit("frames"),
          Row("max-distance", &P::selection, &KeyframeParams::max_distance)
              .range(1, 10000)
              .help("most frames between consecutive keyframes")
              .unit("frames"),
          Row("min-gap", &P::selection, &KeyframeParams::min_gap)
              .range(1, 10000)
              .help("fewest frames between consecutive keyframes, except at a scene cut")
              .unit("frames"),
          Row("min-importance-motion", &P::importance, &ImportanceParams::min_importance_motion)
              .range(0, 1000)
              .help("a motion instance is sent when importance x motion exceeds this"),
          Row("min-motion", &P::importance, &ImportanceParams::min_motion)
              .range(0, 1000)
              .help("... and its motion exceeds this"),
          Row("min-cluster-size", &P::clustering, &HdbscanParams::min_cluster_size)
              .range(2, 100000)
              .help("HDBSCAN min_cluster_size")
              .unit("tracks"),
          Row("min-samples", &P::clustering, &HdbscanParams::min_samples)
              .range(1, 1000)
              .help("HDBSCAN min_samples (the point itself not counted)")
              .unit("tracks"),
          Row("cluster-epsilon", &P::clustering, &HdbscanParams::cluster_selection_epsilon)
              .range(0, 100)
              .help("HDBSCAN cluster_selection_epsilon"),
          Row("seed", &P::seed).range(0, 2147483647).help("k-means initialisation seed"),
          Row("camera-background-gain", &P::camera_background_min_gain_db)
              .range(0, 1000)
              .help("a clip without trajectories is decoded with the camera-aware background when that "
                    "beats the blend by this much PSNR-Y on the source (the encoder measures it; 1 byte per "
                    "clip)")
              .unit("dB"),
          Row("camera-path-gain", &P::camera_path_min_gain_db)
              .range(0, 1000)
              .help(
                  "... with the camera following a sent path instead of a straight line when that beats the "
                  "straight line by this much PSNR-Y as well (the path's knots cost about 8 bytes each)")
              .unit("dB"),
          Row("camera-path-spacing", &P::camera_path_spacing)
              .range(0, 1000)
              .help(
                  "frames per knot of a sent camera path (at least one knot per clip); 0: never send a path")
              .unit("frames"),
          Row("keyframe-motion", &P::keyframe_motion)
              .help("a clip without trajectories may show the regions that moved between its keyframes "
                    "moving on straight lines over the camera-aware background, when that beats the camera "
                    "alone; false: never tried"),
          Row("generator", &P::generator, generator_name_table())
              .help(
                  "decoder: trajectory-guided warp, trajectory-guided latent diffusion (TorchScript models, "
                  "docs/diffusion.md), or blend (no guidance); the bitstream is the same")
              .decoder_only(),
      },
      // The diffusion generator's settings (docs/diffusion.md): decoder options, not coded.
      decoder_only_rows(diffusion_param_table().nested_in(&P::diffusion)),
  }));
  return table;
}

const std::vector<ParamSpec>& tgvc_param_specs() {
  return tgvc_param_table().specs();
}

TgvcParams tgvc_params_from(const ParamSet& set) {
  return tgvc_param_table().parse(set);
}

}  // namespace tgvc
