<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>tagbench::ui::BundleExportWorker</name>
    <message>
        <location filename="../ui/export/BundleExportWorker.cpp" line="+29"/>
        <source>Not enough memory to export this run.</source>
        <translation>内存不足，无法导出此训练运行。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::CardinalityHistogram</name>
    <message>
        <location filename="../ui/data/CardinalityHistogram.cpp" line="+67"/>
        <source>Labels per document</source>
        <translation>每篇文档的标签数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::CooccurrenceHeatmap</name>
    <message>
        <location filename="../ui/data/CooccurrenceHeatmap.cpp" line="+124"/>
        <source>Documents with both labels</source>
        <translation>同时带有两个标签的文档数</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 documents</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 篇文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3 documents carry both</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 与 &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3 篇文档同时带有</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::CoreNames</name>
    <message>
        <location filename="../ui/widgets/CoreNames.cpp" line="+8"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dev</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SentencePiece pieces</source>
        <translation>SentencePiece 子词</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, single-label</source>
        <translation>%1，单标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, multi-label</source>
        <translation>%1，多标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Convolutions over word or character embeddings; strong on short texts with telling phrases.</source>
        <translation>在词或字符嵌入上做卷积；擅长处理含有关键短语的短文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Averaged word and n-gram embeddings with a linear layer; trains in seconds on large data.</source>
        <translation>对词和 n 元组嵌入取平均，再接一个线性层；大数据上也只需几秒即可训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TF-IDF features and one logistic regression (or linear SVM) per label; a strong, fast baseline.</source>
        <translation>TF-IDF 特征，每个标签一个逻辑回归（或线性 SVM）；强而快的基线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fine-tunes a pretrained Hugging Face BERT checkpoint; the most accurate, and the slowest on a CPU.</source>
        <translation>微调预训练的 Hugging Face BERT 检查点；最准确，但在 CPU 上最慢。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Linear (TF-IDF)</source>
        <translation>线性模型（TF-IDF）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON lines</source>
        <translation>JSON 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NeuralClassifier JSON</source>
        <translation>NeuralClassifier JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fastText</source>
        <translation>fastText</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rule.json</source>
        <translation>rule.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the default threshold 0.5</source>
        <translation>默认阈值 0.5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the training config</source>
        <translation>训练配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the threshold picked on dev during training</source>
        <translation>训练时在验证集上选出的阈值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the training config (its dev threshold was not kept; 0.5)</source>
        <translation>训练配置（未保存在验证集上选出的阈值，使用 0.5）</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DataPage</name>
    <message>
        <location filename="../ui/data/DataPage.cpp" line="+254"/>
        <source>no labels</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+69"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>No dataset open.

Use File &gt; Open Dataset… or drop a JSON lines, NeuralClassifier, fastText, CSV or TSV file onto this window.</source>
        <translation>尚未打开数据集。

请使用“文件 &gt; 打开数据集…”，或将 JSON lines、NeuralClassifier、fastText、CSV 或 TSV 文件拖放到此窗口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Logarithmic scale</source>
        <translation>对数刻度(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show counts on a log scale so that rare labels stay visible</source>
        <translation>以对数刻度显示数量，使稀有标签仍然可见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels per Document</source>
        <translation>每篇标签数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-occurrence</source>
        <translation>共现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hierarchy</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document Browser</source>
        <translation>文档浏览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents per label</source>
        <translation>各标签的文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter labels…</source>
        <translation>筛选标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a label to browse its documents</source>
        <translation>双击标签可浏览其文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the documents with this label; type to find a label</source>
        <translation>只显示带有此标签的文档；可输入以查找标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the text…</source>
        <translation>搜索文本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the documents whose text or id contains this (any case)</source>
        <translation>只显示文本或编号包含此内容的文档（不区分大小写）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a document to read it in full below</source>
        <translation>选中一篇文档，即可在下方阅读全文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The open dataset shown on this page</source>
        <translation>本页显示的已打开数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the labels whose name contains this text</source>
        <translation>只显示名称包含此文本的标签</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <location line="+18"/>
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-18"/>
        <source>%Ln label(s)</source>
        <translation>
            <numerusform>%Ln 个标签</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 labels per document</source>
        <translation>每篇文档平均 %1 个标签</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln rare label(s)</source>
        <translation>
            <numerusform>%Ln 个稀有标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln document(s) without labels</source>
        <translation>
            <numerusform>%Ln 篇文档没有标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln line(s) skipped</source>
        <translation>
            <numerusform>跳过了 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln label(s) missing from train</source>
        <translation>
            <numerusform>%Ln 个标签在训练集中没有出现</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DatasetLoadWorker</name>
    <message>
        <location filename="../ui/data/DatasetLoadWorker.cpp" line="+65"/>
        <source>Not enough memory to load this file.</source>
        <translation>内存不足，无法加载此文件。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DatasetSession</name>
    <message numerus="yes">
        <location filename="../ui/data/DatasetSession.cpp" line="+91"/>
        <source>Opened %1: %Ln document(s) in %2 s</source>
        <translation>
            <numerusform>已打开 %1：%Ln 篇文档，用时 %2 秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 was not opened.</source>
        <translation>未打开 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import cancelled: %1 was not opened.</source>
        <translation>已取消导入：未打开 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Import cancelled: %n file(s) were not opened.</source>
        <translation>
            <numerusform>已取消导入：%n 个文件未打开。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was not added to the project: %2</source>
        <translation>%1 未加入项目：%2</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DemoPage</name>
    <message>
        <location filename="../ui/demo/DemoPage.cpp" line="+49"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Prediction failed: %1</source>
        <translation>预测失败：%1</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>No label reaches its threshold.</source>
        <translation>没有标签达到其阈值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esc leaves presentation mode</source>
        <translation>按 Esc 退出演示模式</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tagbench — Presentation</source>
        <translation>Tagbench — 演示</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Open Model Bundle</source>
        <translation>打开模型包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tagbench bundles (*.tagbench);;All files (*)</source>
        <translation>Tagbench 模型包 (*.tagbench);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No model open</source>
        <translation>未打开模型</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>The Evaluate page&apos;s rule was not applied: %1</source>
        <translation>未能应用“评估”页的规则：%1</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Packing %1 into a temporary bundle…</source>
        <translation>正在把 %1 打包为临时模型包…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 ms on the CPU</source>
        <translation>在 CPU 上用时 %1 毫秒</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Try a Training Run</source>
        <translation>试用训练运行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run: %1 (open on the Evaluate page)</source>
        <translation>运行：%1（“评估”页中打开的运行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Bundle…</source>
        <translation>打开模型包…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .tagbench model bundle</source>
        <translation>打开 .tagbench 模型包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From Run…</source>
        <translation>从训练运行…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try a training run folder: it is packed into a temporary bundle and the folder is left as it is (save a bundle on the Export page)</source>
        <translation>试用一个训练运行文件夹：它会被打包为临时模型包，文件夹本身保持不变（要保存模型包，请使用“导出”页）</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>runs on the CPU, %n thread(s)</source>
        <translation>
            <numerusform>在 CPU 上运行，%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decides with the Evaluate page&apos;s rule</source>
        <translation>使用“评估”页的决策规则</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The run open on the Evaluate page (%1) is tried here as soon as this page is shown.</source>
        <translation>显示本页时，将在这里试用“评估”页中打开的运行（%1）。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation mode: full screen, large text (F11; Esc leaves)</source>
        <translation>演示模式：全屏、大字号（F11；按 Esc 退出）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a model bundle (.tagbench) or a finished training run to try it on your own text.</source>
        <translation>打开模型包（.tagbench）或已完成的训练运行，用你自己的文本试一试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type or paste a text here; the predicted labels follow as you type.</source>
        <translation>在此输入或粘贴文本，预测标签会随输入实时更新。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text to classify; predictions follow as you type</source>
        <translation>要分类的文本；预测结果随输入实时更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted labels</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scores appear here.</source>
        <translation>得分将显示在这里。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No model open.</source>
        <translation>未打开模型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars: the label&apos;s score. Orange tick: the label&apos;s threshold; a label is predicted when its bar reaches the tick.</source>
        <translation>条形：标签得分。橙色刻度：标签阈值；条形达到刻度时即预测为该标签。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DocumentTableModel</name>
    <message>
        <location filename="../ui/data/DocumentTableModel.cpp" line="+135"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::EvaluatePage</name>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="+132"/>
        <source>Cannot Open Run</source>
        <translation>无法打开训练运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench could not open the run %1.</source>
        <translation>Tagbench 无法打开训练运行 %1。</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Open Training Run</source>
        <translation>打开训练运行</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare with Run</source>
        <translation>与运行对比</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&lt;span style=&quot;font-size:large&quot;&gt;Micro &lt;b&gt;P %1 · R %2 · F1 %3&lt;/b&gt; &amp;nbsp; Macro-F1 &lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; &amp;nbsp; %5 documents, %6 without any label · rule from %7%8</source>
        <translation>&lt;span style=&quot;font-size:large&quot;&gt;微平均 &lt;b&gt;P %1 · R %2 · F1 %3&lt;/b&gt; &amp;nbsp; 宏平均 F1 &lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; &amp;nbsp; %5 篇文档，%6 篇没有任何标签 · 规则来自 %7%8</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (edited, not saved)</source>
        <translation>（已修改，未保存）</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+269"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Optimiser cancelled; the rule is unchanged.</source>
        <translation>优化已取消；规则保持不变。</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>The optimiser could not finish; the rule is unchanged.</source>
        <translation>优化器未能完成；规则保持不变。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Thresholds are tuned on dev; the test split only checks them. Switch to dev to optimise.</source>
        <translation>阈值在验证集上调整，测试集只用于检验。请切换到验证集再进行优化。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Optimising… the rule stays editable; the result is applied on top of it.</source>
        <translation>正在优化… 规则仍可编辑，结果将在当前规则之上应用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The top-k, &quot;at least one label&quot; or disabled labels changed while the optimiser ran, so its thresholds no longer fit the rule. Run it again.</source>
        <translation>优化器运行期间，Top-k、“每篇文档至少一个标签”或停用的标签发生了变化，其阈值已不再适用于当前规则。请重新运行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Applied as one step (undo goes back): micro-F1 %1 on this split.</source>
        <translation>已作为一步应用（撤销即可恢复）：此数据划分上的微平均 F1 为 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No global threshold meets the constraint; the global threshold was kept.</source>
        <translation>没有全局阈值能满足约束；已保留原全局阈值。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n label(s) cannot meet the constraint at any threshold.</source>
        <translation>
            <numerusform>%n 个标签在任何阈值下都无法满足约束。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot Save Rule</source>
        <translation>无法保存规则</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the optimiser; the rule stays as it is</source>
        <translation>停止优化器；规则保持原样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the thresholds that maximise the objective on this split</source>
        <translation>在此数据划分上搜索使优化目标最大的阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indexing the scores…</source>
        <translation>正在为分数建立索引…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%v / %m labels</source>
        <translation>%v / %m 个标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No run loaded.

Open a training run folder (it holds labels.txt and scores/dev.scores) to evaluate and tune its thresholds.</source>
        <translation>尚未加载训练运行。

请打开一个训练运行文件夹（包含 labels.txt 和 scores/dev.scores），以评估并调整其阈值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Open Run…</source>
        <translation>打开运行…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with Run…</source>
        <translation>与运行对比…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare this run, per label, with another run on the same split</source>
        <translation>在同一数据划分上按标签将本次运行与另一次运行对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;plit:</source>
        <translation>数据划分(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scores evaluated: dev to tune, test to check; the rule being edited stays</source>
        <translation>要评估的得分：验证集用于调整，测试集用于检验；正在编辑的规则保持不变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another training run folder</source>
        <translation>打开另一个训练运行文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a training run folder</source>
        <translation>打开训练运行文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The threshold every label follows unless it has its own</source>
        <translation>所有没有专属阈值的标签都使用此阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a threshold between 0 and 1 and press Enter</source>
        <translation>输入 0 到 1 之间的阈值，然后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A document whose labels all fall below their thresholds still gets its best label</source>
        <translation>即使所有标签的得分都低于阈值，文档仍会得到得分最高的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last rule edit (Ctrl+Z)</source>
        <translation>撤销上一次规则修改（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo the rule edit (Ctrl+Shift+Z)</source>
        <translation>重做规则修改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the optimiser maximises</source>
        <translation>优化器要最大化的目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β of F-beta, or the precision or recall to keep at least</source>
        <translation>F-beta 的 β，或至少要保持的精确率或召回率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tune a threshold for each label, not only the global one</source>
        <translation>为每个标签单独调整阈值，而不只是全局阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the labels whose name contains this text</source>
        <translation>只显示名称包含此文本的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick a label to disable it; double-click a threshold to give the label its own</source>
        <translation>取消勾选即可停用标签；双击阈值可为该标签设置专属阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision rule</source>
        <translation>决策规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Global threshold:</source>
        <translation>全局阈值(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Top-k:</source>
        <translation>Top-k(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most this many labels per document (0: no limit)</source>
        <translation>每篇文档最多预测的标签数（0：不限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least &amp;one label per document</source>
        <translation>每篇文档至少一个标签(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Rule</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Maximise:</source>
        <translation>优化目标(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F-beta</source>
        <translation>F-beta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall with precision</source>
        <translation>在精确率约束下最大化召回率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision with recall</source>
        <translation>在召回率约束下最大化精确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One threshold &amp;per label</source>
        <translation>每个标签单独阈值(&amp;P)</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>&amp;Optimise</source>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Write the rule to rule.json in the run folder (Ctrl+S)</source>
        <translation>将规则写入运行文件夹中的 rule.json（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filter labels…</source>
        <translation>筛选标签…</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::EvaluationSession</name>
    <message>
        <location filename="../ui/evaluate/EvaluationSession.cpp" line="+188"/>
        <source>Global threshold %1</source>
        <translation>全局阈值 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Threshold of %1: %2</source>
        <translation>%1 的阈值：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold of %1: global</source>
        <translation>%1 的阈值：跟随全局</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Top-k %1</source>
        <translation>Top-k %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No top-k limit</source>
        <translation>不限制 Top-k</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At least one label per document</source>
        <translation>每篇文档至少一个标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents may have no label</source>
        <translation>文档可以没有标签</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Disable %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enable %1</source>
        <translation>启用 %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No run is loaded.</source>
        <translation>尚未加载训练运行。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Optimise for %1</source>
        <translation>按 %1 优化</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ExportPage</name>
    <message>
        <location filename="../ui/export/ExportPage.cpp" line="+145"/>
        <source>Choose a Training Run</source>
        <translation>选择训练运行</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Choose a training run folder first.</source>
        <translation>请先选择训练运行文件夹。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Wrote %1
Size: %2 · %3 tensors · %4 parameters
SHA-256: %5</source>
        <translation>已写入 %1
大小：%2 · %3 个张量 · %4 个参数
SHA-256：%5</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+7"/>
        <source>Open a run on the Evaluate page first.</source>
        <translation>请先在“评估”页打开一个训练运行。</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Evaluation report: %1</source>
        <translation>评估报告：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · split %2 · %3</source>
        <translation>%1 · 数据划分 %2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · split %2</source>
        <translation>%1 · 数据划分 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision rule</source>
        <translation>决策规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from %1%2</source>
        <translation>来自%1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, edited and not saved</source>
        <translation>，已修改但未保存</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save Report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Save Report as PNG</source>
        <translation>将报告保存为 PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Bundle As</source>
        <translation>模型包另存为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tagbench bundles (*.tagbench)</source>
        <translation>Tagbench 模型包 (*.tagbench)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 (%2 gold)</source>
        <translation>%1（%2 个标注）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Report of %1 (split %2) with the rule currently set on the Evaluate page.</source>
        <translation>%1（数据划分 %2）的报告，使用“评估”页当前设置的决策规则。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a run on the Evaluate page to export its evaluation report.</source>
        <translation>在“评估”页打开一个训练运行，即可导出其评估报告。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No run is open.</source>
        <translation>未打开训练运行。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Model bundle</source>
        <translation>模型包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run folder:</source>
        <translation>运行文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a training run folder</source>
        <translation>选择训练运行文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training run folder to pack; the run open on the Evaluate page is offered first</source>
        <translation>要打包的训练运行文件夹；优先列出“评估”页中打开的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the bundle is written; empty: model.tagbench in the run folder</source>
        <translation>模型包的保存位置；留空则写入运行文件夹中的 model.tagbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the bundle file</source>
        <translation>选择模型包文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the report as a multi-page PDF document</source>
        <translation>将报告写成多页 PDF 文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the report&apos;s overview as one PNG image</source>
        <translation>将报告概览写成一张 PNG 图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the labels whose precision-recall curves the report shows</source>
        <translation>勾选要在报告中绘制精确率-召回率曲线的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle file:</source>
        <translation>模型包文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Bundle</source>
        <translation>导出模型包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack the run&apos;s model, tokenizer, labels and decision rule into one .tagbench file</source>
        <translation>将该运行的模型、分词器、标签和决策规则打包为一个 .tagbench 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try in Demo</source>
        <translation>在演示页试用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bundle holds everything needed to predict: load it in the Demo page or with tagbench-cli predict.</source>
        <translation>模型包包含预测所需的一切：可在“演示”页加载，或使用 tagbench-cli predict。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels with a precision-recall curve:</source>
        <translation>绘制精确率-召回率曲线的标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::GuideDialog</name>
    <message>
        <location filename="../ui/widgets/GuideDialog.cpp" line="+35"/>
        <source>Guide: %1</source>
        <translation>指南：%1</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::HierarchyModel</name>
    <message>
        <location filename="../ui/data/HierarchyModel.cpp" line="+53"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exactly this label</source>
        <translation>恰为此标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of documents</source>
        <translation>文档占比</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ImportProgressWidget</name>
    <message numerus="yes">
        <location filename="../ui/data/ImportProgressWidget.cpp" line="+107"/>
        <source>Importing %1 (%n more queued)</source>
        <translation>
            <numerusform>正在导入 %1（另有 %n 个排队）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 read</source>
        <translation>已读取 %1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 read</source>
        <translation>已读取 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop importing and keep the datasets already open (Esc)</source>
        <translation>停止导入，已打开的数据集保持不变（Esc）</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ImportReportDialog</name>
    <message>
        <location filename="../ui/data/ImportReportDialog.cpp" line="+68"/>
        <source>Not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed record</source>
        <translation>记录格式错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing field</source>
        <translation>缺少字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong field type</source>
        <translation>字段类型错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty text</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No labels</source>
        <translation>没有标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate id</source>
        <translation>重复的 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other problem</source>
        <translation>其他问题</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Problems in %1</source>
        <translation>%1 中的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;%1 of the records in %2 could not be read.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Skip them to open the %3 good documents, or stop to leave the file closed and fix it first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%2 中有 %1 条记录无法读取。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;跳过它们以打开其余 %3 篇正常文档，或停止加载，先修复该文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;The first %1 problems are listed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;仅列出前 %1 个问题。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skip Bad Lines</source>
        <translation>跳过错误行(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy List</source>
        <translation>复制列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::LabelCurvesWidget</name>
    <message>
        <location filename="../ui/evaluate/LabelCurvesWidget.cpp" line="+136"/>
        <source>%1 — support %2, threshold %3, F1 %4</source>
        <translation>%1 — 支持数 %2，阈值 %3，F1 %4</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+5"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+3"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold (drag the dashed line)</source>
        <translation>阈值（拖动虚线）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag the dashed line, or click in the plot, to set this label&apos;s own threshold</source>
        <translation>拖动虚线或在图中点击，即可设置此标签的专属阈值</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::LabelDistributionChart</name>
    <message>
        <location filename="../ui/data/LabelDistributionChart.cpp" line="+135"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rare labels (&lt; 1% of documents)</source>
        <translation>稀有标签（少于 1% 的文档）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing from train (no training document has it)</source>
        <translation>训练集中没有（没有任何训练文档带有此标签）</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 documents (%3%)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 篇文档（%3%）</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::LabelMetricsModel</name>
    <message>
        <location filename="../ui/evaluate/LabelMetricsModel.cpp" line="+91"/>
        <source>This label&apos;s own threshold; clear the cell to follow the global one</source>
        <translation>此标签的专属阈值；清空单元格即改为跟随全局阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follows the global threshold; type a value to give this label its own</source>
        <translation>跟随全局阈值；输入数值可为此标签设置专属阈值</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Documents whose gold labels include this label</source>
        <translation>标注中含有此标签的文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents the rule gives this label</source>
        <translation>规则预测为此标签的文档数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support</source>
        <translation>支持数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation>预测数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::LabelTableModel</name>
    <message>
        <location filename="../ui/data/LabelTableModel.cpp" line="+78"/>
        <source>Missing from train: no training document carries this label, so a model cannot learn it.</source>
        <translation>训练集中缺失：没有训练文档带有此标签，模型无法学到它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rare label: fewer than 1% of the documents carry it.</source>
        <translation>稀有标签：带有此标签的文档少于 1%。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of documents</source>
        <translation>文档占比</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::MainMenus</name>
    <message>
        <location filename="../ui/MainMenus.cpp" line="+107"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a JSON lines, NeuralClassifier, fastText, CSV or TSV dataset</source>
        <translation>打开 JSON lines、NeuralClassifier、fastText、CSV 或 TSV 数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Run…</source>
        <translation>打开运行(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a training run folder to evaluate and tune its thresholds</source>
        <translation>打开训练运行文件夹，评估并调整其阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close Dataset</source>
        <translation>关闭数据集(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System Default</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Guide to This Page</source>
        <translation>本页指南(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Tagbench</source>
        <translation>关于 Tagbench(&amp;A)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+185"/>
        <source>The run was not added to the project: %1</source>
        <translation>该运行未加入项目：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Tagbench</source>
        <translation>Tagbench 标签工作台</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>The decision rule of %1 has changes that are not saved.</source>
        <translation>%1 的决策规则有尚未保存的修改。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n training run(s) are running or queued; quitting stops them (a stopped run can be resumed).</source>
        <translation>
            <numerusform>有 %n 个训练运行正在进行或排队；退出会停止它们（停止的运行可以继续）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bundle is being exported; it will not be written.</source>
        <translation>正在导出模型包；退出后它将不会写入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit Tagbench</source>
        <translation>退出 Tagbench</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit with unfinished work?</source>
        <translation>有未完成的工作，仍要退出吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save Rule and Quit</source>
        <translation>保存规则并退出(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit Anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot Save Rule</source>
        <translation>无法保存规则</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This folder is not a training run (it has no labels.txt and scores/); open one of the dataset files in it.</source>
        <translation>此文件夹不是训练运行（没有 labels.txt 和 scores/）；请打开其中的某个数据集文件。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)</source>
        <translation>数据集 (*.jsonl *.json *.txt *.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>About Tagbench</source>
        <translation>关于 Tagbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Tagbench %1&lt;/h3&gt;&lt;p&gt;A workbench for multi-label text classification: explore label distributions, train models, tune per-label thresholds, review predictions.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tagbench %1&lt;/h3&gt;&lt;p&gt;多标签文本分类工作台：探索标签分布、训练模型、调整各标签阈值、审核预测结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot Open Dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench could not open %1.</source>
        <translation>Tagbench 无法打开 %1。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ModelOptionsEditor</name>
    <message>
        <location filename="../ui/train/ModelOptionsEditor.cpp" line="+52"/>
        <source>Kernel sizes</source>
        <translation>卷积核尺寸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernels per size</source>
        <translation>每种尺寸的卷积核数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k-max pooling</source>
        <translation>k-max 池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden layer width</source>
        <translation>隐藏层宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>随机失活率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum length (tokens)</source>
        <translation>最大长度（词元数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word n-grams</source>
        <translation>词 n 元组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash buckets</source>
        <translation>哈希桶数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1:</source>
        <comment>a form label</comment>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+55"/>
        <source>%1 (%2.%3 in the training config)</source>
        <translation>%1（训练配置中的 %2.%3）</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>%1 %2 is not valid JSON</source>
        <translation>%1 %2 不是有效的 JSON</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::PageGuide</name>
    <message>
        <location filename="../ui/widgets/PageGuide.cpp" line="+7"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h3&gt;Project&lt;/h3&gt;&lt;p&gt;A project is one file that remembers your datasets, training runs, their metrics and your review decisions, so that you can close Tagbench and come back to the same work.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Create a project with &lt;b&gt;New Project…&lt;/b&gt; (Ctrl+N) or open one.&lt;/li&gt;&lt;li&gt;Datasets and runs you open while it is open join it, and so do the ones already open.&lt;/li&gt;&lt;li&gt;Select a row and use &lt;b&gt;Open in Data Page&lt;/b&gt; or &lt;b&gt;Evaluate&lt;/b&gt;; a double-click does the same.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Removing a row forgets it in the project only: the files stay on disk.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;项目&lt;/h3&gt;&lt;p&gt;项目是一个文件，记录你使用的数据集、训练运行及其指标，以及你的审核结果。关闭 Tagbench 之后，可以随时回到同样的工作状态。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;用&lt;b&gt;新建项目…&lt;/b&gt;（Ctrl+N）创建项目，或打开已有项目。&lt;/li&gt;&lt;li&gt;项目打开期间打开的数据集和运行都会加入项目，此前已打开的也会加入。&lt;/li&gt;&lt;li&gt;选中一行，然后点&lt;b&gt;在数据页打开&lt;/b&gt;或&lt;b&gt;评估&lt;/b&gt;；双击效果相同。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;移除一行只会让项目忘记它，磁盘上的文件保持不变。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Data&lt;/h3&gt;&lt;p&gt;What a dataset holds before you train on it.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Distribution&lt;/b&gt;: documents per label, rare labels (under 1%) in orange; labels that no training document carries are marked in red.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Labels per Document&lt;/b&gt;, &lt;b&gt;Co-occurrence&lt;/b&gt; and &lt;b&gt;Hierarchy&lt;/b&gt;: how labels combine.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Document Browser&lt;/b&gt;: filter by label, search the text, and read the selected document in full below the table.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Open files with File &amp;gt; Open Dataset… (Ctrl+O) or drop them onto the window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;数据&lt;/h3&gt;&lt;p&gt;在训练之前，先看清数据集里有什么。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;分布&lt;/b&gt;：每个标签的文档数；稀有标签（不到 1%）标为橙色，训练集中没有出现的标签标为红色。&lt;/li&gt;&lt;li&gt;&lt;b&gt;每篇文档的标签数&lt;/b&gt;、&lt;b&gt;共现&lt;/b&gt;和&lt;b&gt;层级&lt;/b&gt;：标签之间如何组合。&lt;/li&gt;&lt;li&gt;&lt;b&gt;文档浏览&lt;/b&gt;：按标签筛选、搜索文本，并在表格下方阅读所选文档的全文。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;用“文件 &amp;gt; 打开数据集…”（Ctrl+O）打开文件，或把文件拖到窗口中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;h3&gt;Evaluate&lt;/h3&gt;&lt;p&gt;Tune how a trained run turns scores into labels, and see every metric follow at once.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Move the &lt;b&gt;global threshold&lt;/b&gt; (slider or type a value and press Enter), limit &lt;b&gt;top-k&lt;/b&gt;, or give a label its own threshold in the table or by dragging the dashed line.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Optimise&lt;/b&gt; searches the thresholds on the dev split; check the result on test.&lt;/li&gt;&lt;li&gt;Edit &amp;gt; Undo (Ctrl+Z) and Redo step through your edits; &lt;b&gt;Save Rule&lt;/b&gt; (Ctrl+S) writes rule.json, which the Review, Demo and Export pages and tagbench-cli use.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;评估&lt;/h3&gt;&lt;p&gt;调整训练好的模型如何把得分变成标签，所有指标随之即时更新。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;移动&lt;b&gt;全局阈值&lt;/b&gt;（拖动滑块，或输入数值后按回车）、限制 &lt;b&gt;Top-k&lt;/b&gt;，或在表格中、拖动虚线为某个标签设置专属阈值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;优化&lt;/b&gt;在验证集上搜索阈值；再到测试集上检验结果。&lt;/li&gt;&lt;li&gt;“编辑 &amp;gt; 撤销”（Ctrl+Z）和“重做”逐步回退或恢复修改；&lt;b&gt;保存规则&lt;/b&gt;（Ctrl+S）写入 rule.json，“审核”“演示”“导出”页和 tagbench-cli 都会使用它。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Review&lt;/h3&gt;&lt;p&gt;Go through the run&apos;s predictions document by document and fix the gold labels.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Filter by kind of error and by label.&lt;/li&gt;&lt;li&gt;&lt;b&gt;A&lt;/b&gt; accepts the gold labels, &lt;b&gt;C&lt;/b&gt; saves the ticked labels as the correction, &lt;b&gt;S&lt;/b&gt; skips. Type in &lt;b&gt;Add label&lt;/b&gt; to add any label to the correction.&lt;/li&gt;&lt;li&gt;Edit &amp;gt; Undo (Ctrl+Z) takes a decision back. Decisions are stored in the project.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export Corrected Dataset…&lt;/b&gt; writes the split with your corrections applied.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;审核&lt;/h3&gt;&lt;p&gt;逐篇查看模型的预测，修正标注标签。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;按错误类型和标签筛选。&lt;/li&gt;&lt;li&gt;&lt;b&gt;A&lt;/b&gt; 接受标注标签，&lt;b&gt;C&lt;/b&gt; 把勾选的标签保存为更正，&lt;b&gt;S&lt;/b&gt; 跳过。在&lt;b&gt;添加标签&lt;/b&gt;框中输入，可以把任意标签加入更正。&lt;/li&gt;&lt;li&gt;“编辑 &amp;gt; 撤销”（Ctrl+Z）可以撤回一个审核决定。审核结果保存在项目中。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导出更正后的数据集…&lt;/b&gt;写出应用了你的更正的数据划分。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Train&lt;/h3&gt;&lt;p&gt;Train a model on your data.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Choose the train and dev files (dev picks the best epoch and the threshold; test is only measured).&lt;/li&gt;&lt;li&gt;Check the settings: the tokenizer is chosen from the data (characters for Chinese and Japanese).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Start Training&lt;/b&gt;. Runs wait in the queue and train one after another; a cancelled run can be resumed.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The mouse wheel scrolls the settings; it changes a value only in the field you clicked.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;训练&lt;/h3&gt;&lt;p&gt;用你的数据训练模型。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;选择训练集和验证集文件（验证集用于选出最佳轮次和阈值；测试集只用于测量）。&lt;/li&gt;&lt;li&gt;检查设置：分词方式根据数据自动选择（中文和日文按字符切分）。&lt;/li&gt;&lt;li&gt;点&lt;b&gt;开始训练&lt;/b&gt;。运行在队列中依次训练；取消的运行可以继续。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;鼠标滚轮用于滚动设置面板，只有在你点击过的输入框中才会改变数值。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;Demo&lt;/h3&gt;&lt;p&gt;Try a model on your own text: type or paste, and the predicted labels follow as you type.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;The run open on the Evaluate page is used, with the rule set there.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Open Bundle…&lt;/b&gt; opens a .tagbench file; &lt;b&gt;From Run…&lt;/b&gt; tries any run folder without writing into it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Present&lt;/b&gt; (F11) shows the text and the scores full screen; Esc leaves.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;演示&lt;/h3&gt;&lt;p&gt;用你自己的文本试用模型：输入或粘贴文本，预测标签随输入实时更新。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;默认使用“评估”页中打开的运行，以及那里设置的决策规则。&lt;/li&gt;&lt;li&gt;&lt;b&gt;打开模型包…&lt;/b&gt;打开 .tagbench 文件；&lt;b&gt;从运行…&lt;/b&gt;可试用任意运行文件夹，不会向其中写入任何文件。&lt;/li&gt;&lt;li&gt;&lt;b&gt;演示模式&lt;/b&gt;（F11）全屏显示文本和得分；按 Esc 退出。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h3&gt;Export&lt;/h3&gt;&lt;p&gt;Take results out of Tagbench.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Model bundle&lt;/b&gt;: one .tagbench file with the model, tokenizer, labels and decision rule, for the Demo page and tagbench-cli predict.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Evaluation report&lt;/b&gt;: a PDF or PNG of the run open on the Evaluate page, with its model and training settings, for people who do not use the app. Tick the labels whose precision-recall curves it shows.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;导出&lt;/h3&gt;&lt;p&gt;把结果带出 Tagbench。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;模型包&lt;/b&gt;：一个 .tagbench 文件，包含模型、分词器、标签和决策规则，可用于“演示”页和 tagbench-cli predict。&lt;/li&gt;&lt;li&gt;&lt;b&gt;评估报告&lt;/b&gt;：“评估”页中打开的运行的 PDF 或 PNG 报告，附带模型和训练设置，供不使用本软件的人阅读。勾选要绘制精确率-召回率曲线的标签。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::PredictWorker</name>
    <message>
        <location filename="../ui/demo/PredictWorker.cpp" line="+68"/>
        <source>Not enough memory to load this model.</source>
        <translation>内存不足，无法加载此模型。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::PredictionService</name>
    <message>
        <location filename="../ui/demo/PredictionService.cpp" line="+40"/>
        <source>Cannot create a temporary folder for the bundle: %1</source>
        <translation>无法为模型包创建临时文件夹：%1</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ProjectPage</name>
    <message>
        <location filename="../ui/project/ProjectPage.cpp" line="+174"/>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tagbench projects (*.%1)</source>
        <translation>Tagbench 项目 (*.%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tagbench projects (*.%1);;All files (*)</source>
        <translation>Tagbench 项目 (*.%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot Add Datasets</source>
        <translation>无法添加数据集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add Training Run</source>
        <translation>添加训练运行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Add Run</source>
        <translation>无法添加运行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot Remove</source>
        <translation>无法移除</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>&lt;h3&gt;No project open&lt;/h3&gt;&lt;p&gt;A project keeps the datasets you work with, your training runs, their metrics, decision rules and review decisions in one file, so that you can come back to them later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;尚未打开项目&lt;/h3&gt;&lt;p&gt;项目把您使用的数据集、训练运行及其指标、决策规则和审核结果保存在一个文件中，方便日后继续工作。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent projects:</source>
        <translation>最近的项目：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Open Datasets</source>
        <translation>添加已打开的数据集(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register every dataset open on the Data page in this project</source>
        <translation>将“数据”页中打开的所有数据集登记到此项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in Data Page</source>
        <translation>在数据页中打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected dataset on the Data page</source>
        <translation>在“数据”页打开所选数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Remove from Project</source>
        <translation>从项目中移除</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Forget the selected dataset in this project; the file stays on disk</source>
        <translation>让项目忘记所选数据集；文件仍保留在磁盘上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training runs</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Run Folder…</source>
        <translation>添加运行文件夹(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a training run folder in this project</source>
        <translation>把训练运行文件夹登记到本项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected run on the Evaluate page</source>
        <translation>在“评估”页打开所选运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget the selected run in this project; its folder stays on disk</source>
        <translation>让项目忘记所选运行；其文件夹仍保留在磁盘上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a project file (Ctrl+N)</source>
        <translation>新建项目文件（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open an existing project file</source>
        <translation>打开已有的项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the project; the datasets and the run stay open</source>
        <translation>关闭项目；数据集和运行仍保持打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click or press Enter to open a recent project</source>
        <translation>双击或按回车打开最近的项目</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ProjectSession</name>
    <message>
        <location filename="../ui/project/ProjectSession.cpp" line="+92"/>
        <location line="+29"/>
        <location line="+59"/>
        <location line="+11"/>
        <location line="+11"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>No project is open.</source>
        <translation>尚未打开项目。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReportWriter</name>
    <message>
        <location filename="../ui/evaluate/ReportWriter.cpp" line="+95"/>
        <source>Documents: %1 · labels: %2 · documents without a predicted label: %3</source>
        <translation>文档：%1 · 标签：%2 · 没有预测标签的文档：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Micro: precision %1, recall %2, F1 %3 · macro-F1 %4</source>
        <translation>微平均：精确率 %1，召回率 %2，F1 %3 · 宏平均 F1 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule: global threshold %1</source>
        <translation>规则：全局阈值 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n per-label threshold(s)</source>
        <translation>
            <numerusform>，%n 个标签专属阈值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, at most %n label(s) per document</source>
        <translation>
            <numerusform>，每篇文档最多 %n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n label(s) disabled</source>
        <translation>
            <numerusform>，%n 个标签已停用</numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Gold documents</source>
        <translation>标注文档数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label distribution (the %1 most frequent labels)</source>
        <translation>标签分布（最常见的 %1 个标签）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label distribution</source>
        <translation>标签分布</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+95"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>F1 per label (same labels)</source>
        <translation>各标签 F1（标签同上）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Precision-recall curves; the dot is the rule&apos;s operating point</source>
        <translation>精确率-召回率曲线；圆点为当前规则的工作点</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+54"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+52"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Model and training</source>
        <translation>模型与训练</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Precision-recall curves (no label selected)</source>
        <translation>精确率-召回率曲线（未选择标签）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Support</source>
        <translation>支持数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted</source>
        <translation>预测数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+15"/>
        <location line="+98"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Cannot write %1: the PDF could not be started.</source>
        <translation>无法写入 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Cannot write %1: the image size is empty.</source>
        <translation>无法写入 %1：图像尺寸为空。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReviewDetailPane</name>
    <message>
        <location filename="../ui/review/ReviewDetailPane.cpp" line="+168"/>
        <source>&quot;%1&quot; is not one of the run&apos;s labels.</source>
        <translation>“%1”不是此运行的标签。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Gold labels</source>
        <translation>标注标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted labels</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrected labels</source>
        <translation>更正后的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add label…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type any label of the run and press Enter to add it to the correction</source>
        <translation>输入此运行的任意标签并按回车，即可加入更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the labels this document should have, then Save correction (C)</source>
        <translation>勾选此文档应有的标签，然后点“保存更正 (C)”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept gold (A)</source>
        <translation>接受标注 (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gold labels are right</source>
        <translation>标注标签正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save correction (C)</source>
        <translation>保存更正 (C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the checked labels as this document&apos;s labels</source>
        <translation>将勾选的标签保存为此文档的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip (S)</source>
        <translation>跳过 (S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide later; the document is marked as skipped</source>
        <translation>稍后再定；文档标记为已跳过</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReviewItemModel</name>
    <message>
        <location filename="../ui/review/ReviewItemModel.cpp" line="+158"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold labels</source>
        <translation>标注标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted labels</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>false positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>false negative</source>
        <translation>漏报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>low confidence</source>
        <translation>低置信度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspected label error</source>
        <translation>疑似标注错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReviewPage</name>
    <message>
        <location filename="../ui/review/ReviewPage.cpp" line="+234"/>
        <location line="+239"/>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Document %1. Its text is shown once the %2 dataset file is open on the Data page.</source>
        <translation>文档 %1。在“数据”页打开 %2 数据集文件后即可显示其文本。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No run is loaded.</source>
        <translation>尚未加载训练运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the %1 dataset file on the Data page first: the export needs the texts.</source>
        <translation>请先在“数据”页打开 %1 数据集文件：导出需要文本。</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Now reviewing the %1 split: it was switched on the Evaluate page.</source>
        <translation>现在审核的是%1：数据划分已在“评估”页切换。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>%n document(s) shown</source>
        <translation>
            <numerusform>显示 %n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 reviewed</source>
        <translation>已审核 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>Wrote %n document(s) to %1</source>
        <translation>
            <numerusform>已将 %n 篇文档写入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of them with corrected labels; the others keep their gold labels.</source>
        <translation>
            <numerusform>其中 %n 篇使用更正后的标签，其余保留标注标签。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>Export Corrected Dataset</source>
        <translation>导出更正后的数据集</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The corrected dataset was written.</source>
        <translation>更正后的数据集已写出。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The corrected dataset was not written.</source>
        <translation>未写出更正后的数据集。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No run loaded.

Open a training run (File &gt; Open Run…) to review its predictions.</source>
        <translation>尚未加载训练运行。

请打开一个训练运行（文件 &gt; 打开运行…）以审核其预测结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;plit:</source>
        <translation>数据划分(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The split reviewed; the Evaluate page switches with it</source>
        <translation>要审核的数据划分；“评估”页会随之切换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors (false positives or negatives)</source>
        <translation>错误（误报或漏报）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positives</source>
        <translation>误报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False negatives</source>
        <translation>漏报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low confidence</source>
        <translation>低置信度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspected label errors</source>
        <translation>疑似标注错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which documents to go through</source>
        <translation>要查看哪些文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only documents with this label in their gold or predicted labels</source>
        <translation>只显示标注或预测标签中含有此标签的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions go to %1</source>
        <translation>审核结果保存到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a project to record decisions</source>
        <translation>打开项目以记录审核结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Corrected Dataset…</source>
        <translation>导出更正后的数据集(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this split as JSON lines with your corrections applied</source>
        <translation>将此数据划分写成应用了更正的 JSON lines 文件</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReviewSession</name>
    <message>
        <location filename="../ui/review/ReviewSession.cpp" line="+52"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+49"/>
        <source>No run is loaded.</source>
        <translation>尚未加载训练运行。</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Decisions are stored in a project. Create or open one on the Project page first.</source>
        <translation>审核结果保存在项目中。请先在“项目”页新建或打开一个项目。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+19"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::RunCompareWorker</name>
    <message>
        <location filename="../ui/evaluate/RunCompareWorker.cpp" line="+29"/>
        <source>The runs have different labels (labels.txt line %1: &quot;%2&quot; vs &quot;%3&quot;), so they cannot be compared label by label.</source>
        <translation>两次运行的标签不同（labels.txt 第 %1 行：“%2” 与 “%3”），无法逐标签对比。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not enough memory to load the scores of this run.</source>
        <translation>内存不足，无法加载此运行的分数。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::RunComparisonModel</name>
    <message>
        <location filename="../ui/evaluate/RunComparisonModel.cpp" line="+66"/>
        <source>improved</source>
        <translation>提升</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regressed</source>
        <translation>下降</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support</source>
        <translation>支持数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 A</source>
        <translation>F1 A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 B</source>
        <translation>F1 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Δ F1</source>
        <translation>Δ F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::RunComparisonView</name>
    <message>
        <location filename="../ui/evaluate/RunComparisonView.cpp" line="+118"/>
        <source>Open a run on the Evaluate page first.</source>
        <translation>请先在“评估”页打开一个训练运行。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not compare with %1: %2</source>
        <translation>无法与 %1 对比：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare Runs</source>
        <translation>运行对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 change (B − A)</source>
        <translation>F1 变化（B − A）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A: %1 (current rule)
B: %2 (%3)
Split: %4</source>
        <translation>A：%1（当前规则）
B：%2（%3）
数据划分：%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Micro-F1: A %1 → B %2 (%3)</source>
        <translation>微平均 F1：A %1 → B %2（%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Macro-F1: A %1 → B %2 (%3)</source>
        <translation>宏平均 F1：A %1 → B %2（%3）</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n improved</source>
        <translation>
            <numerusform>%n 个提升</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n regressed</source>
        <translation>
            <numerusform>%n 个下降</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n 个不变</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tagbench::ui::RunFacts</name>
    <message>
        <location filename="../ui/evaluate/ReportWriter.cpp" line="-320"/>
        <location filename="../ui/evaluate/RunFacts.cpp" line="+91"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../ui/evaluate/RunFacts.cpp" line="+20"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/RunFacts.cpp" line="-73"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cross-entropy loss</source>
        <translation>交叉熵损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>focal loss</source>
        <translation>焦点损失（focal loss）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>binary cross-entropy loss</source>
        <translation>二元交叉熵损失</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped early</source>
        <translation>已提前停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diverged (best epoch kept)</source>
        <translation>已发散（保留最佳轮次）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>embedding dimension %1</source>
        <translation>嵌入维度 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lowercase</source>
        <translation>转小写</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>tokens seen at least %n times</source>
        <translation>
            <numerusform>至少出现 %n 次的词元</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at most %1 tokens</source>
        <translation>最多 %1 个词元</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate %1 (%2)</source>
        <translation>学习率 %1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>early stopping after %n epoch(s) without improvement</source>
        <translation>
            <numerusform>连续 %n 轮没有提升则提前停止</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no early stopping</source>
        <translation>不提前停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed %1</source>
        <translation>随机种子 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>global threshold chosen on dev</source>
        <translation>在验证集上选择全局阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>global threshold %1</source>
        <translation>全局阈值 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained</source>
        <translation>训练轮次</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n epoch(s), best epoch %1</source>
        <translation>
            <numerusform>共 %n 轮，最佳为第 %1 轮</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best dev micro-F1</source>
        <translation>验证集最佳微平均 F1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>micro-F1 %1, macro-F1 %2</source>
        <translation>微平均 F1 %1，宏平均 F1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1, %n thread(s)</source>
        <translation>
            <numerusform>%1，%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained on</source>
        <translation>训练设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 in %2</source>
        <translation>%1，用时 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>best epoch %1</source>
        <translation>最佳轮次 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best dev micro-F1 %1</source>
        <translation>验证集最佳微平均 F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test micro-F1 %1</source>
        <translation>测试集微平均 F1 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::RunLoadWorker</name>
    <message>
        <location filename="../ui/evaluate/RunLoadWorker.cpp" line="+42"/>
        <source>Not enough memory to load the scores of this run.</source>
        <translation>内存不足，无法加载此运行的分数。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ThresholdOptimiseWorker</name>
    <message>
        <location filename="../ui/evaluate/ThresholdOptimiseWorker.cpp" line="+81"/>
        <source>Not enough memory to run the optimiser on this run.</source>
        <translation>内存不足，无法对此运行执行优化。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::TrainConfigForm</name>
    <message>
        <location filename="../ui/train/TrainConfigForm.cpp" line="+228"/>
        <source>Folder for the New Run</source>
        <translation>新训练运行的文件夹</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Choose Dataset File</source>
        <translation>选择数据集文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)</source>
        <translation>数据集 (*.jsonl *.json *.txt *.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Applied.</source>
        <translation>已应用。</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Warning: %1% of the training text is Chinese or Japanese; without spaces a word vocabulary holds whole phrases that new texts rarely repeat. Characters work better.</source>
        <translation>注意：训练文本中 %1% 是中文或日文；这类文字的词之间没有空格，按词切分得到的词表里是整句短语，新文本很少会重复出现。按字符切分效果更好。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Characters, chosen from the data: %1% of the training text is Chinese or Japanese, which has no spaces between words.</source>
        <translation>已根据数据选择按字符切分：训练文本中 %1% 是中文或日文，词之间没有空格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Words, chosen from the data: only %1% of the training text is Chinese or Japanese.</source>
        <translation>已根据数据选择按词切分：训练文本中只有 %1% 是中文或日文。</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kind of model to train</source>
        <translation>要训练的模型类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether a document may have any number of labels or exactly one</source>
        <translation>一篇文档可以有任意多个标签，还是恰好一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-label (any number of labels)</source>
        <translation>多标签（标签数量不限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Single-label (exactly one label)</source>
        <translation>单标签（恰好一个标签）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the network trains</source>
        <translation>在哪里训练网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train:</source>
        <translation>训练集：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dev:</source>
        <translation>验证集：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test:</source>
        <translation>测试集：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training documents</source>
        <translation>训练文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picks the best epoch and threshold</source>
        <translation>用于选择最佳轮次和阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The documents the model learns from</source>
        <translation>模型从中学习的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held-out documents that choose the best epoch and the thresholds</source>
        <translation>留出的文档，用于选出最佳轮次和阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents kept apart to measure the final model; never used to choose settings</source>
        <translation>单独保留、用于测量最终模型的文档；从不用于选择设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split text into:</source>
        <translation>文本切分为：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters (Chinese, Japanese)</source>
        <translation>字（中文、日文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SentencePiece pieces</source>
        <translation>SentencePiece 子词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How text becomes tokens; chosen from the training data until you change it</source>
        <translation>文本如何切分为词元；在你修改之前根据训练数据自动选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowercase</source>
        <translation>转为小写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fold upper case (also full-width letters) before counting tokens</source>
        <translation>统计词元前先转为小写（包括全角字母）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum count:</source>
        <translation>最低词频：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens seen fewer times in the training data are dropped</source>
        <translation>在训练数据中出现次数少于此值的词元将被丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabulary limit:</source>
        <translation>词表上限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep at most this many of the most frequent tokens</source>
        <translation>最多保留这么多个最常见的词元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding dimension:</source>
        <translation>嵌入维度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of each token&apos;s vector</source>
        <translation>每个词元向量的维度</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The recommended settings of the chosen network</source>
        <translation>所选网络的推荐设置</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training data</source>
        <translation>遍历训练数据的次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents per training step</source>
        <translation>每个训练步的文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size of the optimizer; halved automatically if training diverges</source>
        <translation>优化器的步长；训练发散时自动减半</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adam suits TextCNN; sgd with a linear schedule is fastText&apos;s own</source>
        <translation>adam 适合 TextCNN；sgd 配合线性学习率衰减是 fastText 自己的做法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss:</source>
        <translation>损失函数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focal loss puts more weight on labels the model still gets wrong</source>
        <translation>焦点损失更看重模型仍然判断错误的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focal loss (rare labels)</source>
        <translation>焦点损失（适合稀有标签）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positive weight:</source>
        <translation>正样本权重：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (from label frequency)</source>
        <translation>自动（按标签频率）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per label (from the loaded config)</source>
        <translation>按标签设置（来自加载的配置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of a label&apos;s positive documents in the loss; helps rare labels</source>
        <translation>标签正例文档在损失中的权重；有助于稀有标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping:</source>
        <translation>早停：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> epochs without improvement</source>
        <translation> 轮无提升后停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop when dev has not improved for this many epochs</source>
        <translation>验证集连续这么多轮没有提升时停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed and data give the same model</source>
        <translation>相同的种子和数据会得到相同的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the global threshold on dev</source>
        <translation>在验证集上选择全局阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Otherwise labels scoring 0.5 or more are predicted</source>
        <translation>否则预测得分不低于 0.5 的标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advanced (every setting as JSON)</source>
        <translation>高级（以 JSON 显示全部设置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole training config, including settings without a field above</source>
        <translation>完整的训练配置，包括上面没有输入框的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply JSON</source>
        <translation>应用 JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the JSON and fill the form from it</source>
        <translation>检查 JSON 并据此填写表单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run folder:</source>
        <translation>运行文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (a new folder per run)</source>
        <translation>自动（每次运行新建文件夹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the run&apos;s model, metrics and scores are written</source>
        <translation>运行的模型、指标和得分的写入位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder for the new run</source>
        <translation>选择新运行的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a dataset file</source>
        <translation>选择数据集文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every setting of the training config; Apply JSON fills the form from it</source>
        <translation>训练配置的全部设置；点“应用 JSON”即可据此填写表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load Config…</source>
        <translation>加载配置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the form from a config.json (e.g. of an earlier run)</source>
        <translation>从 config.json（例如之前某次运行的配置）填充表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::TrainCurvesWidget</name>
    <message>
        <location filename="../ui/train/TrainCurvesWidget.cpp" line="+97"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Dev F1</source>
        <translation>验证集 F1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dev micro-F1</source>
        <translation>验证集微平均 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dev macro-F1</source>
        <translation>验证集宏平均 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best epoch</source>
        <translation>最佳轮次</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::TrainPage</name>
    <message>
        <location filename="../ui/train/TrainPage.cpp" line="+224"/>
        <source>The run was not started: %1</source>
        <translation>训练运行未启动：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 already holds a training run. Choose another folder, or use Resume Folder… to continue a cancelled run.</source>
        <translation>%1 中已有一个训练运行。请选择其他文件夹，或使用“从文件夹继续…”继续已取消的运行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is already used by a run in the queue.</source>
        <translation>%1 已被队列中的某个运行使用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queued %1</source>
        <translation>已加入队列：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The run cannot be resumed: %1</source>
        <translation>无法继续该训练运行：%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add to Queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start Training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No training run yet</source>
        <translation>尚无训练运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the data and settings on the left, then start training. Runs wait in the queue and train one after another.</source>
        <translation>在左侧选择数据和设置，然后开始训练。运行会在队列中等待，依次训练。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting for the runs before it in the queue.</source>
        <translation>正在等待队列中排在前面的运行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the data and building the vocabulary…</source>
        <translation>正在读取数据并构建词表…</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>[%1] resuming in %2</source>
        <translation>[%1] 在 %2 中继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[%1] training into %2</source>
        <translation>[%1] 训练输出到 %2</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Epoch %1 of %2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch %1 of %2</source>
        <translation>第 %1/%2 批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 examples/s</source>
        <translation>每秒 %1 个样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Best dev micro-F1 %1 at epoch %2 · %3 epochs in %4 on %5</source>
        <translation>最佳验证集微平均 F1 %1（第 %2 轮）· %3 轮用时 %4，运行于 %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
The loss diverged; the best epoch before it was kept.</source>
        <translation>
损失发散；已保留发散前的最佳轮次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Test: micro-F1 %1, macro-F1 %2</source>
        <translation>
测试集：微平均 F1 %1，宏平均 F1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Cancelled after %n finished epoch(s). Resume continues from the last finished epoch.</source>
        <translation>
            <numerusform>已在完成 %n 轮后取消。继续训练将从最后完成的轮次开始。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>[%1] finished: %2</source>
        <translation>[%1] 训练结束：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run finished but was not added to the project: %1</source>
        <translation>运行已完成，但未能添加到项目：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[%1] cancelled; it can be resumed</source>
        <translation>[%1] 已取消，可以继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[%1] cancelled while reading the data; nothing was trained</source>
        <translation>[%1] 读取数据时已取消，未进行训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[%1] failed: %2</source>
        <translation>[%1] 失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training %1 failed: %2</source>
        <translation>训练 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Load Training Config</source>
        <translation>加载训练配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training configs (*.json);;All files (*)</source>
        <translation>训练配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Resume a Cancelled Run</source>
        <translation>继续已取消的运行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Train with these settings (queued when another run is training)</source>
        <translation>按这些设置训练（若有其他运行正在训练则排队）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected run (it stays resumable) or remove it from the queue</source>
        <translation>停止所选运行（之后仍可继续）或将其移出队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the selected cancelled run from its last finished epoch</source>
        <translation>从最后完成的轮次继续所选的已取消运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume Folder…</source>
        <translation>从文件夹继续…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue a cancelled run from its folder</source>
        <translation>从文件夹继续已取消的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected run on the Evaluate page</source>
        <translation>在“评估”页打开所选运行</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::TrainQueue</name>
    <message>
        <location filename="../ui/train/TrainQueue.cpp" line="+79"/>
        <source>%1 is already in the queue.</source>
        <translation>%1 已在队列中。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This run cannot be resumed.</source>
        <translation>该运行无法继续。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次结束后停止…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped early</source>
        <translation>已早停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverged (best epoch kept)</source>
        <translation>已发散（保留最佳轮次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Epoch %1 of %2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, best dev micro-F1 %1</source>
        <translation>，最佳验证集微平均 F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued to resume</source>
        <translation>已排队等待继续</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::TrainWorker</name>
    <message>
        <location filename="../ui/train/TrainWorker.cpp" line="+24"/>
        <source>Not enough memory to train this model. Try a smaller batch size, embedding dimension or vocabulary.</source>
        <translation>内存不足，无法训练此模型。请尝试减小批大小、嵌入维度或词表。</translation>
    </message>
</context>
</TS>
