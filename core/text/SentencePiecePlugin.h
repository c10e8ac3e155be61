#pragma once

#include "core/util/Result.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct tagbench_spm_model;

namespace tagbench {

/// The tagbench_spm module, loaded with dlopen(RTLD_LOCAL | RTLD_DEEPBIND) so that the protobuf
/// inside Debian's libsentencepiece never meets LibTorch's. Loaded once and never unloaded.
class SentencePiecePlugin final {
public:
    /// A model loaded inside the module; freed through the module.
    using ModelHandle = std::shared_ptr<tagbench_spm_model>;

    /// The process-wide instance; the error names every place that was searched.
    static Result<const SentencePiecePlugin*> instance();

    /// Directories searched, in order: $TAGBENCH_PLUGIN_DIR, <exe dir>/../lib/tagbench, the install dir.
    static std::vector<std::string> searchDirectories();

    /// File name of the module ("libtagbench_spm.so").
    static const char* fileName();

    /// Trains with (flag, value) pairs (spm_train names without "--"); returns the model bytes.
    Result<std::string> train(const std::vector<std::pair<std::string, std::string>>& flags) const;

    /// Loads serialized model bytes.
    Result<ModelHandle> load(std::string_view modelBytes) const;

    /// Calls sink(piece, size) per piece of text; fails only on internal sentencepiece errors.
    template <typename Sink>
    Status encode(const tagbench_spm_model* model, std::string_view text, const Sink& sink) const
    {
        return encodeRaw(model, text, [](const char* bytes, std::size_t size, void* user) {
            (*static_cast<const Sink*>(user))(std::string_view(bytes, size));
        }, const_cast<Sink*>(&sink));
    }

    /// Number of pieces in model's vocabulary.
    int vocabSize(const tagbench_spm_model* model) const;

    /// Where the module was loaded from.
    const std::string& path() const { return m_path; }

private:
    struct Api;
    using PieceFn = void (*)(const char*, std::size_t, void*);

    SentencePiecePlugin(std::string path, std::unique_ptr<Api> api);
    Status encodeRaw(const tagbench_spm_model* model, std::string_view text, PieceFn fn, void* user) const;
    static Result<const SentencePiecePlugin*> loadFrom(const std::string& path);

    std::string m_path;
    std::unique_ptr<Api> m_api;
};

} // namespace tagbench
