// The R-D curves BD metrics compare, picked from a CSV table: a run's results.csv (one row per
// cell: dataset, sequence, codec, rate_point, bpp, kbps, metric columns, status) or a plain CSV
// with a rate column and metric columns (e.g. `bpp,psnr`).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "harness/results/bd_metrics.h"
#include "harness/results/csv_reader.h"

namespace tgvc {

// Rate columns tried in this order when none is named.
extern const std::vector<std::string> kBdRateColumns;  // bpp, kbps, bits, rate

// Which rows make the curves.
struct BdCurveQuery {
  std::string metric;                  // the quality column; required
  std::string rate_column;             // "" = the first of kBdRateColumns the table has
  std::string codec;                   // rows of this codec; "" = the only codec (tables with a codec column)
  std::string sequence;                // only this sequence; "" = every sequence
  std::string codec_flag = "--codec";  // the option that sets `codec`, for messages
  std::string dataset = {};            // only this dataset; "" = every dataset (report.html: one each)
};

// One curve per (dataset, sequence); a column the table lacks leaves its field empty.
struct BdCurve {
  std::string dataset;
  std::string sequence;
  std::vector<RdPoint> points;
  // The rate point (results.csv's rate_point, a cell's label) of each point; empty when the
  // source has none. Per-dataset means average the points of one label (harness/results/rd_means.h).
  std::vector<std::string> rate_points = {};
};

struct BdCurveSelection {
  std::string rate_column;           // as resolved
  std::string codec;                 // as resolved; "" when the table has no codec column
  std::vector<BdCurve> curves;       // in order of first appearance
  std::vector<std::string> skipped;  // "file:line: why" for every row left out
};

// Groups the chosen rows into curves. Rows whose status is not "ok" or whose rate or metric is
// empty or n/a are skipped and listed. Throws InputError naming the file for a missing column (with
// the available ones), an unknown or ambiguous codec, an unknown sequence or a field that is not a
// number.
BdCurveSelection select_bd_curves(const CsvTable& table, const BdCurveQuery& query);

// The columns that can be a BD metric: all but identification, parameter and status columns and
// those `is_rate_value` names (the caller's rule for rate values: bits, bpp, kbps, bits_*).
std::vector<std::string> bd_metric_columns(const CsvTable& table,
                                           const std::function<bool(const std::string&)>& is_rate_value);

// "dataset/sequence", or whichever of the two is set, or "(all rows)".
std::string curve_name(const std::string& dataset, const std::string& sequence);

}  // namespace tgvc
