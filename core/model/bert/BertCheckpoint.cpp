#include "core/model/bert/BertCheckpoint.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tagbench {

namespace fs = std::filesystem;

namespace {

bool isFile(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

} // namespace

std::string_view bertWeightFormatName(BertWeightFormat format)
{
    switch (format) {
    case BertWeightFormat::Safetensors: return "model.safetensors";
    case BertWeightFormat::ShardedSafetensors: return "model.safetensors.index.json";
    case BertWeightFormat::PytorchBin: return "pytorch_model.bin";
    case BertWeightFormat::ShardedPytorchBin: return "pytorch_model.bin.index.json";
    }
    return "model.safetensors";
}

Result<BertCheckpoint> BertCheckpoint::open(const std::string& folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return Error{folder + ": not a checkpoint folder (no such directory)"};
    const fs::path dir(folder);
    BertCheckpoint checkpoint;
    checkpoint.m_folder = folder;

    checkpoint.m_configPath = (dir / "config.json").string();
    if (!isFile(checkpoint.m_configPath))
        return Error{checkpoint.m_configPath + ": missing; a Hugging Face BERT folder needs config.json, vocab.txt and "
                     "model.safetensors (or pytorch_model.bin)"};
    auto config = BertConfig::fromFile(checkpoint.m_configPath);
    if (!config) return config.error();
    checkpoint.m_config = std::move(*config);

    checkpoint.m_vocabPath = (dir / "vocab.txt").string();
    if (!isFile(checkpoint.m_vocabPath))
        return Error{checkpoint.m_vocabPath + ": missing; the WordPiece vocabulary is needed to tokenize"};

    const BertWeightFormat order[] = {BertWeightFormat::Safetensors, BertWeightFormat::ShardedSafetensors,
                                      BertWeightFormat::PytorchBin, BertWeightFormat::ShardedPytorchBin};
    for (const BertWeightFormat format : order) {
        const fs::path candidate = dir / std::string(bertWeightFormatName(format));
        if (!isFile(candidate)) continue;
        checkpoint.m_format = format;
        if (format == BertWeightFormat::Safetensors || format == BertWeightFormat::PytorchBin) {
            checkpoint.m_weightFiles = {candidate.string()};
        } else if (auto s = checkpoint.readIndex(candidate.string()); !s) {
            return s.error();
        }
        return checkpoint;
    }
    std::string found;
    for (const char* other : {"tf_model.h5", "flax_model.msgpack", "model.ckpt.index"})
        if (isFile(dir / other)) found += std::string(found.empty() ? "" : ", ") + other;
    return Error{folder + ": no weights: expected model.safetensors, model.safetensors.index.json, pytorch_model.bin or "
                 "pytorch_model.bin.index.json" +
                 (found.empty() ? std::string() : " (found " + found + ": TensorFlow/Flax weights are not supported; "
                                                  "convert them with transformers' from_pretrained(..., from_tf=True) "
                                                  "and save_pretrained(..., safe_serialization=True))")};
}

Status BertCheckpoint::readIndex(const std::string& indexPath)
{
    m_indexPath = indexPath;
    std::ifstream in(indexPath, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const auto index = nlohmann::json::parse(buffer.str(), nullptr, false);
    if (index.is_discarded() || !index.is_object()) return Error{indexPath + ": not a JSON object"};
    const auto map = index.find("weight_map");
    if (map == index.end() || !map->is_object() || map->empty())
        return Error{indexPath + ": field \"weight_map\" must map tensor names to shard files"};
    std::map<std::string, std::size_t> fileIndex;
    const fs::path dir(m_folder);
    for (const auto& [tensor, file] : map->items()) {
        if (!file.is_string())
            return Error{indexPath + ": field \"weight_map\": the shard of \"" + tensor + "\" is not a file name"};
        const std::string name = file.get<std::string>();
        // Shards sit next to the index; a name that leaves the folder is refused.
        const fs::path shard = dir / name;
        if (name.empty() || fs::path(name).is_absolute() || name.find("..") != std::string::npos)
            return Error{indexPath + ": field \"weight_map\": shard \"" + name + "\" is not a file in the folder"};
        auto [it, inserted] = fileIndex.emplace(name, m_weightFiles.size());
        if (inserted) {
            if (!isFile(shard))
                return Error{shard.string() + ": missing (listed in " + indexPath + " for \"" + tensor + "\")"};
            m_weightFiles.push_back(shard.string());
        }
        m_shardOfTensor[tensor] = it->second;
    }
    return {};
}

} // namespace tagbench
