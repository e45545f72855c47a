#include "codecs/aom/obu_stream.h"

#include "harness/core/error.h"

namespace tgvc {
namespace {

// leb128() of the AV1 spec (4.10.5): at most 8 bytes, value below 2^32.
bool read_leb128(const std::vector<uint8_t>& data, size_t* pos, uint64_t* value) {
  *value = 0;
  for (int i = 0; i < 8; ++i) {
    if (*pos >= data.size()) return false;
    const uint8_t byte = data[(*pos)++];
    *value |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
    if (!(byte & 0x80)) return *value <= 0xffffffffu;
  }
  return false;
}

}  // namespace

std::vector<Obu> parse_obus(const std::vector<uint8_t>& stream, const std::string& where) {
  std::vector<Obu> obus;
  size_t pos = 0;
  while (pos < stream.size()) {
    const std::string at = "OBU at byte " + std::to_string(pos);
    Obu obu;
    obu.offset = pos;
    const uint8_t header = stream[pos++];
    if (header & 0x80) throw InputError(where, "obu_forbidden_bit 0", at + " has it set");
    obu.type = (header >> 3) & 0x0f;
    const bool has_extension = header & 0x04;
    const bool has_size_field = header & 0x02;
    if (!has_size_field)
      throw InputError(where, "obu_has_size_field 1 (low-overhead format)", at + " has no size");
    if (has_extension) {
      if (pos >= stream.size()) throw InputError(where, "an OBU extension header", at + " is truncated");
      ++pos;
    }
    uint64_t payload = 0;
    if (!read_leb128(stream, &pos, &payload))
      throw InputError(where, "a leb128 obu_size", at + ": malformed");
    if (payload > stream.size() - pos) {
      throw InputError(where, "an OBU within the stream",
                       at + " needs " + std::to_string(payload) + " bytes, " +
                           std::to_string(stream.size() - pos) + " left (truncated stream)");
    }
    pos += payload;
    obu.size = pos - obu.offset;
    obus.push_back(obu);
  }
  return obus;
}

std::vector<TemporalUnit> split_temporal_units(const std::vector<uint8_t>& stream, const std::string& where) {
  std::vector<TemporalUnit> units;
  for (const Obu& obu : parse_obus(stream, where)) {
    if (obu.type == kObuTemporalDelimiter) {
      units.push_back({obu.offset, 0});
    } else if (units.empty()) {
      throw InputError(where, "a temporal delimiter first", "OBU type " + std::to_string(obu.type));
    }
    units.back().size = obu.offset + obu.size - units.back().offset;
  }
  return units;
}

}  // namespace tgvc
