#include "core/text/CaseFolding.h"

#include "core/util/Utf8.h"

namespace tagbench {

bool mayNeedFolding(std::string_view text)
{
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 || (b >= 'A' && b <= 'Z')) return true;
    }
    return false;
}

void foldCaseInto(std::string_view text, std::string& out)
{
    out.clear();
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = utf8::decode(text, pos);
        const char32_t folded = utf8::foldCase(cp);
        // Invalid bytes decode to U+FFFD; copy them through untouched rather than inventing text.
        if (folded == cp) out.append(text.substr(start, pos - start));
        else utf8::append(out, folded);
    }
}

} // namespace tagbench
