#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tagbench::linear {

/// Rows of sparse float features in CSR form (scipy's csr_matrix layout): row r holds the
/// column ids indices()[offsets()[r] .. offsets()[r+1]) in ascending order, each with its value.
/// TF-IDF rows of text have a few hundred non-zeros among hundreds of thousands of columns, so
/// a dense matrix is out of the question and CSR is what liblinear and the scorer walk anyway.
class SparseMatrix final {
public:
    SparseMatrix() = default;
    /// An empty matrix (no rows) of columns columns.
    explicit SparseMatrix(std::size_t columns) : m_columns(columns) {}

    /// Appends a row; ids must be ascending, unique and < columns() (checked in debug builds).
    void appendRow(const std::uint32_t* ids, const float* values, std::size_t count);
    /// Appends the rows of other, which must have as many columns.
    void appendRows(const SparseMatrix& other);

    /// Concatenates blocks side by side (scipy.sparse.hstack): column ids of block b are shifted
    /// by the columns of the blocks before it. All blocks must have the same number of rows.
    static SparseMatrix hstack(const std::vector<const SparseMatrix*>& blocks);

    std::size_t rows() const { return m_offsets.size() - 1; }
    std::size_t columns() const { return m_columns; }
    std::size_t nonZeros() const { return m_indices.size(); }

    /// Non-zeros of row r.
    std::size_t rowSize(std::size_t r) const { return static_cast<std::size_t>(m_offsets[r + 1] - m_offsets[r]); }
    const std::uint32_t* rowIndices(std::size_t r) const { return m_indices.data() + m_offsets[r]; }
    const float* rowValues(std::size_t r) const { return m_values.data() + m_offsets[r]; }

    const std::vector<std::uint64_t>& offsets() const { return m_offsets; }
    const std::vector<std::uint32_t>& indices() const { return m_indices; }
    const std::vector<float>& values() const { return m_values; }

    /// Reserves room for rows rows and nonZeros entries.
    void reserve(std::size_t rows, std::size_t nonZeros);
    /// Bytes held by the buffers.
    std::size_t memoryBytes() const;

private:
    std::size_t m_columns = 0;
    std::vector<std::uint64_t> m_offsets{0};
    std::vector<std::uint32_t> m_indices;
    std::vector<float> m_values;
};

} // namespace tagbench::linear
