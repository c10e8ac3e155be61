#pragma once

#include "core/data/Dataset.h"
#include "core/data/ImportIssue.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// What to do with a document that cannot be imported.
enum class ErrorPolicy {
    Skip,  ///< leave it out, record an ImportIssue and go on
    Stop   ///< return the first problem as an Error ("file:line: reason")
};

/// Where an import stands, passed to ImportOptions::progress once per chunk.
struct ImportProgress {
    std::uint64_t bytesRead = 0;   ///< bytes of the file read and merged so far (BOM and CSV header included)
    std::uint64_t bytesTotal = 0;  ///< file size; 0 when unknown (a pipe)
    std::uint64_t documents = 0;   ///< documents imported so far (repeated ids are removed only at the end)
    std::uint64_t problems = 0;    ///< records skipped so far
    double seconds = 0.0;          ///< since the import started

    /// bytesRead / bytesTotal, at most 1; 0 when the total is unknown.
    double fraction() const;
};

/// Called on the thread that called readDataset after each chunk is merged (a few MiB, tens of
/// milliseconds); returning false cancels the import. Never called per document.
using ImportProgressCallback = std::function<bool(const ImportProgress& progress)>;

/// How to read a dataset file. Defaults read the debtags/NeuralClassifier/fastText files as they are.
struct ImportOptions {
    /// Forced format; Unknown means: detect from the content of the first non-empty lines.
    DatasetFormat format = DatasetFormat::Unknown;
    ErrorPolicy policy = ErrorPolicy::Skip;

    /// Documents with an empty label list are kept by default: they are legitimate negatives for a
    /// multi-label classifier and statistics count them as "documents with no label". When false
    /// they are reported as IssueKind::EmptyLabels and handled by the policy.
    bool allowEmptyLabels = true;

    /// When false, labels are optional (documents read for prediction): a JSON record without the
    /// labels field (doc_label for NeuralClassifier), a CSV/TSV file or record without the label
    /// column and a fastText line without label tokens give a document with no labels, and
    /// allowEmptyLabels is not consulted. Labels that are present are read as usual. Format
    /// detection then also accepts a one-column CSV/TSV whose header is the text column and plain
    /// text (one document per line, read as fastText without labels).
    bool requireLabels = true;

    // JSON lines field names.
    std::string textField = "text";
    std::string labelsField = "labels";
    std::string idField = "id";  ///< optional in the data; empty disables ids

    /// fastText label prefix.
    std::string labelPrefix = "__label__";

    // CSV/TSV: a column is a header name or, when it is all digits, a 0-based index.
    std::string textColumn = "text";
    std::string labelColumn = "labels";
    std::string idColumn;                ///< optional; empty: no id column
    bool csvHeader = true;               ///< first record is a header (required for column names)
    std::string labelSeparator = ",";    ///< splits the label cell; "," "|" ";" " " ...

    /// Worker threads for parsing; 0 means min(hardware threads, 4) (beyond that the in-order
    /// merge on the calling thread is the bottleneck).
    unsigned threads = 0;

    /// At most this many issues are kept with their text; counts per kind are always complete.
    std::size_t maxIssues = 1000;

    /// Progress and cancellation; see ImportProgressCallback. A cancelled import stops within the
    /// chunks already being parsed, keeps nothing, sets ImportReport::cancelled and returns the
    /// Error "Import of FILE cancelled after N documents".
    ImportProgressCallback progress;

    /// Bytes read per chunk; 0 means ChunkSource::kChunkBytes (8 MiB). Smaller chunks give finer
    /// progress at some speed cost; tests use them to cross many chunk boundaries in small files.
    std::size_t chunkBytes = 0;
};

/// What an import did: format, counts, and the problems found (see ImportOptions::maxIssues).
struct ImportReport {
    DatasetFormat format = DatasetFormat::Unknown;
    bool formatDetected = false;           ///< true when the format came from sniffing
    std::uint64_t bytes = 0;               ///< file size
    std::uint64_t lines = 0;               ///< physical lines read
    std::uint64_t documents = 0;           ///< documents imported
    std::uint64_t skipped = 0;             ///< documents (records) left out under ErrorPolicy::Skip
    std::uint64_t documentsWithoutLabels = 0;
    std::vector<ImportIssue> issues;       ///< in file order, at most maxIssues
    std::uint64_t issueCounts[kIssueKindCount] = {};  ///< all issues, by IssueKind
    double seconds = 0.0;                  ///< wall time of the import
    bool cancelled = false;                ///< ImportOptions::progress returned false

    /// Total number of issues of every kind (may exceed issues.size()).
    std::uint64_t issueCount() const;
    /// One line per kind with a non-zero count, e.g. "3 invalid UTF-8, 1 duplicate id".
    std::string summary() const;
};

/// Reads a dataset file (JSON lines, NeuralClassifier, fastText, CSV/TSV; UTF-8, optional BOM).
/// Streams the file in chunks: peak memory is the Dataset plus a few chunks. Returns an Error for
/// unreadable files, files that are not a dataset, the first bad record under ErrorPolicy::Stop,
/// and files in which no record could be imported.
Result<Dataset> readDataset(const std::string& path, const ImportOptions& options = {},
                            ImportReport* report = nullptr);

/// Encodes one document's text on the import worker that parsed it, right after parsing it (while the
/// text is in cache): appends ids to out and returns how many. Called concurrently from several workers.
using DocumentEncoder = std::function<std::size_t(std::string_view text, std::vector<std::int32_t>& out)>;

/// Token ids of the documents of a fused import, in CSR form: document i is
/// tokens[offsets[i] .. offsets[i+1]) of the returned Dataset.
struct ImportedTokens {
    std::vector<std::int32_t> tokens;
    std::vector<std::uint64_t> offsets{0};
};

/// Like readDataset, and also runs encode on every document on the worker threads. The ids in
/// tokens equal encoding the returned Dataset afterwards, document by document: skipped records
/// and removed duplicates leave no ids behind.
Result<Dataset> readDataset(const std::string& path, const ImportOptions& options, ImportReport* report,
                            const DocumentEncoder& encode, ImportedTokens& tokens);

/// Detects the format of a file from its first non-empty lines (the extension only breaks ties);
/// Error when the content looks like no supported format (binary, free text).
Result<DatasetFormat> detectFormat(const std::string& path, const ImportOptions& options = {});

} // namespace tagbench
