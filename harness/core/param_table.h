// Typed parameter tables: one row per key binds the key to a member of a settings struct, with
// its range or choices, help and unit. The default is read from a default-constructed struct, so
// it is written once, in the struct; the same rows turn a validated ParamSet into the struct.
//
//   struct BlurParams { int radius = 3; Shape shape = Shape::kBox; std::optional<double> sigma; };
//   const ParamTable<BlurParams>& blur_table() {
//     static const ParamTable<BlurParams> table({
//         ParamRow<BlurParams>("radius", &BlurParams::radius).range(1, 15).help("kernel radius").unit("px"),
//         ParamRow<BlurParams>("shape", &BlurParams::shape, kShapeNames).help("kernel shape"),
//         ParamRow<BlurParams>("sigma", &BlurParams::sigma).range(0, 100).help("unset: radius / 2"),
//     });
//     return table;
//   }
//
// Members may be bool, integers, floating point, std::string (empty: unset), std::optional of
// those (nullopt: unset), or enums with a name table. A numeric member may take its values from
// a list of texts instead of a range (`.choices({"8", "4"})`).
#pragma once

#include <fmt/format.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "harness/core/error.h"
#include "harness/core/params.h"
#include "harness/core/suggest.h"

namespace tgvc {

// The names of an enum's values; their order is the order of the choices in docs.
template <class E>
using EnumNames = std::vector<std::pair<E, std::string>>;

// The name of `value` in `names`; empty when it has none.
template <class E>
std::string enum_name(const EnumNames<E>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return {};
}

namespace param_detail {

template <class T>
struct Optional : std::false_type {
  using Value = T;
};
template <class T>
struct Optional<std::optional<T>> : std::true_type {
  using Value = T;
};

// How one plain (non-enum) member type reads and writes its text.
template <class T>
ParamType type_of() {
  if constexpr (std::is_same_v<T, bool>) {
    return ParamType::kBool;
  } else if constexpr (std::is_integral_v<T>) {
    return ParamType::kInt;
  } else if constexpr (std::is_floating_point_v<T>) {
    return ParamType::kReal;
  } else {
    static_assert(std::is_same_v<T, std::string>, "a parameter member is bool, a number or a string");
    return ParamType::kString;
  }
}

template <class T>
std::string text_of(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return value;
  } else {
    return fmt::format("{}", value);  // shortest text that reads back as the same number
  }
}

// `key`'s value in a set validated against the row (so the text parses).
template <class T>
T value_of(const ParamSet& set, const std::string& key) {
  if constexpr (std::is_same_v<T, bool>) {
    return set.get_bool(key);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(set.get_int(key));
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(set.get_real(key));
  } else {
    return set.get_string(key);
  }
}

}  // namespace param_detail

template <class S>
class ParamRow {
 public:
  // Binds `key` to `S::*member`.
  template <class T, class = std::enable_if_t<!std::is_enum_v<T>>>
  ParamRow(std::string key, T S::*member)
      : ParamRow(std::move(key), std::function<T&(S&)>([member](S& s) -> T& { return s.*member; })) {}

  // Binds `key` to a member of a member (a stage's settings held by the codec's struct).
  template <class M, class T, class = std::enable_if_t<!std::is_enum_v<T>>>
  ParamRow(std::string key, M S::*outer, T M::*inner)
      : ParamRow(std::move(key),
                 std::function<T&(S&)>([outer, inner](S& s) -> T& { return (s.*outer).*inner; })) {}

  // Binds `key` to an enum member; its choices are the names, in their order.
  template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
  ParamRow(std::string key, E S::*member, const EnumNames<E>& names)
      : ParamRow(std::move(key), std::function<E&(S&)>([member](S& s) -> E& { return s.*member; }), names) {}

  template <class M, class E, class = std::enable_if_t<std::is_enum_v<E>>>
  ParamRow(std::string key, M S::*outer, E M::*inner, const EnumNames<E>& names)
      : ParamRow(std::move(key),
                 std::function<E&(S&)>([outer, inner](S& s) -> E& { return (s.*outer).*inner; }), names) {}

  // The inclusive range of a numeric key.
  ParamRow range(double min, double max) && {
    spec_.range = ParamRange{min, max};
    return std::move(*this);
  }
  // The allowed texts of a string or numeric key (a numeric one then reads as a string choice).
  ParamRow choices(std::vector<std::string> allowed) && {
    if (spec_.type != ParamType::kBool) spec_.type = ParamType::kString;
    spec_.choices = std::move(allowed);
    return std::move(*this);
  }
  ParamRow help(std::string text) && {
    spec_.help = std::move(text);
    return std::move(*this);
  }
  ParamRow unit(std::string text) && {
    spec_.unit = std::move(text);
    return std::move(*this);
  }
  // A std::string member that holds a YAML list of strings as its canonical text
  // (harness/core/string_lists.h); `with_placeholders` lets its items hold {NAME} placeholders,
  // which the config loader checks.
  ParamRow list(bool with_placeholders = false) && {
    spec_.form = ParamForm::kList;
    spec_.placeholders = with_placeholders;
    return std::move(*this);
  }
  // A std::string member that holds a YAML mapping of strings as its canonical text.
  ParamRow map() && {
    spec_.form = ParamForm::kMap;
    return std::move(*this);
  }
  // The key is the decoder's choice: the encoder never reads it, so the bitstream is the same for
  // every value (ParamSpec::decoder_only).
  ParamRow decoder_only() && {
    spec_.decoder_only = true;
    return std::move(*this);
  }
  ParamRow as_decoder_only() const {
    ParamRow copy = *this;
    copy.spec_.decoder_only = true;
    return copy;
  }

  // The row under another key (a table offered with a prefix).
  ParamRow renamed(std::string key) const {
    ParamRow copy = *this;
    copy.spec_.key = std::move(key);
    return copy;
  }

  // The same row bound through `outer`, for a struct that holds S.
  template <class Outer>
  ParamRow<Outer> nested_in(S Outer::*outer) const {
    ParamRow<Outer> row(spec_);
    row.assign_ = [outer, assign = assign_](Outer& o, const ParamSet& set, const std::string& key) {
      assign(o.*outer, set, key);
    };
    row.text_ = [outer, text = text_](const Outer& o) { return text(o.*outer); };
    return row;
  }

  // The description without a default; ParamTable fills that in from S{}.
  const ParamSpec& spec() const { return spec_; }
  // Sets the member from `key` of a set validated against this row.
  void assign(S& s, const ParamSet& set, const std::string& key) const { assign_(s, set, key); }
  // The member as the text a config would give; nothing when it is unset.
  std::optional<std::string> text(const S& s) const { return text_(s); }

 private:
  template <class>
  friend class ParamRow;

  explicit ParamRow(ParamSpec spec) : spec_(std::move(spec)) {}

  template <class T>
  ParamRow(std::string key, std::function<T&(S&)> member) {
    using Value = typename param_detail::Optional<T>::Value;
    spec_.key = std::move(key);
    spec_.type = param_detail::type_of<Value>();
    assign_ = [member](S& s, const ParamSet& set, const std::string& k) {
      member(s) = param_detail::value_of<Value>(set, k);
    };
    // Reading through the same accessor: it only forms a reference, it never writes.
    text_ = [member](const S& s) -> std::optional<std::string> {
      const T& value = member(const_cast<S&>(s));
      if constexpr (param_detail::Optional<T>::value) {
        if (!value) return std::nullopt;
        return param_detail::text_of(*value);
      } else if constexpr (std::is_same_v<T, std::string>) {
        if (value.empty()) return std::nullopt;
        return value;
      } else {
        return param_detail::text_of(value);
      }
    };
  }

  template <class E>
  ParamRow(std::string key, std::function<E&(S&)> member, const EnumNames<E>& names) {
    spec_.key = std::move(key);
    spec_.type = ParamType::kString;
    spec_.choices = choice_names(names);
    assign_ = [member, names](S& s, const ParamSet& set, const std::string& k) {
      const std::string& text = set.get_string(k);
      for (const auto& [value, name] : names) {
        if (name == text) {
          member(s) = value;
          return;
        }
      }
      // Only a set that was not validated against the row gets here.
      throw InputError(k, "one of " + join(choice_names(names)), "'" + text + "'");
    };
    text_ = [member, names](const S& s) -> std::optional<std::string> {
      return enum_name(names, member(const_cast<S&>(s)));
    };
  }

  template <class E>
  static std::vector<std::string> choice_names(const EnumNames<E>& names) {
    std::vector<std::string> out;
    for (const auto& entry : names) out.push_back(entry.second);
    return out;
  }

  ParamSpec spec_;
  std::function<void(S&, const ParamSet&, const std::string&)> assign_;
  std::function<std::optional<std::string>(const S&)> text_;
};

template <class S>
class ParamTable {
 public:
  explicit ParamTable(std::vector<ParamRow<S>> rows) : rows_(std::move(rows)) {
    const S defaults{};
    for (const ParamRow<S>& row : rows_) {
      ParamSpec spec = row.spec();
      spec.default_value = row.text(defaults).value_or("");
      specs_.push_back(std::move(spec));
    }
  }

  // The keys for config validation, `list --verbose` and docs, each default from S{}.
  const std::vector<ParamSpec>& specs() const { return specs_; }
  const std::vector<ParamRow<S>>& rows() const { return rows_; }

  // The settings a validated set holds; a key the set lacks keeps S{}'s value (so a ParamSet that
  // was not resolved against the table, e.g. default-constructed, gives the defaults).
  S parse(const ParamSet& set) const {
    S s{};
    for (const ParamRow<S>& row : rows_) {
      if (set.has(row.spec().key)) row.assign(s, set, row.spec().key);
    }
    return s;
  }

  // Validates `given` against the table (InputError at `where`.key, as ParamSet::resolve) and
  // parses it.
  S parse(const std::map<std::string, std::string>& given, const std::string& where) const {
    return parse(ParamSet::resolve(specs_, given, where));
  }

  // Every set member as the text a config would give it: parse(resolve(texts(s))) == s.
  std::map<std::string, std::string> texts(const S& s) const {
    std::map<std::string, std::string> out;
    for (const ParamRow<S>& row : rows_) {
      if (std::optional<std::string> text = row.text(s)) out[row.spec().key] = *text;
    }
    return out;
  }

  // Throws InputError (where = `where` + " " + key) for a member outside its row's range or
  // choices: for settings built in code rather than read from a config.
  void check(const S& s, const std::string& where) const {
    for (size_t i = 0; i < rows_.size(); ++i) {
      const std::optional<std::string> text = rows_[i].text(s);
      if (!text) continue;
      if (auto expected = check_param_value(specs_[i], *text)) {
        throw InputError(where + " " + specs_[i].key, *expected, *text);
      }
    }
  }

  // The same table with `prefix` before every key.
  ParamTable prefixed(const std::string& prefix) const {
    std::vector<ParamRow<S>> rows;
    for (const ParamRow<S>& row : rows_) rows.push_back(row.renamed(prefix + row.spec().key));
    return ParamTable(std::move(rows));
  }

  // This table's rows bound through `outer`, to be listed in the table of a struct holding S.
  template <class Outer>
  std::vector<ParamRow<Outer>> nested_in(S Outer::*outer) const {
    std::vector<ParamRow<Outer>> rows;
    for (const ParamRow<S>& row : rows_) rows.push_back(row.nested_in(outer));
    return rows;
  }

 private:
  std::vector<ParamRow<S>> rows_;
  std::vector<ParamSpec> specs_;
};

// The same rows, each marked decoder-only (a decoder stage's table nested in a codec's).
template <class S>
std::vector<ParamRow<S>> decoder_only_rows(const std::vector<ParamRow<S>>& rows) {
  std::vector<ParamRow<S>> out;
  for (const ParamRow<S>& row : rows) out.push_back(row.as_decoder_only());
  return out;
}

// Rows of several lists in one (a codec's own rows followed by a stage's nested ones).
template <class S>
std::vector<ParamRow<S>> concat_rows(std::vector<std::vector<ParamRow<S>>> parts) {
  std::vector<ParamRow<S>> out;
  for (std::vector<ParamRow<S>>& part : parts) {
    for (ParamRow<S>& row : part) out.push_back(std::move(row));
  }
  return out;
}

}  // namespace tgvc
