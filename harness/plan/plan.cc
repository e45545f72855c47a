#include "harness/plan/plan.h"

#include <set>

#include "harness/core/error.h"

namespace tgvc {

std::vector<Cell> make_plan(const Experiment& experiment) {
  std::vector<Cell> cells;
  std::set<std::string> ids;
  for (size_t s = 0; s < experiment.sequences.size(); ++s) {
    const SequenceSpec& seq = experiment.sequences[s];
    for (size_t c = 0; c < experiment.codecs.size(); ++c) {
      const CodecSpec& codec = experiment.codecs[c];
      for (size_t r = 0; r < codec.rate_points.size(); ++r) {
        Cell cell{s, c, r,
                  file_safe(seq.dataset) + "__" + file_safe(seq.name) + "__" + file_safe(codec.name) + "__" +
                      file_safe(codec.rate_points[r].label)};
        // Sanitising can merge distinct names; a collision would make two cells share a file.
        if (!ids.insert(cell.id).second) {
          throw InputError(seq.pos.str(), "names that stay distinct as file names",
                           "two cells named '" + cell.id + "'");
        }
        cells.push_back(std::move(cell));
      }
    }
  }
  return cells;
}

}  // namespace tgvc
