// The one list of codecs. Adding a codec: a folder under codecs/, one tgvc_codec(...) line in
// codecs/CMakeLists.txt and one entry here (docs/architecture.md, "Registries and tables").
#include "codecs/external/external_codec.h"
#include "codecs/learned/learned_codec.h"
#include "codecs/raw/raw_codec.h"
#ifdef TGVC_HAVE_X265
#include "codecs/x265/x265_codec.h"
#endif
#ifdef TGVC_HAVE_AOM
#include "codecs/aom/aom_codec.h"
#endif
#ifdef TGVC_HAVE_TGVC
#include "codecs/tgvc/tgvc_codec.h"
#endif

namespace tgvc {

const std::vector<const Codec*>& all_codecs() {
  static const RawCodec raw_codec;
  static const LearnedCodec learned_codec;
  static const ExternalCodec external_codec;
#ifdef TGVC_HAVE_X265
  static const X265Codec x265_codec;
#endif
#ifdef TGVC_HAVE_AOM
  static const AomCodec aom_codec;
#endif
#ifdef TGVC_HAVE_TGVC
  static const TgvcCodec tgvc_codec;
#endif
  static const std::vector<const Codec*> codecs = {
      &raw_codec,
#ifdef TGVC_HAVE_X265
      &x265_codec,
#endif
#ifdef TGVC_HAVE_AOM
      &aom_codec,
#endif
#ifdef TGVC_HAVE_TGVC
      &tgvc_codec,
#endif
      &learned_codec, &external_codec,
  };
  return codecs;
}

const Codec* find_codec(const std::string& id) {
  for (const Codec* c : all_codecs()) {
    if (c->id() == id) return c;
  }
  return nullptr;
}

}  // namespace tgvc
