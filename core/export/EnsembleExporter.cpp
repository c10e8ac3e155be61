#include "core/export/EnsembleExporter.h"

#include "core/eval/EnsembleRun.h"
#include "core/eval/RunFiles.h"
#include "core/export/Bundle.h"
#include "core/export/BundleFile.h"
#include "core/export/Safetensors.h"
#include "core/export/Sha256.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

namespace fs = std::filesystem;

Result<std::string> readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace

Result<ExportSummary> exportEnsembleBundle(const std::string& runDir, const std::string& outPath)
{
    auto spec = eval::loadEnsembleRun(runDir);
    if (!spec) return spec.error();
    BundleManifest manifest;
    manifest.tagbenchVersion = TAGBENCH_VERSION;
    manifest.created = utcNow();
    manifest.labels = spec->labels();
    manifest.hierarchy = LabelTree::fromLabels(manifest.labels);
    manifest.sourceRun = fs::absolute(runDir).lexically_normal().string();
    manifest.model.kind = kEnsembleKind;
    manifest.model.labels = static_cast<std::int64_t>(manifest.labels.size());
    auto rule = eval::currentRule(runDir, manifest.labels);
    if (!rule) return rule.error();
    manifest.rule = rule->rule;
    manifest.ruleSource = rule->source;
    for (const char* split : {"dev", "test"}) {
        std::error_code ec;
        if (!fs::is_regular_file(eval::runScoresPath(runDir, split), ec)) continue;
        auto scores = eval::loadRunSplit(runDir, split);
        if (!scores) return scores.error();
        manifest.metrics.push_back({split, eval::evaluate(scores->scores, manifest.rule)});
    }

    // Each member as its own bundle, then inside this one.
    std::vector<std::string> memberBytes;
    eval::EnsembleSpec stored = *spec;
    for (std::size_t m = 0; m < spec->members.size(); ++m) {
        const std::string temporary = outPath + ".member" + std::to_string(m) + ".tmp";
        auto member = exportBundle(spec->members[m].run, temporary);
        if (!member) {
            std::remove(temporary.c_str());
            return Error{"ensemble member " + std::to_string(m + 1) + ": " + member.message()};
        }
        auto bytes = readBytes(temporary);
        std::remove(temporary.c_str());
        if (!bytes) return bytes.error();
        memberBytes.push_back(std::move(*bytes));
        stored.members[m].run = "member" + std::to_string(m);
    }
    manifest.ensembleJson = nlohmann::json::parse(stored.toJson()).dump();
    manifest.trainingConfigJson = "{}";

    std::vector<TensorRef> refs;
    for (std::size_t m = 0; m < memberBytes.size(); ++m)
        refs.push_back({kEnsembleMemberTensorPrefix + std::to_string(m), TensorDType::U8,
                        {static_cast<std::int64_t>(memberBytes[m].size())}, memberBytes[m].data(), memberBytes[m].size()});
    auto weights = SafetensorsWriter::create(std::move(refs), {{"format", "tagbench-ensemble"}});
    if (!weights) return weights.error();
    Sha256 hash;
    weights->write([&hash](std::string_view bytes) { hash.update(bytes); });
    manifest.weightsSha256 = Sha256::toHex(hash.finish());
    manifest.weightsBytes = weights->size();
    auto checksum = writeBundleFile(outPath, manifest.toJson(), *weights);
    if (!checksum) return checksum.error();

    // Read back what was written, as a user of the bundle will, member by member.
    auto reopened = Bundle::open(outPath);
    if (!reopened) return Error{"the bundle just written does not verify: " + reopened.message()};
    for (std::size_t m = 0; m < memberBytes.size(); ++m)
        if (auto member = reopened->member(m); !member) return Error{"the bundle just written does not verify: " + member.message()};
    ExportSummary summary;
    summary.path = outPath;
    summary.checksum = *checksum;
    summary.bytes = reopened->fileSize();
    summary.tensors = memberBytes.size();
    summary.manifest = std::move(manifest);
    return summary;
}

} // namespace tagbench
