#pragma once

#include "core/export/BundleFile.h"
#include "core/export/BundleManifest.h"
#include "core/export/Safetensors.h"
#include "core/util/Result.h"

#include <memory>
#include <string>

namespace tagbench {

/// A verified .tagbench bundle with its parsed manifest, without building the network: what the
/// GUI's export/info page shows, and what Predictor builds on. Torch-free. Opening checks the
/// container (signature, version, size, SHA-256), the manifest and the safetensors section.
class Bundle final {
public:
    /// Opens path; errors start with the path and say what is wrong.
    static Result<Bundle> open(const std::string& path);
    /// Ensemble member i of this bundle (a bundle held in its weights), sharing its mapping.
    Result<Bundle> member(std::size_t index) const;

    const std::string& path() const { return m_file->path(); }
    /// Container format version of the file.
    std::uint32_t formatVersion() const { return m_file->formatVersion(); }
    /// SHA-256 of the file's content (hex), as verified against its trailer.
    const std::string& checksum() const { return m_file->checksum(); }
    /// File size in bytes.
    std::uint64_t fileSize() const { return m_file->size(); }
    /// The manifest; tokenizer.sentencepieceModel holds the embedded model bytes when one is used.
    const BundleManifest& manifest() const { return m_manifest; }
    /// The weights, valid as long as this Bundle (or a copy of it) lives.
    const SafetensorsReader& weights() const { return m_weights; }

    /// A few lines describing the bundle (model, tokenizer, labels, rule, metrics, checksum).
    std::string describe() const;

private:
    static Result<Bundle> fromFile(BundleFile file, const std::string& path, std::shared_ptr<const BundleFile> owner);

    std::shared_ptr<const BundleFile> m_owner;  // the ensemble bundle a member's bytes live in
    std::shared_ptr<const BundleFile> m_file;  // shared: copies of a Bundle share one mapping
    BundleManifest m_manifest;
    SafetensorsReader m_weights;
};

} // namespace tagbench
