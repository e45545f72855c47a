#include "harness/core/error.h"

#include <utility>

namespace tgvc {
namespace {

std::string compose(const std::string& where, const std::string& expected, const std::string& found) {
  std::string message = where + ": expected " + expected;
  if (!found.empty()) message += ", found " + found;
  return message;
}

}  // namespace

InputError::InputError(std::string where, std::string expected, std::string found)
    : Error(compose(where, expected, found)),
      where_(std::move(where)),
      expected_(std::move(expected)),
      found_(std::move(found)) {}

}  // namespace tgvc
