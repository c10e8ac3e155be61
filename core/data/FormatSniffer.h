#pragma once

#include "core/data/Dataset.h"
#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace tagbench {

struct ImportOptions;

/// Decides the format of a dataset from its first bytes. The content decides; the extension
/// only breaks ties (a file that is CSV and TSV alike).
class FormatSniffer final {
public:
    explicit FormatSniffer(const ImportOptions& options);

    /// head: the first bytes of the file, BOM removed; complete: head is the whole file;
    /// extension: lowercase, without the dot.
    Result<DatasetFormat> detect(std::string_view head, bool complete, std::string_view extension) const;

    /// Error when head is binary data or text in another encoding than UTF-8.
    static Status checkText(std::string_view head, bool complete);

private:
    bool looksDelimited(std::string_view head, bool complete, char delimiter) const;

    bool isTextColumnHeader(std::string_view line) const;

    std::string m_labelPrefix;
    std::string m_textColumn;
    bool m_requireLabels;
};

} // namespace tagbench
