#include "core/model/textcnn/TextCnnOptions.h"

#include "core/util/ConfigReader.h"

namespace tagbench {

void TextCnnOptions::read(ConfigReader& r, const nlohmann::json& section, const std::string& path)
{
    r.readIntArray(section, path, "kernel_sizes", kernelSizes, 1, 64, 16);
    r.readInt(section, path, "num_kernels", numKernels, 1, 65536);
    r.readInt(section, path, "top_k_max_pooling", topKMaxPooling, 1, 64);
    r.readInt(section, path, "hidden", hidden, 0, 65536);
    r.readDouble(section, path, "dropout", dropout, 0.0, 0.95);
    // 0 (whole documents) is what Tagbench 0.1 wrote into FastText bundles' unused TextCNN keys.
    r.readInt(section, path, "max_length", maxLength, 0, 100000);
    r.reportUnknown(section, path);
}

nlohmann::json TextCnnOptions::toJson() const
{
    return {{"kernel_sizes", kernelSizes}, {"num_kernels", numKernels}, {"top_k_max_pooling", topKMaxPooling},
            {"hidden", hidden},            {"dropout", dropout},         {"max_length", maxLength}};
}

} // namespace tagbench
