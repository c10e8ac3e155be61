#include "core/model/bert/torch/BertForwardParity.h"

#include "core/model/bert/BertCheckpoint.h"
#include "core/model/bert/torch/BertParityDiff.h"
#include "core/model/bert/torch/BertWeights.h"
#include "core/text/WordPieceTokenizer.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

using nlohmann::json;

std::string joinTokens(const std::vector<std::string>& tokens)
{
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " ") + t;
    return out;
}

torch::Tensor longMatrix(const json& rows)
{
    std::vector<std::int64_t> values;
    for (const auto& row : rows)
        for (const auto& v : row) values.push_back(v.get<std::int64_t>());
    const auto count = static_cast<std::int64_t>(rows.size());
    return torch::tensor(values, torch::kInt64).view({count, count == 0 ? 0 : -1});
}

std::string hexToBytes(const std::string& hex)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

// Compares two token (or id) lists; one mismatch line naming the case and the first difference.
template <typename T>
void compareList(BertParityCheck& check, const std::string& where, const std::vector<T>& ours, const std::vector<T>& reference,
                 const std::function<std::string(const std::vector<T>&)>& show)
{
    ++check.compared;
    if (ours == reference) return;
    std::size_t first = 0;
    while (first < ours.size() && first < reference.size() && ours[first] == reference[first]) ++first;
    check.mismatches.push_back(where + ": differs at position " + std::to_string(first) + ": ours [" + show(ours) +
                               "], reference [" + show(reference) + "]");
}

std::string showIds(const std::vector<std::int64_t>& ids)
{
    std::string out;
    for (const auto id : ids) out += (out.empty() ? "" : " ") + std::to_string(id);
    return out;
}

BertParityReport runCases(const json& cases, const WordPieceTokenizer& tokenizer, BertClassifierImpl& model, double tolerance)
{
    BertParityReport report;
    const auto maxLength = static_cast<std::size_t>(cases.value("max_length", std::int64_t{512}));
    BertParityCheck basic = BertParityCheck::exactCheck("basic tokens");
    BertParityCheck tokens = BertParityCheck::exactCheck("tokens");
    BertParityCheck ids = BertParityCheck::exactCheck("input ids, masks, token types");
    BertParityDiff hidden("hidden states (per layer, [CLS], last)", tolerance);
    BertParityDiff pooler("pooler output", tolerance);
    BertParityDiff logits("logits", tolerance);
    const std::function<std::string(const std::vector<std::string>&)> showTokens = joinTokens;
    const std::function<std::string(const std::vector<std::int64_t>&)> showNumbers = showIds;

    for (const auto& c : cases.at("cases")) {
        const std::string name = c.value("name", std::string("case"));
        const std::string text = c.contains("text_utf8_hex") ? hexToBytes(c.at("text_utf8_hex").get<std::string>())
                                                              : c.at("text").get<std::string>();
        if (c.contains("basic_tokens"))
            compareList(basic, name, tokenizer.basicTokenize(text), c.at("basic_tokens").get<std::vector<std::string>>(), showTokens);
        if (c.contains("tokens"))
            compareList(tokens, name, tokenizer.tokenize(text), c.at("tokens").get<std::vector<std::string>>(), showTokens);
        const auto referenceIds = c.at("input_ids").get<std::vector<std::int64_t>>();
        const WordPieceEncoding encoding = tokenizer.encode(text, maxLength);
        compareList(ids, name + " input_ids", encoding.inputIds, referenceIds, showNumbers);
        if (c.contains("attention_mask"))
            compareList(ids, name + " attention_mask", encoding.attentionMask,
                        c.at("attention_mask").get<std::vector<std::int64_t>>(), showNumbers);
        if (c.contains("token_type_ids"))
            compareList(ids, name + " token_type_ids", encoding.tokenTypeIds,
                        c.at("token_type_ids").get<std::vector<std::int64_t>>(), showNumbers);

        // The model runs on the reference ids, so a tokenizer difference cannot hide in the numbers.
        const auto length = static_cast<std::int64_t>(referenceIds.size());
        const torch::Tensor input = torch::tensor(referenceIds, torch::kInt64).view({1, length});
        const torch::Tensor mask = c.contains("attention_mask")
                                       ? torch::tensor(c.at("attention_mask").get<std::vector<std::int64_t>>(), torch::kInt64).view({1, length})
                                       : torch::ones_like(input);
        const torch::Tensor types = c.contains("token_type_ids")
                                        ? torch::tensor(c.at("token_type_ids").get<std::vector<std::int64_t>>(), torch::kInt64).view({1, length})
                                        : torch::zeros_like(input);
        const BertClassifierOutput out = model.run(input, mask, types, true);
        const torch::Tensor last = out.encoder.lastHiddenState[0];
        const std::int64_t clsIndex = c.value("cls_index", std::int64_t{0});
        if (c.contains("last_hidden_state_cls"))
            hidden.compare(c.at("last_hidden_state_cls").get<std::vector<double>>(), last[clsIndex], name + " last[cls]");
        if (c.contains("last_hidden_state_last"))
            hidden.compare(c.at("last_hidden_state_last").get<std::vector<double>>(),
                           last[c.value("last_index", length - 1)], name + " last[last]");
        if (c.contains("cls_hidden_states_per_layer")) {
            const auto& layers = c.at("cls_hidden_states_per_layer");
            if (layers.size() != out.encoder.hiddenStates.size())
                hidden.compare(std::vector<double>(layers.size()), torch::zeros({static_cast<std::int64_t>(out.encoder.hiddenStates.size())}),
                               name + " layer count");
            for (std::size_t k = 0; k < layers.size() && k < out.encoder.hiddenStates.size(); ++k)
                hidden.compare(layers[k].get<std::vector<double>>(), out.encoder.hiddenStates[k][0][0],
                               name + " layer " + std::to_string(k) + " [cls]");
        }
        if (c.contains("pooler_output"))
            pooler.compare(c.at("pooler_output").get<std::vector<double>>(), out.encoder.poolerOutput[0], name);
        logits.compare(c.at("logits").get<std::vector<double>>(), out.logits[0], name);
    }
    if (basic.compared > 0) report.checks.push_back(basic);
    if (tokens.compared > 0) report.checks.push_back(tokens);
    report.checks.push_back(ids);
    report.checks.push_back(hidden.check());
    report.checks.push_back(pooler.check());
    report.checks.push_back(logits.check());

    if (cases.contains("padded_batch")) {
        const json& batch = cases.at("padded_batch");
        BertParityCheck batchIds = BertParityCheck::exactCheck("padded batch ids and mask");
        const auto texts = batch.at("texts").get<std::vector<std::string>>();
        const WordPieceBatch encoded = tokenizer.encodeBatch(texts, maxLength);
        const torch::Tensor referenceIds = longMatrix(batch.at("input_ids"));
        const torch::Tensor mask = longMatrix(batch.at("attention_mask"));
        const torch::Tensor types = batch.contains("token_type_ids") ? longMatrix(batch.at("token_type_ids"))
                                                                      : torch::zeros_like(referenceIds);
        const auto flat = [](const torch::Tensor& t) {
            const torch::Tensor c = t.contiguous();
            return std::vector<std::int64_t>(c.data_ptr<std::int64_t>(), c.data_ptr<std::int64_t>() + c.numel());
        };
        compareList(batchIds, "input_ids", encoded.inputIds, flat(referenceIds), showNumbers);
        compareList(batchIds, "attention_mask", encoded.attentionMask, flat(mask), showNumbers);
        report.checks.push_back(batchIds);
        BertParityDiff batchLogits("padded batch logits", tolerance);
        const torch::Tensor out = model.forward(referenceIds, mask, types);
        const auto& rows = batch.at("logits");
        const auto names = batch.value("names", std::vector<std::string>{});
        for (std::size_t r = 0; r < rows.size() && static_cast<std::int64_t>(r) < out.size(0); ++r)
            batchLogits.compare(rows[r].get<std::vector<double>>(), out[static_cast<std::int64_t>(r)],
                                "batch " + (r < names.size() ? names[r] : std::to_string(r)));
        if (static_cast<std::int64_t>(rows.size()) != out.size(0))
            batchLogits.compare(std::vector<double>(rows.size()), torch::zeros({out.size(0)}), "batch row count");
        report.checks.push_back(batchLogits.check());
    }
    return report;
}

} // namespace

Result<BertParityReport> BertForwardParity::run(const std::string& checkpointFolder, const std::string& casesPath,
                                                double tolerance)
{
    std::ifstream in(casesPath, std::ios::binary);
    if (!in) return Error{casesPath + ": cannot open the file"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const json cases = json::parse(buffer.str(), nullptr, false);
    if (cases.is_discarded() || !cases.is_object() || !cases.contains("cases") || !cases.at("cases").is_array() ||
        cases.at("cases").empty())
        return Error{casesPath + ": not a cases file (a JSON object with a non-empty \"cases\" list)"};

    auto checkpoint = BertCheckpoint::open(checkpointFolder);
    if (!checkpoint) return checkpoint.error();
    auto tokenizer = WordPieceTokenizer::fromFolder(checkpointFolder);
    if (!tokenizer) return tokenizer.error();

    try {
        BertClassifierOptions options;
        options.config = checkpoint->config();
        options.numLabels = static_cast<std::int64_t>(cases.at("cases").at(0).at("logits").size());
        BertLoadReport load;
        auto model = BertWeights::loadClassifier(*checkpoint, options, &load);
        if (!model) return model.error();
        (*model)->eval();
        torch::NoGradGuard noGrad;
        BertParityReport report = runCases(cases, *tokenizer, **model, tolerance);
        if (!load.unused.empty()) report.notes.push_back("unused checkpoint tensors: " + joinTokens(load.unused));
        if (!load.newlyInitialised.empty())
            report.notes.push_back("newly initialised (not in the checkpoint): " + joinTokens(load.newlyInitialised));
        return report;
    } catch (const json::exception& e) {
        return Error{casesPath + ": " + e.what()};
    } catch (const c10::Error& e) {
        return Error{casesPath + ": " + e.what_without_backtrace()};
    }
}

} // namespace tagbench
