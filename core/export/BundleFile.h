#pragma once

#include "core/export/MappedFile.h"
#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench {

class SafetensorsWriter;

/// Container format version written by this build; readers accept 1..kBundleFormatVersion.
constexpr std::uint32_t kBundleFormatVersion = 1;

/// Size of the fixed header: magic, version, flags, manifest length, weights length.
constexpr std::size_t kBundleHeaderBytes = 32;

/// Size of the SHA-256 trailer.
constexpr std::size_t kBundleTrailerBytes = 32;

/// Writes a .tagbench container (see docs/bundle-format.md) atomically: the header, the manifest
/// JSON, the safetensors weights and a SHA-256 of everything before it. Returns the checksum in hex.
Result<std::string> writeBundleFile(const std::string& path, std::string_view manifestJson,
                                    const SafetensorsWriter& weights);

/// A .tagbench container mapped read-only, whose framing and checksum have been verified.
/// It says nothing yet about the manifest's content or the weights (Bundle and Predictor check those).
class BundleFile final {
public:
    /// Opens and verifies path; refuses foreign, truncated, altered and newer-format files with a
    /// message that starts with the path.
    static Result<BundleFile> open(const std::string& path);

    /// Verifies a container held in memory (same checks; bytes must outlive the result's views).
    static Result<BundleFile> fromBytes(std::string_view bytes, const std::string& name);

    const std::string& path() const { return m_path; }
    std::uint32_t formatVersion() const { return m_formatVersion; }
    /// The manifest, UTF-8 JSON.
    std::string_view manifestJson() const { return m_manifest; }
    /// The safetensors blob holding the weights.
    std::string_view weights() const { return m_weights; }
    /// SHA-256 over header, manifest and weights, lowercase hex.
    const std::string& checksum() const { return m_checksum; }
    /// Total size in bytes.
    std::uint64_t size() const { return m_size; }

private:
    static Result<BundleFile> verify(std::string_view bytes, const std::string& name);

    MappedFile m_file;
    std::string m_path;
    std::uint32_t m_formatVersion = 0;
    std::string_view m_manifest;
    std::string_view m_weights;
    std::string m_checksum;
    std::uint64_t m_size = 0;
};

} // namespace tagbench
