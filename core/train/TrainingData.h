#pragma once

#include "core/model/EncodedSplit.h"
#include "core/train/TrainConfig.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tagbench {

class InputEncoder;

/// Everything training needs from the data files: labels, the model's input and the splits.
struct TrainingData {
    std::vector<std::string> labelNames;        // sorted; index = score column
    std::vector<std::int64_t> labelCounts;      // training documents per label
    std::shared_ptr<const InputEncoder> input;  // vocabulary and tokenizer, as the model kind fitted them
    EncodedSplit train, dev, test;              // test is empty when the config has none
    double seconds = 0.0;
};

/// Reads the data files of config, has the model kind fit its input (or, when resuming, reload
/// it from runDir), builds the label list and encodes every split. A fresh run writes
/// labels.txt and the input's files (vocab.tsv, tokenizer.model, ...) into runDir. log receives one line per step, and a
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
