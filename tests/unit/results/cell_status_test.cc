// A cell's status and failed stage are enums inside and the same words as ever in the files.
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/results/cell_json.h"
#include "harness/results/csv_tables.h"

namespace tgvc {
namespace {

// A failed cell as cells/*.json held it before the enums: status and stage as words.
const char* const kFailedCellJson = R"({"schema_version": 1, "cell_id": "d__s__c__r", "inputs_hash": "h",
  "status": "failed", "stage": "decode", "error": "bad stream", "dataset": "d", "sequence": "s",
  "codec": "c", "codec_type": "raw", "codec_version": "1", "rate_point": "r", "params": {},
  "width": 8, "height": 8, "frames": 1, "fps": 25, "bits": 0, "bpp": 0, "kbps": 0,
  "rate_components": [], "metrics": [], "timing": {"load_s": 0, "encode_s": 0, "decode_s": 0,
  "metrics_s": 0, "total_s": 0}})";

TEST(CellStatus, WordsMapToTheEnumsAndBack) {
  EXPECT_STREQ(to_string(CellOutcome::kOk), "ok");
  EXPECT_STREQ(to_string(CellOutcome::kFailed), "failed");
  const FailedStage stages[] = {FailedStage::kLoad,    FailedStage::kEncode, FailedStage::kDecode,
                                FailedStage::kMetrics, FailedStage::kStill,  FailedStage::kTask};
  const char* const words[] = {"load", "encode", "decode", "metrics", "still", "task"};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_STREQ(to_string(stages[i]), words[i]);
    EXPECT_EQ(parse_failed_stage(words[i], "x.json"), stages[i]);
  }
  EXPECT_STREQ(to_string(FailedStage::kNone), "");
  EXPECT_EQ(parse_failed_stage("", "x.json"), FailedStage::kNone);
  EXPECT_EQ(parse_cell_outcome("ok", "x.json"), CellOutcome::kOk);
  EXPECT_EQ(parse_cell_outcome("failed", "x.json"), CellOutcome::kFailed);
}

TEST(CellStatus, OldFailedCellReadsAndWritesTheSameWords) {
  const CellResult cell = cell_from_json(nlohmann::json::parse(kFailedCellJson), "old.json");
  EXPECT_EQ(cell.status, CellOutcome::kFailed);
  EXPECT_EQ(cell.stage, FailedStage::kDecode);
  EXPECT_FALSE(cell.ok());
  const nlohmann::json back = cell_to_json(cell);
  EXPECT_EQ(back.at("status"), "failed");
  EXPECT_EQ(back.at("stage"), "decode");
  EXPECT_EQ(back.at("error"), "bad stream");
  const std::string csv = results_csv({cell});
  EXPECT_NE(csv.find(",failed,decode,bad stream\n"), std::string::npos) << csv;
}

TEST(CellStatus, UnknownWordsAreInputErrorsNamingFileAndField) {
  nlohmann::json bad_status = nlohmann::json::parse(kFailedCellJson);
  bad_status["status"] = "crashed";
  try {
    cell_from_json(bad_status, "cells/x.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cells/x.json field status"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ok or failed"), std::string::npos) << e.what();
  }
  nlohmann::json bad_stage = nlohmann::json::parse(kFailedCellJson);
  bad_stage["stage"] = "upload";
  try {
    cell_from_json(bad_stage, "cells/x.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cells/x.json field stage"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'upload'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tgvc
