#include "ui/train/TrainWorker.h"

#include <exception>
#include <new>

namespace tagbench::ui {

void TrainWorker::run(std::shared_ptr<const TrainJob> job)
{
    const int id = job->id;
    emit started(id);
    try {
        Trainer trainer(job->config, job->options);
        trainer.setProgressCallback([this, id](const TrainProgress& p) { emit progress(id, p); });
        trainer.setEpochCallback([this, id](const EpochReport& r) { emit epochFinished(id, r); });
        trainer.setLogCallback([this, id](const std::string& line) { emit logLine(id, QString::fromStdString(line)); });
        Result<TrainResult> result = trainer.run(job->cancel.get());
        if (!result.ok()) {
            emit failed(id, QString::fromStdString(result.message()));
            return;
        }
        emit finished(id, *result);
    } catch (const std::bad_alloc&) {
        emit failed(id, tr("Not enough memory to train this model. Try a smaller batch size, embedding "
                           "dimension or vocabulary."));
    } catch (const std::exception& e) {
        emit failed(id, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
