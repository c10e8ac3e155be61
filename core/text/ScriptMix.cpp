#include "core/text/ScriptMix.h"

#include "core/util/Utf8.h"

#include <fstream>

namespace tagbench {

void ScriptMix::add(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::decode(text, pos);
        if (utf8::isCjk(cp)) ++cjk;
        else if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7))
            ++letters;
    }
}

ScriptMix sampleScriptMix(const std::string& path, std::size_t bytes)
{
    ScriptMix mix;
    std::ifstream in(path, std::ios::binary);
    if (!in) return mix;
    std::string sample(bytes, '\0');
    in.read(sample.data(), static_cast<std::streamsize>(bytes));
    sample.resize(static_cast<std::size_t>(in.gcount()));
    // The bytes as they are: field names add a few letters per record, and Chinese written as
    // \u escapes counts as letters, so the share errs towards the word tokenizer.
    mix.add(sample);
    return mix;
}

} // namespace tagbench
