// A reader for the subset of Python's pickle format that torch.save writes for a state_dict
// (protocols 2 to 5; the legacy container and the zip container both hold such pickles). It only
// builds a value tree: GLOBAL, REDUCE and persistent ids become inert nodes that the caller
// interprets (state_dict_reader.cc), so nothing in a file can run code. Every value lives in one
// arena and refers to others by index, so self-referencing input cannot leak or loop; memory is
// bounded by a constant times the input size. No LibTorch here.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace tgvc::pickle {

enum class Kind : uint8_t {
  kNone,
  kBool,
  kInt,
  kBigInt,  // an integer that does not fit int64: node text holds its little-endian bytes
  kFloat,
  kString,  // str or bytes
  kTuple,
  kList,
  kDict,        // node items: key, value, key, value, ...
  kGlobal,      // node text: "module.name"
  kCall,        // REDUCE / NEWOBJ of a global: items = callable, args (tuple) [, BUILD state]
  kPersistent,  // BINPERSID: items = the persistent id
};

struct Value {
  Kind kind = Kind::kNone;
  int64_t integer = 0;  // kBool, kInt
  double real = 0;      // kFloat
  uint32_t node = 0;    // every other kind but kNone: index into Document::nodes
};

struct Node {
  std::string text;
  std::vector<Value> items;
};

// The value tree of one pickle.
struct Document {
  Value root;
  std::vector<Node> nodes;

  const std::string& text(const Value& v) const { return nodes[v.node].text; }
  const std::vector<Value>& items(const Value& v) const { return nodes[v.node].items; }
};

// Where pickle bytes come from. read() throws InputError at the end of the data.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual void read(void* out, size_t size) = 0;
  virtual uint64_t remaining() const = 0;
  virtual uint64_t position() const = 0;
  const std::string& where() const { return where_; }

 protected:
  explicit ByteSource(std::string where) : where_(std::move(where)) {}

 private:
  std::string where_;
};

class MemorySource final : public ByteSource {
 public:
  MemorySource(const void* data, size_t size, std::string where);
  void read(void* out, size_t size) override;
  uint64_t remaining() const override { return size_ - pos_; }
  uint64_t position() const override { return pos_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

class FileSource final : public ByteSource {
 public:
  // Throws InputError when the file cannot be opened.
  explicit FileSource(const std::string& path);
  void read(void* out, size_t size) override;
  uint64_t remaining() const override { return size_ - pos_; }
  uint64_t position() const override { return pos_; }

 private:
  std::ifstream in_;
  uint64_t size_ = 0;
  uint64_t pos_ = 0;
};

// Reads one pickle (up to and including STOP) from `source`. Throws InputError naming
// source.where() and the byte offset for anything outside the subset or malformed.
Document read_pickle(ByteSource& source);

const char* to_string(Kind kind);

}  // namespace tgvc::pickle
