// The batch-size finder's search on a fake device: memory = fixed + per-example bytes x batch,
// out of memory above the card's capacity (or earlier, as a fragmented card would).
#include "core/train/BatchSizeFinder.h"

#include <QtTest>

using namespace tagbench;

namespace {

constexpr std::int64_t kGiB = 1024LL * 1024 * 1024;

struct FakeCard {
    std::int64_t total = 80 * kGiB;
    std::int64_t fixed = 2 * kGiB;        // weights, moments, workspace
    std::int64_t perExample = 37 * 1024 * 1024;
    std::int64_t oomAbove = 80 * kGiB;    // allocation failures start here
    std::vector<std::int64_t> asked;

    BatchSizeTrial operator()(std::int64_t batch)
    {
        asked.push_back(batch);
        BatchSizeTrial t;
        const std::int64_t bytes = fixed + perExample * batch;
        if (bytes > oomAbove) t.outOfMemory = true;
        else t.peakBytes = bytes;
        return t;
    }
    std::int64_t largestWithin(double share) const
    {
        return (static_cast<std::int64_t>(share * static_cast<double>(total)) - fixed) / perExample;
    }
};

} // namespace

class BatchSizeFinderTest final : public QObject {
    Q_OBJECT

private slots:
    void findsTheLargestBatchWithinNinetyPercent()
    {
        FakeCard card;
        auto choice = findBatchSize(std::ref(card), card.total, 0.9, 16, 1 << 20);
        QVERIFY2(choice.ok(), choice.ok() ? "" : choice.message().c_str());
        const std::int64_t best = card.largestWithin(0.9);
        QVERIFY2(choice->batchSize <= best, qPrintable(QString::number(choice->batchSize)));
        QVERIFY2(choice->batchSize >= best * 9 / 10, qPrintable(QString::number(choice->batchSize)));
        QVERIFY(choice->peakBytes <= choice->budgetBytes);
        QCOMPARE(choice->budgetBytes, static_cast<std::int64_t>(0.9 * static_cast<double>(card.total)));
        // Doubling then bisecting: a handful of trials, not a linear scan.
        QVERIFY(card.asked.size() <= 14);
        QCOMPARE(card.asked.front(), std::int64_t(16));
        QCOMPARE(card.asked[1], std::int64_t(32));
        QCOMPARE(choice->trials.size(), card.asked.size());
        QVERIFY(choice->summary.find("batch size " + std::to_string(choice->batchSize)) == 0);
    }

    void backsOffFromOutOfMemoryBelowTheBudget()
    {
        FakeCard card;
        card.oomAbove = 40 * kGiB;  // a fragmented or shared card fails long before 90%
        auto choice = findBatchSize(std::ref(card), card.total, 0.9, 64, 1 << 20);
        QVERIFY(choice.ok());
        const std::int64_t fits = (card.oomAbove - card.fixed) / card.perExample;
        QVERIFY(choice->batchSize <= fits);
        QVERIFY(choice->batchSize >= fits * 9 / 10);
        bool sawOutOfMemory = false;
        for (const auto& t : choice->trials) sawOutOfMemory |= t.outOfMemory;
        QVERIFY(sawOutOfMemory);
    }

    void halvesWhenTheFirstTrialDoesNotFit()
    {
        FakeCard card;
        card.perExample = 4 * kGiB;  // a huge model: 17 examples fill 90%
        auto choice = findBatchSize(std::ref(card), card.total, 0.9, 256, 1 << 20);
        QVERIFY(choice.ok());
        QCOMPARE(choice->batchSize, card.largestWithin(0.9));
        QCOMPARE(card.asked.front(), std::int64_t(256));
        QCOMPARE(card.asked[1], std::int64_t(128));
    }

    void stopsAtTheLargestAllowedBatch()
    {
        FakeCard card;
        auto choice = findBatchSize(std::ref(card), card.total, 0.9, 8, 100);
        QVERIFY(choice.ok());
        QCOMPARE(choice->batchSize, std::int64_t(100));
        QVERIFY(choice->summary.find("the largest allowed") != std::string::npos);
        for (const auto asked : card.asked) QVERIFY(asked <= 100);
    }

    void nothingFits()
    {
        FakeCard card;
        card.fixed = 79 * kGiB;
        auto choice = findBatchSize(std::ref(card), card.total, 0.9, 32, 1 << 20);
        QVERIFY(!choice.ok());
        QVERIFY2(choice.message().find("even a batch of 1 does not fit in 72.0 GiB (90% of 80.0 GiB)") != std::string::npos,
                 choice.message().c_str());
    }

    void rejectsAMissingCard()
    {
        FakeCard card;
        QVERIFY(!findBatchSize(std::ref(card), 0, 0.9, 32, 100).ok());
        QVERIFY(!findBatchSize(std::ref(card), card.total, 1.5, 32, 100).ok());
        QVERIFY(card.asked.empty());
    }
};

QTEST_GUILESS_MAIN(BatchSizeFinderTest)
#include "BatchSizeFinderTest.moc"
