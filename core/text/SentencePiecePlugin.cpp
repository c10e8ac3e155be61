#include "core/text/SentencePiecePlugin.h"

#include "core/text/spm_plugin/SpmPluginApi.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace tagbench {

struct SentencePiecePlugin::Api {
    decltype(&tagbench_spm_abi_version) abiVersion = nullptr;
    decltype(&tagbench_spm_train) train = nullptr;
    decltype(&tagbench_spm_load) load = nullptr;
    decltype(&tagbench_spm_encode) encode = nullptr;
    decltype(&tagbench_spm_vocab_size) vocabSize = nullptr;
    decltype(&tagbench_spm_free) free = nullptr;
    decltype(&tagbench_spm_last_error) lastError = nullptr;
};

namespace {

std::string executableDirectory()
{
    std::string buffer(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (n <= 0) return {};
    buffer.resize(static_cast<std::size_t>(n));
    const auto slash = buffer.find_last_of('/');
    return slash == std::string::npos ? std::string() : buffer.substr(0, slash);
}

bool isFile(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

template <typename Fn>
bool resolve(void* handle, const char* name, Fn& out)
{
    out = reinterpret_cast<Fn>(::dlsym(handle, name));
    return out != nullptr;
}

std::mutex g_mutex;
const SentencePiecePlugin* g_instance = nullptr;

} // namespace

SentencePiecePlugin::SentencePiecePlugin(std::string path, std::unique_ptr<Api> api)
    : m_path(std::move(path)), m_api(std::move(api))
{
}

const char* SentencePiecePlugin::fileName() { return "libtagbench_spm.so"; }

std::vector<std::string> SentencePiecePlugin::searchDirectories()
{
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("TAGBENCH_PLUGIN_DIR"); env && *env) dirs.emplace_back(env);
    if (const std::string exeDir = executableDirectory(); !exeDir.empty())
        dirs.push_back(exeDir + "/../lib/tagbench");
    dirs.emplace_back(TAGBENCH_PLUGIN_FULL_INSTALL_DIR);
    return dirs;
}

Result<const SentencePiecePlugin*> SentencePiecePlugin::instance()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (g_instance) return g_instance;
    // Failures are not cached: a later call may succeed once TAGBENCH_PLUGIN_DIR is fixed.
    std::string searched;
    for (const auto& dir : searchDirectories()) {
        const std::string path = dir + "/" + fileName();
        searched += "\n  " + path;
        if (!isFile(path)) continue;
        auto loaded = loadFrom(path);
        if (!loaded) return loaded;
        g_instance = *loaded;
        return g_instance;
    }
    return Error{std::string("the sentencepiece plugin (") + fileName()
                 + ") was not found; set TAGBENCH_PLUGIN_DIR to its directory. Searched:" + searched};
}

Result<const SentencePiecePlugin*> SentencePiecePlugin::loadFrom(const std::string& path)
{
    // DEEPBIND makes the module resolve sentencepiece/protobuf symbols against its own
    // dependencies first, even where LibTorch already put a libprotobuf in the global scope.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
        const char* why = ::dlerror();
        return Error{"cannot load the sentencepiece plugin " + path + ": " + (why ? why : "unknown error")};
    }
    auto api = std::make_unique<Api>();
    const bool complete = resolve(handle, "tagbench_spm_abi_version", api->abiVersion)
        && resolve(handle, "tagbench_spm_train", api->train) && resolve(handle, "tagbench_spm_load", api->load)
        && resolve(handle, "tagbench_spm_encode", api->encode)
        && resolve(handle, "tagbench_spm_vocab_size", api->vocabSize)
        && resolve(handle, "tagbench_spm_free", api->free)
        && resolve(handle, "tagbench_spm_last_error", api->lastError);
    if (!complete) {
        ::dlclose(handle);
        return Error{"the sentencepiece plugin " + path + " lacks the tagbench_spm functions"};
    }
    if (const int version = api->abiVersion(); version != TAGBENCH_SPM_ABI_VERSION) {
        ::dlclose(handle);
        return Error{"the sentencepiece plugin " + path + " has ABI version " + std::to_string(version)
                     + ", this program needs " + std::to_string(TAGBENCH_SPM_ABI_VERSION)};
    }
    // Never dlclose a loaded module: protobuf registers static data that must outlive every model.
    return static_cast<const SentencePiecePlugin*>(new SentencePiecePlugin(path, std::move(api)));
}

Result<std::string> SentencePiecePlugin::train(const std::vector<std::pair<std::string, std::string>>& flags) const
{
    std::vector<const char*> names;
    std::vector<const char*> values;
    for (const auto& [name, value] : flags) {
        names.push_back(name.c_str());
        values.push_back(value.c_str());
    }
    // The trainer keeps process-wide state (random seed, logging level): one training at a time.
    static std::mutex trainMutex;
    std::lock_guard<std::mutex> lock(trainMutex);
    std::string model;
    const int rc = m_api->train(names.data(), values.data(), names.size(), [](const char* bytes, std::size_t size, void* user) {
        static_cast<std::string*>(user)->assign(bytes, size);
    }, &model);
    if (rc != 0) return Error{m_api->lastError()};
    return model;
}

Result<SentencePiecePlugin::ModelHandle> SentencePiecePlugin::load(std::string_view modelBytes) const
{
    tagbench_spm_model* model = m_api->load(modelBytes.data(), modelBytes.size());
    if (!model) return Error{m_api->lastError()};
    auto freeFn = m_api->free;
    return ModelHandle(model, [freeFn](tagbench_spm_model* m) { freeFn(m); });
}

Status SentencePiecePlugin::encodeRaw(const tagbench_spm_model* model, std::string_view text, PieceFn fn,
                                      void* user) const
{
    if (m_api->encode(model, text.data(), text.size(), fn, user) != 0) return Error{m_api->lastError()};
    return {};
}

int SentencePiecePlugin::vocabSize(const tagbench_spm_model* model) const { return m_api->vocabSize(model); }

} // namespace tagbench
