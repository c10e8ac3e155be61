#pragma once

#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace tagbench {

/// Writes a file so that readers see either the old or the complete new contents, never a
/// mixture: data goes to a temporary file in the same directory, which is fsync'ed and renamed
/// over the target on commit(). Destroying an uncommitted AtomicFile removes the temporary.
class AtomicFile final {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Creates the temporary file next to the target.
    Status open();

    /// Appends bytes (buffered); errors are reported by commit().
    void write(std::string_view bytes);

    /// Flushes, fsyncs, renames over the target and fsyncs the directory.
    Status commit();

    /// The final path.
    const std::string& path() const { return m_path; }

private:
    Status flushBuffer();
    void discard();

    std::string m_path;
    std::string m_tempPath;
    std::string m_buffer;
    int m_fd = -1;
    int m_errno = 0;
};

/// Replaces the file at path with contents atomically (see AtomicFile).
Status writeFileAtomically(const std::string& path, std::string_view contents);

} // namespace tagbench
