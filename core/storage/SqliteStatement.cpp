#include "core/storage/SqliteStatement.h"

#include <sqlite3.h>

namespace tagbench {

Error sqliteError(sqlite3* db, std::string_view what)
{
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    std::string message = file && *file ? std::string(file) + ": " : std::string();
    message += what;
    message += ": ";
    message += db ? sqlite3_errmsg(db) : "out of memory";
    return Error{message};
}

Status sqliteExec(sqlite3* db, const char* sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return sqliteError(db, "SQL failed");
    return {};
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_stmt); }

Status SqliteStatement::prepare(sqlite3* db, std::string_view sql)
{
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = db;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
        return sqliteError(db, "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
    return {};
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view value)
{
    sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<std::int64_t>& value)
{
    if (value) sqlite3_bind_int64(m_stmt, index, *value);
    else sqlite3_bind_null(m_stmt, index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<double>& value)
{
    if (value) sqlite3_bind_double(m_stmt, index, *value);
    else sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqliteError(m_db, "query failed");
}

SqliteStatement& SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return *this;
}

Status SqliteStatement::run()
{
    auto stepped = step();
    sqlite3_reset(m_stmt);
    if (!stepped) return stepped.error();
    return {};
}

std::int64_t SqliteStatement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double SqliteStatement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

bool SqliteStatement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::optional<std::int64_t> SqliteStatement::optionalInt64(int column) const
{
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

std::optional<double> SqliteStatement::optionalReal(int column) const
{
    if (isNull(column)) return std::nullopt;
    return real(column);
}

} // namespace tagbench
