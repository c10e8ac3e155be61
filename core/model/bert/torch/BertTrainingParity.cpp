#include "core/model/bert/torch/BertTrainingParity.h"

#include "core/model/bert/BertCheckpoint.h"
#include "core/model/bert/torch/BertParityDiff.h"
#include "core/model/bert/torch/BertWeights.h"
#include "core/text/WordPieceTokenizer.h"
#include "core/train/torch/LearningRateSchedule.h"
#include "core/train/torch/ParameterGroups.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

namespace tagbench {

namespace {

using nlohmann::json;

torch::Tensor matrix(const json& rows, torch::ScalarType dtype)
{
    std::vector<double> values;
    for (const auto& row : rows)
        for (const auto& v : row) values.push_back(v.get<double>());
    const auto count = static_cast<std::int64_t>(rows.size());
    return torch::tensor(values, torch::kFloat64).view({count, -1}).to(dtype);
}

// The optimizer of the recipe: "torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.999), ...)".
Result<OptimizerOptions> optimizerFromRecipe(const json& recipe, bool& noDecayGroups)
{
    OptimizerOptions options;
    options.kind = "adamw";
    options.weightDecay = 0.01;  // torch.optim.AdamW's default
    const std::regex call(R"(optim\.(AdamW|Adam)\s*\()");
    for (const auto& line : recipe) {
        if (!line.is_string()) continue;
        const std::string text = line.get<std::string>();
        std::smatch match;
        if (!std::regex_search(text, match, call)) continue;
        options.kind = match[1] == "AdamW" ? "adamw" : "adam";
        if (match[1] == "Adam") options.weightDecay = 0.0;
        const auto number = [&](const char* pattern, double& out) {
            std::smatch m;
            if (std::regex_search(text, m, std::regex(pattern))) out = std::stod(m[1]);
        };
        number(R"(\blr\s*=\s*([0-9.eE+-]+))", options.learningRate);
        number(R"(\beps\s*=\s*([0-9.eE+-]+))", options.epsilon);
        number(R"(\bweight_decay\s*=\s*([0-9.eE+-]+))", options.weightDecay);
        std::smatch betas;
        if (std::regex_search(text, betas, std::regex(R"(betas\s*=\s*\(\s*([0-9.eE+-]+)\s*,\s*([0-9.eE+-]+)\s*\))"))) {
            options.beta1 = std::stod(betas[1]);
            options.beta2 = std::stod(betas[2]);
        }
        if (text.find("amsgrad=True") != std::string::npos || text.find("amsgrad True") != std::string::npos)
            return Error{"the recipe uses amsgrad, which core/train's Adam does not implement"};
        noDecayGroups = text.find("no_decay") != std::string::npos;
        return options;
    }
    return Error{"no recipe line calls torch.optim.AdamW(...) or Adam(...)"};
}

// A parameter slice as the trace describes it: "row 5 ...", "row 1 first 8 ...",
// "flattened row-major, first 8 values ...", "first 8", "all".
Result<torch::Tensor> slice(const torch::Tensor& parameter, const std::string& description)
{
    std::smatch m;
    torch::Tensor t = parameter.detach();
    if (std::regex_search(description, m, std::regex(R"(^row (\d+))"))) {
        const std::int64_t row = std::stoll(m[1]);
        if (t.dim() < 2 || row >= t.size(0)) return Error{"slice \"" + description + "\" is outside the tensor"};
        t = t[row];
    } else if (description.rfind("all", 0) != 0 && description.rfind("first", 0) != 0 &&
               description.rfind("flattened", 0) != 0) {
        return Error{"unknown slice \"" + description + "\""};
    }
    t = t.reshape(-1);
    if (std::regex_search(description, m, std::regex(R"(first (\d+))"))) {
        const std::int64_t count = std::stoll(m[1]);
        if (count > t.numel()) return Error{"slice \"" + description + "\" is outside the tensor"};
        t = t.narrow(0, 0, count);
    }
    return t.clone();
}

Result<torch::Tensor> findParameter(BertClassifierImpl& model, const std::string& name)
{
    for (const auto& item : model.named_parameters())
        if (item.key() == name || item.key() == "bert." + name) return item.value();
    return Error{"the model has no parameter \"" + name + "\""};
}

struct TraceInputs {
    torch::Tensor ids, mask, types, labels;
    std::int64_t seed = 0;
    OptimizerOptions optimizer;
    bool noDecayGroups = false;
};

Status replay(const std::string& name, const json& trace, const TraceInputs& inputs, const BertCheckpoint& checkpoint,
              double tolerance, BertParityReport& report)
{
    BertClassifierOptions options;
    options.config = checkpoint.config();
    options.numLabels = inputs.labels.size(1);
    auto loaded = BertWeights::loadClassifier(checkpoint, options);
    if (!loaded) return loaded.error();
    BertClassifier model = *loaded;
    torch::manual_seed(static_cast<std::uint64_t>(inputs.seed));
    const BertConfig& config = options.config;
    const bool dropoutFree = config.hiddenDropoutProb == 0.0 && config.attentionProbsDropoutProb == 0.0 &&
                             config.classifierDropout.value_or(0.0) == 0.0;
    // With dropout a replay cannot match draw for draw; compare the deterministic recipe instead.
    model->train(dropoutFree);
    if (!dropoutFree) report.notes.push_back(name + ": the config has dropout; replayed with dropout off");

    std::vector<std::pair<std::string, torch::Tensor>> named;
    for (const auto& item : model->named_parameters()) named.emplace_back(item.key(), item.value());
    ParameterGroups optimizer(named, inputs.optimizer,
                              inputs.noDecayGroups ? ParameterGroups::noDecayOnBiasAndLayerNorm()
                                                   : std::vector<ParameterGroupSpec>{});
    const std::vector<torch::Tensor> parameters = optimizer.parameters();
    const json scheduler = trace.value("scheduler", json());
    auto schedule = LearningRateSchedule::parse(scheduler.is_string() ? scheduler.get<std::string>() : std::string());
    if (!schedule) return schedule.error();
    const json maxNormValue = trace.value("clip_grad_norm_max_norm", json());
    const double maxNorm = maxNormValue.is_number() ? maxNormValue.get<double>() : 0.0;
    const auto steps = trace.at("steps").get<std::int64_t>();

    BertParityDiff losses(name + ": losses", tolerance);
    BertParityDiff rates(name + ": learning rates", 1e-12);
    BertParityDiff norms(name + ": gradient norms", tolerance);
    BertParityDiff grads(name + ": gradients at step 1", tolerance);
    const auto lossOf = [&](const torch::Tensor& logits) {
        return torch::binary_cross_entropy_with_logits(logits, inputs.labels, {}, {}, at::Reduction::Mean);
    };
    const auto referenceAt = [&](const char* key, std::int64_t step) -> std::optional<double> {
        if (!trace.contains(key) || static_cast<std::int64_t>(trace.at(key).size()) <= step) return std::nullopt;
        return trace.at(key).at(static_cast<std::size_t>(step)).get<double>();
    };
    for (std::int64_t step = 0; step < steps; ++step) {
        const std::string where = "step " + std::to_string(step + 1);
        const double rate = inputs.optimizer.learningRate * schedule->factor(step);
        optimizer.setLearningRate(rate);
        if (auto r = referenceAt("lr_used", step)) rates.compare(*r, rate, where);
        const torch::Tensor loss = lossOf(model->forward(inputs.ids, inputs.mask, inputs.types));
        if (auto r = referenceAt("losses_before_step", step)) losses.compare(*r, loss.item<double>(), where);
        loss.backward();
        const double norm = clipGradientNorm(parameters, maxNorm);
        if (auto r = referenceAt("grad_norm_before_clip", step)) norms.compare(*r, norm, where);
        if (step == 0 && trace.contains("grads_at_step1")) {
            for (const auto& entry : trace.at("grads_at_step1")) {
                const std::string tensorName = entry.at("name").get<std::string>();
                auto parameter = findParameter(*model, tensorName);
                if (!parameter) return parameter.error();
                if (!parameter->grad().defined()) return Error{"\"" + tensorName + "\" has no gradient at step 1"};
                auto values = slice(parameter->grad(), entry.at("slice").get<std::string>());
                if (!values) return values.error();
                grads.compare(entry.at("values").get<std::vector<double>>(), *values, tensorName);
            }
        }
        optimizer.step();
        optimizer.zeroGrad();
    }

    BertParityDiff logitsAfter(name + ": logits after the last step", tolerance);
    BertParityDiff paramsAfter(name + ": parameters after the last step", tolerance);
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = model->forward(inputs.ids, inputs.mask, inputs.types);
        if (trace.contains("loss_after_last_step"))
            losses.compare(trace.at("loss_after_last_step").get<double>(), lossOf(logits).item<double>(), "after the last step");
        if (trace.contains("logits_after_last_step")) {
            const torch::Tensor reference = matrix(trace.at("logits_after_last_step"), torch::kFloat64).contiguous();
            logitsAfter.compare(std::vector<double>(reference.data_ptr<double>(), reference.data_ptr<double>() + reference.numel()),
                                logits, "logits");
        }
        for (const auto& entry : trace.value("params_after_last_step", json::array())) {
            const std::string tensorName = entry.at("name").get<std::string>();
            auto parameter = findParameter(*model, tensorName);
            if (!parameter) return parameter.error();
            auto values = slice(*parameter, entry.at("slice").get<std::string>());
            if (!values) return values.error();
            paramsAfter.compare(entry.at("values").get<std::vector<double>>(), *values, tensorName);
        }
    }
    for (const BertParityDiff* diff : {&rates, &losses, &norms, &grads, &logitsAfter, &paramsAfter})
        if (diff->check().compared > 0 || !diff->check().mismatches.empty()) report.checks.push_back(diff->check());
    return {};
}

} // namespace

Result<BertParityReport> BertTrainingParity::run(const std::string& checkpointFolder, const std::string& tracePath,
                                                 double tolerance)
{
    std::ifstream in(tracePath, std::ios::binary);
    if (!in) return Error{tracePath + ": cannot open the file"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const json trace = json::parse(buffer.str(), nullptr, false);
    if (trace.is_discarded() || !trace.is_object() || !trace.contains("input_ids") || !trace.contains("labels"))
        return Error{tracePath + ": not a training trace (a JSON object with \"input_ids\" and \"labels\")"};

    auto checkpoint = BertCheckpoint::open(checkpointFolder);
    if (!checkpoint) return checkpoint.error();
    auto tokenizer = WordPieceTokenizer::fromFolder(checkpointFolder);
    if (!tokenizer) return tokenizer.error();

    try {
        BertParityReport report;
        TraceInputs inputs;
        auto optimizer = optimizerFromRecipe(trace.value("recipe", json::array()), inputs.noDecayGroups);
        if (!optimizer) return Error{tracePath + ": " + optimizer.message()};
        inputs.optimizer = *optimizer;
        inputs.seed = trace.value("seed", std::int64_t{0});
        inputs.ids = matrix(trace.at("input_ids"), torch::kInt64);
        inputs.mask = trace.contains("attention_mask") ? matrix(trace.at("attention_mask"), torch::kInt64)
                                                       : torch::ones_like(inputs.ids);
        inputs.types = trace.contains("token_type_ids") ? matrix(trace.at("token_type_ids"), torch::kInt64)
                                                        : torch::zeros_like(inputs.ids);
        inputs.labels = matrix(trace.at("labels"), torch::kFloat32);

        if (trace.contains("texts")) {
            // The batch the reference trained on, as this tokenizer encodes it.
            BertParityCheck ids = BertParityCheck::exactCheck("trace input ids and mask");
            const auto texts = trace.at("texts").get<std::vector<std::string>>();
            const auto maxLength = static_cast<std::size_t>(trace.value("max_length", inputs.ids.size(1)));
            const WordPieceBatch batch = tokenizer->encodeBatch(texts, maxLength);
            const auto flat = [](const torch::Tensor& t) {
                const torch::Tensor c = t.contiguous();
                return std::vector<std::int64_t>(c.data_ptr<std::int64_t>(), c.data_ptr<std::int64_t>() + c.numel());
            };
            ++ids.compared;
            if (batch.inputIds != flat(inputs.ids) || batch.attentionMask != flat(inputs.mask))
                ids.mismatches.push_back("the texts encode to other ids or masks than the trace's input_ids/attention_mask");
            report.checks.push_back(ids);
        }
        std::size_t traces = 0;
        for (const auto& [name, value] : trace.items()) {
            if (!value.is_object() || !value.contains("losses_before_step")) continue;
            if (auto s = replay(name, value, inputs, *checkpoint, tolerance, report); !s)
                return Error{tracePath + ": trace \"" + name + "\": " + s.message()};
            ++traces;
        }
        if (traces == 0) return Error{tracePath + ": no trace (an object with \"losses_before_step\") in the file"};
        return report;
    } catch (const json::exception& e) {
        return Error{tracePath + ": " + e.what()};
    } catch (const c10::Error& e) {
        return Error{tracePath + ": " + e.what_without_backtrace()};
    } catch (const std::exception& e) {
        return Error{tracePath + ": " + e.what()};
    }
}

} // namespace tagbench
