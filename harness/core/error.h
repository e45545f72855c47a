// Errors raised at the boundaries (config, video files, bitstreams, codecs).
// Inside the harness invariants are asserts; only the CLI prints and exits.
#pragma once

#include <stdexcept>
#include <string>

namespace tgvc {

// A failure that is not the user's input: a codec library refused, a process failed.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Bad user input. `where` names the file (with line:column when known) or the field,
// `expected` says what was wanted and `found` what was there.
class InputError : public Error {
 public:
  InputError(std::string where, std::string expected, std::string found = {});

  const std::string& where() const { return where_; }
  const std::string& expected() const { return expected_; }
  const std::string& found() const { return found_; }

 private:
  std::string where_;
  std::string expected_;
  std::string found_;
};

}  // namespace tgvc
