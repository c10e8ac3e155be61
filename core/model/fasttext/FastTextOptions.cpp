#include "core/model/fasttext/FastTextOptions.h"

#include "core/util/ConfigReader.h"

namespace tagbench {

void FastTextOptions::read(ConfigReader& r, const nlohmann::json& section, const std::string& path)
{
    r.readInt(section, path, "word_ngrams", wordNgrams, 1, 6);
    r.readInt(section, path, "buckets", buckets, 0, 100000000);
    r.reportUnknown(section, path);
}

nlohmann::json FastTextOptions::toJson() const
{
    return {{"word_ngrams", wordNgrams}, {"buckets", buckets}};
}

} // namespace tagbench
