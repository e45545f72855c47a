#include "harness/torch/runtime/torch_pickle.h"

#include <cstring>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc::pickle {
namespace {

constexpr size_t kMaxLine = 256;  // GLOBAL's module and name lines

// The pickle virtual machine: a value stack with marks and a memo.
class Machine {
 public:
  explicit Machine(ByteSource& src) : src_(src) {}

  Document run() {
    for (;;) {
      const uint64_t at = src_.position();
      const uint8_t op = u8();
      if (op == '.') break;  // STOP
      step(op, at);
    }
    if (stack_.size() != 1 || !marks_.empty())
      fail(src_.position(), "a single value at STOP", "a malformed stack");
    doc_.root = stack_.back();
    return std::move(doc_);
  }

 private:
  [[noreturn]] void fail(uint64_t at, const std::string& expected, const std::string& found) {
    throw InputError(fmt::format("{} (pickle byte {})", src_.where(), at), expected, found);
  }

  uint8_t u8() {
    uint8_t b = 0;
    src_.read(&b, 1);
    return b;
  }
  uint64_t uint_le(int bytes) {
    uint8_t b[8] = {};
    src_.read(b, static_cast<size_t>(bytes));
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | b[i];
    return v;
  }
  std::string bytes(uint64_t n, uint64_t at) {
    if (n > src_.remaining()) fail(at, "a string within the file", fmt::format("a length of {} bytes", n));
    std::string s(static_cast<size_t>(n), '\0');
    if (n > 0) src_.read(s.data(), s.size());
    return s;
  }
  std::string line(uint64_t at) {
    std::string s;
    for (;;) {
      const char c = static_cast<char>(u8());
      if (c == '\n') return s;
      if (s.size() >= kMaxLine) fail(at, "a GLOBAL name line", "a line longer than 256 bytes");
      s.push_back(c);
    }
  }

  Value make(Kind kind, std::string text = {}, std::vector<Value> items = {}) {
    if (doc_.nodes.size() >= std::numeric_limits<uint32_t>::max()) throw Error("pickle too large");
    doc_.nodes.push_back(Node{std::move(text), std::move(items)});
    Value v;
    v.kind = kind;
    v.node = static_cast<uint32_t>(doc_.nodes.size() - 1);
    return v;
  }
  Value scalar(Kind kind, int64_t i) {
    Value v;
    v.kind = kind;
    v.integer = i;
    return v;
  }
  Value integer_from_bytes(const std::string& b) {
    if (b.size() > 8) return make(Kind::kBigInt, b);
    uint64_t u = 0;
    for (size_t i = b.size(); i-- > 0;) u = (u << 8) | static_cast<uint8_t>(b[i]);
    if (!b.empty() && b.size() < 8 && (static_cast<uint8_t>(b.back()) & 0x80)) u |= ~0ULL << (8 * b.size());
    return scalar(Kind::kInt, static_cast<int64_t>(u));
  }

  Value pop(uint64_t at) {
    if (stack_.size() <= (marks_.empty() ? 0 : marks_.back()))
      fail(at, "a value on the stack", "an empty stack");
    Value v = stack_.back();
    stack_.pop_back();
    return v;
  }
  Value& top(uint64_t at) {
    if (stack_.size() <= (marks_.empty() ? 0 : marks_.back()))
      fail(at, "a value on the stack", "an empty stack");
    return stack_.back();
  }
  // The values above the last mark, removing them and the mark.
  std::vector<Value> pop_mark(uint64_t at) {
    if (marks_.empty()) fail(at, "a MARK", "none");
    const size_t m = marks_.back();
    marks_.pop_back();
    std::vector<Value> out(stack_.begin() + static_cast<std::ptrdiff_t>(m), stack_.end());
    stack_.resize(m);
    return out;
  }
  Node& container(const Value& v, Kind kind, uint64_t at) {
    if (v.kind != kind) fail(at, std::string("a ") + to_string(kind), to_string(v.kind));
    return doc_.nodes[v.node];
  }
  void memo_put(uint64_t key, uint64_t at) { memo_[key] = top(at); }
  Value memo_get(uint64_t key, uint64_t at) {
    const auto it = memo_.find(key);
    if (it == memo_.end()) fail(at, "a memo key that was stored", fmt::format("key {}", key));
    return it->second;
  }

  // REDUCE: OrderedDict() and OrderedDict([[k, v], ...]) become dicts; anything else a call node.
  Value reduce(const Value& callable, const Value& args, uint64_t at) {
    if (callable.kind != Kind::kGlobal) fail(at, "a GLOBAL to call", to_string(callable.kind));
    if (args.kind != Kind::kTuple) fail(at, "a tuple of arguments", to_string(args.kind));
    if (doc_.text(callable) == "collections.OrderedDict") {
      const std::vector<Value> a = doc_.items(args);
      Value dict = make(Kind::kDict);
      if (a.size() > 1)
        fail(at, "OrderedDict() or OrderedDict(pairs)", fmt::format("{} arguments", a.size()));
      if (a.size() == 1) {
        if (a[0].kind != Kind::kList && a[0].kind != Kind::kTuple)
          fail(at, "a list of pairs", to_string(a[0].kind));
        const std::vector<Value> pairs = doc_.items(a[0]);
        for (const Value& p : pairs) {
          if ((p.kind != Kind::kList && p.kind != Kind::kTuple) || doc_.items(p).size() != 2) {
            fail(at, "a [key, value] pair", to_string(p.kind));
          }
          const std::vector<Value> kv = doc_.items(p);
          doc_.nodes[dict.node].items.push_back(kv[0]);
          doc_.nodes[dict.node].items.push_back(kv[1]);
        }
      }
      return dict;
    }
    return make(Kind::kCall, {}, {callable, args});
  }

  void step(uint8_t op, uint64_t at) {
    switch (op) {
      case 0x80:  // PROTO
        if (u8() > 5) fail(at, "pickle protocol 2..5", "a newer protocol");
        return;
      case 0x95:  // FRAME (a hint only)
        uint_le(8);
        return;
      case 'N':
        stack_.push_back(Value{});
        return;
      case 0x88:
      case 0x89:
        stack_.push_back(scalar(Kind::kBool, op == 0x88 ? 1 : 0));
        return;
      case 'J':
        stack_.push_back(scalar(Kind::kInt, static_cast<int32_t>(static_cast<uint32_t>(uint_le(4)))));
        return;
      case 'K':
        stack_.push_back(scalar(Kind::kInt, static_cast<int64_t>(uint_le(1))));
        return;
      case 'M':
        stack_.push_back(scalar(Kind::kInt, static_cast<int64_t>(uint_le(2))));
        return;
      case 0x8a:  // LONG1
        stack_.push_back(integer_from_bytes(bytes(uint_le(1), at)));
        return;
      case 0x8b:  // LONG4
        stack_.push_back(integer_from_bytes(bytes(uint_le(4), at)));
        return;
      case 'G': {  // BINFLOAT, big-endian
        uint8_t b[8];
        src_.read(b, 8);
        uint64_t u = 0;
        for (uint8_t x : b) u = (u << 8) | x;
        Value v;
        v.kind = Kind::kFloat;
        std::memcpy(&v.real, &u, sizeof u);
        stack_.push_back(v);
        return;
      }
      case 'U':   // SHORT_BINSTRING
      case 0x8c:  // SHORT_BINUNICODE
      case 'C':   // SHORT_BINBYTES
        stack_.push_back(make(Kind::kString, bytes(uint_le(1), at)));
        return;
      case 'T':  // BINSTRING
      case 'X':  // BINUNICODE
      case 'B':  // BINBYTES
        stack_.push_back(make(Kind::kString, bytes(uint_le(4), at)));
        return;
      case 0x8d:  // BINUNICODE8
      case 0x8e:  // BINBYTES8
        stack_.push_back(make(Kind::kString, bytes(uint_le(8), at)));
        return;
      case ')':
        stack_.push_back(make(Kind::kTuple));
        return;
      case 't':
        stack_.push_back(make(Kind::kTuple, {}, pop_mark(at)));
        return;
      case 0x85:
      case 0x86:
      case 0x87: {
        std::vector<Value> items(static_cast<size_t>(op - 0x84));
        for (size_t i = items.size(); i-- > 0;) items[i] = pop(at);
        stack_.push_back(make(Kind::kTuple, {}, std::move(items)));
        return;
      }
      case ']':
        stack_.push_back(make(Kind::kList));
        return;
      case 'l':
        stack_.push_back(make(Kind::kList, {}, pop_mark(at)));
        return;
      case 'a': {
        const Value v = pop(at);
        container(top(at), Kind::kList, at).items.push_back(v);
        return;
      }
      case 'e': {
        std::vector<Value> v = pop_mark(at);
        Node& list = container(top(at), Kind::kList, at);
        list.items.insert(list.items.end(), v.begin(), v.end());
        return;
      }
      case '}':
        stack_.push_back(make(Kind::kDict));
        return;
      case 'd': {
        std::vector<Value> kv = pop_mark(at);
        if (kv.size() % 2 != 0) fail(at, "key, value pairs", "an odd count");
        stack_.push_back(make(Kind::kDict, {}, std::move(kv)));
        return;
      }
      case 's': {
        const Value v = pop(at);
        const Value k = pop(at);
        Node& dict = container(top(at), Kind::kDict, at);
        dict.items.push_back(k);
        dict.items.push_back(v);
        return;
      }
      case 'u': {
        std::vector<Value> kv = pop_mark(at);
        if (kv.size() % 2 != 0) fail(at, "key, value pairs", "an odd count");
        Node& dict = container(top(at), Kind::kDict, at);
        dict.items.insert(dict.items.end(), kv.begin(), kv.end());
        return;
      }
      case '(':
        marks_.push_back(stack_.size());
        return;
      case '0':
        pop(at);
        return;
      case '1':
        pop_mark(at);
        return;
      case '2': {
        const Value v = top(at);
        stack_.push_back(v);
        return;
      }
      case 'q':
        memo_put(uint_le(1), at);
        return;
      case 'r':
        memo_put(uint_le(4), at);
        return;
      case 0x94:  // MEMOIZE
        memo_put(memo_.size(), at);
        return;
      case 'h':
        stack_.push_back(memo_get(uint_le(1), at));
        return;
      case 'j':
        stack_.push_back(memo_get(uint_le(4), at));
        return;
      case 'c': {
        std::string module = line(at);
        std::string name = line(at);
        stack_.push_back(make(Kind::kGlobal, module + "." + name));
        return;
      }
      case 0x93: {  // STACK_GLOBAL
        const Value name = pop(at);
        const Value module = pop(at);
        if (name.kind != Kind::kString || module.kind != Kind::kString)
          fail(at, "module and name strings", "other values");
        stack_.push_back(make(Kind::kGlobal, doc_.text(module) + "." + doc_.text(name)));
        return;
      }
      case 'R': {
        const Value args = pop(at);
        const Value callable = pop(at);
        stack_.push_back(reduce(callable, args, at));
        return;
      }
      case 0x81: {  // NEWOBJ
        const Value args = pop(at);
        const Value cls = pop(at);
        if (cls.kind != Kind::kGlobal || args.kind != Kind::kTuple)
          fail(at, "NEWOBJ of a GLOBAL", "other values");
        stack_.push_back(make(Kind::kCall, {}, {cls, args}));
        return;
      }
      case 'b': {  // BUILD: state is kept on calls, ignored on dicts (OrderedDict._metadata)
        const Value state = pop(at);
        const Value& obj = top(at);
        if (obj.kind == Kind::kCall) {
          doc_.nodes[obj.node].items.push_back(state);
        } else if (obj.kind != Kind::kDict) {
          fail(at, "BUILD on an object", to_string(obj.kind));
        }
        return;
      }
      case 'Q': {  // BINPERSID
        const Value pid = pop(at);
        stack_.push_back(make(Kind::kPersistent, {}, {pid}));
        return;
      }
      default:
        fail(at, "a pickle opcode that torch.save writes", fmt::format("opcode 0x{:02x}", op));
    }
  }

  ByteSource& src_;
  Document doc_;
  std::vector<Value> stack_;
  std::vector<size_t> marks_;
  std::unordered_map<uint64_t, Value> memo_;
};

}  // namespace

MemorySource::MemorySource(const void* data, size_t size, std::string where)
    : ByteSource(std::move(where)), data_(static_cast<const uint8_t*>(data)), size_(size) {}

void MemorySource::read(void* out, size_t size) {
  if (size > size_ - pos_) {
    throw InputError(where(), fmt::format("{} more bytes at offset {}", size, pos_), "the end of the data");
  }
  std::memcpy(out, data_ + pos_, size);
  pos_ += size;
}

FileSource::FileSource(const std::string& path) : ByteSource(path), in_(path, std::ios::binary) {
  if (!in_) throw InputError(path, "a readable file", "cannot open it");
  in_.seekg(0, std::ios::end);
  size_ = static_cast<uint64_t>(in_.tellg());
  in_.seekg(0, std::ios::beg);
}

void FileSource::read(void* out, size_t size) {
  if (size > size_ - pos_) {
    throw InputError(where(), fmt::format("{} more bytes at offset {}", size, pos_), "the end of the file");
  }
  in_.read(static_cast<char*>(out), static_cast<std::streamsize>(size));
  if (!in_) throw InputError(where(), "a readable file", fmt::format("a read error at offset {}", pos_));
  pos_ += size;
}

Document read_pickle(ByteSource& source) {
  return Machine(source).run();
}

const char* to_string(Kind kind) {
  switch (kind) {
    case Kind::kNone:
      return "None";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kBigInt:
      return "big int";
    case Kind::kFloat:
      return "float";
    case Kind::kString:
      return "string";
    case Kind::kTuple:
      return "tuple";
    case Kind::kList:
      return "list";
    case Kind::kDict:
      return "dict";
    case Kind::kGlobal:
      return "global";
    case Kind::kCall:
      return "object";
    case Kind::kPersistent:
      return "persistent id";
  }
  return "value";
}

}  // namespace tgvc::pickle
