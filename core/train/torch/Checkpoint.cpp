#include "core/train/torch/Checkpoint.h"

#include "core/train/torch/Optimizer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tagbench {

namespace {

/// Saves archive to path atomically without an in-memory copy (FastText tables with millions of
/// bucket rows make checkpoints of gigabytes): write a sibling temporary, fsync it, rename it.
Status writeArchive(const std::string& path, torch::serialize::OutputArchive& archive)
{
    const std::string temporary = path + ".tmp";
    archive.save_to(temporary);
    const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!synced || std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        return Error{path + ": cannot write: " + reason};
    }
    return {};
}

torch::Tensor stringTensor(const std::string& text)
{
    return torch::from_blob(const_cast<char*>(text.data()), {static_cast<std::int64_t>(text.size())}, torch::kUInt8).clone();
}

std::string tensorString(const torch::Tensor& tensor)
{
    const torch::Tensor bytes = tensor.to(torch::kCPU).contiguous();
    return std::string(reinterpret_cast<const char*>(bytes.data_ptr<std::uint8_t>()), static_cast<std::size_t>(bytes.numel()));
}

} // namespace

Status saveModel(const std::string& path, TextClassifierImpl& model)
{
    try {
        torch::serialize::OutputArchive archive;
        model.save(archive);
        return writeArchive(path, archive);
    } catch (const c10::Error& e) {
        return Error{path + ": cannot save the model: " + e.what_without_backtrace()};
    }
}

Status loadModel(const std::string& path, TextClassifierImpl& model, const torch::Device& device)
{
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, device);
        model.load(archive);
        return {};
    } catch (const c10::Error& e) {
        return Error{path + ": cannot load the model: " + e.what_without_backtrace()};
    }
}

Status saveCheckpoint(const std::string& path, TextClassifierImpl& model, const Optimizer& optimizer,
                      const TrainingState& state)
{
    try {
        torch::serialize::OutputArchive archive, modelArchive, optimizerArchive;
        model.save(modelArchive);
        optimizer.save(optimizerArchive);
        archive.write("model", modelArchive);
        archive.write("optimizer", optimizerArchive);
        archive.write("epochs_done", torch::tensor(state.epochsDone), true);
        archive.write("best_epoch", torch::tensor(state.bestEpoch), true);
        archive.write("best_dev_micro_f1", torch::tensor(state.bestScore, torch::kFloat64), true);
        archive.write("best_report_micro_f1", torch::tensor(state.bestDevMicroF1, torch::kFloat64), true);
        archive.write("learning_rate_scale", torch::tensor(state.learningRateScale, torch::kFloat64), true);
        archive.write("epochs_without_improvement", torch::tensor(state.epochsWithoutImprovement), true);
        archive.write("train_seconds", torch::tensor(state.trainSeconds, torch::kFloat64), true);
        archive.write("examples_seen", torch::tensor(state.examplesSeen), true);
        archive.write("metrics_jsonl", stringTensor(state.metricsJsonl), true);
        return writeArchive(path, archive);
    } catch (const c10::Error& e) {
        return Error{path + ": cannot save the checkpoint: " + e.what_without_backtrace()};
    }
}

Result<TrainingState> loadCheckpoint(const std::string& path, TextClassifierImpl& model, Optimizer& optimizer,
                                     const torch::Device& device)
{
    try {
        torch::serialize::InputArchive archive, modelArchive, optimizerArchive;
        archive.load_from(path, device);
        archive.read("model", modelArchive);
        archive.read("optimizer", optimizerArchive);
        model.load(modelArchive);
        optimizer.load(optimizerArchive);
        // A fresh tensor per key: reading into a defined tensor set_()s it onto the archive's
        // fixed-size storage, which fails when the next value has another size.
        const auto read = [&archive](const char* key) {
            torch::Tensor value;
            archive.read(key, value, /*is_buffer=*/true);
            return value;
        };
        TrainingState state;
        state.epochsDone = read("epochs_done").item<std::int64_t>();
        state.bestEpoch = read("best_epoch").item<std::int64_t>();
        state.bestScore = read("best_dev_micro_f1").item<double>();
        // Written since 0.2; a 0.1 checkpoint selected by micro-F1 at the full learning rate.
        torch::Tensor reported, scale;
        state.bestDevMicroF1 = archive.try_read("best_report_micro_f1", reported, true) ? reported.item<double>() : state.bestScore;
        state.learningRateScale = archive.try_read("learning_rate_scale", scale, true) ? scale.item<double>() : 1.0;
        state.epochsWithoutImprovement = read("epochs_without_improvement").item<std::int64_t>();
        state.trainSeconds = read("train_seconds").item<double>();
        state.examplesSeen = read("examples_seen").item<std::int64_t>();
        state.metricsJsonl = tensorString(read("metrics_jsonl"));
        return state;
    } catch (const c10::Error& e) {
        return Error{path + ": cannot resume from this checkpoint: " + e.what_without_backtrace()};
    }
}

} // namespace tagbench
