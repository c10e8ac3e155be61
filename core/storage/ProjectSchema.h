#pragma once

#include <vector>

namespace tagbench {

/// One step of the project schema: the SQL that takes a file from version-1 to version.
struct SchemaMigration {
    int version;
    const char* sql;
};

/// Every migration, in ascending version order; the last version is ProjectStore::kSchemaVersion.
const std::vector<SchemaMigration>& projectMigrations();

} // namespace tagbench
