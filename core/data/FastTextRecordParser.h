#pragma once

#include "core/data/RecordParser.h"

#include <string>

namespace tagbench {

struct ImportOptions;

/// fastText supervised lines: leading `__label__x` tokens (prefix configurable) are the labels,
/// the rest of the line is the text.
class FastTextRecordParser final : public RecordParser {
public:
    explicit FastTextRecordParser(const ImportOptions& options);

    void parse(ChunkView chunk, ParsedChunk& out) const override;

private:
    std::string m_prefix;
    bool m_allowEmptyLabels;
};

} // namespace tagbench
