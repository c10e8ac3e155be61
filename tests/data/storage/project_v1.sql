-- A project file as Tagbench schema version 1 wrote it (before splits, rules and reviews).
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
INSERT INTO datasets VALUES (1, '/data/car-news/train.jsonl', 'xxh64:0123456789abcdef', 'jsonl', 1200, 35, 482113, 1700000000);
INSERT INTO runs VALUES (7, '/runs/textcnn-1', '{"model":"textcnn"}', 'finished', 'textcnn', '{"micro_f1":0.71}', 1700000100, 1700000900);
INSERT INTO epoch_metrics VALUES (7, 1, 0.52, 0.48, '{"micro_f1":0.65}', 12.5);
INSERT INTO epoch_metrics VALUES (7, 2, 0.31, 0.40, '{"micro_f1":0.71}', 12.1);
PRAGMA user_version = 1;
