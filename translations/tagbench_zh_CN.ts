<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>tagbench::ui::DataPage</name>
    <message>
        <location filename="../ui/DataPage.cpp" line="+161"/>
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
        <source>Documents per label</source>
        <translation>各标签的文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter labels…</source>
        <translation>筛选标签…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 documents · %2 labels · %3 labels per document · %4 rare labels</source>
        <translation>%1 篇文档 · %2 个标签 · 平均每篇 %3 个标签 · %4 个稀有标签</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · %1 documents without labels</source>
        <translation> · %1 篇文档没有标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 lines skipped</source>
        <translation> · 跳过了 %1 行</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DatasetLoadWorker</name>
    <message>
        <location filename="../ui/DatasetLoadWorker.cpp" line="+39"/>
        <source>Not enough memory to load this file.</source>
        <translation>内存不足，无法加载此文件。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ImportReportDialog</name>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="+68"/>
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
    <name>tagbench::ui::LabelDistributionChart</name>
    <message>
        <location filename="../ui/LabelDistributionChart.cpp" line="+132"/>
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
        <location line="+100"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 documents (%3%)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 篇文档（%3%）</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::LabelTableModel</name>
    <message>
        <location filename="../ui/LabelTableModel.cpp" line="+68"/>
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
    <name>tagbench::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+173"/>
        <source>Tagbench</source>
        <translation>Tagbench 标签工作台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
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
        <source>&amp;About Tagbench</source>
        <translation>关于 Tagbench(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading</source>
        <translation>停止加载</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+97"/>
        <location line="+10"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is a folder; open one of the dataset files in it.</source>
        <translation>这是一个文件夹；请打开其中的某个数据集文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)</source>
        <translation>数据集 (*.jsonl *.json *.txt *.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>About Tagbench</source>
        <translation>关于 Tagbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Tagbench %1&lt;/h3&gt;&lt;p&gt;A workbench for multi-label text classification: explore label distributions, train models, tune per-label thresholds, review predictions.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tagbench %1&lt;/h3&gt;&lt;p&gt;多标签文本分类工作台：探索标签分布、训练模型、调整各标签阈值、审核预测结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 was not opened.</source>
        <translation>未打开 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Opened %1: %Ln document(s) in %2 s</source>
        <translation>
            <numerusform>已打开 %1：%Ln 篇文档，用时 %2 秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot Open Dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench could not open %1.</source>
        <translation>Tagbench 无法打开 %1。</translation>
    </message>
</context>
</TS>
