#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// A dataset file registered in a project.
struct DatasetRecord {
    std::int64_t id = 0;
    std::string path;
    std::string contentHash;   ///< ContentHash::format() of the file's bytes
    std::string format;        ///< formatName() of the DatasetFormat
    std::string split;         ///< "train", "dev", "test" or empty
    std::int64_t documents = 0;
    std::int64_t labels = 0;   ///< distinct labels
    std::int64_t bytes = 0;
    std::int64_t addedAt = 0;  ///< seconds since the Unix epoch (UTC)
};

/// Lifecycle of a training run.
enum class RunStatus { Created, Running, Finished, Failed, Cancelled };

/// Stable lowercase name ("created", "running", ...) and its inverse.
std::string_view runStatusName(RunStatus status);
std::optional<RunStatus> parseRunStatus(std::string_view name);

/// A training run and where its files live.
struct RunRecord {
    std::int64_t id = 0;
    std::string runDir;
    std::string configJson;     ///< the validated training config
    RunStatus status = RunStatus::Created;
    std::string modelType;
    std::string metricsJson;    ///< summary of the best epoch, "{}" when none yet
    std::optional<std::int64_t> trainDatasetId;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> finishedAt;
};

/// Metrics of one epoch of a run.
struct EpochMetricsRecord {
    std::int64_t runId = 0;
    int epoch = 0;
    double trainLoss = 0.0;
    std::optional<double> devLoss;
    std::string metricsJson;    ///< everything else (micro/macro F1, P@k, ...), as one JSON object
    double seconds = 0.0;
};

/// A named decision rule (thresholds / top-k) saved for a run, as JSON.
struct RuleRecord {
    std::int64_t runId = 0;
    std::string name;           ///< "default" unless the user keeps several
    std::string ruleJson;
    std::int64_t updatedAt = 0;
};

/// What an annotator did with one prediction.
enum class ReviewDecision { Accepted, Corrected, Skipped };

std::string_view reviewDecisionName(ReviewDecision decision);
std::optional<ReviewDecision> parseReviewDecision(std::string_view name);

/// The latest review of one document of a run's split.
struct ReviewRecord {
    std::int64_t runId = 0;
    std::string split;          ///< "dev" or "test"
    std::int64_t docIndex = 0;  ///< row in the split (stable for a given dataset file)
    std::string docId;          ///< the document's own id, when it has one
    ReviewDecision decision = ReviewDecision::Accepted;
    std::vector<std::string> correctedLabels;  ///< the full label set after correction
    std::string annotator;
    std::int64_t reviewedAt = 0;
};

/// The vocabulary the project shares between runs.
struct VocabularyReference {
    std::string path;
    std::string contentHash;
    std::int64_t size = 0;
};

} // namespace tagbench
