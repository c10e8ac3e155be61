#include "core/util/AtomicFile.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace tagbench {

namespace {

constexpr std::size_t kBufferSize = 1 << 16;

std::string directoryOf(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

Error ioError(const std::string& what, const std::string& path, int err)
{
    return Error{"cannot " + what + " " + path + ": " + std::strerror(err)};
}

} // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {}

AtomicFile::~AtomicFile() { discard(); }

Status AtomicFile::open()
{
    discard();
    m_errno = 0;
    // A unique name per process and call, created exclusively with mode 0666 so the umask applies
    // as for any file the user makes (mkstemp would force 0600, and querying umask is racy).
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string candidate = m_path + ".tmp." + std::to_string(::getpid()) + "."
            + std::to_string(counter.fetch_add(1, std::memory_order_relaxed));
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            m_fd = fd;
            m_tempPath = std::move(candidate);
            break;
        }
        if (errno != EEXIST) return ioError("create a temporary file for", m_path, errno);
    }
    if (m_fd < 0) return ioError("create a temporary file for", m_path, EEXIST);
    m_buffer.reserve(kBufferSize);
    return {};
}

void AtomicFile::write(std::string_view bytes)
{
    if (m_fd < 0 || m_errno != 0) return;
    if (m_buffer.size() + bytes.size() > kBufferSize) {
        if (!flushBuffer()) return;
        if (bytes.size() > kBufferSize) {
            m_buffer.assign(bytes);
            flushBuffer();
            return;
        }
    }
    m_buffer.append(bytes);
}

Status AtomicFile::flushBuffer()
{
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            m_errno = errno;
            return ioError("write", m_tempPath, m_errno);
        }
        done += static_cast<std::size_t>(n);
    }
    m_buffer.clear();
    return {};
}

Status AtomicFile::commit()
{
    if (m_fd < 0) return Error{"cannot write " + m_path + ": file was not opened"};
    if (m_errno != 0) {
        const int err = m_errno;
        discard();
        return ioError("write", m_path, err);
    }
    if (auto st = flushBuffer(); !st) {
        discard();
        return st;
    }
    if (::fsync(m_fd) != 0) {
        const int err = errno;
        discard();
        return ioError("sync", m_path, err);
    }
    if (::close(m_fd) != 0) {
        const int err = errno;
        m_fd = -1;
        discard();
        return ioError("close", m_path, err);
    }
    m_fd = -1;
    if (::rename(m_tempPath.c_str(), m_path.c_str()) != 0) {
        const int err = errno;
        discard();
        return ioError("replace", m_path, err);
    }
    m_tempPath.clear();
    // Make the rename itself durable; failure here does not undo the (already visible) write.
    const int dir = ::open(directoryOf(m_path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

void AtomicFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
        m_tempPath.clear();
    }
    m_buffer.clear();
}

Status writeFileAtomically(const std::string& path, std::string_view contents)
{
    AtomicFile file(path);
    if (auto st = file.open(); !st) return st;
    file.write(contents);
    return file.commit();
}

} // namespace tagbench
