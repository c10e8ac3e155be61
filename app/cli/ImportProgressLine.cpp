#include "app/cli/ImportProgressLine.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace tagbench::cli {

namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr int kBarWidth = 24;

std::string groupedThousands(std::uint64_t value)
{
    std::string digits = std::to_string(value);
    for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), 1, ',');
    return digits;
}

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

ImportProgressLine::ImportProgressLine(std::ostream& stream, bool enabled)
    : m_stream(stream), m_enabled(enabled)
{
}

ImportProgressLine::~ImportProgressLine()
{
    clear();
}

void ImportProgressLine::update(const std::string& file, const ImportProgress& progress)
{
    if (!m_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    if (m_shown && now - m_lastDrawn < kRedrawInterval) return;
    m_lastDrawn = now;
    m_stream << '\r' << text(file, progress) << "\x1b[K" << std::flush;
    m_shown = true;
}

void ImportProgressLine::clear()
{
    if (!m_shown) return;
    m_stream << "\r\x1b[K" << std::flush;
    m_shown = false;
}

std::string ImportProgressLine::text(const std::string& file, const ImportProgress& progress)
{
    std::string line = baseName(file) + ' ';
    if (progress.bytesTotal > 0) {
        const double fraction = progress.fraction();
        const int filled = static_cast<int>(fraction * kBarWidth);
        char percent[16];
        std::snprintf(percent, sizeof percent, " %3d%%", static_cast<int>(fraction * 100.0));
        line += '[' + std::string(static_cast<std::size_t>(filled), '#')
            + std::string(static_cast<std::size_t>(kBarWidth - filled), '.') + ']' + percent;
    } else {
        char read[32];
        std::snprintf(read, sizeof read, "%.1f MB", double(progress.bytesRead) / 1e6);
        line += read;
    }
    line += "  " + groupedThousands(progress.documents) + (progress.documents == 1 ? " document" : " documents");
    if (progress.problems > 0) line += ", " + groupedThousands(progress.problems) + " skipped";
    if (progress.seconds > 0.05) {
        char rate[32];
        std::snprintf(rate, sizeof rate, "  %.0f MB/s", double(progress.bytesRead) / 1e6 / progress.seconds);
        line += rate;
    }
    return line;
}

bool ImportProgressLine::isTerminal(const std::ostream& stream)
{
    return &stream == &std::cerr && isatty(STDERR_FILENO);
}

} // namespace tagbench::cli
