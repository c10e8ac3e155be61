#include "core/data/RecordParser.h"

#include "core/util/Utf8.h"

namespace tagbench::detail {

bool isBlank(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
            ++pos;
            continue;
        }
        if (!utf8::isSpace(utf8::decode(text, pos))) return false;
    }
    return true;
}

std::string invalidUtf8Reason(std::string_view line)
{
    const std::size_t bad = utf8::findInvalid(line);
    if (bad == std::string_view::npos) return {};
    return "invalid UTF-8 at byte " + std::to_string(bad + 1);
}

std::string excerpt(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes) return std::string(text);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

} // namespace tagbench::detail
