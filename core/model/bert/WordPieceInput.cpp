#include "core/model/bert/WordPieceInput.h"

#include "core/util/AtomicFile.h"

namespace tagbench {

WordPieceInput::WordPieceInput(WordPieceTokenizer tokenizer, std::int64_t maxLength)
    : m_tokenizer(std::move(tokenizer)), m_maxLength(maxLength)
{
    m_config.kind = TokenizerKind::WordPiece;
    m_config.lowercase = m_tokenizer.settings().basic.lowercase;
}

void WordPieceInput::encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>&) const
{
    const WordPieceEncoding encoding = m_tokenizer.encode(text, static_cast<std::size_t>(m_maxLength));
    ids.insert(ids.end(), encoding.inputIds.begin(), encoding.inputIds.end());
}

Status WordPieceInput::save(const std::string& runDir) const
{
    std::string text;
    for (const auto& token : m_tokenizer.tokens()) text += token + '\n';
    return writeFileAtomically(runDir + "/vocab.txt", text);
}

} // namespace tagbench
