#pragma once

#include <string>
#include <string_view>

namespace tagbench {

/// True when folding could change text (it holds A-Z or any non-ASCII byte).
bool mayNeedFolding(std::string_view text);

/// Replaces out with text where every code point went through utf8::foldCase.
void foldCaseInto(std::string_view text, std::string& out);

} // namespace tagbench
