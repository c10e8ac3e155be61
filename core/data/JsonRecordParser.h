#pragma once

#include "core/data/Dataset.h"
#include "core/data/RecordParser.h"

#include <string>

namespace tagbench {

struct ImportOptions;

/// One JSON object per line, parsed with simdjson: either JSON lines (text/labels/id
/// fields, names configurable) or NeuralClassifier (doc_label, doc_token joined by spaces).
class JsonRecordParser final : public RecordParser {
public:
    JsonRecordParser(DatasetFormat format, const ImportOptions& options);

    void parse(ChunkView chunk, ParsedChunk& out) const override;

private:
    bool m_neuralClassifier;
    bool m_allowEmptyLabels;
    bool m_requireLabels;
    std::string m_textField;
    std::string m_labelsField;
    std::string m_idField;
};

} // namespace tagbench
