#include "core/text/TokenScanner.h"

#include "core/text/CaseFolding.h"
#include "core/util/Utf8.h"

#include <array>

namespace tagbench {

namespace {

enum class CharClass : unsigned char { Word, Space, Punct, Cjk };

// ASCII classes of the reference scan (the fast scan has its own byte table in the header).
constexpr std::array<CharClass, 128> makeAsciiTable()
{
    std::array<CharClass, 128> table{};
    for (int c = 0; c < 128; ++c) {
        if (c == ' ' || (c >= 0x09 && c <= 0x0D) || c < 0x20 || c == 0x7F) table[c] = CharClass::Space;
        else if ((c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60)
                 || (c >= 0x7B && c <= 0x7E))
            table[c] = CharClass::Punct;
        else table[c] = CharClass::Word;
    }
    return table;
}

constexpr std::array<CharClass, 128> kAscii = makeAsciiTable();

CharClass classify(char32_t cp)
{
    if (cp < 0x80) return kAscii[cp];
    // U+FFFD stands for undecodable bytes: treat it as a separator so garbage never becomes a token.
    if (cp == 0xFFFD || utf8::isSpace(cp) || (cp >= 0x200B && cp <= 0x200F)) return CharClass::Space;
    if (utf8::isPunctuation(cp)) return CharClass::Punct;
    if (utf8::isCjk(cp)) return CharClass::Cjk;
    return CharClass::Word;
}

// The reference scan's per-token output: view or folded copy.
class Emitter {
public:
    Emitter(const TokenScanRules& rules, const TokenSink& sink) : m_rules(rules), m_sink(sink) {}

    void emit(std::string_view token)
    {
        if (token.empty()) return;
        if (m_rules.lowercase && mayNeedFolding(token)) {
            foldCaseInto(token, m_folded);
            m_sink(m_folded);
        } else {
            m_sink(token);
        }
    }

private:
    const TokenScanRules& m_rules;
    const TokenSink& m_sink;
    std::string m_folded;
};

} // namespace

namespace detail {

WideChar classifyWide(const char* p, const char* end)
{
    std::size_t length = 0;
    const char32_t cp = utf8::decode(std::string_view(p, static_cast<std::size_t>(end - p)), length);
    const auto bytes = static_cast<std::uint8_t>(length);
    switch (classify(cp)) {
    case CharClass::Space: return {WideClass::Space, bytes};
    case CharClass::Punct: return {WideClass::Punct, bytes};
    case CharClass::Cjk: return {WideClass::Cjk, bytes};
    case CharClass::Word: break;
    }
    return {utf8::foldCase(cp) != cp ? WideClass::FoldingWord : WideClass::Word, bytes};
}

} // namespace detail

void scanTokens(std::string_view text, const TokenScanRules& rules, const TokenSink& sink)
{
    scanTokens<const TokenSink&>(text, rules, sink);
}

void scanTokensByCodePoint(std::string_view text, const TokenScanRules& rules, const TokenSink& sink)
{
    Emitter emitter(rules, sink);
    const std::size_t n = text.size();
    std::size_t wordStart = std::string_view::npos;  // start of the word being collected
    bool wordIsCjk = false;
    std::size_t pos = 0;
    auto closeWord = [&](std::size_t end) {
        if (wordStart != std::string_view::npos) {
            emitter.emit(text.substr(wordStart, end - wordStart));
            wordStart = std::string_view::npos;
        }
    };
    while (pos < n) {
        const std::size_t start = pos;
        const auto b = static_cast<unsigned char>(text[pos]);
        CharClass cls;
        if (b < 0x80) {
            cls = kAscii[b];
            ++pos;
        } else {
            cls = classify(utf8::decode(text, pos));
        }
        if (rules.whitespaceOnly && cls != CharClass::Space) cls = CharClass::Word;
        switch (cls) {
        case CharClass::Word:
        case CharClass::Cjk:
            if (cls == CharClass::Word || !rules.splitCjk) {
                // A run of CJK and a run of Latin letters/digits are separate words ("2024款" ->
                // "2024", "款"), since Chinese text puts no space between them.
                const bool cjk = cls == CharClass::Cjk;
                if (wordStart != std::string_view::npos && wordIsCjk != cjk) closeWord(start);
                if (wordStart == std::string_view::npos) {
                    wordStart = start;
                    wordIsCjk = cjk;
                }
                break;
            }
            closeWord(start);
            emitter.emit(text.substr(start, pos - start));
            break;
        case CharClass::Punct:
            closeWord(start);
            if (rules.keepPunctuation) emitter.emit(text.substr(start, pos - start));
            break;
        case CharClass::Space:
            closeWord(start);
            break;
        }
    }
    closeWord(n);
}

} // namespace tagbench
