#include "tests/core/model/ModelProbes.h"

#include <QtTest>

using namespace tagbench;

class OptimizerTest final : public QObject {
    Q_OBJECT

private slots:
    void lazyAdamMatchesDenseAdamOnTouchedRows();
};

void OptimizerTest::lazyAdamMatchesDenseAdamOnTouchedRows()
{
    // When every step touches the same rows, lazy (sparse) Adam and dense Adam are the same
    // algorithm on those rows, and the other rows must not move.
    QVERIFY(probe::sparseAdamMatchesDenseOnTouchedRows(5) < 1e-6);
}

QTEST_APPLESS_MAIN(OptimizerTest)
#include "OptimizerTest.moc"
