#include "ui/widgets/PageGuide.h"

namespace tagbench::ui {

QString PageGuide::title(const QString& pageId)
{
    if (pageId == QLatin1String("project")) return tr("Project");
    if (pageId == QLatin1String("data")) return tr("Data");
    if (pageId == QLatin1String("evaluate")) return tr("Evaluate");
    if (pageId == QLatin1String("review")) return tr("Review");
    if (pageId == QLatin1String("train")) return tr("Train");
    if (pageId == QLatin1String("demo")) return tr("Demo");
    if (pageId == QLatin1String("export")) return tr("Export");
    return {};
}

QString PageGuide::html(const QString& pageId)
{
    if (pageId == QLatin1String("project"))
        return tr("<h3>Project</h3>"
                  "<p>A project is one file that remembers your datasets, training runs, their metrics and your "
                  "review decisions, so that you can close Tagbench and come back to the same work.</p>"
                  "<ol><li>Create a project with <b>New Project…</b> (Ctrl+N) or open one.</li>"
                  "<li>Datasets and runs you open while it is open join it, and so do the ones already open.</li>"
                  "<li>Select a row and use <b>Open in Data Page</b> or <b>Evaluate</b>; a double-click does the same.</li></ol>"
                  "<p>Removing a row forgets it in the project only: the files stay on disk.</p>");
    if (pageId == QLatin1String("data"))
        return tr("<h3>Data</h3>"
                  "<p>What a dataset holds before you train on it.</p>"
                  "<ul><li><b>Distribution</b>: documents per label, rare labels (under 1%) in orange; labels that no "
                  "training document carries are marked in red.</li>"
                  "<li><b>Labels per Document</b>, <b>Co-occurrence</b> and <b>Hierarchy</b>: how labels combine.</li>"
                  "<li><b>Document Browser</b>: filter by label, search the text, and read the selected document in "
                  "full below the table.</li></ul>"
                  "<p>Open files with File &gt; Open Dataset… (Ctrl+O) or drop them onto the window.</p>");
    if (pageId == QLatin1String("evaluate"))
        return tr("<h3>Evaluate</h3>"
                  "<p>Tune how a trained run turns scores into labels, and see every metric follow at once.</p>"
                  "<ul><li>Move the <b>global threshold</b> (slider or type a value and press Enter), limit "
                  "<b>top-k</b>, or give a label its own threshold in the table or by dragging the dashed line.</li>"
                  "<li><b>Optimise</b> searches the thresholds on the dev split; check the result on test.</li>"
                  "<li>Edit &gt; Undo (Ctrl+Z) and Redo step through your edits; <b>Save Rule</b> (Ctrl+S) writes "
                  "rule.json, which the Review, Demo and Export pages and tagbench-cli use.</li></ul>");
    if (pageId == QLatin1String("review"))
        return tr("<h3>Review</h3>"
                  "<p>Go through the run's predictions document by document and fix the gold labels.</p>"
                  "<ul><li>Filter by kind of error and by label.</li>"
                  "<li><b>A</b> accepts the gold labels, <b>C</b> saves the ticked labels as the correction, "
                  "<b>S</b> skips. Type in <b>Add label</b> to add any label to the correction.</li>"
                  "<li>Edit &gt; Undo (Ctrl+Z) takes a decision back. Decisions are stored in the project.</li>"
                  "<li><b>Export Corrected Dataset…</b> writes the split with your corrections applied.</li></ul>");
    if (pageId == QLatin1String("train"))
        return tr("<h3>Train</h3>"
                  "<p>Train a model on your data.</p>"
                  "<ol><li>Choose the train and dev files (dev picks the best epoch and the threshold; test is only "
                  "measured).</li>"
                  "<li>Check the settings: the tokenizer is chosen from the data (characters for Chinese and "
                  "Japanese).</li>"
                  "<li><b>Start Training</b>. Runs wait in the queue and train one after another; a cancelled run can "
                  "be resumed.</li></ol>"
                  "<p>The mouse wheel scrolls the settings; it changes a value only in the field you clicked.</p>");
    if (pageId == QLatin1String("demo"))
        return tr("<h3>Demo</h3>"
                  "<p>Try a model on your own text: type or paste, and the predicted labels follow as you type.</p>"
                  "<ul><li>The run open on the Evaluate page is used, with the rule set there.</li>"
                  "<li><b>Open Bundle…</b> opens a .tagbench file; <b>From Run…</b> tries any run folder without "
                  "writing into it.</li>"
                  "<li><b>Present</b> (F11) shows the text and the scores full screen; Esc leaves.</li></ul>");
    if (pageId == QLatin1String("export"))
        return tr("<h3>Export</h3>"
                  "<p>Take results out of Tagbench.</p>"
                  "<ul><li><b>Model bundle</b>: one .tagbench file with the model, tokenizer, labels and decision "
                  "rule, for the Demo page and tagbench-cli predict.</li>"
                  "<li><b>Evaluation report</b>: a PDF or PNG of the run open on the Evaluate page, with its model and "
                  "training settings, for people who do not use the app. Tick the labels whose precision-recall "
                  "curves it shows.</li></ul>");
    return {};
}

} // namespace tagbench::ui
