// Parameter tables: each codec and metric declares its keys as data. Config validation,
// `tgvc-bench list --verbose` and docs/config.md are produced from these tables.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tgvc {

enum class ParamType { kInt, kReal, kString, kBool };

// The YAML shape of a key's value. A list or a mapping of scalars (an external codec's argv and
// environment) is held as its canonical text (harness/core/string_lists.h), so that a ParamSet
// stays texts and the cache key hashes it like any other value.
enum class ParamForm { kScalar, kList, kMap };

// A spec with this key admits every key the table does not name, as text: a table that is open
// to the user's own keys (an external codec's {KEY} placeholders).
inline constexpr const char* kAnyOtherKey = "*";

// An inclusive range of a kInt or kReal key.
struct ParamRange {
  double min = 0;
  double max = 0;
};

// One key as the loader, `list --verbose` and docs see it. Tables are written as typed rows
// (harness/core/param_table.h), which fill this in, the default from the bound struct.
struct ParamSpec {
  std::string key;
  ParamType type = ParamType::kInt;
  std::string default_value;         // empty: no default (the key is optional and unset)
  std::optional<ParamRange> range;   // kInt and kReal: the values allowed; none: any
  std::vector<std::string> choices;  // allowed values for kString; empty: any
  std::string help;
  std::string unit;
  ParamForm form = ParamForm::kScalar;  // kList, kMap: type is kString
  bool placeholders = false;            // a kList whose items may hold {NAME} placeholders
  // Read by the decoder only (T-GVC's generator): entries that differ only in such keys share
  // one encoded bitstream (harness/run/bitstream_store.h).
  bool decoder_only = false;
};

// Why `value` is not valid for `spec`, or nothing when it is. Bools accept true/false.
std::optional<std::string> check_param_value(const ParamSpec& spec, const std::string& value);

// Describes the expected form of a key's value, e.g. "an integer in [0, 51]".
std::string describe_expected(const ParamSpec& spec);

const ParamSpec* find_param(const std::vector<ParamSpec>& specs, const std::string& key);

// A validated set of values: every key of the table that has a default or was given.
class ParamSet {
 public:
  ParamSet() = default;
  // Throws InputError (where = `where`.key) for an unknown key or a bad value; the unknown-key
  // message names the closest valid key. A table with a kAnyOtherKey spec takes any other key.
  static ParamSet resolve(const std::vector<ParamSpec>& specs,
                          const std::map<std::string, std::string>& given, const std::string& where);

  bool has(const std::string& key) const { return values_.count(key) != 0; }
  int64_t get_int(const std::string& key) const;
  double get_real(const std::string& key) const;
  bool get_bool(const std::string& key) const;
  const std::string& get_string(const std::string& key) const;
  const std::map<std::string, std::string>& values() const { return values_; }
  void set(const std::string& key, const std::string& value) { values_[key] = value; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace tgvc
