#pragma once

#include "core/data/DatasetReader.h"

#include <chrono>
#include <ostream>
#include <string>

namespace tagbench::cli {

/// Draws a dataset import's progress on one terminal line (like train's progress bar), redrawn
/// in place at most every 100 ms. Disabled, it prints nothing: output piped to a file or compared
/// by tests stays free of progress noise.
class ImportProgressLine final {
public:
    /// enabled: stream is a terminal (see isTerminal()).
    ImportProgressLine(std::ostream& stream, bool enabled);
    ~ImportProgressLine();
    ImportProgressLine(const ImportProgressLine&) = delete;
    ImportProgressLine& operator=(const ImportProgressLine&) = delete;

    /// Shows where the import of file stands.
    void update(const std::string& file, const ImportProgress& progress);
    /// Erases the line, before other output or when the import is over.
    void clear();

    /// The line for progress, e.g. "train.jsonl [#########...............]  38%  19,283 documents  310 MB/s".
    static std::string text(const std::string& file, const ImportProgress& progress);
    /// True when stream is std::cerr and standard error is a terminal.
    static bool isTerminal(const std::ostream& stream);

private:
    std::ostream& m_stream;
    bool m_enabled;
    bool m_shown = false;
    std::chrono::steady_clock::time_point m_lastDrawn;
};

} // namespace tagbench::cli
