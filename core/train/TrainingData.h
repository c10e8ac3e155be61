#pragma once

#include "core/train/TrainConfig.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tagbench {

class Vocabulary;

/// One split ready for batching: model input ids and sorted gold label indices per document,
/// both in CSR form. For FastText the input holds the word ids followed by the hashed n-grams.
struct EncodedSplit {
    std::string name;                      // "train", "dev", "test"
    std::string path;
    std::vector<std::string> ids;          // document ids (the dataset's, else "line N")
    std::vector<std::int64_t> inputs;
    std::vector<std::uint64_t> inputOffsets{0};
    std::vector<std::uint32_t> gold;
    std::vector<std::uint64_t> goldOffsets{0};
    std::int64_t unknownLabels = 0;        // gold labels absent from the training labels (dropped)

    std::size_t size() const { return ids.size(); }
    std::size_t inputLength(std::size_t i) const { return static_cast<std::size_t>(inputOffsets[i + 1] - inputOffsets[i]); }
};

/// Everything training needs from the data files: labels, vocabulary, tokenizer and the splits.
struct TrainingData {
    std::vector<std::string> labelNames;        // sorted; index = score column
    std::vector<std::int64_t> labelCounts;      // training documents per label
    std::shared_ptr<const Vocabulary> vocabulary;
    std::string sentencepieceModel;             // model bytes when the tokenizer is sentencepiece
    EncodedSplit train, dev, test;              // test is empty when the config has none
    double seconds = 0.0;
};

/// Reads the data files of config, builds (or, when resuming, reloads from runDir) the label list,
/// tokenizer and vocabulary, and encodes every split. A fresh run writes labels.txt, vocab.tsv
/// and, for sentencepiece, tokenizer.model into runDir. log receives one line per step, and a
/// progress line every few seconds while a big file is read. When *cancel becomes true while the
/// files are read (checked per chunk) or before the tokenizer is built, it returns the error
/// kDataPreparationCancelled.
Result<TrainingData> prepareTrainingData(const TrainConfig& config, const std::string& runDir, bool resume,
                                         const std::function<void(const std::string&)>& log,
                                         const std::atomic<bool>* cancel = nullptr);

/// The message of prepareTrainingData's error when it was cancelled.
extern const char* const kDataPreparationCancelled;

/// Reads RUN_DIR/labels.txt (one name per line).
Result<std::vector<std::string>> loadLabelNames(const std::string& path);

} // namespace tagbench
