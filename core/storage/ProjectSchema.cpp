#include "core/storage/ProjectSchema.h"

namespace tagbench {

// Never edit a released migration: files in the field were created by it. Append a new one.
const std::vector<SchemaMigration>& projectMigrations()
{
    static const std::vector<SchemaMigration> migrations = {
        {1, R"sql(
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    format TEXT NOT NULL,
    documents INTEGER NOT NULL,
    labels INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    added_at INTEGER NOT NULL
);
CREATE INDEX datasets_by_hash ON datasets(content_hash);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    run_dir TEXT NOT NULL UNIQUE,
    config_json TEXT NOT NULL,
    status TEXT NOT NULL,
    model_type TEXT NOT NULL,
    metrics_json TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    finished_at INTEGER
);
CREATE TABLE epoch_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    train_loss REAL NOT NULL,
    dev_loss REAL,
    metrics_json TEXT NOT NULL DEFAULT '{}',
    seconds REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, epoch)
);
)sql"},
        // Version 2: splits and training sets, decision rules, reviews, the shared vocabulary.
        {2, R"sql(
ALTER TABLE datasets ADD COLUMN split TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN train_dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL;
CREATE TABLE rules (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    rule_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (run_id, name)
);
CREATE TABLE reviews (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    split TEXT NOT NULL,
    doc_index INTEGER NOT NULL,
    doc_id TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'corrected', 'skipped')),
    corrected_labels TEXT NOT NULL DEFAULT '',
    annotator TEXT NOT NULL DEFAULT '',
    reviewed_at INTEGER NOT NULL,
    PRIMARY KEY (run_id, split, doc_index)
);
CREATE TABLE project_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql"},
    };
    return migrations;
}

} // namespace tagbench
