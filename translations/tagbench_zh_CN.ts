<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReviewItemModel</name>
    <message>
        <location filename="../ui/ReviewItemModel.cpp" line="+155"/>
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
        <location filename="../ui/DatasetLoadWorker.cpp" line="+65"/>
        <source>Not enough memory to load this file.</source>
        <translation>内存不足，无法加载此文件。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::DemoPage</name>
    <message>
        <location filename="../ui/DemoPage.cpp" line="+44"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prediction failed: %1</source>
        <translation>预测失败：%1</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting %1 to a bundle…</source>
        <translation>正在将 %1 导出为模型包…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No label reaches its threshold.</source>
        <translation>没有标签达到其阈值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esc leaves presentation mode</source>
        <translation>按 Esc 退出演示模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms on %2</source>
        <translation>%1 毫秒，运行于 %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tagbench — Presentation</source>
        <translation>Tagbench — 演示</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Open Model Bundle</source>
        <translation>打开模型包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tagbench bundles (*.tagbench);;All files (*)</source>
        <translation>Tagbench 模型包 (*.tagbench);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a Training Run</source>
        <translation>打开训练运行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No model open</source>
        <translation>未打开模型</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Export a training run folder to a bundle and open it</source>
        <translation>将训练运行文件夹导出为模型包并打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation mode: full screen, large text (F11; Esc leaves)</source>
        <translation>演示模式：全屏、大字号（F11；按 Esc 退出）</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n label(s) · runs on %1</source>
        <translation>
            <numerusform>%n 个标签 · 运行于 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../ui/EvaluatePage.cpp" line="+122"/>
        <source>Cannot Open Run</source>
        <translation>无法打开训练运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagbench could not open the run %1.</source>
        <translation>Tagbench 无法打开训练运行 %1。</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Open Training Run</source>
        <translation>打开训练运行</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Compare with Run</source>
        <translation>与运行对比</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&lt;span style=&quot;font-size:large&quot;&gt;Micro &lt;b&gt;P %1 · R %2 · F1 %3&lt;/b&gt; &amp;nbsp; Macro-F1 &lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; &amp;nbsp; %5 documents, %6 without any label · rule from %7%8</source>
        <translation>&lt;span style=&quot;font-size:large&quot;&gt;微平均 &lt;b&gt;P %1 · R %2 · F1 %3&lt;/b&gt; &amp;nbsp; 宏平均 F1 &lt;b&gt;%4&lt;/b&gt;&lt;/span&gt; &amp;nbsp; %5 篇文档，%6 篇没有任何标签 · 规则来自 %7%8</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (edited, not saved)</source>
        <translation>（已修改，未保存）</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+246"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Optimiser cancelled; the rule is unchanged.</source>
        <translation>优化已取消；规则保持不变。</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>The optimiser could not finish; the rule is unchanged.</source>
        <translation>优化器未能完成；规则保持不变。</translation>
    </message>
    <message>
        <location line="+180"/>
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
        <location line="+6"/>
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
        <location line="-32"/>
        <source>&amp;Optimise</source>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Filter labels…</source>
        <translation>筛选标签…</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::EvaluationSession</name>
    <message>
        <location filename="../ui/EvaluationSession.cpp" line="+155"/>
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
        <location line="+54"/>
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
        <location filename="../ui/ExportPage.cpp" line="+140"/>
        <source>Choose a Training Run</source>
        <translation>选择训练运行</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose a training run folder first.</source>
        <translation>请先选择训练运行文件夹。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrote %1
Size: %2 · %3 tensors · %4 parameters
SHA-256: %5</source>
        <translation>已写入 %1
大小：%2 · %3 个张量 · %4 个参数
SHA-256：%5</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+12"/>
        <source>Open a run on the Evaluate page first.</source>
        <translation>请先在“评估”页打开一个训练运行。</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <location line="+106"/>
        <source>Evaluation report: %1</source>
        <translation>评估报告：%1</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>%1 · split %2 · %3</source>
        <translation>%1 · 数据划分 %2 · %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+106"/>
        <source>%1 · split %2</source>
        <translation>%1 · 数据划分 %2</translation>
    </message>
    <message>
        <location line="-100"/>
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
        <location line="+1"/>
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
        <location line="+38"/>
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
    <name>tagbench::ui::ImportProgressWidget</name>
    <message numerus="yes">
        <location filename="../ui/ImportProgressWidget.cpp" line="+107"/>
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
        <location filename="../ui/MainWindow.cpp" line="+118"/>
        <source>The run was not added to the project: %1</source>
        <translation>该运行未加入项目：%1</translation>
    </message>
    <message>
        <location line="+108"/>
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
        <location line="+31"/>
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
        <location line="+35"/>
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
        <location line="+19"/>
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
        <location line="+9"/>
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
    <name>tagbench::ui::PredictWorker</name>
    <message>
        <location filename="../ui/PredictWorker.cpp" line="+49"/>
        <source>Not enough memory to load this model.</source>
        <translation>内存不足，无法加载此模型。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ProjectPage</name>
    <message>
        <location filename="../ui/ProjectPage.cpp" line="+146"/>
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
        <location line="+101"/>
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
        <location filename="../ui/ProjectSession.cpp" line="+90"/>
        <location line="+29"/>
        <location line="+59"/>
        <location line="+11"/>
        <location line="+11"/>
        <location line="+7"/>
        <source>No project is open.</source>
        <translation>尚未打开项目。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReportWriter</name>
    <message>
        <location filename="../ui/ReportWriter.cpp" line="+76"/>
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
        <location line="+89"/>
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
        <location line="+24"/>
        <location line="+37"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>F1 per label (same labels)</source>
        <translation>各标签 F1（标签同上）</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+20"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+18"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Precision-recall curves (no label selected)</source>
        <translation>精确率-召回率曲线（未选择标签）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision-recall curves</source>
        <translation>精确率-召回率曲线</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+95"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Cannot write %1: the PDF could not be started.</source>
        <translation>无法写入 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cannot write %1: the image size is empty.</source>
        <translation>无法写入 %1：图像尺寸为空。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ReviewPage</name>
    <message>
        <location filename="../ui/ReviewPage.cpp" line="+195"/>
        <location line="+308"/>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="-234"/>
        <location line="+246"/>
        <source>%1 documents</source>
        <translation>%1 篇文档</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Document %1. Its text is shown once the %2 dataset file is open on the Data page.</source>
        <translation>文档 %1。在“数据”页打开 %2 数据集文件后即可显示其文本。</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+7"/>
        <location line="+14"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Decisions are stored in a project. Create or open one on the Project page first.</source>
        <translation>审核结果保存在项目中。请先在“项目”页新建或打开一个项目。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No run is loaded.</source>
        <translation>尚未加载训练运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the %1 dataset file on the Data page first: the export needs the texts.</source>
        <translation>请先在“数据”页打开 %1 数据集文件：导出需要文本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>Export Corrected Dataset</source>
        <translation>导出更正后的数据集</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
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
        <location line="+3"/>
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
</context>
<context>
    <name>tagbench::ui::RunCompareWorker</name>
    <message>
        <location filename="../ui/RunCompareWorker.cpp" line="+29"/>
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
        <location filename="../ui/RunComparisonModel.cpp" line="+66"/>
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
        <location filename="../ui/RunComparisonView.cpp" line="+143"/>
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
    <name>tagbench::ui::RunLoadWorker</name>
    <message>
        <location filename="../ui/RunLoadWorker.cpp" line="+42"/>
        <source>Not enough memory to load the scores of this run.</source>
        <translation>内存不足，无法加载此运行的分数。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::ThresholdOptimiseWorker</name>
    <message>
        <location filename="../ui/ThresholdOptimiseWorker.cpp" line="+83"/>
        <source>Not enough memory to run the optimiser on this run.</source>
        <translation>内存不足，无法对此运行执行优化。</translation>
    </message>
</context>
<context>
    <name>tagbench::ui::TrainConfigForm</name>
    <message>
        <location filename="../ui/TrainConfigForm.cpp" line="+160"/>
        <source>Folder for the New Run</source>
        <translation>新训练运行的文件夹</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Choose Dataset File</source>
        <translation>选择数据集文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)</source>
        <translation>数据集 (*.jsonl *.json *.txt *.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Kernel sizes: &quot;%1&quot; is not a positive whole number; write sizes like 2, 3, 4.</source>
        <translation>卷积核尺寸：“%1”不是正整数；请按 2, 3, 4 这样的格式填写。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location line="+71"/>
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
        <source>Task:</source>
        <translation>任务：</translation>
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
        <source>Lowercase</source>
        <translation>转为小写</translation>
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
        <source>Kernel sizes:</source>
        <translation>卷积核尺寸：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Widths of the convolution windows in tokens, separated by commas</source>
        <translation>卷积窗口宽度（以词元计），用逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernels per size:</source>
        <translation>每种尺寸的卷积核数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum length:</source>
        <translation>最大长度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word n-grams:</source>
        <translation>词 n-gram：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash buckets:</source>
        <translation>哈希桶数：</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss:</source>
        <translation>损失函数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focal loss (rare labels)</source>
        <translation>Focal 损失（适合稀有标签）</translation>
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
        <source>Random seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the global threshold on dev</source>
        <translation>在验证集上选择全局阈值</translation>
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
        <source>Browse…</source>
        <translation>浏览…</translation>
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
        <location filename="../ui/TrainCurvesWidget.cpp" line="+98"/>
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
        <location filename="../ui/TrainPage.cpp" line="+47"/>
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
    <message>
        <location line="+168"/>
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
        <location line="+6"/>
        <source>Epoch %1 of %2 · batch %3 of %4 · %5 examples/s · loss %6 · about %7 left</source>
        <translation>第 %1/%2 轮 · 第 %3/%4 批 · %5 样本/秒 · 损失 %6 · 约剩 %7</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Best dev micro-F1 %1 at epoch %2 · %3 epochs in %4 on %5</source>
        <translation>最佳验证集微平均 F1 %1（第 %2 轮）· %3 轮用时 %4，运行于 %5</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+14"/>
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
        <location filename="../ui/TrainQueue.cpp" line="+67"/>
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
        <location line="+58"/>
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
        <location filename="../ui/TrainWorker.cpp" line="+25"/>
        <source>Not enough memory to train this model. Try a smaller batch size, embedding dimension or vocabulary.</source>
        <translation>内存不足，无法训练此模型。请尝试减小批大小、嵌入维度或词表。</translation>
    </message>
</context>
</TS>
