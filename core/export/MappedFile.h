#pragma once

#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace tagbench {

/// A whole file mapped read-only into memory (bundles can hold gigabyte embedding tables; mapping
/// lets the checksum pass and the tensor copies read the page cache without a heap copy).
class MappedFile final {
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    /// Maps path; errors name the file and the system's reason.
    static Result<MappedFile> open(const std::string& path);

    /// The file's bytes (empty for an empty file).
    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

private:
    void unmap();

    void* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace tagbench
