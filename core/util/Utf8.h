#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench::utf8 {

/// Returns the byte offset of the first invalid UTF-8 sequence in text, or npos when valid.
std::size_t findInvalid(std::string_view text);

/// True when text is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValid(std::string_view text);

/// Decodes the code point at text[pos], advancing pos; returns U+FFFD and advances one byte on bad input.
char32_t decode(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of cp to out.
void append(std::string& out, char32_t cp);

/// True for code points written one character per word (CJK ideographs, kana, Hangul, fullwidth forms).
bool isCjk(char32_t cp);

/// True for ASCII and Unicode whitespace, including the ideographic space U+3000.
bool isSpace(char32_t cp);

/// True for ASCII and CJK punctuation and symbols (。，、！？《》“” and friends).
bool isPunctuation(char32_t cp);

/// Lowercases ASCII letters and fullwidth Latin letters/digits folded to ASCII; other code points unchanged.
char32_t foldCase(char32_t cp);

} // namespace tagbench::utf8
