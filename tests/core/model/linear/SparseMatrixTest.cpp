#include "core/model/linear/SparseMatrix.h"

#include <QtTest>

using namespace tagbench::linear;

namespace {

SparseMatrix matrix(std::size_t columns, const std::vector<std::vector<std::pair<std::uint32_t, float>>>& rows)
{
    SparseMatrix out(columns);
    for (const auto& row : rows) {
        std::vector<std::uint32_t> ids;
        std::vector<float> values;
        for (const auto& [id, value] : row) {
            ids.push_back(id);
            values.push_back(value);
        }
        out.appendRow(ids.data(), values.data(), ids.size());
    }
    return out;
}

} // namespace

class SparseMatrixTest final : public QObject {
    Q_OBJECT

private slots:
    void appendsRows();
    void hstackShiftsColumnIds();
};

void SparseMatrixTest::appendsRows()
{
    SparseMatrix a = matrix(5, {{{0, 1.0f}, {4, 2.0f}}, {}});
    const SparseMatrix b = matrix(5, {{{2, 3.0f}}});
    a.appendRows(b);
    QCOMPARE(a.rows(), std::size_t(3));
    QCOMPARE(a.nonZeros(), std::size_t(3));
    QCOMPARE(a.offsets(), (std::vector<std::uint64_t>{0, 2, 2, 3}));
    QCOMPARE(a.rowSize(1), std::size_t(0));
    QCOMPARE(a.rowIndices(2)[0], 2u);
    QCOMPARE(a.rowValues(2)[0], 3.0f);
}

void SparseMatrixTest::hstackShiftsColumnIds()
{
    const SparseMatrix left = matrix(3, {{{1, 0.5f}}, {}, {{0, 1.0f}, {2, 2.0f}}});
    const SparseMatrix right = matrix(2, {{{0, 7.0f}, {1, 8.0f}}, {{1, 9.0f}}, {}});
    const SparseMatrix both = SparseMatrix::hstack({&left, &right});
    QCOMPARE(both.columns(), std::size_t(5));
    QCOMPARE(both.rows(), std::size_t(3));
    QCOMPARE(both.offsets(), (std::vector<std::uint64_t>{0, 3, 4, 6}));
    QCOMPARE(both.indices(), (std::vector<std::uint32_t>{1, 3, 4, 4, 0, 2}));
    QCOMPARE(both.values(), (std::vector<float>{0.5f, 7.0f, 8.0f, 9.0f, 1.0f, 2.0f}));
}

QTEST_APPLESS_MAIN(SparseMatrixTest)
#include "SparseMatrixTest.moc"
