<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>tagbench::ui::CardinalityHistogram</name>
    <message>
        <location filename="../ui/CardinalityHistogram.cpp" line="+67"/>
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
        <location filename="../ui/CooccurrenceHeatmap.cpp" line="+124"/>
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
    <name>tagbench::ui::DataPage</name>
    <message>
        <location filename="../ui/DataPage.cpp" line="+222"/>
        <location line="+63"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location line="-15"/>
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
        <location line="+42"/>
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
    <message>
        <location line="+3"/>
        <source>%1 labels missing from train</source>
        <translation>%1 个标签在训练集中缺失</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 documents</source>
        <translation>%1 篇文档</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DatasetLoadWorker</name>
    <message>
        <location filename="../ui/DatasetLoadWorker.cpp" line="+43"/>
        <source>Not enough memory to load this file.</source>
        <translation>内存不足，无法加载此文件。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DocumentTableModel</name>
    <message>
        <location filename="../ui/DocumentTableModel.cpp" line="+111"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
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
        <location filename="../ui/EvaluatePage.cpp" line="+120"/>
        <source>Cannot Open Run</source>
        <translation>无法打开训练运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench could not open the run %1.</source>
        <translation>Tagbench 无法打开训练运行 %1。</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Open Training Run</source>
        <translation>打开训练运行</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>&lt;span style=&quot;font-size:large&quot;&gt;Micro &lt;b&gt;P %1 · R %2 · F1 %3&lt;/b&gt; &amp;nbsp; Macro-F1 &lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; &amp;nbsp; %5 documents, %6 without any label · rule from %7%8</source>
        <translation>&lt;span style=&quot;font-size:large&quot;&gt;微平均 &lt;b&gt;P %1 · R %2 · F1 %3&lt;/b&gt; &amp;nbsp; 宏平均 F1 &lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; &amp;nbsp; %5 篇文档，%6 篇没有任何标签 · 规则来自 %7%8</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (edited, not saved)</source>
        <translation>（已修改，未保存）</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+10"/>
        <location line="+36"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="-41"/>
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
        <location line="+15"/>
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
        <source>S&amp;plit:</source>
        <translation>数据划分(&amp;P)：</translation>
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
        <location line="+1"/>
        <source>Write the rule to rule.json in the run folder</source>
        <translation>将规则写入运行文件夹中的 rule.json</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <source>&amp;Optimise</source>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter labels…</source>
        <translation>筛选标签…</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::EvaluationSession</name>
    <message>
        <location filename="../ui/EvaluationSession.cpp" line="+115"/>
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
        <location line="+11"/>
        <location line="+15"/>
        <source>No run is loaded.</source>
        <translation>尚未加载训练运行。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Optimise for %1</source>
        <translation>按 %1 优化</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::HierarchyModel</name>
    <message>
        <location filename="../ui/HierarchyModel.cpp" line="+53"/>
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
    <name>tagbench::ui::LabelCurvesWidget</name>
    <message>
        <location filename="../ui/LabelCurvesWidget.cpp" line="+131"/>
        <source>%1 — support %2, threshold %3, F1 %4</source>
        <translation>%1 — 支持数 %2，阈值 %3，F1 %4</translation>
    </message>
    <message>
        <location line="+23"/>
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
</context>
<context>
    <name>tagbench::ui::LabelDistributionChart</name>
    <message>
        <location filename="../ui/LabelDistributionChart.cpp" line="+133"/>
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
        <location line="+103"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 documents (%3%)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 篇文档（%3%）</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::LabelMetricsModel</name>
    <message>
        <location filename="../ui/LabelMetricsModel.cpp" line="+91"/>
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
        <location filename="../ui/LabelTableModel.cpp" line="+72"/>
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
    <name>tagbench::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+102"/>
        <source>The run was not added to the project: %1</source>
        <translation>该运行未加入项目：%1</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>%1 — Tagbench</source>
        <translation>%1 — Tagbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench</source>
        <translation>Tagbench 标签工作台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>项目</translation>
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
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate</source>
        <translation>评估</translation>
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
        <location line="+109"/>
        <location line="+10"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This folder is not a training run (it has no labels.txt and scores/); open one of the dataset files in it.</source>
        <translation>此文件夹不是训练运行（没有 labels.txt 和 scores/）；请打开其中的某个数据集文件。</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <message>
        <location line="+16"/>
        <source>%1 was not added to the project: %2</source>
        <translation>%1 未加入项目：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
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
<context>
    <name>tagbench::ui::ProjectPage</name>
    <message>
        <location filename="../ui/ProjectPage.cpp" line="+144"/>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench projects (*.%1)</source>
        <translation>Tagbench 项目 (*.%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+97"/>
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
        <location line="+5"/>
        <source>Remove from Project</source>
        <translation>从项目中移除</translation>
    </message>
    <message>
        <location line="-4"/>
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
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ProjectSession</name>
    <message>
        <location filename="../ui/ProjectSession.cpp" line="+78"/>
        <location line="+29"/>
        <location line="+34"/>
        <location line="+11"/>
        <source>No project is open.</source>
        <translation>尚未打开项目。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::RunLoadWorker</name>
    <message>
        <location filename="../ui/RunLoadWorker.cpp" line="+42"/>
        <source>Not enough memory to load the scores of this run.</source>
        <translation>内存不足，无法加载此运行的分数。</translation>
    </message>
</context>
</TS>
