// The tagbench_spm module: wraps sentencepiece behind the C ABI of SpmPluginApi.h.
// No C++ exception or type may escape a function of this file.

#include "core/text/spm_plugin/SpmPluginApi.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct tagbench_spm_model {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

thread_local std::string t_lastError;

int fail(std::string message)
{
    t_lastError = std::move(message);
    return 1;
}

} // namespace

#define TAGBENCH_SPM_EXPORT extern "C" __attribute__((visibility("default")))

TAGBENCH_SPM_EXPORT int tagbench_spm_abi_version(void) { return TAGBENCH_SPM_ABI_VERSION; }

TAGBENCH_SPM_EXPORT int tagbench_spm_train(const char* const* names, const char* const* values, size_t count,
                                           tagbench_spm_bytes_fn sink, void* user)
{
    try {
        t_lastError.clear();
        std::unordered_map<std::string, std::string> kwargs;
        for (size_t i = 0; i < count; ++i) {
            // This sentencepiece has no seed flag, only a global setter; accept it as one.
            if (std::strcmp(names[i], "random_seed") == 0)
                sentencepiece::SetRandomGeneratorSeed(static_cast<unsigned int>(std::strtoul(values[i], nullptr, 10)));
            else
                kwargs[names[i]] = values[i];
        }
        std::string model;
        const auto status = sentencepiece::SentencePieceTrainer::Train(kwargs, nullptr, &model);
        if (!status.ok()) return fail("sentencepiece training failed: " + status.ToString());
        if (model.empty()) return fail("sentencepiece training produced an empty model");
        sink(model.data(), model.size(), user);
        return 0;
    } catch (const std::exception& e) {
        return fail(std::string("sentencepiece training failed: ") + e.what());
    } catch (...) {
        return fail("sentencepiece training failed with an unknown exception");
    }
}

TAGBENCH_SPM_EXPORT tagbench_spm_model* tagbench_spm_load(const char* bytes, size_t size)
{
    try {
        t_lastError.clear();
        auto model = std::make_unique<tagbench_spm_model>();
        const auto status = model->processor.LoadFromSerializedProto(std::string(bytes, size));
        if (!status.ok()) {
            fail("cannot load sentencepiece model: " + status.ToString());
            return nullptr;
        }
        return model.release();
    } catch (const std::exception& e) {
        fail(std::string("cannot load sentencepiece model: ") + e.what());
    } catch (...) {
        fail("cannot load sentencepiece model: unknown exception");
    }
    return nullptr;
}

TAGBENCH_SPM_EXPORT int tagbench_spm_encode(const tagbench_spm_model* model, const char* text, size_t size,
                                            tagbench_spm_piece_fn sink, void* user)
{
    try {
        if (!model) return fail("sentencepiece encode called without a model");
        // Thread-local scratch: encode is called per document from several workers.
        thread_local std::vector<std::string> pieces;
        pieces.clear();
        const auto status = model->processor.Encode(absl::string_view(text, size), &pieces);
        if (!status.ok()) return fail("sentencepiece encode failed: " + status.ToString());
        for (const auto& piece : pieces) sink(piece.data(), piece.size(), user);
        return 0;
    } catch (const std::exception& e) {
        return fail(std::string("sentencepiece encode failed: ") + e.what());
    } catch (...) {
        return fail("sentencepiece encode failed: unknown exception");
    }
}

TAGBENCH_SPM_EXPORT int tagbench_spm_vocab_size(const tagbench_spm_model* model)
{
    return model ? model->processor.GetPieceSize() : 0;
}

TAGBENCH_SPM_EXPORT void tagbench_spm_free(tagbench_spm_model* model) { delete model; }

TAGBENCH_SPM_EXPORT const char* tagbench_spm_last_error(void) { return t_lastError.c_str(); }
