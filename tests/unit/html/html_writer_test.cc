#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "reports/html_base64.h"
#include "reports/html_writer.h"

namespace tgvc {
namespace {

TEST(HtmlEscape, ReplacesEveryCharacterThatCanEndTextOrAnAttribute) {
  EXPECT_EQ(html_escape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
  EXPECT_EQ(html_escape("plain text 123"), "plain text 123");
  EXPECT_EQ(html_escape(""), "");
  EXPECT_EQ(html_escape("&amp;"), "&amp;amp;");  // escaping twice is visible, never a no-op
  EXPECT_EQ(html_escape(std::string("x\0y", 3)), std::string("x\0y", 3));
}

TEST(HtmlBuilder, EscapesTextAndAttributeValuesButNotOurMarkup) {
  Html html;
  html.open("td", {{"class", "n"}, {"title", "a\"><script>x</script>"}}).text("<b>&").close("td");
  html.element("p", "it's", {{"data-v", "1"}});
  html.empty("img", {{"src", "data:image/png;base64,AA=="}}, false);
  html.empty("br");
  html.raw("<svg/>");
  EXPECT_EQ(html.str(),
            "<td class=\"n\" title=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;&amp;</td>"
            "<p data-v=\"1\">it&#39;s</p><img src=\"data:image/png;base64,AA==\"><br/><svg/>");
}

TEST(FormatNumber, SignificantDigitsAndNaNAsNa) {
  EXPECT_EQ(format_number(31.23456), "31.23");
  EXPECT_EQ(format_number(0.0012345, 3), "0.00123");
  EXPECT_EQ(format_number(std::nan("")), "n/a");
  EXPECT_EQ(format_number(INFINITY), "n/a");
}

TEST(AppendCoordinate, RoundsToTenthsWithoutTrailingZeros) {
  std::string out;
  for (double v : {12.34, 12.0, -1.25, -0.04, 0.96, 1000.05}) {
    append_coordinate(out, v);
    out.push_back(' ');
  }
  EXPECT_EQ(out, "12.3 12 -1.3 0 1 1000.1 ");
}

// RFC 4648 section 10 test vectors.
TEST(Base64, MatchesRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, EncodesHighBytesAndTheLastAlphabetCharacters) {
  EXPECT_EQ(base64_encode(std::string("\xff\xff\xff", 3)), "////");
  EXPECT_EQ(base64_encode(std::string("\xfb\xef\xbe", 3)), "++++");
  EXPECT_EQ(base64_encode(std::string("\x89PNG\r\n\x1a\n", 8)), "iVBORw0KGgo=");
  EXPECT_EQ(base64_encode(std::string("\0\0\0", 3)), "AAAA");
}

}  // namespace
}  // namespace tgvc
