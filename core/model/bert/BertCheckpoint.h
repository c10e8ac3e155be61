#pragma once

#include "core/model/bert/BertConfig.h"
#include "core/util/Result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// How a checkpoint stores its weights.
enum class BertWeightFormat {
    Safetensors,         // model.safetensors
    ShardedSafetensors,  // model.safetensors.index.json + model-0000i-of-0000n.safetensors
    PytorchBin,          // pytorch_model.bin (torch.save zip format)
    ShardedPytorchBin,   // pytorch_model.bin.index.json + pytorch_model-0000i-of-0000n.bin
};

/// "model.safetensors", ... (the file or index name the format is found by).
std::string_view bertWeightFormatName(BertWeightFormat format);

/// A Hugging Face BERT checkpoint folder, found and checked without reading the weights:
/// config.json (model_type bert), vocab.txt, optional tokenizer_config.json and
/// special_tokens_map.json, and the weights in the first format present, in the order
/// transformers prefers them: model.safetensors, its sharded index, pytorch_model.bin, its index.
class BertCheckpoint final {
public:
    /// Errors start with the path concerned (the folder, config.json, vocab.txt or the index).
    static Result<BertCheckpoint> open(const std::string& folder);

    const std::string& folder() const { return m_folder; }
    const BertConfig& config() const { return m_config; }
    const std::string& configPath() const { return m_configPath; }
    const std::string& vocabPath() const { return m_vocabPath; }

    BertWeightFormat weightFormat() const { return m_format; }
    /// The weight files in order (one, or the shards named by the index).
    const std::vector<std::string>& weightFiles() const { return m_weightFiles; }
    /// For sharded checkpoints: tensor name -> the index of its file in weightFiles(); else empty.
    const std::map<std::string, std::size_t>& shardOfTensor() const { return m_shardOfTensor; }
    /// The index file of a sharded checkpoint (else empty).
    const std::string& indexPath() const { return m_indexPath; }

private:
    Status readIndex(const std::string& indexPath);

    std::string m_folder;
    BertConfig m_config;
    std::string m_configPath;
    std::string m_vocabPath;
    BertWeightFormat m_format = BertWeightFormat::Safetensors;
    std::vector<std::string> m_weightFiles;
    std::map<std::string, std::size_t> m_shardOfTensor;
    std::string m_indexPath;
};

} // namespace tagbench
