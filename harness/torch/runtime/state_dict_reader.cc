#include "harness/torch/runtime/state_dict_reader.h"

#include <cstring>
#include <map>
#include <memory>
#include <sstream>

#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/istream_adapter.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/torch_pickle.h"
#include "harness/torch/runtime/torch_runtime.h"

namespace tgvc {
namespace {

using pickle::Document;
using pickle::Kind;
using pickle::Value;

constexpr const char* kExpected = "a PyTorch state_dict (torch.save of a dict of tensors)";

struct StorageRef {
  std::string key;
  at::ScalarType dtype = at::kFloat;
  int64_t numel = 0;
  at::Tensor data;  // [numel], filled once the container's storage bytes are read
};

struct TensorRef {
  size_t storage = 0;
  int64_t offset = 0;
  std::vector<int64_t> sizes;
  std::vector<int64_t> strides;
};

bool storage_dtype(const std::string& global, at::ScalarType* out) {
  static const std::map<std::string, at::ScalarType> kTypes = {
      {"torch.FloatStorage", at::kFloat}, {"torch.DoubleStorage", at::kDouble},
      {"torch.HalfStorage", at::kHalf},   {"torch.BFloat16Storage", at::kBFloat16},
      {"torch.LongStorage", at::kLong},   {"torch.IntStorage", at::kInt},
      {"torch.ShortStorage", at::kShort}, {"torch.CharStorage", at::kChar},
      {"torch.ByteStorage", at::kByte},   {"torch.BoolStorage", at::kBool},
  };
  const auto it = kTypes.find(global);
  if (it == kTypes.end()) return false;
  *out = it->second;
  return true;
}

// Turns the value tree of a state_dict pickle into tensor and storage references.
class Interpreter {
 public:
  Interpreter(const Document& doc, std::string where) : doc_(doc), where_(std::move(where)) {}

  std::vector<std::pair<std::string, TensorRef>> entries() {
    if (doc_.root.kind != Kind::kDict) fail("a dict at the top", pickle::to_string(doc_.root.kind));
    const std::vector<Value>& kv = doc_.items(doc_.root);
    std::vector<std::pair<std::string, TensorRef>> out;
    for (size_t i = 0; i + 1 < kv.size(); i += 2) {
      if (kv[i].kind != Kind::kString) fail("string keys", pickle::to_string(kv[i].kind));
      const std::string& key = doc_.text(kv[i]);
      out.emplace_back(key, tensor(kv[i + 1], key, 0));
    }
    return out;
  }

  std::vector<StorageRef>& storages() { return storages_; }

 private:
  [[noreturn]] void fail(const std::string& expected, const std::string& found) const {
    throw InputError(where_, std::string(kExpected) + ": " + expected, found);
  }

  int64_t integer(const Value& v, const std::string& what) const {
    if (v.kind != Kind::kInt) fail(what + " as an integer", pickle::to_string(v.kind));
    return v.integer;
  }

  std::vector<int64_t> int_tuple(const Value& v, const std::string& what) const {
    if (v.kind != Kind::kTuple) fail(what + " as a tuple", pickle::to_string(v.kind));
    std::vector<int64_t> out;
    for (const Value& x : doc_.items(v)) {
      const int64_t i = integer(x, what);
      if (i < 0) fail(what + " >= 0", std::to_string(i));
      out.push_back(i);
    }
    return out;
  }

  size_t storage(const Value& v, const std::string& key) {
    if (v.kind != Kind::kPersistent) fail("a storage for '" + key + "'", pickle::to_string(v.kind));
    const Value& pid = doc_.items(v)[0];
    if (pid.kind != Kind::kTuple) fail("a storage id tuple", pickle::to_string(pid.kind));
    const std::vector<Value>& p = doc_.items(pid);
    if (p.size() < 5 || p[0].kind != Kind::kString || doc_.text(p[0]) != "storage" ||
        p[1].kind != Kind::kGlobal || p[2].kind != Kind::kString) {
      fail("('storage', type, key, location, size)", "another persistent id");
    }
    if (p.size() > 5 && p[5].kind != Kind::kNone) fail("a whole storage", "a storage view (pre-1.0 file)");
    StorageRef ref;
    if (!storage_dtype(doc_.text(p[1]), &ref.dtype)) fail("a typed storage", doc_.text(p[1]));
    ref.key = doc_.text(p[2]);
    ref.numel = integer(p[4], "a storage size");
    if (ref.numel < 0 || ref.numel > (int64_t{1} << 40))
      fail("a storage size in [0, 2^40]", std::to_string(ref.numel));
    const auto it = index_.find(ref.key);
    if (it != index_.end()) {
      const StorageRef& seen = storages_[it->second];
      if (seen.dtype != ref.dtype || seen.numel != ref.numel) fail("one type and size per storage", ref.key);
      return it->second;
    }
    index_[ref.key] = storages_.size();
    storages_.push_back(ref);
    return storages_.size() - 1;
  }

  TensorRef tensor(const Value& v, const std::string& key, int depth) {
    if (v.kind != Kind::kCall || depth > 4) fail("a tensor for '" + key + "'", pickle::to_string(v.kind));
    const std::vector<Value>& call = doc_.items(v);
    const std::string& fn = doc_.text(call[0]);
    const std::vector<Value>& args = doc_.items(call[1]);
    if (fn == "torch._utils._rebuild_parameter" || fn == "torch._utils._rebuild_parameter_with_state") {
      if (args.empty()) fail("a parameter's tensor", "no arguments");
      return tensor(args[0], key, depth + 1);
    }
    if (fn != "torch._utils._rebuild_tensor_v2" && fn != "torch._utils._rebuild_tensor") {
      fail("a tensor for '" + key + "'", "a call of " + fn);
    }
    if (args.size() < 4) fail("storage, offset, size, stride", fmt::format("{} arguments", args.size()));
    TensorRef t;
    t.storage = storage(args[0], key);
    t.offset = integer(args[1], "a storage offset");
    t.sizes = int_tuple(args[2], "a size");
    t.strides = int_tuple(args[3], "a stride");
    if (t.offset < 0 || t.sizes.size() != t.strides.size()) fail("a valid view of the storage", key);
    return t;
  }

  const Document& doc_;
  std::string where_;
  std::vector<StorageRef> storages_;
  std::map<std::string, size_t> index_;
};

// The view `t` of its storage, bounds-checked.
at::Tensor view_of(const TensorRef& t, const StorageRef& s, const std::string& key,
                   const std::string& where) {
  if (!s.data.defined()) throw InputError(where, "the data of storage " + s.key, "none");
  for (int64_t size : t.sizes) {
    if (size == 0) return at::empty(t.sizes, s.data.options());
  }
  // Each element of a module's tensor has its own place in the storage, so a view never holds
  // more elements than its storage: this bounds the copy below by the file's size.
  int64_t elements = 1;
  for (int64_t size : t.sizes) {
    if (__builtin_mul_overflow(elements, size, &elements) || elements > s.numel) {
      throw InputError(where,
                       fmt::format("tensor '{}' no larger than its storage of {} elements", key, s.numel),
                       "shape " + shape_text(t.sizes));
    }
  }
  int64_t last = t.offset;
  for (size_t i = 0; i < t.sizes.size(); ++i) {
    int64_t span = 0;
    if (__builtin_mul_overflow(t.sizes[i] - 1, t.strides[i], &span) ||
        __builtin_add_overflow(last, span, &last)) {
      last = INT64_MAX;
      break;
    }
  }
  if (last >= s.numel) {
    throw InputError(where, fmt::format("tensor '{}' within its storage of {} elements", key, s.numel),
                     fmt::format("an element at {}", last));
  }
  return s.data.as_strided(t.sizes, t.strides, t.offset).contiguous();
}

StateDict build(Interpreter& in, const std::vector<std::pair<std::string, TensorRef>>& entries,
                const std::string& where) {
  StateDict out;
  out.reserve(entries.size());
  for (const auto& [key, ref] : entries)
    out.emplace_back(key, view_of(ref, in.storages()[ref.storage], key, where));
  return out;
}

int64_t element_size(at::ScalarType t) {
  return static_cast<int64_t>(c10::elementSize(t));
}

// The legacy container: magic, protocol version, sys_info, the state_dict, the storage keys, then
// per storage an int64 element count and the raw little-endian elements.
StateDict read_legacy(pickle::ByteSource& src) {
  const std::string& where = src.where();
  const Document magic = pickle::read_pickle(src);
  static const std::string kMagic("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10);
  if (magic.root.kind != Kind::kBigInt || magic.text(magic.root) != kMagic) {
    throw InputError(where, "a PyTorch file (zip, or the legacy magic number)", "another pickle");
  }
  const Document version = pickle::read_pickle(src);
  if (version.root.kind != Kind::kInt || version.root.integer != 1001) {
    throw InputError(where, "legacy protocol version 1001", "another version");
  }
  const Document sys_info = pickle::read_pickle(src);
  if (sys_info.root.kind == Kind::kDict) {
    const auto& kv = sys_info.items(sys_info.root);
    for (size_t i = 0; i + 1 < kv.size(); i += 2) {
      if (kv[i].kind == Kind::kString && sys_info.text(kv[i]) == "little_endian" &&
          (kv[i + 1].kind != Kind::kBool || kv[i + 1].integer != 1)) {
        throw InputError(where, "little-endian data", "a file written on a big-endian machine");
      }
    }
  }
  const Document main = pickle::read_pickle(src);
  Interpreter in(main, where);
  const auto entries = in.entries();
  const Document keys = pickle::read_pickle(src);
  if (keys.root.kind != Kind::kList) throw InputError(where, "the list of storage keys", "another value");
  for (const Value& k : keys.items(keys.root)) {
    if (k.kind != Kind::kString) throw InputError(where, "string storage keys", pickle::to_string(k.kind));
    StorageRef* s = nullptr;
    for (StorageRef& c : in.storages()) {
      if (c.key == keys.text(k)) s = &c;
    }
    if (!s) throw InputError(where, "storage keys that the state_dict uses", keys.text(k));
    uint8_t count_bytes[8];
    src.read(count_bytes, 8);
    int64_t count = 0;
    for (int i = 7; i >= 0; --i)
      count = static_cast<int64_t>((static_cast<uint64_t>(count) << 8) | count_bytes[i]);
    const int64_t bytes_each = element_size(s->dtype);
    if (count != s->numel || count < 0 || static_cast<uint64_t>(count) > src.remaining() / bytes_each) {
      throw InputError(where, fmt::format("storage {} of {} elements within the file", s->key, s->numel),
                       fmt::format("{} elements", count));
    }
    s->data = at::empty({count}, at::TensorOptions().dtype(s->dtype));
    if (count > 0) src.read(s->data.data_ptr(), static_cast<size_t>(count * bytes_each));
  }
  return build(in, entries, where);
}

StateDict read_zip(caffe2::serialize::PyTorchStreamReader& reader, const std::string& where) {
  if (reader.hasRecord("byteorder")) {
    const auto [data, size] = reader.getRecord("byteorder");
    const std::string order(static_cast<const char*>(data.get()), size);
    if (order != "little") throw InputError(where, "little-endian data", order);
  }
  if (!reader.hasRecord("data.pkl")) throw InputError(where, kExpected, "a zip archive without data.pkl");
  const auto [pkl, pkl_size] = reader.getRecord("data.pkl");
  pickle::MemorySource src(pkl.get(), pkl_size, where + ":data.pkl");
  const Document main = pickle::read_pickle(src);
  Interpreter in(main, where);
  const auto entries = in.entries();
  for (StorageRef& s : in.storages()) {
    const std::string name = "data/" + s.key;
    if (!reader.hasRecord(name)) throw InputError(where, "record " + name, "none");
    const auto [data, size] = reader.getRecord(name);
    const int64_t bytes = s.numel * element_size(s.dtype);
    if (static_cast<int64_t>(size) != bytes) {
      throw InputError(where, fmt::format("record {} of {} bytes", name, bytes),
                       fmt::format("{} bytes", size));
    }
    s.data = at::empty({s.numel}, at::TensorOptions().dtype(s.dtype));
    if (bytes > 0) std::memcpy(s.data.data_ptr(), data.get(), static_cast<size_t>(bytes));
  }
  return build(in, entries, where);
}

bool is_zip(const uint8_t* head, size_t n) {
  return n >= 4 && std::memcmp(head, "PK\x03\x04", 4) == 0;
}

template <typename Fn>
StateDict with_zip_errors(const std::string& where, Fn fn) {
  try {
    return fn();
  } catch (const c10::Error& e) {
    throw InputError(where, "a readable PyTorch zip archive", e.what_without_backtrace());
  }
}

}  // namespace

StateDict read_state_dict(const std::string& path) {
  pickle::FileSource src(path);
  uint8_t head[4] = {};
  const size_t n = src.remaining() < 4 ? static_cast<size_t>(src.remaining()) : 4;
  src.read(head, n);
  if (is_zip(head, n)) {
    return with_zip_errors(path, [&] {
      caffe2::serialize::PyTorchStreamReader reader(path);
      return read_zip(reader, path);
    });
  }
  pickle::FileSource legacy(path);
  return read_legacy(legacy);
}

StateDict read_state_dict(const void* data, size_t size, const std::string& where) {
  if (is_zip(static_cast<const uint8_t*>(data), size)) {
    return with_zip_errors(where, [&] {
      auto stream = std::make_shared<std::istringstream>(std::string(static_cast<const char*>(data), size));
      caffe2::serialize::PyTorchStreamReader reader(
          std::make_shared<caffe2::serialize::IStreamAdapter>(stream.get()));
      return read_zip(reader, where);
    });
  }
  pickle::MemorySource src(data, size, where);
  return read_legacy(src);
}

const at::Tensor* find_tensor(const StateDict& dict, const std::string& key) {
  for (const auto& [k, t] : dict) {
    if (k == key) return &t;
  }
  return nullptr;
}

at::Tensor require_tensor(const StateDict& dict, const std::string& key, at::IntArrayRef sizes,
                          const std::string& where) {
  const at::Tensor* t = find_tensor(dict, key);
  if (!t) throw InputError(where, "a tensor named '" + key + "'", "none");
  if (t->sizes() != sizes) {
    throw InputError(where, "'" + key + "' of shape " + shape_text(sizes), "shape " + shape_text(t->sizes()));
  }
  if (!t->is_floating_point()) throw InputError(where, "'" + key + "' as floating point", "another type");
  return t->to(at::kFloat);
}

}  // namespace tgvc
