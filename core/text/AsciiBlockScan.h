#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tagbench::detail {

#if defined(__SSE2__)

/// Byte masks of a 64-byte block, bit i for byte i: ASCII token bytes (letters and digits; for
/// pretokenized text every printable ASCII byte), A-Z, ASCII punctuation, and bytes >= 0x80.
struct AsciiBlockMasks {
    std::uint64_t word = 0;
    std::uint64_t upper = 0;
    std::uint64_t punct = 0;
    std::uint64_t high = 0;
};

/// The classes of the 64 bytes at p (all readable), 16 at a time with SSE2.
inline AsciiBlockMasks asciiBlockMasks(const char* p, bool whitespaceOnly)
{
    // Signed compares: bytes >= 0x80 are negative, so they fall in no ASCII range.
    const auto inRange = [](__m128i x, char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    const auto bits = [](__m128i x) { return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(x))); };
    AsciiBlockMasks masks;
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        const int shift = 16 * i;
        // 0x21..0x7E: neither a separator nor DEL nor high.
        const __m128i printable = inRange(v, '!', '~');
        const __m128i upper = inRange(v, 'A', 'Z');
        __m128i word = printable;
        if (!whitespaceOnly) {
            // v | 0x20 maps A-Z onto a-z and nothing else onto a-z.
            word = _mm_or_si128(inRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), inRange(v, '0', '9'));
            masks.punct |= bits(_mm_andnot_si128(word, printable)) << shift;
        }
        masks.word |= bits(word) << shift;
        masks.upper |= bits(upper) << shift;
        masks.high |= bits(v) << shift;
    }
    return masks;
}

/// Copies the 64 bytes at p to out with A-Z lowercased.
inline void lowercaseAsciiBlock(const char* p, char* out)
{
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                            _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * i),
                         _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    }
}

/// Emits the tokens of a 64-byte all-ASCII block that starts at a token boundary: each run of
/// word bytes that ends inside the block and, with keepPunctuation, each punctuation byte, in
/// order. Returns how many bytes were consumed: 64, or the offset of a run that reaches the end of
/// the block (it may go on past it; 0 when the whole block is one unfinished run). Finding token
/// edges with bit operations instead of a byte loop removes the branch per byte and the
/// misprediction at the end of nearly every word.
template <typename Sink>
std::size_t scanAsciiBlock(const char* block, const AsciiBlockMasks& masks, bool lowercase, bool keepPunctuation,
                           Sink& sink)
{
    const std::uint64_t word = masks.word;
    const std::uint64_t punct = keepPunctuation ? masks.punct : 0;
    // Last byte of each run whose next byte is in the block (and so is not a word byte).
    const std::uint64_t runLast = word & ~(word >> 1) & ~(std::uint64_t(1) << 63);
    std::uint64_t events = (word & ~(word << 1)) | punct;
    const char* text = block;
    char lowered[64];
    if (lowercase && masks.upper != 0) {
        lowercaseAsciiBlock(block, lowered);
        text = lowered;
    }
    while (events != 0) {
        const auto at = static_cast<unsigned>(__builtin_ctzll(events));
        events &= events - 1;
        if ((punct >> at) & 1) {
            sink(std::string_view(text + at, 1));
            continue;
        }
        const std::uint64_t ahead = runLast >> at;
        if (ahead == 0) return at;  // the run reaches the end of the block
        sink(std::string_view(text + at, static_cast<std::size_t>(__builtin_ctzll(ahead)) + 1));
    }
    return 64;
}

#endif

} // namespace tagbench::detail
