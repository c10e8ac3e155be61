#include "core/export/BundleFile.h"

#include "core/export/Safetensors.h"
#include "core/export/Sha256.h"
#include "core/util/AtomicFile.h"

#include <cstdint>
#include <cstring>

namespace tagbench {
namespace {

constexpr char kMagic[8] = {'T', 'A', 'G', 'B', 'E', 'N', 'C', 'H'};

void putLittleEndian(std::string& out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t getLittleEndian(const char* data, int bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= std::uint64_t{static_cast<unsigned char>(data[i])} << (8 * i);
    return value;
}

} // namespace

Result<std::string> writeBundleFile(const std::string& path, std::string_view manifestJson,
                                    const SafetensorsWriter& weights)
{
    std::string header(kMagic, sizeof kMagic);
    putLittleEndian(header, kBundleFormatVersion, 4);
    putLittleEndian(header, 0, 4);  // flags: reserved, must be zero
    putLittleEndian(header, manifestJson.size(), 8);
    putLittleEndian(header, weights.size(), 8);

    AtomicFile file(path);
    if (auto opened = file.open(); !opened) return opened.error();
    Sha256 hash;
    const auto emit = [&](std::string_view bytes) {
        hash.update(bytes);
        file.write(bytes);
    };
    emit(header);
    emit(manifestJson);
    weights.write(emit);
    const Sha256::Digest digest = hash.finish();
    file.write(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
    if (auto committed = file.commit(); !committed) return committed.error();
    return Sha256::toHex(digest);
}

Result<BundleFile> BundleFile::open(const std::string& path)
{
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    auto bundle = verify(mapped->bytes(), path);
    if (!bundle) return bundle.error();
    bundle->m_file = std::move(*mapped);  // the views stay valid: the mapping does not move
    return bundle;
}

Result<BundleFile> BundleFile::fromBytes(std::string_view bytes, const std::string& name)
{
    return verify(bytes, name);
}

Result<BundleFile> BundleFile::verify(std::string_view bytes, const std::string& name)
{
    const auto fail = [&name](const std::string& reason) { return Error{name + ": " + reason}; };
    const std::string notBundle = "not a Tagbench model bundle (it does not start with the TAGBENCH signature)";
    if (bytes.empty()) return fail("the file is empty: " + notBundle);
    if (bytes.size() < sizeof kMagic) {
        if (std::memcmp(bytes.data(), kMagic, bytes.size()) == 0)
            return fail("truncated: only " + std::to_string(bytes.size()) + " bytes of a bundle header");
        return fail(notBundle);
    }
    if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail(notBundle);
    if (bytes.size() < kBundleHeaderBytes)
        return fail("truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the " +
                    std::to_string(kBundleHeaderBytes) + "-byte header");

    const auto version = static_cast<std::uint32_t>(getLittleEndian(bytes.data() + 8, 4));
    const auto flags = static_cast<std::uint32_t>(getLittleEndian(bytes.data() + 12, 4));
    if (version == 0) return fail("invalid bundle format version 0");
    if (version > kBundleFormatVersion)
        return fail("bundle format version " + std::to_string(version) + " is newer than this Tagbench (" +
                    TAGBENCH_VERSION + ") can read (up to version " + std::to_string(kBundleFormatVersion) +
                    "); update Tagbench to open it");
    if (flags != 0) return fail("unknown header flags " + std::to_string(flags) + " for format version " +
                                std::to_string(version));

    const std::uint64_t manifestBytes = getLittleEndian(bytes.data() + 16, 8);
    const std::uint64_t weightsBytes = getLittleEndian(bytes.data() + 24, 8);
    const std::uint64_t fixed = kBundleHeaderBytes + kBundleTrailerBytes;
    const std::uint64_t limit = UINT64_MAX - fixed;
    if (manifestBytes > limit || weightsBytes > limit - manifestBytes)
        return fail("corrupt header: section lengths overflow");
    const std::uint64_t expected = fixed + manifestBytes + weightsBytes;
    if (bytes.size() < expected)
        return fail("truncated: the header announces " + std::to_string(expected) + " bytes but the file has " +
                    std::to_string(bytes.size()) + " (incomplete copy or download?)");
    if (bytes.size() > expected)
        return fail(std::to_string(bytes.size() - expected) + " unexpected bytes after the end of the bundle (" +
                    std::to_string(expected) + " bytes announced)");

    const std::size_t payloadBytes = bytes.size() - kBundleTrailerBytes;
    const Sha256::Digest actual = Sha256::of(bytes.substr(0, payloadBytes));
    const std::string_view stored = bytes.substr(payloadBytes);
    if (std::memcmp(actual.data(), stored.data(), actual.size()) != 0) {
        Sha256::Digest storedDigest{};
        std::memcpy(storedDigest.data(), stored.data(), storedDigest.size());
        return fail("checksum mismatch (SHA-256 of the content is " + Sha256::toHex(actual) +
                    ", the bundle records " + Sha256::toHex(storedDigest) + "): the file was altered or damaged");
    }

    BundleFile bundle;
    bundle.m_path = name;
    bundle.m_formatVersion = version;
    bundle.m_manifest = bytes.substr(kBundleHeaderBytes, manifestBytes);
    bundle.m_weights = bytes.substr(kBundleHeaderBytes + manifestBytes, weightsBytes);
    bundle.m_checksum = Sha256::toHex(actual);
    bundle.m_size = bytes.size();
    return bundle;
}

} // namespace tagbench
