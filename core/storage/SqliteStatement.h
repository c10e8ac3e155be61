#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace tagbench {

/// A prepared SQLite statement (RAII) with 1-based binds and 0-based column reads.
class SqliteStatement final {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    /// Compiles sql on db (replacing any earlier statement); errors carry SQLite's message.
    Status prepare(sqlite3* db, std::string_view sql);

    /// Binds parameter index (1-based); nullopt binds NULL.
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, std::string_view value);
    SqliteStatement& bind(int index, const std::optional<std::int64_t>& value);
    SqliteStatement& bind(int index, const std::optional<double>& value);

    /// Advances: true with a row, false when done; errors become an Error.
    Result<bool> step();

    /// Makes the statement runnable again with new binds.
    SqliteStatement& reset();

    /// Runs a statement that returns no rows (reset afterwards, so it can run again).
    Status run();

    /// Column readers of the current row (0-based); NULL reads as 0 / "" / nullopt.
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<double> optionalReal(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

/// Runs one or more statements without results.
Status sqliteExec(sqlite3* db, const char* sql);

/// "<file>: <what>: <sqlite message>" for the last error on db.
Error sqliteError(sqlite3* db, std::string_view what);

} // namespace tagbench
