#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tagbench::eval {

/// Static sequence of small integers answering "how many of the first n values are < k" in
/// O(bits) time with about 1.25 bits of memory per value per bit of the alphabet
/// (a wavelet matrix over rank-indexed bit vectors).
/// Used to count, per label, the entries above a threshold whose row rank is below top-k.
class WaveletMatrix final {
public:
    WaveletMatrix() = default;
    /// Builds over values, each < 2^bits (bits <= 16).
    WaveletMatrix(const std::vector<std::uint16_t>& values, unsigned bits);

    /// Number of values.
    std::size_t size() const { return m_size; }
    /// Number of i < end with values[i] < k.
    std::size_t countLess(std::size_t end, std::uint32_t k) const;
    /// values[i] (O(bits)).
    std::uint32_t at(std::size_t i) const;
    /// Heap bytes used.
    std::size_t memoryBytes() const;

private:
    // 256 bits per block plus the number of ones before the block: one cache line per rank.
    struct Block {
        std::uint64_t onesBefore = 0;
        std::uint64_t words[4] = {0, 0, 0, 0};
    };
    struct Level {
        std::vector<Block> blocks;
        std::size_t zeros = 0;

        std::size_t rank1(std::size_t pos) const;
        bool bit(std::size_t pos) const;
    };

    std::vector<Level> m_levels;  // most significant bit first
    std::size_t m_size = 0;
    unsigned m_bits = 0;
};

} // namespace tagbench::eval
