#include "codecs/learned/learned_image_coder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "codecs/entropy/entropy_bottleneck.h"
#include "codecs/entropy/latent_symbols.h"
#include "codecs/entropy/rans_coder.h"
#include "harness/core/error.h"

namespace tgvc::learned {
namespace {

std::string shape_text(const Planes& p) {
  return "[1, " + std::to_string(p.channels) + ", " + std::to_string(p.height) + ", " +
         std::to_string(p.width) + "]";
}

entropy::CdfTable table_of(const ExportCdfTable& t, const std::string& where) {
  return entropy::CdfTable(t.cdfs, t.stride, t.cdf_lengths, t.offsets, where);
}

// A stage's output must hold as many values as its shape says and be finite.
void check_planes(const Planes& p, const std::string& what, const ExportInfo& info) {
  if (p.channels <= 0 || p.height <= 0 || p.width <= 0 ||
      p.values.size() != static_cast<size_t>(p.channels) * p.plane_size()) {
    throw InputError(info.path, what + " of a non-empty shape", shape_text(p));
  }
  for (float v : p.values) {
    if (!std::isfinite(v)) throw InputError(info.path, what + " with finite values", "NaN or infinity");
  }
}

void expect_shape(const Planes& p, int channels, int height, int width, const std::string& what,
                  const ExportInfo& info) {
  Planes want;
  want.channels = channels;
  want.height = height;
  want.width = width;
  if (!p.same_shape(want)) throw InputError(info.path, what + " of shape " + shape_text(want), shape_text(p));
}

// Throws "decoder mismatch" naming the first channel of a stage that differs from the encoder's.
void check_stage(const std::vector<uint32_t>& encoder, const std::vector<uint32_t>& decoder,
                 const std::string& what, size_t plane_size, const std::string& where,
                 const std::string& cause) {
  const std::string difference = first_channel_difference(encoder, decoder, what, plane_size);
  if (!difference.empty()) {
    throw Error("decoder mismatch: " + where + ": " + difference + " differ from the encoder's: " + cause);
  }
}

// "; only symbol K of the channel differs, row R where the encoder's is E (the scale S lies at
// the table's entry T)" when one row explains the first differing channel; empty otherwise.
std::string single_row_change(const std::vector<uint32_t>& encoder, const std::vector<uint32_t>& decoder,
                              const std::vector<int32_t>& rows, const std::vector<float>& scales,
                              size_t plane, const std::vector<float>& scale_table) {
  const int c = first_differing_channel(encoder, decoder);
  if (c < 0) return "";
  const size_t start = static_cast<size_t>(c) * plane;
  int32_t encoder_row = 0;
  const long p = find_single_change(rows.data() + start, plane, encoder[c], 0,
                                    static_cast<int32_t>(scale_table.size()) - 1, &encoder_row);
  if (p < 0) return "";
  const size_t k = start + static_cast<size_t>(p);
  char text[200];
  std::snprintf(
      text, sizeof text,
      "; only symbol %zu of the channel differs, row %d where the encoder's is %d (the scale %.9g lies "
      "at the table's entry %.9g)",
      k, rows[k], encoder_row, scales[k], scale_table[std::min(rows[k], encoder_row)]);
  return text;
}

// "; only symbol K of the channel differs, mean M where the encoder's is E" when one float step
// of one mean explains the first differing channel; empty otherwise.
std::string single_mean_change(const std::vector<uint32_t>& encoder, const std::vector<uint32_t>& decoder,
                               const std::vector<float>& means, size_t plane) {
  const int c = first_differing_channel(encoder, decoder);
  if (c < 0) return "";
  const size_t start = static_cast<size_t>(c) * plane;
  float encoder_mean = 0;
  const long p = find_single_change(means.data() + start, plane, encoder[c], &encoder_mean);
  if (p < 0) return "";
  char text[160];
  std::snprintf(text, sizeof text,
                "; only symbol %zu of the channel differs, mean %.9g where the encoder's is %.9g",
                start + static_cast<size_t>(p), means[start + p], encoder_mean);
  return text;
}

}  // namespace

bool LatentShapes::operator==(const LatentShapes& o) const {
  return latent_channels == o.latent_channels && latent_height == o.latent_height &&
         latent_width == o.latent_width && hyper_channels == o.hyper_channels &&
         hyper_height == o.hyper_height && hyper_width == o.hyper_width;
}

LearnedImageCoder::LearnedImageCoder(const LearnedNetwork& network)
    : network_(network),
      hyper_table_(table_of(network.info().hyper_cdfs, network.info().path + " (hyper-latent CDFs)")),
      latent_table_(table_of(network.info().latent_cdfs, network.info().path + " (latent CDFs)")),
      scale_table_(network.info().scale_table, network.info().scale_bound,
                   network.info().path + " (scale_table)") {
  const ExportInfo& info = network.info();
  if (info.hyper_medians.size() != static_cast<size_t>(hyper_table_.rows())) {
    throw InputError(info.path + " (hyper_medians)",
                     "one median per hyper-latent CDF row (" + std::to_string(hyper_table_.rows()) + ")",
                     std::to_string(info.hyper_medians.size()));
  }
  if (info.scale_table.size() != static_cast<size_t>(latent_table_.rows())) {
    throw InputError(info.path + " (scale_table)",
                     "one scale per latent CDF row (" + std::to_string(latent_table_.rows()) + ")",
                     std::to_string(info.scale_table.size()));
  }
  for (float m : info.hyper_medians) {
    if (!std::isfinite(m))
      throw InputError(info.path + " (hyper_medians)", "finite medians", "NaN or infinity");
  }
}

EncodedImage LearnedImageCoder::encode(const Planes& image) const {
  const ExportInfo& info = network_.info();
  const Planes y = network_.analysis(image);
  check_planes(y, "analysis output", info);
  const Planes z = network_.hyper_analysis(y);
  check_planes(z, "hyper_analysis output", info);
  if (z.channels != hyper_table_.rows()) {
    throw InputError(info.path,
                     "hyper_analysis output with " + std::to_string(hyper_table_.rows()) +
                         " channels (the hyper-latent CDF rows)",
                     shape_text(z));
  }
  EncodedImage out;
  out.shapes = {y.channels, y.height, y.width, z.channels, z.height, z.width};

  // The hyper-latent: symbols around each channel's median, CDF row = channel.
  const std::vector<int32_t> z_indexes = entropy::bottleneck_indexes(z.channels, z.plane_size());
  std::vector<int32_t> z_symbols(z.values.size());
  for (size_t k = 0; k < z.values.size(); ++k) {
    z_symbols[k] = entropy::quantize_symbol(z.values[k], info.hyper_medians[z_indexes[k]]);
  }
  out.strings.hyper_latent = entropy::encode_with_indexes(z_symbols, z_indexes, hyper_table_);
  out.trace.hyper_symbols = channel_digests(z_symbols.data(), z.channels, z.plane_size());

  // The scales the decoder will see: from the hyper-latent decoded from its own string.
  const std::vector<int32_t> z_decoded = entropy::decode_with_indexes(
      out.strings.hyper_latent, z_indexes, hyper_table_, info.path + " (own hyper-latent string)");
  Planes z_hat = z;
  for (size_t k = 0; k < z_hat.values.size(); ++k) {
    z_hat.values[k] = entropy::dequantize_symbol(z_decoded[k], info.hyper_medians[z_indexes[k]]);
  }
  Planes means;
  const Planes scales = scales_and_means(z_hat, out.shapes, &means);

  const std::vector<int32_t> y_indexes = scale_table_.build_indexes(scales.values);
  std::vector<int32_t> y_symbols(y.values.size());
  Planes y_hat = y;
  for (size_t k = 0; k < y.values.size(); ++k) {
    y_symbols[k] = entropy::quantize_symbol(y.values[k], means.values[k]);
    y_hat.values[k] = entropy::dequantize_symbol(y_symbols[k], means.values[k]);
  }
  out.strings.latent = entropy::encode_with_indexes(y_symbols, y_indexes, latent_table_);
  out.trace.latent_indexes = channel_digests(y_indexes.data(), y.channels, y.plane_size());
  out.trace.latent_means = channel_digests(means.values.data(), y.channels, y.plane_size());
  out.trace.latent_symbols = channel_digests(y_symbols.data(), y.channels, y.plane_size());

  out.reconstruction = network_.synthesis(y_hat);
  check_planes(out.reconstruction, "synthesis output", info);
  expect_shape(out.reconstruction, 3, image.height, image.width, "synthesis output", info);
  return out;
}

Planes LearnedImageCoder::scales_and_means(const Planes& hyper_hat, const LatentShapes& shapes,
                                           Planes* means) const {
  const ExportInfo& info = network_.info();
  Planes scales;
  network_.hyper_synthesis(hyper_hat, &scales, means);
  check_planes(scales, "hyper_synthesis scales", info);
  check_planes(*means, "hyper_synthesis means", info);
  expect_shape(scales, shapes.latent_channels, shapes.latent_height, shapes.latent_width,
               "hyper_synthesis scales", info);
  expect_shape(*means, shapes.latent_channels, shapes.latent_height, shapes.latent_width,
               "hyper_synthesis means", info);
  return scales;
}

Planes LearnedImageCoder::decode(const ImageStrings& strings, const LatentShapes& shapes,
                                 const std::string& where, const LatentTrace* expected) const {
  const ExportInfo& info = network_.info();
  if (shapes.hyper_channels != hyper_table_.rows()) {
    throw InputError(where, std::to_string(hyper_table_.rows()) + " hyper-latent channels (the export's)",
                     std::to_string(shapes.hyper_channels));
  }
  Planes z_hat;
  z_hat.channels = shapes.hyper_channels;
  z_hat.height = shapes.hyper_height;
  z_hat.width = shapes.hyper_width;
  const std::vector<int32_t> z_indexes = entropy::bottleneck_indexes(z_hat.channels, z_hat.plane_size());
  const std::vector<int32_t> z_symbols =
      entropy::decode_with_indexes(strings.hyper_latent, z_indexes, hyper_table_, where + " (hyper-latent)");
  if (expected) {
    check_stage(expected->hyper_symbols,
                channel_digests(z_symbols.data(), z_hat.channels, z_hat.plane_size()),
                "the hyper-latent z's symbols", z_hat.plane_size(), where,
                "its string decodes to other symbols (a damaged stream)");
  }
  z_hat.values.resize(z_symbols.size());
  for (size_t k = 0; k < z_symbols.size(); ++k) {
    z_hat.values[k] = entropy::dequantize_symbol(z_symbols[k], info.hyper_medians[z_indexes[k]]);
  }
  Planes means;
  const Planes scales = scales_and_means(z_hat, shapes, &means);
  const std::vector<int32_t> y_indexes = scale_table_.build_indexes(scales.values);
  const size_t y_plane = static_cast<size_t>(shapes.latent_height) * shapes.latent_width;
  if (expected) {
    const std::string cause =
        "the hyper-synthesis or the scale table computes otherwise on this device or build";
    const auto rows = channel_digests(y_indexes.data(), shapes.latent_channels, y_plane);
    check_stage(expected->latent_indexes, rows, "the latent y's scale-table rows", y_plane, where,
                cause + single_row_change(expected->latent_indexes, rows, y_indexes, scales.values, y_plane,
                                          info.scale_table));
    const auto mean_digests = channel_digests(means.values.data(), shapes.latent_channels, y_plane);
    check_stage(expected->latent_means, mean_digests, "the latent y's means", y_plane, where,
                cause + single_mean_change(expected->latent_means, mean_digests, means.values, y_plane));
  }
  const std::vector<int32_t> y_symbols =
      entropy::decode_with_indexes(strings.latent, y_indexes, latent_table_, where + " (latent)");
  if (expected) {
    check_stage(expected->latent_symbols, channel_digests(y_symbols.data(), shapes.latent_channels, y_plane),
                "the latent y's symbols", y_plane, where,
                "its string decodes to other symbols (a damaged stream)");
  }
  Planes y_hat = means;
  for (size_t k = 0; k < y_symbols.size(); ++k) {
    y_hat.values[k] = entropy::dequantize_symbol(y_symbols[k], means.values[k]);
  }
  Planes x_hat = network_.synthesis(y_hat);
  check_planes(x_hat, "synthesis output", info);
  if (x_hat.channels != 3) throw InputError(info.path, "synthesis output with 3 channels", shape_text(x_hat));
  return x_hat;
}

}  // namespace tgvc::learned
