#include "core/eval/WaveletMatrix.h"

namespace tagbench::eval {

namespace {

inline unsigned popcount(std::uint64_t x)
{
    return static_cast<unsigned>(__builtin_popcountll(x));
}

} // namespace

WaveletMatrix::WaveletMatrix(const std::vector<std::uint16_t>& values, unsigned bits)
    : m_size(values.size()), m_bits(bits)
{
    std::vector<std::uint16_t> current = values, next(values.size());
    m_levels.resize(bits);
    const std::size_t blockCount = m_size / 256 + 1;
    for (unsigned level = 0; level < bits; ++level) {
        const unsigned shift = bits - 1 - level;
        Level& l = m_levels[level];
        l.blocks.assign(blockCount, Block{});
        std::size_t zeros = 0;
        for (std::size_t i = 0; i < m_size; ++i) {
            if ((current[i] >> shift) & 1u)
                l.blocks[i / 256].words[(i / 64) % 4] |= std::uint64_t{1} << (i % 64);
            else
                ++zeros;
        }
        std::uint64_t ones = 0;
        for (Block& block : l.blocks) {
            block.onesBefore = ones;
            for (const std::uint64_t w : block.words) ones += popcount(w);
        }
        l.zeros = zeros;
        // Stable partition: values with a 0 at this bit first, then those with a 1.
        std::size_t z = 0, o = zeros;
        for (std::size_t i = 0; i < m_size; ++i) {
            if ((current[i] >> shift) & 1u)
                next[o++] = current[i];
            else
                next[z++] = current[i];
        }
        current.swap(next);
    }
}

std::size_t WaveletMatrix::Level::rank1(std::size_t pos) const
{
    const Block& block = blocks[pos / 256];
    std::size_t ones = block.onesBefore;
    const std::size_t word = (pos / 64) % 4;
    for (std::size_t w = 0; w < word; ++w) ones += popcount(block.words[w]);
    const unsigned bit = pos % 64;
    if (bit != 0) ones += popcount(block.words[word] & ((std::uint64_t{1} << bit) - 1));
    return ones;
}

bool WaveletMatrix::Level::bit(std::size_t pos) const
{
    return (blocks[pos / 256].words[(pos / 64) % 4] >> (pos % 64)) & 1u;
}

std::size_t WaveletMatrix::countLess(std::size_t end, std::uint32_t k) const
{
    if (end > m_size) end = m_size;
    if (m_bits < 32 && k >= (std::uint32_t{1} << m_bits)) return end;
    std::size_t begin = 0, count = 0;
    for (unsigned level = 0; level < m_bits; ++level) {
        const Level& l = m_levels[level];
        const std::size_t onesBegin = l.rank1(begin), onesEnd = l.rank1(end);
        if ((k >> (m_bits - 1 - level)) & 1u) {
            // Values with a 0 here are below k: count them, follow the ones.
            count += (end - onesEnd) - (begin - onesBegin);
            begin = l.zeros + onesBegin;
            end = l.zeros + onesEnd;
        } else {
            begin -= onesBegin;
            end -= onesEnd;
        }
        if (begin == end) break;
    }
    return count;
}

std::uint32_t WaveletMatrix::at(std::size_t i) const
{
    std::uint32_t value = 0;
    for (unsigned level = 0; level < m_bits; ++level) {
        const Level& l = m_levels[level];
        const bool one = l.bit(i);
        value = (value << 1) | (one ? 1u : 0u);
        i = one ? l.zeros + l.rank1(i) : i - l.rank1(i);
    }
    return value;
}

std::size_t WaveletMatrix::memoryBytes() const
{
    std::size_t bytes = 0;
    for (const Level& l : m_levels) bytes += l.blocks.capacity() * sizeof(Block);
    return bytes;
}

} // namespace tagbench::eval
