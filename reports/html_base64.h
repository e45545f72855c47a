// Base64 (RFC 4648, standard alphabet, padded) for embedding images as data URIs.
#pragma once

#include <string>
#include <string_view>

namespace tgvc {

std::string base64_encode(std::string_view bytes);

}  // namespace tgvc
