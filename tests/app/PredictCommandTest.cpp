// `tagbench-cli export`, `predict` and `eval`, checked by running the built binary on a tiny run
// that `tagbench-cli train` makes from the fixtures in tests/data/export.
#include "tests/app/CliRunner.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kData = QStringLiteral(TAGBENCH_TEST_DATA "/export");

using Run = tagbench::test::CliRun;

Run runCli(const QStringList& arguments) { return tagbench::test::runCli(arguments, 300000); }

QStringList readLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

// RFC 4180 fields of one record (no embedded newlines in these fixtures).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    return fields << field;
}

} // namespace

class PredictCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_run = m_dir.filePath("run");
        m_model = m_dir.filePath("model.tagbench");
        const Run train = runCli({"train", "--config", kData + "/fasttext.json", "--out", m_run, "--device", "cpu"});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    }

    void exportWritesAndDescribesTheBundle()
    {
        const Run run = runCli({"export", "--run", m_run, "--out", m_model});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFile::exists(m_model));
        QVERIFY2(run.out.startsWith("Exported " + m_run + " ("), qPrintable(run.out));
        QVERIFY2(run.out.contains("Model: FastText multi_label, 5 labels"), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression("\ndev: Performance is precision: [0-9.]+, recall")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression("\nSHA-256: [0-9a-f]{64}\n")), qPrintable(run.out));

        const Run info = runCli({"export", "--info", m_model});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(run.out.endsWith(info.out));  // the same description
        m_devPerformance = QRegularExpression("\ndev: (Performance is [^\n]+)\n").match(info.out).captured(1);
        QVERIFY(!m_devPerformance.isEmpty());
    }

    void predictJsonLines()
    {
        const QString output = m_dir.filePath("preds.jsonl");
        const Run run = runCli({"predict", "--model", m_model, "--input", kData + "/unlabelled.jsonl", "--output", output,
                                "--threads", "2", "--batch-size", "4", "--device", "cpu"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith("Predicted 6 documents ("), qPrintable(run.out));
        const QStringList lines = readLines(output);
        QCOMPARE(lines.size(), 6);
        for (int i = 0; i < lines.size(); ++i) {
            QJsonParseError error;
            const QJsonObject record = QJsonDocument::fromJson(lines[i].toUtf8(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(record.keys(), (QStringList{"id", "labels", "line"}));
            QCOMPARE(record["line"].toInt(), i + 1);
            if (i == 2) QVERIFY(record["id"].isNull());  // the fixture's third record has no id
            else QCOMPARE(record["id"].toString(), QString("n%1").arg(i));
            double previous = 2.0;
            for (const QJsonValue& label : record["labels"].toArray()) {
                QCOMPARE(label.toObject().keys(), (QStringList{"label", "score"}));
                QVERIFY(label.toObject()["score"].toDouble() <= previous);  // best first
                previous = label.toObject()["score"].toDouble();
            }
        }
        QVERIFY(lines[0].contains("\"label\":\"新车::上市\""));  // keywords 发布 首发 debut
    }

    void predictUnlabelledCsvAgreesWithJsonLines()
    {
        // The documents of unlabelled.jsonl as a CSV file with a text column and no label column.
        const QStringList records = readLines(kData + "/unlabelled.jsonl");
        QCOMPARE(records.size(), 6);
        QByteArray csv = "text\n";
        for (const QString& record : records) {
            const QString text = QJsonDocument::fromJson(record.toUtf8()).object()["text"].toString();
            csv += '"' + text.toUtf8().replace("\"", "\"\"") + "\"\n";
        }
        const QString input = m_dir.filePath("unlabelled.csv");
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(csv), qint64(csv.size()));
        file.close();

        const QString fromCsv = m_dir.filePath("csv-preds.jsonl");
        const QString fromJson = m_dir.filePath("jsonl-preds.jsonl");
        Run run = runCli({"predict", "--model", m_model, "--input", input, "--output", fromCsv, "--device", "cpu"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith("Predicted 6 documents ("), qPrintable(run.out));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        run = runCli({"predict", "--model", m_model, "--input", kData + "/unlabelled.jsonl", "--output", fromJson,
                      "--device", "cpu"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QStringList csvLines = readLines(fromCsv);
        const QStringList jsonLines = readLines(fromJson);
        QCOMPARE(csvLines.size(), 6);
        QCOMPARE(jsonLines.size(), 6);
        for (int i = 0; i < 6; ++i) {
            const QJsonObject a = QJsonDocument::fromJson(csvLines[i].toUtf8()).object();
            const QJsonObject b = QJsonDocument::fromJson(jsonLines[i].toUtf8()).object();
            QCOMPARE(a["line"].toInt(), i + 2);  // after the header
            QVERIFY(a["id"].isNull());           // no id column
            QCOMPARE(a["labels"].toArray(), b["labels"].toArray());
        }
    }

    void predictAllScoresAgreesAcrossFormats()
    {
        const QString jsonl = m_dir.filePath("all.jsonl");
        const QString csv = m_dir.filePath("all.csv");
        Run run = runCli({"predict", "--model", m_model, "--input", kData + "/labelled.csv", "--output", jsonl, "--all-scores",
                          "--threads", "1", "--device", "cpu"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runCli({"predict", "--model", m_model, "--input", kData + "/labelled.csv", "--output", csv, "--all-scores",
                      "--format", "csv", "--threads", "2", "--batch-size", "1", "--device", "cpu"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QStringList records = readLines(jsonl);
        const QStringList rows = readLines(csv);
        QCOMPARE(records.size(), 5);
        QCOMPARE(rows.size(), 6);
        const QStringList header = csvFields(rows[0]);
        QCOMPARE(header.mid(0, 4), (QStringList{"id", "line", "labels", "scores"}));
        QCOMPARE(header.size(), 4 + 5);
        QVERIFY(header.contains("新车::报价"));
        for (int i = 0; i < records.size(); ++i) {
            const QJsonObject record = QJsonDocument::fromJson(records[i].toUtf8()).object();
            const QStringList fields = csvFields(rows[i + 1]);
            QCOMPARE(fields.size(), header.size());
            QCOMPARE(fields[0], record["id"].toString());
            QCOMPARE(fields[1].toInt(), record["line"].toInt());
            QCOMPARE(fields[1].toInt(), i + 2);  // after the CSV header line
            const QJsonObject scores = record["scores"].toObject();
            QCOMPARE(scores.size(), 5);
            for (int l = 4; l < header.size(); ++l)
                QVERIFY(std::abs(fields[l].toDouble() - scores[header[l]].toDouble()) < 1e-5);
            QStringList labels;
            QStringList kept;
            for (const QJsonValue& label : record["labels"].toArray()) {
                labels << label.toObject()["label"].toString();
                kept << QString::number(label.toObject()["score"].toDouble(), 'g', 6);
                QCOMPARE(label.toObject()["score"].toDouble(), scores[labels.last()].toDouble());
            }
            QCOMPARE(fields[2], labels.join('|'));
            QCOMPARE(fields[3].split('|', Qt::SkipEmptyParts).size(), kept.size());
        }
    }

    void evalPrintsThePerformanceLine()
    {
        const Run run = runCli({"eval", "--model", m_model, "--data", kData + "/dev.jsonl", "--threads", "2", "--device", "cpu"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        static const QRegularExpression form(
            "^Performance is precision: \\d\\.\\d{6}, recall: \\d\\.\\d{6}, fscore: \\d\\.\\d{6}, "
            "macro-fscore: \\d\\.\\d{6}, right: \\d+, predict: \\d+, standard: \\d+\\.$");
        QVERIFY2(form.match(lines.last()).hasMatch(), qPrintable(lines.last()));
        // Same data, same rule as the run's dev split: the bundle's metrics card.
        QCOMPARE(lines.last(), m_devPerformance);
        QVERIFY(run.out.contains("Data: " + kData + "/dev.jsonl, 40 documents scored"));

        const Run perLabel = runCli({"eval", "--model", m_model, "--data", kData + "/dev.jsonl", "--per-label"});
        QCOMPARE(perLabel.exitCode, 0);
        QVERIFY(perLabel.out.contains("label\tsupport\tpredicted\tprecision\trecall\tf1\n"));
        QVERIFY(perLabel.out.contains(QRegularExpression("\n赛事\t\\d+\t\\d+\t")));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no output") << QStringList{"predict", "--model", "m", "--input", "x"} << 2
                                   << "--model, --input and --output are required";
        QTest::newRow("bad format") << QStringList{"predict", "--model", "m", "--input", "x", "--output", "y", "--format", "xml"}
                                    << 2 << "--format must be jsonl or csv";
        QTest::newRow("bad threads") << QStringList{"eval", "--model", "m", "--data", "x", "--threads", "0"} << 2
                                     << "--threads must be a positive integer";
        QTest::newRow("foreign model") << QStringList{"eval", "--model", kData + "/dev.jsonl", "--data", kData + "/dev.jsonl"}
                                       << 1 << kData + "/dev.jsonl: not a Tagbench model bundle";
        QTest::newRow("missing run") << QStringList{"export", "--run", kData + "/nothing", "--out", "/tmp/never.tagbench"} << 1
                                     << "nothing/config.json: cannot open";
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    }

    void badInputLinesNameFileAndLine()
    {
        const QString input = m_dir.filePath("bad.jsonl");
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": \"a\", \"text\": \"比赛 车手\"}\n{\"id\": \"b\", \"text\": 5}\n{\"id\": \"c\", \"text\": \"报价\"}\n");
        file.close();
        const QString output = m_dir.filePath("bad-preds.jsonl");
        Run run = runCli({"predict", "--model", m_model, "--input", input, "--output", output});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(input + ":2: field 'text' must be a string"), qPrintable(run.err));
        QCOMPARE(readLines(output).size(), 2);
        run = runCli({"predict", "--model", m_model, "--input", input, "--output", output + ".2", "--stop-on-error"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(input + ":2:"), qPrintable(run.err));
        QVERIFY(!QFile::exists(output + ".2"));  // nothing written on failure
    }

private:
    QTemporaryDir m_dir;
    QString m_run;
    QString m_model;
    QString m_devPerformance;
};

QTEST_GUILESS_MAIN(PredictCommandTest)
#include "PredictCommandTest.moc"
