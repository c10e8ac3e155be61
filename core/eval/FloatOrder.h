#pragma once

#include <cstdint>
#include <cstring>

namespace tagbench::eval {

/// Maps a finite float to a key whose unsigned order is the float order (-0 just below +0), so
/// floats can be sorted as integers and searched one representable value at a time.
inline std::uint32_t ascendingKey(float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

/// The float of an ascendingKey().
inline float fromAscendingKey(std::uint32_t key)
{
    const std::uint32_t bits = (key & 0x80000000u) ? (key & 0x7fffffffu) : ~key;
    float value;
    std::memcpy(&value, &bits, sizeof(value));
    return value;
}

} // namespace tagbench::eval
