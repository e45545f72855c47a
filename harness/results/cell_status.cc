#include "harness/results/cell_status.h"

#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr FailedStage kStages[] = {FailedStage::kLoad,    FailedStage::kEncode, FailedStage::kDecode,
                                   FailedStage::kMetrics, FailedStage::kStill,  FailedStage::kTask};

}  // namespace

const char* to_string(CellOutcome outcome) {
  return outcome == CellOutcome::kOk ? "ok" : "failed";
}

const char* to_string(FailedStage stage) {
  switch (stage) {
    case FailedStage::kNone:
      return "";
    case FailedStage::kLoad:
      return "load";
    case FailedStage::kEncode:
      return "encode";
    case FailedStage::kDecode:
      return "decode";
    case FailedStage::kMetrics:
      return "metrics";
    case FailedStage::kStill:
      return "still";
    case FailedStage::kTask:
      return "task";
  }
  return "";
}

CellOutcome parse_cell_outcome(const std::string& text, const std::string& where) {
  if (text == to_string(CellOutcome::kOk)) return CellOutcome::kOk;
  if (text == to_string(CellOutcome::kFailed)) return CellOutcome::kFailed;
  throw InputError(where + " field status", "ok or failed", "'" + text + "'");
}

FailedStage parse_failed_stage(const std::string& text, const std::string& where) {
  if (text.empty()) return FailedStage::kNone;
  for (const FailedStage stage : kStages) {
    if (text == to_string(stage)) return stage;
  }
  throw InputError(where + " field stage", "load, encode, decode, metrics or still", "'" + text + "'");
}

}  // namespace tgvc
