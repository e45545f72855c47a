// A cell's status and, when it failed, the stage that failed: enums in the result types, written
// to cells/*.json, results.json and results.csv as the words "ok"/"failed" and the stage names.
#pragma once

#include <string>

namespace tgvc {

enum class CellOutcome { kOk, kFailed };

// The step of a cell that threw; kNone for a cell that succeeded.
// kTask: the cell's scheduler task ended without writing a result (killed, time limit, node).
enum class FailedStage { kNone, kLoad, kEncode, kDecode, kMetrics, kStill, kTask };

// "ok" | "failed".
const char* to_string(CellOutcome outcome);
// "load" | "encode" | "decode" | "metrics" | "still" | "task"; "" for kNone.
const char* to_string(FailedStage stage);

// The words above back to the enums. Throws InputError(where + " field", the words, text) for
// anything else; an empty stage is kNone.
CellOutcome parse_cell_outcome(const std::string& text, const std::string& where);
FailedStage parse_failed_stage(const std::string& text, const std::string& where);

}  // namespace tgvc
