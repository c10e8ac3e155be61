#include "core/model/linear/SparseMatrix.h"

#include <cassert>

namespace tagbench::linear {

void SparseMatrix::appendRow(const std::uint32_t* ids, const float* values, std::size_t count)
{
#ifndef NDEBUG
    for (std::size_t i = 0; i < count; ++i) {
        assert(ids[i] < m_columns);
        assert(i == 0 || ids[i - 1] < ids[i]);
    }
#endif
    m_indices.insert(m_indices.end(), ids, ids + count);
    m_values.insert(m_values.end(), values, values + count);
    m_offsets.push_back(m_indices.size());
}

void SparseMatrix::appendRows(const SparseMatrix& other)
{
    assert(other.m_columns == m_columns);
    const std::uint64_t base = m_indices.size();
    m_indices.insert(m_indices.end(), other.m_indices.begin(), other.m_indices.end());
    m_values.insert(m_values.end(), other.m_values.begin(), other.m_values.end());
    m_offsets.reserve(m_offsets.size() + other.rows());
    for (std::size_t r = 1; r < other.m_offsets.size(); ++r) m_offsets.push_back(base + other.m_offsets[r]);
}

SparseMatrix SparseMatrix::hstack(const std::vector<const SparseMatrix*>& blocks)
{
    std::size_t columns = 0;
    std::size_t nonZeros = 0;
    for (const SparseMatrix* block : blocks) {
        columns += block->columns();
        nonZeros += block->nonZeros();
    }
    SparseMatrix out(columns);
    if (blocks.empty()) return out;
    const std::size_t rows = blocks.front()->rows();
    out.reserve(rows, nonZeros);
    for (std::size_t r = 0; r < rows; ++r) {
        std::uint32_t shift = 0;
        for (const SparseMatrix* block : blocks) {
            assert(block->rows() == rows);
            const std::size_t n = block->rowSize(r);
            const std::uint32_t* ids = block->rowIndices(r);
            const float* values = block->rowValues(r);
            for (std::size_t i = 0; i < n; ++i) out.m_indices.push_back(ids[i] + shift);
            out.m_values.insert(out.m_values.end(), values, values + n);
            shift += static_cast<std::uint32_t>(block->columns());
        }
        out.m_offsets.push_back(out.m_indices.size());
    }
    return out;
}

void SparseMatrix::reserve(std::size_t rows, std::size_t nonZeros)
{
    m_offsets.reserve(m_offsets.size() + rows);
    m_indices.reserve(m_indices.size() + nonZeros);
    m_values.reserve(m_values.size() + nonZeros);
}

std::size_t SparseMatrix::memoryBytes() const
{
    return m_offsets.capacity() * sizeof(std::uint64_t) + m_indices.capacity() * sizeof(std::uint32_t) +
           m_values.capacity() * sizeof(float);
}

} // namespace tagbench::linear
