<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>GanStudio</name>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>A curated starting point; every field below can still be changed</source>
            <translation>精选的起点；下面每一项仍可修改</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Advanced</source>
            <translation>高级</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>All cores ({n})</source>
            <translation>全部核心（{n}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Auto — {device}</source>
            <translation>自动 — {device}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Choose a preset above to start over.</source>
            <translation>在上方选择一个预设可重新开始。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Custom (based on {preset})</source>
            <translation>自定义（基于 {preset}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>G {g} · D {d} parameters</source>
            <translation>G {g} · D {d} 个参数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Generator: {g:,} parameters
Discriminator: {d:,} parameters</source>
            <translation>生成器：{g:,} 个参数
判别器：{d:,} 个参数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Optimisation</source>
            <translation>优化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Parameters: counted once PyTorch has loaded…</source>
            <translation>参数：PyTorch 加载完成后计算…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Parameters: fix the fields marked in red</source>
            <translation>参数量：请先修正标红的字段</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Your own settings, started from “{preset}”. </source>
            <translation>你自己的设置，起点是“{preset}”。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Your own settings. </source>
            <translation>你自己的设置。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Your own settings; pick a preset to start over.</source>
            <translation>你自己的设置；选择一个预设可重新开始。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/app/forms.py" />
            <source>{device} (not available here)</source>
            <translation>{device}（本机不可用）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Fold the message away into a small button; it stays until dismissed</source>
            <translation>把消息折叠成一个小按钮；关闭之前它一直保留</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Hide</source>
            <translation>折叠</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Hide this message</source>
            <translation>隐藏此消息</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Next message</source>
            <translation>下一条消息</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Show the messages again</source>
            <translation>重新显示消息</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Show the next of the messages that arrived while this one was showing</source>
            <translation>显示在这条消息显示期间到达的下一条消息</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>{index} of {count}</source>
            <translation>第 {index} 条，共 {count} 条</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>⚠ {count} message(s): show</source>
            <translation>⚠ {count} 条消息：显示</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_chooser.py" />
            <source>All</source>
            <comment>every digit</comment>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_chooser.py" />
            <source>Cycle through all classes</source>
            <translation>循环显示所有类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_chooser.py" />
            <source>Cycle through all digits</source>
            <translation>依次显示所有数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_chooser.py" />
            <source>Only digit {digit}</source>
            <translation>只显示数字 {digit}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_chooser.py" />
            <source>Only {name}</source>
            <translation>仅 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>All</source>
            <translation>全选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <location filename="../../gan_studio/core" />
            <source>Classes</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>Clear the selection, then tick the classes you want</source>
            <translation>清除选择，然后勾选你想要的类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>None</source>
            <comment>select no classes</comment>
            <translation>全不选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>Pick at least one class to train on.</source>
            <translation>请至少选择一个类别用于训练。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>Train on class {i} ({name})</source>
            <translation>在类别 {i}（{name}）上训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>Train on every class</source>
            <translation>在所有类别上训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>all classes</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/class_filter.py" />
            <source>{n} of {total} classes</source>
            <translation>{total} 个类别中的 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_dialog.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>&lt;b&gt;Runs&lt;/b&gt; (tick 2–6)</source>
            <translation>&lt;b&gt;运行&lt;/b&gt;（勾选 2–6 个）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Add a run folder from anywhere (a colleague's, a server's) to the list</source>
            <translation>把任意位置的运行文件夹（同事的、服务器上的）加入列表</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Add a run folder to compare</source>
            <translation>添加要比较的运行文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Add run folder…</source>
            <translation>添加运行文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>At most {n} runs can be compared at once; untick one first.</source>
            <translation>一次最多比较 {n} 个运行；请先取消勾选一个。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Compare by training step, or by seconds of training (a faster run gets further in the same time)</source>
            <translation>按训练步数或按训练秒数比较（更快的运行在相同时间内走得更远）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Compare runs</source>
            <translation>比较运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Curves</source>
            <translation>曲线</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>D(x) solid, D(G(z)) dashed</source>
            <translation>D(x) 实线，D(G(z)) 虚线</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Grid of step {n}</source>
            <translation>第 {n} 步的样本网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Keep reading the ticked runs while they train (yours, a neighbour's, a server's)</source>
            <translation>在勾选的运行训练期间持续读取（你的、邻座同学的、服务器上的）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Loss — D solid, G dashed</source>
            <translation>损失 — D 实线，G 虚线</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>No grid at or before step {n}</source>
            <translation>第 {n} 步及之前没有样本网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Quality (0–100): {n} of {total} runs measured</source>
            <translation>质量（0–100）：{total} 个运行中有 {n} 个做了测量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Quality score (0–100)</source>
            <translation>质量分数（0–100）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Quality: not measured in these runs</source>
            <translation>质量：这些运行没有测量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Read the ticked runs again (a run still training has grown)</source>
            <translation>重新读取勾选的运行（仍在训练的运行已有新进展）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Reading {n} runs…</source>
            <translation>正在读取 {n} 个运行…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Reload</source>
            <translation>重新加载</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Reload every {n} s</source>
            <translation>每 {n} 秒重新加载</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Samples at</source>
            <translation>样本位于</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Show the curves smoothed as the Train tab does (the raw values jump from step to step)</source>
            <translation>像“训练”页那样显示平滑后的曲线（原始值每一步都在跳动）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Smooth</source>
            <translation>平滑</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>The grid of step {n} cannot be read: {why}</source>
            <translation>无法读取第 {n} 步的样本网格：{why}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>The settings in which the runs differ</source>
            <translation>各运行之间不同的设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>The step whose grids are shown: each run shows its newest grid at or before it</source>
            <translation>要显示样本网格的步数：每个运行显示该步及之前最新的网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Tick 2 to 6 runs to compare them</source>
            <translation>勾选 2 到 6 个运行进行比较</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Tick at least {n} runs to compare them.</source>
            <translation>请至少勾选 {n} 个运行进行比较。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>against step</source>
            <translation>按步数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>against training time</source>
            <translation>按训练时间</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>all the same</source>
            <translation>全部相同</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <location filename="../../gan_studio/app/plots.py" />
            <source>loss D</source>
            <translation>loss D</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <location filename="../../gan_studio/app/plots.py" />
            <source>loss G</source>
            <translation>loss G</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <location filename="../../gan_studio/app/plots.py" />
            <source>quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <location filename="../../gan_studio/app/plots.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>step {n}</source>
            <translation>第 {n} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>steps trained</source>
            <translation>已训练步数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>training time</source>
            <translation>训练时间</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>training time (s)</source>
            <translation>训练时间（秒）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>{name} cannot be compared: {why}</source>
            <translation>无法比较 {name}：{why}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>{n} runs compared.</source>
            <translation>已比较 {n} 个运行。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Download</source>
            <translation>下载</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Download cancelled; nothing was kept.</source>
            <translation>下载已取消；未保留任何文件。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Download failed: {error}</source>
            <translation>下载失败：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Download failed: {error}

If this computer is offline, copy the four IDX files from another machine and use “Import folder…”; the offline sample works meanwhile.</source>
            <translation>下载失败：{error}

如果这台电脑无法联网，请从另一台机器复制这四个 IDX 文件，再使用“导入文件夹…”；在此期间可以先用离线样本。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Download the four official IDX files (checksums verified)</source>
            <translation>下载四个官方 IDX 文件（校验和已验证）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Folder with the four IDX files</source>
            <translation>包含四个 IDX 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Import failed: {error}</source>
            <translation>导入失败：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Import folder…</source>
            <translation>导入文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Stop the download; nothing half-downloaded is kept</source>
            <translation>停止下载；不保留下载了一半的文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>Use a local copy: a folder holding the four IDX files (.gz or raw)</source>
            <translation>使用本地副本：包含四个 IDX 文件（.gz 或未压缩）的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>{dataset} downloaded and verified.</source>
            <translation>{dataset} 已下载并通过校验。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>{dataset} imported from {folder}.</source>
            <translation>已从 {folder} 导入 {dataset}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_download.py" />
            <source>{done} of {total}</source>
            <translation>{done} / {total}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>A folder of PNG/JPEG/… images; sub-folder names become classes</source>
            <translation>包含 PNG/JPEG/… 图像的文件夹；子文件夹名即类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>Choose a folder of images</source>
            <translation>选择图像文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>Choose folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>No folder chosen</source>
            <translation>未选择文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>The size the networks train at. The folder chooses one (64 for colour images, 28 for small gray ones); 128 suits folders of larger images and trains about five times more slowly than 64.</source>
            <translation>网络训练时使用的尺寸。文件夹会选定一个（彩色图像为 64，小的灰度图像为 28）；128 适合图像较大的文件夹，训练速度约为 64 时的五分之一。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>Training at {size}×{size} {colour}.</source>
            <translation>以 {size}×{size} {colour} 训练。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>Training size</source>
            <translation>训练尺寸</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>colour (RGB)</source>
            <translation>彩色（RGB）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>gray</source>
            <translation>灰度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_folder.py" />
            <source>{size}×{size} px</source>
            <translation>{size}×{size} 像素</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>  — not downloaded ({size})</source>
            <translation>  — 未下载（{size}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Not on this computer yet — a {size} download, or import a folder holding a local copy of the four IDX files.</source>
            <translation>本机尚未下载 — 需要下载 {size}，或导入一个包含四个 IDX 文件本地副本的文件夹。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source> · {n} skipped</source>
            <translation> · 跳过 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>Choose a folder of images to preview it.</source>
            <translation>选择一个图像文件夹以预览。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>No class selected</source>
            <translation>未选择任何类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>No preview</source>
            <translation>无预览</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>Training images per class</source>
            <translation>每个类别的训练图像数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>{dataset} is not downloaded yet.</source>
            <translation>{dataset} 尚未下载。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>{n:,} of {total:,} images selected</source>
            <translation>已选 {n:,} / {total:,} 张图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_preview.py" />
            <source>{total:,} images</source>
            <translation>{total:,} 张图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source> (1 class)</source>
            <translation>（1 个类别）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source> ({n} classes)</source>
            <translation>（{n} 个类别）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>All images have a light background, so all were inverted to light strokes on dark like MNIST.</source>
            <translation>所有图像都是浅色背景，因此全部做了反色，变成像 MNIST 那样的深底浅色笔画。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>Folder (none chosen)</source>
            <translation>文件夹（未选择）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>Folder “{name}”</source>
            <translation>文件夹“{name}”</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>Inversion ▸ “Keep as drawn” trains on them as drawn.</source>
            <translation>反相 ▸ “保持原样”可按原样训练这些图像。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>Most images ({share:.0%}) have a light background, so all were inverted to light strokes on dark like MNIST.</source>
            <translation>大部分图像（{share:.0%}）是浅色背景，因此全部做了反色，变成像 MNIST 那样的深底浅色笔画。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>Offline sample</source>
            <translation>离线样本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>{held:,} of the {total:,} images ({share:.0%}) are held out to measure the generator and not trained on; training uses {train:,}.</source>
            <translation>{total:,} 张图像中有 {held:,} 张（{share:.0%}）被留出，用于评估生成器，不参与训练；训练使用 {train:,} 张。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_texts.py" />
            <source>{n} file(s) skipped.</source>
            <translation>已跳过 {n} 个文件。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>1 training step since the last save is not saved.</source>
            <translation>上次保存后的 1 个训练步尚未保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Explore the generator being trained</source>
            <translation>探索正在训练的生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Export the sample grid</source>
            <translation>导出样本网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Follow a run another process trains</source>
            <translation>跟随另一个进程正在训练的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Gallery: new seed</source>
            <translation>图库：新种子</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Gallery: star the selection</source>
            <translation>图库：收藏所选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>New experiment</source>
            <translation>新建实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Open a run</source>
            <translation>打开运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Pause / resume</source>
            <translation>暂停 / 恢复</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Runs on disk: sizes, rename, clean up</source>
            <translation>磁盘上的运行：大小、重命名、清理</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Save the run before going on?</source>
            <translation>继续之前先保存运行吗？</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Show / hide the experiment panel</source>
            <translation>显示 / 隐藏实验面板</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>The current experiment has 1 training step that is not saved.</source>
            <translation>当前实验有 1 个训练步尚未保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>The current experiment has {n:,} training steps that are not saved.</source>
            <translation>当前实验有 {n:,} 个训练步尚未保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Train / continue</source>
            <translation>训练 / 继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Train generative adversarial networks on handwritten digits and explore what they learned.</source>
            <translation>在手写数字上训练生成对抗网络，并探索它们学到了什么。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>{n:,} training steps since the last save are not saved.</source>
            <translation>上次保存后的 {n:,} 个训练步尚未保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Digit {name}</source>
            <translation>数字 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Favourites not saved</source>
            <translation>收藏未保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Nothing to export</source>
            <translation>没有可导出的内容</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Select images to send them to the keyframes</source>
            <translation>选中图像即可把它们发送到关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Select images to star them</source>
            <translation>选中图像即可收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Starred {n}</source>
            <translation>已收藏 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>The favourites could not be saved: {e}</source>
            <translation>无法保存收藏：{e}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>The images could not be made: {error}</source>
            <translation>无法生成图像：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>There are no images on this page yet.</source>
            <translation>这个页面上还没有图像。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Unstarred {n}</source>
            <translation>已取消收藏 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Which class a conditional generator is asked to draw (its class label input)</source>
            <translation>条件生成器被要求绘制的类别（其类别标签输入）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Which digit a conditional generator is asked to draw (its class label input)</source>
            <translation>让条件生成器画哪个数字（它的类别标签输入）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Add the selected children to the Interpolate keyframes</source>
            <translation>把选中的后代加入“插值”的关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Ancestry</source>
            <translation>祖先</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Ancestry of the selected child ({n} ancestors, nearest first)</source>
            <translation>所选后代的祖先（{n} 个，由近及远）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/tab.py" />
            <source>Breed</source>
            <translation>繁育</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Breeding seed: the same parents and seed give the same children</source>
            <translation>繁育种子：相同的父代和种子会得到相同的后代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Cannot breed</source>
            <translation>无法繁育</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Children</source>
            <translation>后代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Export children</source>
            <translation>导出后代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Export the selected children, or all of them: PNG, sprite sheet + atlas, GIF, MP4, SVG</source>
            <translation>导出选中的后代或全部后代：PNG、精灵图 + 图集、GIF、MP4、SVG</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Favourites as parents</source>
            <translation>用收藏作父代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>How many children to breed from the parents</source>
            <translation>由父代繁育多少个后代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Lineage not saved: {error}</source>
            <translation>谱系未保存：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Make children: each mixes the parents' latent vectors and mutates them a little</source>
            <translation>生成后代：每个后代混合父代的潜在向量，再做少量变异</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Mutation</source>
            <translation>变异</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Mutation strength: how much random noise is added to the mixed latent vectors of the parents (0: pure crossover)</source>
            <translation>变异强度：在父代混合后的潜在向量上加入多少随机噪声（0：纯交叉）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Parents</source>
            <translation>父代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Parents: send 1–2 digits from the Gallery (As breeding parents)</source>
            <translation>父代：从图库发送 1–2 个数字（作为繁育的父代）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Parents: send 1–2 images from the Gallery (As breeding parents)</source>
            <translation>父代：从图库发送 1–2 张图像（作为繁殖父代）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Press Breed. Click a child to make it a parent of the next generation.</source>
            <translation>按“繁育”。点击一个后代，让它成为下一代的父代。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Random parents</source>
            <translation>随机父代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <location filename="../../gan_studio/core" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Select a child to see its ancestors.</source>
            <translation>选择一个后代以查看它的祖先。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Send to keyframes</source>
            <translation>发送到关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Star the selected children (they join the Gallery's favourites)</source>
            <translation>收藏选中的后代（加入图库的收藏）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>The first two favourites</source>
            <translation>前两个收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Two random digits as parents</source>
            <translation>两个随机数字作为父代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Two random images as parents</source>
            <translation>两张随机图像作为父代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>gen {n}</source>
            <translation>第 {n} 代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>generation {n} · child {i} of seed {seed}</source>
            <translation>第 {n} 代 · 种子 {seed} 的第 {i} 个后代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/model_source.py" />
            <source>seed {seed}</source>
            <translation>种子 {seed}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>{n} children of generation {g} · {total} creatures in the lineage</source>
            <translation>第 {g} 代的 {n} 个后代 · 谱系中共 {total} 个个体</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>★ Star</source>
            <translation>★ 收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source> · edited</source>
            <translation> · 已编辑</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>All sliders back to the starting digit</source>
            <translation>所有滑块回到起始数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>All sliders back to the starting image</source>
            <translation>所有滑块回到起始图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Apply your direction “{name}”: +1 repeats the change you saved, −1 reverses it</source>
            <translation>应用你的方向“{name}”：+1 重复你保存的变化，−1 则反向</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Change coordinate {n} of the noise vector z directly (−3 … 3)</source>
            <translation>直接修改噪声向量 z 的第 {n} 个坐标（−3 … 3）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Class</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Could not write {path}: {e}</source>
            <translation>无法写入 {path}：{e}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Digit</source>
            <translation>数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Direction not saved</source>
            <translation>方向未保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Direction {n}: {percent:.0f}% of the variation among these {total}; range ±3σ = ±{range:.2f}</source>
            <translation>方向 {n}：占这 {total} 个方向总变化的 {percent:.0f}%；范围 ±3σ = ±{range:.2f}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Directions could not be computed: {error}</source>
            <translation>无法计算方向：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Export sweep</source>
            <translation>导出扫描</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Export sweep…</source>
            <translation>导出扫描…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Finding the main directions of variation…</source>
            <translation>正在寻找主要的变化方向…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Frames of the sweep</source>
            <translation>扫描的帧数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>How far the sweep goes each way: 100 % is the slider's full range</source>
            <translation>扫描向两侧延伸多远：100 % 即滑块的全部范围</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Move a slider first: a direction is the change from the starting digit</source>
            <translation>请先移动一个滑块：方向就是相对于起始数字的变化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Move a slider first: a direction is the change from the starting image</source>
            <translation>请先移动滑块：方向是相对起始图像的变化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Move along principal direction {n}: one of the main ways the generator's digits vary (found by PCA of many latent vectors)</source>
            <translation>沿主方向 {n} 移动：生成器所画数字的主要变化方式之一（对大量潜在向量做 PCA 得到）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Move along principal direction {n}: one of the main ways the generator's images vary (found by PCA of many latent vectors)</source>
            <translation>沿主方向 {n} 移动：生成器所画图像的主要变化方式之一（对大量潜在向量做 PCA 得到）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Name of this direction:</source>
            <translation>这个方向的名称：</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Name the change from the starting digit to this one and keep it with the model</source>
            <translation>为从起始数字到当前数字的变化命名，并随模型保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Name the change from the starting image to this one and keep it with the model</source>
            <translation>为从起始图像到当前图像的变化命名，并随模型保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/tab.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>No generator</source>
            <translation>没有生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>PC {n}</source>
            <translation>主成分 {n}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Principal directions</source>
            <translation>主方向</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Random</source>
            <translation>随机</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Raw latent dimensions</source>
            <translation>原始潜在维度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Save direction</source>
            <translation>保存方向</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Save direction…</source>
            <translation>保存方向…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Saved direction “{name}”</source>
            <translation>已保存方向“{name}”</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Saved directions could not be read: {e}</source>
            <translation>无法读取已保存的方向：{e}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Star the current digit (or the selected sweep frames)</source>
            <translation>收藏当前数字（或选中的扫描帧）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Star the current image (or the selected sweep frames)</source>
            <translation>收藏当前图像（或选中的扫描帧）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Start from a random seed's first digit</source>
            <translation>从一个随机种子的第一个数字开始</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Start from a random seed's first image</source>
            <translation>从随机种子的第一张图像开始</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Start from image #0 of this seed</source>
            <translation>从这个种子的第 0 张图像开始</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Sweep</source>
            <translation>扫描</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The current digit (or the selected sweep frames) as Interpolate keyframes</source>
            <translation>把当前数字（或选中的扫描帧）作为“插值”的关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The current image (or the selected sweep frames) as Interpolate keyframes</source>
            <translation>把当前图像（或选中的扫描帧）作为插值关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The direction to sweep along, from the current digit</source>
            <translation>从当前数字出发，沿哪个方向扫描</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The direction to sweep along, from the current image</source>
            <translation>从当前图像出发进行扫描的方向</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The sweep appears here.</source>
            <translation>扫描结果显示在这里。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The sweep as a strip, GIF, MP4, sprite sheet or SVG</source>
            <translation>把扫描导出为长条图、GIF、MP4、精灵图或 SVG</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Your directions</source>
            <translation>你的方向</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>direction {n}</source>
            <translation>方向 {n}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>frames, ±</source>
            <translation>帧，±</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>the directions file that could not be read was kept as {path}</source>
            <translation>无法读取的方向文件已另存为 {path}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>{ms:.0f} ms</source>
            <translation>{ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>{path} could not be read and could not be moved aside, so it is left as it is</source>
            <translation>{path} 无法读取，也无法移到一旁，因此保持原样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>★ {name}</source>
            <translation>★ {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source> fps</source>
            <translation> 帧/秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add a random digit</source>
            <translation>添加一个随机数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add a random image</source>
            <translation>添加一张随机图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add at least two keyframes first.</source>
            <translation>请先添加至少两个关键帧。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add favourites</source>
            <translation>添加收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add keyframes</source>
            <translation>添加关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add two keyframes</source>
            <translation>添加两个关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Add ▾</source>
            <translation>添加 ▾</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Animated GIF…</source>
            <translation>GIF 动画…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export MP4 video</source>
            <translation>导出 MP4 视频</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export PNG frames to folder</source>
            <translation>把 PNG 帧导出到文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export animated GIF</source>
            <translation>导出 GIF 动画</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export dialog (size, smoothing, sheet + atlas, SVG)…</source>
            <translation>导出对话框（尺寸、平滑、精灵图 + 图集、SVG）…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export scale factor</source>
            <translation>导出缩放倍数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export the animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export ▾</source>
            <translation>导出 ▾</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Frames appear here.</source>
            <translation>帧会显示在这里。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Frames between two keyframes: more frames, a smoother walk through the latent space</source>
            <translation>两个关键帧之间的帧数：帧越多，在隐空间中的漫步越平滑</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>GIF animation (*.gif)</source>
            <translation>GIF 动画 (*.gif)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Interpolation needs at least two keyframes</source>
            <translation>插值至少需要两个关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Keyframes</source>
            <translation>关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Keyframes: select 2+ digits in the Gallery and choose Send to Explore, or add favourites / random digits.</source>
            <translation>关键帧：在图库中选择 2 个以上数字并选择“发送到探索”，或添加收藏 / 随机数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Keyframes: select 2+ images in the Gallery and choose Send to Explore, or add favourites / random images.</source>
            <translation>关键帧：在图库中选择 2 张以上图像并选择“发送到探索”，或添加收藏 / 随机图像。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Lerp</source>
            <translation>线性插值</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>MP4 video (*.mp4)</source>
            <translation>MP4 视频 (*.mp4)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>MP4 video…</source>
            <translation>MP4 视频…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Move the selected keyframe earlier</source>
            <translation>把所选关键帧前移</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Move the selected keyframe later</source>
            <translation>把所选关键帧后移</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>No favourites yet: star digits in the Gallery (F)</source>
            <translation>还没有收藏：在图库中收藏数字（F）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>No favourites yet: star images in the Gallery (F)</source>
            <translation>还没有收藏：在图库中为图像加星标（F）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>PNG frames…</source>
            <translation>PNG 帧…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Play the walk between the keyframes as an animation</source>
            <translation>以动画播放关键帧之间的漫步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Playback speed of the animation, in frames per second</source>
            <translation>动画的播放速度，单位为帧/秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Remove the selected keyframes (Delete)</source>
            <translation>移除所选关键帧（Delete）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Return to the first keyframe, for a seamless animation</source>
            <translation>回到第一个关键帧，形成无缝循环动画</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Saved {n} frames to {folder}</source>
            <translation>已把 {n} 帧保存到 {folder}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Scale</source>
            <translation>缩放</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Slerp</source>
            <translation>球面插值</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Spherical: keeps in-between latents as typical as the keyframes</source>
            <translation>球面插值：让中间的潜在向量和关键帧一样典型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Straight line: in-betweens drift towards the average digit</source>
            <translation>直线插值：中间帧会向“平均数字”漂移</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Straight line: in-betweens drift towards the average image</source>
            <translation>直线插值：中间帧会向“平均图像”漂移</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>frame {i}</source>
            <translation>第 {i} 帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>frame {i} / {n}</source>
            <translation>第 {i} / {n} 帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>{n} frames · {mode} · {ms:.0f} ms</source>
            <translation>{n} 帧 · {mode} · {ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>▶ Play</source>
            <translation>▶ 播放</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>❚❚ Pause</source>
            <translation>❚❚ 暂停</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Add the selected cells to the Interpolate keyframes</source>
            <translation>把选中的格子加入“插值”的关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Analogy corner (C + B − A)</source>
            <translation>类比角（C + B − A）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Bottom-right applies to C the change that turns A into B; off: the midpoint of B and C</source>
            <translation>右下角 = 对 C 施加“从 A 变到 B”的变化；关闭时为 B 和 C 的中点</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Click cells to select · Shift/Ctrl for more</source>
            <translation>点击格子选中 · 按住 Shift/Ctrl 多选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Columns of the plane: steps between corner A and corner B</source>
            <translation>平面的列数：角 A 到角 B 之间的步数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Corners  A (top-left) · B (top-right) · C (bottom-left)</source>
            <translation>角  A（左上）· B（右上）· C（左下）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Export plane</source>
            <translation>导出平面</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Export the selected cells, or the whole plane: PNG, sprite sheet + atlas, GIF, MP4, SVG</source>
            <translation>导出选中的格子或整个平面：PNG、精灵图 + 图集、GIF、MP4、SVG</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Rows of the plane: steps between corner A and corner C</source>
            <translation>平面的行数：角 A 到角 C 之间的步数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Rows × columns</source>
            <translation>行 × 列</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Send three digits from the Gallery (Send to Explore ▸ As plane corners), or shuffle.</source>
            <translation>从图库发送三个数字（发送到探索 ▸ 作为平面的角），或随机打乱。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Send three images from the Gallery (Send to Explore ▸ As plane corners), or shuffle.</source>
            <translation>从图库发送三张图像（发送到探索 ▸ 作为平面角点），或随机打乱。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Shuffle corners</source>
            <translation>随机角</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Star the selected cells (they join the Gallery's favourites)</source>
            <translation>收藏选中的格子（加入图库的收藏）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Three random digits as A, B, C</source>
            <translation>三个随机数字作为 A、B、C</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Three random images as A, B, C</source>
            <translation>三张随机图像作为 A、B、C</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>row {r}, column {c}</source>
            <translation>第 {r} 行，第 {c} 列</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>{n} selected</source>
            <translation>已选 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>{rows}×{cols} plane · {ms:.0f} ms</source>
            <translation>{rows}×{cols} 平面 · {ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/tab.py" />
            <source>Directions</source>
            <translation>方向</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/tab.py" />
            <source>Interpolate</source>
            <translation>插值</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/tab.py" />
            <source>Plane</source>
            <translation>平面</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/tab.py" />
            <source>{name} · latent {n}</source>
            <translation>{name} · 潜在维度 {n}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source> colour layers</source>
            <translation> 个颜色图层</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>0: pixel edges · 1–4: smoother curves with fewer points</source>
            <translation>0：像素边缘 · 1–4：更平滑、点更少的曲线</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>&lt;b&gt;{n} image(s)&lt;/b&gt;</source>
            <translation>&lt;b&gt;{n} 张图像&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Animated GIF</source>
            <translation>GIF 动画</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>As generated (negative of the training images)</source>
            <translation>按生成结果（训练图像的负片）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Automatic: one column per digit for a conditional model, else square</source>
            <translation>自动：条件模型每个数字一列，否则排成正方形</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Automatic: the page's own grid, one column per class when the classes cycle, else square</source>
            <translation>自动：使用本页自己的网格；类别循环时每个类别一列，否则接近正方形</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Background</source>
            <translation>背景</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Columns</source>
            <translation>列数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Export {n} PNGs to folder</source>
            <translation>导出 {n} 个 PNG 到文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Frame rate</source>
            <translation>帧率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Ink threshold</source>
            <translation>墨迹阈值</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>MP4 video</source>
            <translation>MP4 视频</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Negative (colours inverted)</source>
            <translation>负片（颜色反转）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Original colours (as generated)</source>
            <translation>原始颜色（按生成结果）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Original colours (inverted back)</source>
            <translation>原始颜色（反转回来）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Outline (one colour)</source>
            <translation>轮廓（单色）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Outline: the ink traced as one path of one colour. 2–8: the images' colours reduced to that many, each traced as its own layer (an SVG group per colour)</source>
            <translation>轮廓：把墨迹描成一条单色路径。2–8：把图像颜色减少到这么多种，每种颜色描成单独的图层（每种颜色一个 SVG 组）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>PNG image(s)</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Padding</source>
            <translation>间距</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Paths traced from the pixels (threshold {t:.2f}, smoothing {k}); opens in Figma, Illustrator and Inkscape</source>
            <translation>由像素描出的路径（阈值 {t:.2f}，平滑 {k}）；可在 Figma、Illustrator 和 Inkscape 中打开</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Pixels</source>
            <translation>像素</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Pixels (nearest neighbour)</source>
            <translation>像素（最近邻）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>SVG (traced vectors)</source>
            <translation>SVG（描摹的矢量）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>SVG colours</source>
            <translation>SVG 颜色</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Saved {names}</source>
            <translation>已保存 {names}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Saved {n} PNGs to {folder}</source>
            <translation>已把 {n} 个 PNG 保存到 {folder}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Scale: the size as a whole multiple of the generated image</source>
            <translation>缩放：以生成图像尺寸的整数倍表示大小</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Side of each image in the exported file</source>
            <translation>导出文件中每张图像的边长</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Smooth (Lanczos)</source>
            <translation>平滑（Lanczos）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Smoothing</source>
            <translation>平滑度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Sprite sheet PNG + JSON atlas</source>
            <translation>精灵图 PNG + JSON 图集</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>The images' colours reduced to {n}, each traced as its own layer (smoothing {k}); opens in Figma, Illustrator and Inkscape</source>
            <translation>图像颜色减少到 {n} 种，每种描成单独的图层（平滑 {k}）；可在 Figma、Illustrator 和 Inkscape 中打开</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Transparent background (other colours kept)</source>
            <translation>透明背景（保留其他颜色）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Transparent background, original colours (inverted back)</source>
            <translation>透明背景，原始颜色（反转回来）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Upscaling</source>
            <translation>放大方式</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>What the colours of the exported images are: as the generator makes them, their negative, or with their background colour see-through</source>
            <translation>导出图像的颜色：与生成器生成的一致、其负片，或让背景色变为透明</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>one file</source>
            <translation>一个文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{f:.3g}× the generated {s} px</source>
            <translation>生成尺寸 {s} 像素的 {f:.3g} 倍</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{n} files in a folder you choose</source>
            <translation>{n} 个文件，保存到你选择的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{n} frames at {fps} fps ({secs:.1f} s), {s}×{s} px</source>
            <translation>{n} 帧，{fps} 帧/秒（{secs:.1f} 秒），{s}×{s} 像素</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{s}×{s} px each, {where}</source>
            <translation>每张 {s}×{s} 像素，{where}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{w}×{h} px sheet, {cols} columns; the JSON atlas (TexturePacker JSON hash: Phaser, PixiJS, …) gives each frame's rectangle, seed, index, label and truncation</source>
            <translation>{w}×{h} 像素的精灵图，{cols} 列；JSON 图集（TexturePacker JSON hash 格式：Phaser、PixiJS 等）给出每一帧的矩形区域、种子、序号、标签和截断值</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/file_export.py" />
            <source>Could not write {path}: {error}</source>
            <translation>无法写入 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/file_export.py" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/file_export.py" />
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/file_export.py" />
            <source>Saved {name}</source>
            <translation>已保存 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>Following {path} — another process trains it; curves and samples update as it writes (read-only).</source>
            <translation>正在跟随 {path} — 由另一个进程训练；曲线和样本会随写入实时更新（只读）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>Stop following</source>
            <translation>停止跟随</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>Take over</source>
            <translation>接管</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>The run you follow is no longer being trained ({status}). You can take it over and continue training it here.</source>
            <translation>你跟随的运行已不再训练（{status}）。你可以接管它，在这里继续训练。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>This run cannot be followed</source>
            <translation>无法跟随此运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>another process</source>
            <translation>另一个进程</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>following · {step}</source>
            <translation>跟随中 · {step}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <location filename="../../gan_studio/app/lifecycle.py" />
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/sample_grid.py" />
            <location filename="../../gan_studio/app/status_bar.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>step {step:,}</source>
            <translation>第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>stopped · {step}</source>
            <translation>已停止 · {step}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/follow_controller.py" />
            <source>waiting for data</source>
            <translation>等待数据</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/forms.py" />
            <source>enter the {label}</source>
            <translation>请输入{label}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/forms.py" />
            <source>{hint} Can be changed while training.</source>
            <translation>{hint}训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/forms.py" />
            <source>{label} must be a number, e.g. {example}</source>
            <translation>{label}必须是数字，例如 {example}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Export PNG</source>
            <translation>导出 PNG</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Export latents</source>
            <translation>导出潜在向量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Export sprite sheet</source>
            <translation>导出精灵图</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Exported 1 PNG to {folder}</source>
            <translation>已把 1 个 PNG 导出到 {folder}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Exported {n} PNGs to {folder}</source>
            <translation>已把 {n} 个 PNG 导出到 {folder}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Nothing selected</source>
            <translation>未选择任何内容</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>NumPy latents (*.npy)</source>
            <translation>NumPy 潜在向量 (*.npy)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Sample some digits first.</source>
            <translation>请先采样一些数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Sample some images first.</source>
            <translation>请先采样一些图像。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Select the digits to export first.</source>
            <translation>请先选择要导出的数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Select the images to export first.</source>
            <translation>请先选择要导出的图像。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>Sprite sheet of {n} saved as {name}</source>
            <translation>{n} 张图像的精灵图已保存为 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_exports.py" />
            <source>{n} latents saved as {name} (+ JSON)</source>
            <translation>{n} 个潜在向量已保存为 {name}（+ JSON）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Favourites</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Favourites ({n})</source>
            <translation>收藏（{n}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Remove the selected favourites</source>
            <translation>移除所选收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Select digits to star them</source>
            <translation>选择数字即可收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Send to Explore</source>
            <translation>发送到探索</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Star digits (F) to keep them here. Favourites are saved with the model.</source>
            <translation>收藏数字（F）即可保存在这里。收藏会随模型一起保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_favourites.py" />
            <source>Use the selected favourites in Explore</source>
            <translation>在“探索”中使用所选收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>As breeding parents</source>
            <translation>作为繁育的父代</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>As interpolation keyframes</source>
            <translation>作为插值关键帧</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>As plane corners A, B, C</source>
            <translation>作为平面的角 A、B、C</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Click to select · Shift/Ctrl for more</source>
            <translation>点击选中 · 按住 Shift/Ctrl 多选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Compare	C</source>
            <translation>比较	C</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Draw a random seed (Ctrl+R)</source>
            <translation>随机抽取一个种子（Ctrl+R）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export PNG…</source>
            <translation>导出 PNG…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export latents…</source>
            <translation>导出潜在向量…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export sprite sheet…</source>
            <translation>导出精灵图…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export the selected images</source>
            <translation>导出所选图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export… (PNG, sheet + atlas, GIF, MP4, SVG)</source>
            <translation>导出…（PNG、精灵图 + 图集、GIF、MP4、SVG）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>How many digits to sample</source>
            <translation>采样多少个数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>How many images to sample</source>
            <translation>要采样多少张图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Images</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Into Directions</source>
            <translation>用于“方向”</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Latents (.npy + JSON)…</source>
            <translation>潜在向量（.npy + JSON）…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Load the pretrained digits model</source>
            <translation>加载预训练的数字模型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>New seed</source>
            <translation>新种子</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>No generator loaded.
Open a run or an exported generator, or load the pretrained digits model.</source>
            <translation>尚未加载生成器。
请打开一个运行或导出的生成器，或加载预训练的数字模型。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>No pretrained model</source>
            <translation>没有预训练模型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Resample latent values beyond ±ψ: lower ψ gives cleaner, more typical digits</source>
            <translation>重新抽取超出 ±ψ 的潜在值：ψ 越低，数字越干净、越典型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Resample latent values beyond ±ψ: lower ψ gives cleaner, more typical images</source>
            <translation>重新采样超出 ±ψ 的潜变量值：ψ 越低，图像越干净、越典型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Sample</source>
            <translation>采样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Select 2–4 digits to compare</source>
            <translation>选择 2–4 个数字进行比较</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Select 2–4 images to compare</source>
            <translation>选择 2–4 张图像进行比较</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Select digits to send to Explore</source>
            <translation>选择要发送到“探索”的数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Select images to send to Explore</source>
            <translation>选择要发送到探索的图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Selected images as PNG…</source>
            <translation>所选图像导出为 PNG…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Shipped digit generator</source>
            <translation>随附的数字生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Show 2–4 selected images side by side</source>
            <translation>并排显示 2–4 张所选图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Show the digit generator that ships with GAN Studio</source>
            <translation>显示 GAN Studio 自带的数字生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Sprite sheet PNG…</source>
            <translation>精灵图 PNG…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Star / unstar	F</source>
            <translation>收藏 / 取消收藏	F</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Star images (F) to keep them here. Favourites are saved with the model.</source>
            <translation>为图像加星标（F）即可保存在这里。收藏与模型一起保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Star selection</source>
            <translation>收藏所选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Star the selected images (F)</source>
            <translation>收藏所选图像（F）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>The same seed always gives the same digits</source>
            <translation>相同的种子总会得到相同的数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>The same seed always gives the same images</source>
            <translation>相同的种子总是生成相同的图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Thumbnail size (Ctrl+wheel over the grid)</source>
            <translation>缩略图大小（在网格上按住 Ctrl 滚动滚轮）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Truncate latents</source>
            <translation>截断潜在向量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Truncation</source>
            <translation>截断</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Truncation ψ: noise values beyond ±ψ are drawn again (lower: more typical digits, less variety)</source>
            <translation>截断 ψ：超出 ±ψ 的噪声值会重新抽取（越低：数字越典型，多样性越少）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Truncation ψ: noise values beyond ±ψ are drawn again (lower: more typical images, less variety)</source>
            <translation>截断 ψ：超出 ±ψ 的噪声值会重新抽取（越低：图像越典型，变化越少）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Use the selection in the Explore tab</source>
            <translation>在“探索”页中使用所选内容</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>View</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>conditional · {n} classes</source>
            <translation>条件 · {n} 个类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>latent {n} · {size}×{size} · step {step:,}</source>
            <translation>潜在维度 {n} · {size}×{size} · 第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>unconditional</source>
            <translation>无条件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>{n} digits in {ms:.0f} ms</source>
            <translation>{n} 个数字，用时 {ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>{n} images in {ms:.0f} ms</source>
            <translation>{n} 张图像，用时 {ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>★ Favourite</source>
            <translation>★ 收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>☆ Unstar</source>
            <translation>☆ 取消收藏</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Branching from step {step:,}…</source>
            <translation>正在从第 {step:,} 步分支…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Current run ({name})</source>
            <translation>当前运行（{name}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Export sample grid</source>
            <translation>导出样本网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Followed run ({name})</source>
            <translation>跟随的运行（{name}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Gallery and Explore now show the generator you trained (step {step:,})</source>
            <translation>图库和探索现在显示你训练的生成器（第 {step:,} 步）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Generators and runs (*.safetensors run.json)</source>
            <translation>生成器和运行 (*.safetensors run.json)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>No samples to export yet</source>
            <translation>还没有可导出的样本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Nothing trained yet</source>
            <translation>还没有训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Open generator</source>
            <translation>打开生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Open or train a generator first.</source>
            <translation>请先打开或训练一个生成器。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Opening the generator of step {step:,}…</source>
            <translation>正在打开第 {step:,} 步的生成器…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Press Train first; then Ctrl+G shows the generator as it is at that moment.</source>
            <translation>请先按“训练”；之后 Ctrl+G 会显示生成器当时的样子。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Saved the run as {name}, the branch's parent</source>
            <translation>已将运行保存为 {name}，作为分支的父运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>Taking a snapshot of the generator…</source>
            <translation>正在生成生成器的快照…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>The pretrained generator is missing</source>
            <translation>缺少预训练生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_actions.py" />
            <source>This generator cannot be opened</source>
            <translation>无法打开此生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>Export generator</source>
            <translation>导出生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>Exporting ONNX needs the optional packages onnx and onnxruntime. Install them into GAN Studio's Python environment with:

{cmd}

then export again. Safetensors export works without them.</source>
            <translation>导出 ONNX 需要可选的 onnx 和 onnxruntime 包。请用以下命令把它们安装到 GAN Studio 的 Python 环境中：

{cmd}

然后再导出一次。导出 safetensors 不需要它们。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>Generator for GAN Studio: safetensors + JSON (*.safetensors)</source>
            <translation>GAN Studio 生成器：safetensors + JSON (*.safetensors)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>ONNX export is not part of this app</source>
            <translation>此应用未包含 ONNX 导出</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>ONNX export needs two more packages</source>
            <translation>导出 ONNX 还需要两个包</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>ONNX model for onnxruntime, the web, Unity, TouchDesigner (*.onnx)</source>
            <translation>用于 onnxruntime、网页、Unity、TouchDesigner 的 ONNX 模型 (*.onnx)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>Saved {name} (ONNX opset {opset}, inputs {inputs})</source>
            <translation>已保存 {name}（ONNX opset {opset}，输入 {inputs}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>Saved {name} and {json}</source>
            <translation>已保存 {name} 和 {json}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/generator_export.py" />
            <source>The packaged GAN Studio does not include the ONNX packages. Export the generator as safetensors here, then convert it on a machine with Python:

pip install "gan-studio[onnx]"
gan-studio export GENERATOR.safetensors --format onnx --out generator.onnx</source>
            <translation>打包版 GAN Studio 不包含 ONNX 相关软件包。请先在这里把生成器导出为 safetensors，再在装有 Python 的电脑上转换：

pip install "gan-studio[onnx]"
gan-studio export GENERATOR.safetensors --format onnx --out generator.onnx</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/i18n.py" />
            <source>, </source>
            <comment>list separator</comment>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/i18n.py" />
            <source>Applies on Continue: {fields}</source>
            <translation>在“继续”时生效：{fields}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/i18n.py" />
            <source>Changing the {fields} defines a different experiment: Train starts a new one.</source>
            <translation>修改{fields}会定义一个不同的实验：“训练”将开始一个新实验。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/i18n.py" />
            <source>GAN Studio will be in English the next time it starts.</source>
            <translation>GAN Studio 下次启动时将显示英文。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/i18n.py" />
            <source>GAN Studio will be in Simplified Chinese the next time it starts.</source>
            <translation>GAN Studio 下次启动时将显示简体中文。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/i18n.py" />
            <source>GAN Studio will follow the system language the next time it starts.</source>
            <translation>GAN Studio 下次启动时将跟随系统语言。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>&lt;b&gt;Loss in use: {name}&lt;/b&gt;</source>
            <translation>&lt;b&gt;当前使用的损失：{name}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>D(x) and D(G(z)) appear here while training runs.</source>
            <translation>训练进行时，这里会显示 D(x) 和 D(G(z))。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Each term is worked out from the batch's average D(x) and D(G(z)), so their sum is close to, but not exactly, the measured loss, which averages the terms image by image. The larger a term, the stronger its colour: that is where the network is pushed hardest.</source>
            <translation>每一项都由该批次 D(x) 和 D(G(z)) 的平均值算出，所以它们的和接近但不完全等于实测损失（实测损失是逐张图像计算后再平均）。某一项越大，颜色越深：网络在那里受到的推动最大。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Pulls D's score of generated images towards 0.</source>
            <translation>把 D 对生成图像的分数拉向 0。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Pulls D's score of real digits towards 1.</source>
            <translation>把 D 对真实数字的分数拉向 1。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Pulls D's score of real images towards 1.</source>
            <translation>把 D 对真实图像的分数拉向 1。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when D calls real digits real (D(x) near 1).</source>
            <translation>当 D 判定真实数字为真（D(x) 接近 1）时很小。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when D calls real images real (D(x) near 1).</source>
            <translation>当 D 判定真实图像为真（D(x) 接近 1）时很小。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when D calls the generator's images fake (D(G(z)) near 0).</source>
            <translation>当 D 判定生成器的图像为假（D(G(z)) 接近 0）时很小。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when the generator fools D (D(G(z)) near 1).</source>
            <translation>当生成器骗过 D（D(G(z)) 接近 1）时很小。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Step {step:,}: D(x) = &lt;b&gt;{real:.3f}&lt;/b&gt; (real digits), D(G(z)) = &lt;b&gt;{fake:.3f}&lt;/b&gt; (generated images)</source>
            <translation>第 {step:,} 步：D(x) = &lt;b&gt;{real:.3f}&lt;/b&gt;（真实数字），D(G(z)) = &lt;b&gt;{fake:.3f}&lt;/b&gt;（生成图像）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Step {step:,}: D(x) = &lt;b&gt;{real:.3f}&lt;/b&gt; (real images), D(G(z)) = &lt;b&gt;{fake:.3f}&lt;/b&gt; (generated images)</source>
            <translation>第 {step:,} 步：D(x) = &lt;b&gt;{real:.3f}&lt;/b&gt;（真实图像），D(G(z)) = &lt;b&gt;{fake:.3f}&lt;/b&gt;（生成图像）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The critic lowers its score of generated images.</source>
            <translation>评论器降低它给生成图像的分数。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The critic raises its score of real digits.</source>
            <translation>评论器提高它给真实数字的分数。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The critic raises its score of real images.</source>
            <translation>评论器提高它给真实图像的分数。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The generator pulls D's score of its images towards 1.</source>
            <translation>生成器把 D 对其图像的分数拉向 1。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The generator raises D's score of its images.</source>
            <translation>生成器提高 D 对其图像的分数。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The generator raises the critic's score of its images.</source>
            <translation>生成器提高评论器对其图像的分数。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The gradient penalty keeps the critic smooth (slope about 1 between real and fake).</source>
            <translation>梯度惩罚让评论器保持平滑（在真实与生成样本之间斜率约为 1）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The loss the training process measured at this step (the batch mean)</source>
            <translation>训练进程在这一步测得的损失（批次平均值）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The seed uses the non-saturating loss; this experiment uses another one, so its formulas are shown. In them D(·) is D's raw score s; the probability shown as D(x) below is σ(s).</source>
            <translation>种子使用非饱和损失；本实验用的是另一种损失，所以这里显示它的公式。其中 D(·) 是 D 的原始分数 s；下方显示为 D(x) 的概率是 σ(s)。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>This is the loss of the seed (Goodfellow et al. 2014); D(·) is the probability that an image is real.</source>
            <translation>这是种子使用的损失（Goodfellow 等，2014）；D(·) 是图像为真实图像的概率。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Wasserstein with gradient penalty</source>
            <translation>带梯度惩罚的 Wasserstein</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Zero once D scores a generated image at most −1.</source>
            <translation>一旦 D 给生成图像的分数不超过 −1，该项即为零。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Zero once D scores a real digit at least +1.</source>
            <translation>一旦 D 给真实数字的分数至少为 +1，该项即为零。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Zero once D scores a real image at least +1.</source>
            <translation>一旦 D 给真实图像的分数至少为 +1，该项即为零。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>hinge</source>
            <translation>hinge</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>least squares</source>
            <translation>最小二乘</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>measured: {value:.3f}</source>
            <translation>实测：{value:.3f}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>non-saturating (the seed's loss)</source>
            <translation>非饱和（种子使用的损失）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>(not updated)</source>
            <translation>（未更新）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>D's output: real or fake?</source>
            <translation>D 的输出：真还是假？</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>D(G(z)) #{i}</source>
            <translation>D(G(z)) #{i}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>D(x) real #{i}</source>
            <translation>D(x) 真实 #{i}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>One training step in slow motion, drawn with the images and outputs of a real step: first D learns to tell real from generated, then G learns to fool the new D.</source>
            <translation>用一个真实训练步的图像和输出，以慢动作展示一个训练步：先是 D 学习分辨真实与生成的图像，然后 G 学习骗过更新后的 D。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Press Train (or Step) to watch one training step in slow motion here.</source>
            <translation>按“训练”（或“单步”），在这里以慢动作观看一个训练步。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Step {step:,} — phase 1 of 2: the discriminator learns. Real digits and G's images go into D; the update changes D only, to raise D(x) and lower D(G(z)).</source>
            <translation>第 {step:,} 步 — 阶段 1/2：判别器学习。真实数字和 G 生成的图像输入 D；这次更新只改变 D，使 D(x) 升高、D(G(z)) 降低。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Step {step:,} — phase 1 of 2: the discriminator learns. Real images and G's images go into D; the update changes D only, to raise D(x) and lower D(G(z)).</source>
            <translation>第 {step:,} 步 — 阶段 1/2：判别器学习。真实图像和 G 生成的图像输入 D；这次更新只改变 D，使 D(x) 升高、D(G(z)) 降低。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Step {step:,} — phase 2 of 2: the generator learns. Noise goes through G and D; the update flows back through D (frozen) into G, to raise D(G(z)).</source>
            <translation>第 {step:,} 步 — 阶段 2/2：生成器学习。噪声经过 G 和 D；更新沿反向穿过（冻结的）D 传入 G，使 D(G(z)) 升高。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>discriminator</source>
            <translation>判别器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>generated G(z)</source>
            <translation>生成的 G(z)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>generator</source>
            <translation>生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>noise z</source>
            <translation>噪声 z</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>real digits x</source>
            <translation>真实数字 x</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>real images x</source>
            <translation>真实图像 x</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>update D: D(x) ↑, D(G(z)) ↓</source>
            <translation>更新 D：D(x) ↑，D(G(z)) ↓</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>update G: D(G(z)) ↑ (through D, which stays as it is)</source>
            <translation>更新 G：D(G(z)) ↑（梯度穿过 D，D 本身保持不变）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>1. Mode collapse: the seed as written</source>
            <translation>1. 模式崩溃：种子原版</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>2. The same network, a better recipe</source>
            <translation>2. 同样的网络，更好的配方</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>3. A learning rate that is too high</source>
            <translation>3. 学习率过高</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>4. Ask for a digit: the conditional generator</source>
            <translation>4. 指定数字：条件生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>5. The D:G ratio</source>
            <translation>5. D:G 更新比例</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>Lesson loaded: {title}. Press Train to start.</source>
            <translation>已加载课程：{title}。按“训练”开始。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>Loading a lesson starts a new experiment.</source>
            <translation>加载课程会开始一个新实验。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>The recipe of lesson 2 with both learning rates at 0.05, a hundred times higher. Each update now overshoots: within a few seconds the discriminator's loss drops to 0 while the generator's loss jumps to tens, and the samples stay noise. If a value becomes infinite, GAN Studio rolls the networks back to the last healthy state, pauses and offers to lower the rates. Try lowering both rates while it trains (Experiment panel, Optimisation: Generator LR and Discriminator LR): they apply at the next step.</source>
            <translation>第 2 课的配方，但两个学习率都设为 0.05，高出一百倍。现在每次更新都会过冲：几秒之内判别器的损失降到 0，而生成器的损失跳到几十，样本一直是噪声。如果某个值变成无穷大，GAN Studio 会把网络回滚到最后一个健康状态、暂停并建议降低学习率。试着在训练时降低两个学习率（实验面板，优化：生成器学习率和判别器学习率）：它们在下一步生效。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>The recipe of lesson 2 with five discriminator updates for every generator update. Watch D(x) and D(G(z)) move apart: a stronger discriminator tells real from fake more surely. Each step takes longer, though not five times as long (1.4 to 4 times in our tests on a busy laptop): the rest of a step stays the same. WGAN-GP needs a critic trained this much; for the hinge loss it mostly slows the generator down. Change D:G steps while it trains (it applies live) and compare.</source>
            <translation>沿用第 2 课的配方，但生成器每更新一次，判别器更新五次。观察 D(x) 和 D(G(z)) 逐渐拉开：更强的判别器能更确定地分辨真假。每一步会更慢，但不到五倍（在我们于繁忙笔记本上的测试中为 1.4 到 4 倍）：一步中的其余部分不变。WGAN-GP 需要这样多训练评论器；对 hinge 损失来说，这主要是拖慢了生成器。在训练时修改“D:G 步数比”（立即生效）并比较效果。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>The same layer sizes as the seed, with batch norm in the generator, LeakyReLU in the discriminator, Adam with β1 = 0.5 and the hinge loss. Watch the grid turn from grey noise into strokes and then into digits of all ten classes within a minute or two, while D(x) and D(G(z)) stay apart but neither reaches 0 or 1: neither network wins outright. The formulas switch to the hinge loss that this preset uses.</source>
            <translation>与种子相同的层大小，但生成器使用批归一化，判别器使用 LeakyReLU，Adam 的 β1 = 0.5，并采用 hinge 损失。观察网格在一两分钟内从灰色噪声变成笔画，再变成全部十个类别的数字；同时 D(x) 和 D(G(z)) 保持分开，但都不会到达 0 或 1：哪个网络都没有彻底获胜。公式会切换为这个预设所用的 hinge 损失。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>This generator is also told which digit to draw: the class label goes into G and into D. Watch the sample grid: its samples go through the classes 0, 1, 2, … 9 in reading order, so all ten digits appear and the generator cannot collapse onto a single class. After a minute or two press Ctrl+G (File ▸ Explore the trained generator) and pick a digit in Gallery or Explore: the same noise, a different label, a different digit in the same handwriting.</source>
            <translation>这个生成器还会被告知要画哪个数字：类别标签同时输入 G 和 D。观察样本网格：样本按阅读顺序依次是类别 0、1、2 … 9，所以十个数字都会出现，生成器不会坍缩到单一类别上。一两分钟后按 Ctrl+G（文件 ▸ 探索正在训练的生成器），在“图库”或“探索”中挑选一个数字：同样的噪声、不同的标签，就是同一笔迹写出的不同数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>This is the seed's MLP GAN exactly as written. Press Train and watch the sample grid: within about a minute every sample turns into the same grey blob, and for minutes it hardly changes (left running it crawls out very slowly: 5 of the 10 digits after 9 minutes in one test). That is mode collapse: the generator found one image that fools the discriminator for a moment and sends all its noise there. In the formulas, D(x) climbs towards 1 and D(G(z)) falls towards 0, so −log(1 − D(G(z))) shrinks to almost nothing while the generator's term −log D(G(z)) grows: the discriminator has won, and the generator learns little from it. After about a minute a "Mode collapse" warning appears. A calmer recipe alone cannot rescue these networks (it brought digits back on one try in three), so its button, "Rebuild the network and train again", builds new networks of the same sizes with batch norm in the generator and LeakyReLU in the discriminator and trains them from the start with the calmer recipe: the changes are listed for you, press Rebuild and train. Within a minute or two the grid shows digits of all ten classes. The new run names the collapsed one as its parent; the next lesson explains each change.</source>
            <translation>这是种子文档中原样的 MLP GAN。按“训练”并观察样本网格：大约一分钟内每个样本都变成同一团灰色斑块，之后几分钟几乎不变（一直运行下去它会非常缓慢地恢复：在一次测试中 9 分钟后出现 10 个数字中的 5 个）。这就是模式崩溃：生成器找到了一张能暂时骗过判别器的图像，并把所有噪声都送到那里。在公式中，D(x) 趋向 1，D(G(z)) 趋向 0，因此 −log(1 − D(G(z))) 几乎缩小为零，而生成器的项 −log D(G(z)) 增大：判别器赢了，生成器从中学到的很少。大约一分钟后会出现“模式崩溃”警告。仅靠更温和的配方救不回这些网络（三次尝试中只有一次让数字重新出现），所以它的按钮“重建网络并重新训练”会构建同样大小的新网络——生成器中加入批归一化，判别器改用 LeakyReLU——并用更温和的配方从头训练：修改已为你列出，按“重建并训练”。一两分钟内网格就会出现全部十类数字。新的运行把崩溃的运行记为它的父运行；下一课解释每一处修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Conditional GANs&lt;/b&gt; are also told which digit to draw; the Explore tab lets you ask for one.</source>
            <translation>&lt;b&gt;条件 GAN&lt;/b&gt; 还会被告知要画哪个数字；在“探索”页可以指定数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;D(x)&lt;/b&gt; is the discriminator's score for real images, &lt;b&gt;D(G(z))&lt;/b&gt; for fakes. When both hover near &lt;b&gt;0.5&lt;/b&gt; (the dashed line) the discriminator can no longer tell them apart.</source>
            <translation>&lt;b&gt;D(x)&lt;/b&gt; 是判别器给真实图像的分数，&lt;b&gt;D(G(z))&lt;/b&gt; 是给生成图像的分数。当两者都在 &lt;b&gt;0.5&lt;/b&gt;（虚线）附近徘徊时，判别器已经无法区分真假。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Learning rate&lt;/b&gt;: raise the generator's rate mid-run (it applies live) and watch the curves react. Too high and training &lt;i&gt;diverges&lt;/i&gt;; GAN Studio rolls back and suggests lower rates.</source>
            <translation>&lt;b&gt;学习率&lt;/b&gt;：在训练中途调高生成器的学习率（立即生效），观察曲线的反应。学习率过高会导致训练&lt;i&gt;发散&lt;/i&gt;；GAN Studio 会回滚并建议降低学习率。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Lessons&lt;/b&gt;</source>
            <translation>&lt;b&gt;课程&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Mode collapse&lt;/b&gt;: the seed's MLP as written fills the grid with one grey blob (lesson 1).</source>
            <translation>&lt;b&gt;模式崩溃&lt;/b&gt;：种子原版的 MLP 会让整个网格都变成同一团灰色污迹（第 1 课）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Slow motion&lt;/b&gt;: drag the slider in Training controls and press &lt;b&gt;Step&lt;/b&gt; to watch single updates; the model graph above then replays every step.</source>
            <translation>&lt;b&gt;慢动作&lt;/b&gt;：拖动“训练”控制区的滑块，再按&lt;b&gt;单步&lt;/b&gt;，逐次观察每一次更新；上方的模型图会重放每一步。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;loss D / loss G&lt;/b&gt; do not fall steadily like in ordinary training: the two players push against each other, so the curves wobble around a balance. A loss that shoots up and stays there usually means one side has won.</source>
            <translation>&lt;b&gt;loss D / loss G&lt;/b&gt; 不会像普通训练那样稳步下降：两个玩家相互对抗，所以曲线围绕一个平衡点摆动。某个损失猛然升高并一直停在高处，通常意味着一方已经赢了。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>A &lt;b&gt;generative adversarial network&lt;/b&gt; is two neural networks playing a game.</source>
            <translation>&lt;b&gt;生成对抗网络&lt;/b&gt;（GAN）是两个神经网络在玩一场博弈。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Each lesson loads a preset and tells you what to watch for while it trains</source>
            <translation>每节课会加载一个预设，并告诉你训练时该观察什么</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Each training &lt;b&gt;step&lt;/b&gt; first updates the discriminator to tell real from fake a little better, then updates the generator to fool the &lt;i&gt;new&lt;/i&gt; discriminator a little better.</source>
            <translation>每个训练&lt;b&gt;步&lt;/b&gt;先更新判别器，让它更善于分辨真假，再更新生成器，让它更善于骗过&lt;i&gt;更新后的&lt;/i&gt;判别器。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Further reading: Goodfellow et al., &lt;i&gt;Generative Adversarial Networks&lt;/i&gt; (2014); Radford et al., &lt;i&gt;DCGAN&lt;/i&gt; (2015).</source>
            <translation>延伸阅读：Goodfellow 等，&lt;i&gt;Generative Adversarial Networks&lt;/i&gt;（2014）；Radford 等，&lt;i&gt;DCGAN&lt;/i&gt;（2015）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>How a GAN learns to draw digits</source>
            <translation>GAN 如何学会画数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Load this lesson</source>
            <translation>加载这节课</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Reading the Train tab</source>
            <translation>如何看“训练”页</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Set up the lesson's experiment (its preset and settings); a run in progress is offered to be saved first</source>
            <translation>按这节课设置实验（预设和设置）；正在进行的运行会先询问是否保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>The &lt;b style="color:#3b8ee8"&gt;generator&lt;/b&gt; turns random noise &lt;i&gt;z&lt;/i&gt; into an image. At first its images are grey static.</source>
            <translation>&lt;b style="color:#3b8ee8"&gt;生成器&lt;/b&gt;把随机噪声 &lt;i&gt;z&lt;/i&gt; 变成一张图像。一开始它的图像只是灰色的雪花噪点。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>The &lt;b style="color:#e8743b"&gt;discriminator&lt;/b&gt; sees real handwritten digits and the generator's fakes, and outputs how sure it is that an image is real (0 … 1).</source>
            <translation>&lt;b style="color:#e8743b"&gt;判别器&lt;/b&gt;同时看到真实的手写数字和生成器的伪造品，并输出它有多确信一张图像是真实的（0 … 1）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>The &lt;b&gt;sample grid&lt;/b&gt; always uses the same 64 noise vectors, so you watch the generator itself change. Drag the history slider to replay it.</source>
            <translation>&lt;b&gt;样本网格&lt;/b&gt;始终使用同样的 64 个噪声向量，所以你看到的是生成器本身的变化。拖动历史滑块可以回放。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Things to try</source>
            <translation>可以尝试</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source> ({n} more after this one.)</source>
            <translation>（之后还有 {n} 个。）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>A run that was never saved was left behind: {step:,} steps, last written {when}. Recover it to look at it, continue training it or save it.</source>
            <translation>发现一个从未保存的遗留运行：{step:,} 步，最后写入于 {when}。恢复它即可查看、继续训练或保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Continue from the last save</source>
            <translation>从上次保存处继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Discard it</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Discarded the unsaved run {name}</source>
            <translation>已丢弃未保存的运行 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Export setup</source>
            <translation>导出设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>GAN Studio setup (*.json)</source>
            <translation>GAN Studio 设置文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Learning rates lowered to G {lr_g:.2g} / D {lr_d:.2g}</source>
            <translation>学习率已降低为 G {lr_g:.2g} / D {lr_d:.2g}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Nothing new to save: the opened run is unchanged</source>
            <translation>没有新内容需要保存：打开的运行没有变化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Nothing to save yet: train first</source>
            <translation>还没有可保存的内容：请先训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Nothing was changed: the current experiment is as it was.</source>
            <translation>未做任何更改：当前实验保持原样。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Open run folder</source>
            <translation>打开运行文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Open setup</source>
            <translation>打开设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Opened the setup {file}</source>
            <translation>已打开设置文件 {file}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Opened {path} at step {step:,}. Press {button} to continue training it.</source>
            <translation>已打开 {path}，位于第 {step:,} 步。按“{button}”继续训练。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Opening a setup starts a new experiment.</source>
            <translation>打开设置文件会开始一个新实验。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Opening the run failed</source>
            <translation>打开运行失败</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Recover it</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Run folder (*)</source>
            <translation>运行文件夹 (*)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Save run as (a new folder)</source>
            <translation>运行另存为（新文件夹）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Saving failed</source>
            <translation>保存失败</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Setup “{name}” opened: press Train to start it.</source>
            <translation>已打开设置“{name}”：按“训练”开始。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>The experiment has problems</source>
            <translation>实验设置有问题</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>This run cannot be opened</source>
            <translation>无法打开此运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>This setup cannot be opened</source>
            <translation>无法打开此设置文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>Training was stopped when the window closed; the run was saved to {path}. Open it with File ▸ Open run… to continue.</source>
            <translation>关闭窗口时训练已停止；运行已保存到 {path}。用“文件 ▸ 打开运行…”打开它即可继续。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>no answer from the training process in {seconds} s</source>
            <translation>训练进程在 {seconds} 秒内没有响应</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>the training process is not running; the run is as it was last saved</source>
            <translation>训练进程未在运行；该运行保持上次保存时的状态</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>{action} failed</source>
            <translation>{action}失败</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>{message} The window is fine, but nothing of this run had been saved yet.</source>
            <translation>{message} 窗口一切正常，但这次运行还没有保存过任何内容。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/lifecycle.py" />
            <source>{message} The window is fine. The run was last saved at step {step:,}; training can continue from there.</source>
            <translation>{message} 窗口一切正常。该运行上次保存于第 {step:,} 步，可以从那里继续训练。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main.py" />
            <source>Preparing the window…</source>
            <translation>正在准备窗口…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main.py" />
            <source>Something went wrong: {error}

Your work has not been discarded; saving the run now is a good idea.</source>
            <translation>出错了：{error}

你的工作没有丢失；建议现在保存运行。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main.py" />
            <source>This report was also written to {path}</source>
            <translation>此报告也已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main.py" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&lt;b&gt;{title}&lt;/b&gt;: {plain}&lt;br&gt;&lt;small&gt;{details}&lt;/small&gt;</source>
            <translation>&lt;b&gt;{title}&lt;/b&gt;：{plain}&lt;br&gt;&lt;small&gt;{details}&lt;/small&gt;</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Branch from step {step:,} with the fix…</source>
            <translation>从第 {step:,} 步分支并应用修正…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Experiment</source>
            <translation>实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Explore</source>
            <translation>探索</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Fix the highlighted settings first</source>
            <translation>请先修正高亮的设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Follow a run folder</source>
            <translation>跟随运行文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Gallery</source>
            <translation>图库</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Halve D's learning rate</source>
            <translation>把 D 的学习率减半</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>How a GAN works, in five minutes</source>
            <translation>五分钟了解 GAN 的工作原理</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Interpolate, analogy planes, principal directions, breeding</source>
            <translation>插值、类比平面、主方向、繁育</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Learn</source>
            <translation>学习</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Live curves and samples while the GAN trains</source>
            <translation>GAN 训练时的实时曲线和样本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Lower learning rates and resume</source>
            <translation>降低学习率并继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Off: {why}</source>
            <translation>关闭：{why}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Preparing PyTorch…</source>
            <translation>正在准备 PyTorch…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>PyTorch could not be loaded ({error}). Training, Gallery and Explore need it; reinstalling GAN Studio should fix this.</source>
            <translation>无法加载 PyTorch（{error}）。训练、图库和探索都需要它；重新安装 GAN Studio 应能解决此问题。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>PyTorch unavailable</source>
            <translation>PyTorch 不可用</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Rebuild the network and train again…</source>
            <translation>重建网络并重新训练…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Sample, star, compare and export what the generator makes</source>
            <translation>采样、收藏、比较和导出生成器的作品</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save again and resume</source>
            <translation>重新保存并继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Start training, or continue the current experiment (Ctrl+Enter)</source>
            <translation>开始训练，或继续当前实验（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Step {step:,}. {text} {advice}</source>
            <translation>第 {step:,} 步。{text} {advice}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Target reached at step {step:,}</source>
            <translation>已在第 {step:,} 步达到目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Training stopped with an error</source>
            <translation>训练因错误而停止</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Untitled experiment</source>
            <translation>未命名实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>idle</source>
            <translation>空闲</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>paused at step {step:,}</source>
            <translation>暂停于第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>the discriminator tells real from generated images so surely that the generator learns almost nothing from it.</source>
            <translation>判别器区分真实图像和生成图像如此确定，以致生成器几乎学不到任何东西。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>the generator draws nearly the same picture every time, whatever noise it gets.</source>
            <translation>无论输入什么噪声，生成器每次画出的几乎都是同一张图。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>{name} (following)</source>
            <translation>{name}（跟随中）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source> (kept as {path})</source>
            <translation>（已另存为 {path}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Could not open {name}: {error}</source>
            <translation>无法打开 {name}：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Favourites could not be read: {error}. The file is kept as it is; starring an image keeps it aside as a .bak file and starts a new list.</source>
            <translation>无法读取收藏：{error}。该文件保持原样；收藏一张图像时会先把它另存为 .bak 文件，再开始新的列表。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Favourites not saved: {path} could not be read and could not be moved aside, so it is left as it is</source>
            <translation>收藏未保存：{path} 无法读取，也无法移到一旁，因此保持原样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Opened {name}</source>
            <translation>已打开 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Showing the digit generator that comes with GAN Studio</source>
            <translation>正在显示 GAN Studio 随附的数字生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>The breeding lineage could not be read: {error}</source>
            <translation>无法读取繁育谱系：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>The favourites file that could not be read was kept as {path}</source>
            <translation>无法读取的收藏文件已另存为 {path}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>The pretrained digit generator is missing ({path}). The installation is incomplete: train a model on the Train tab, or open a run folder or an exported generator.</source>
            <translation>缺少预训练的数字生成器（{path}）。安装不完整：请在“训练”页训练一个模型，或打开一个运行文件夹或导出的生成器。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>bred {id}</source>
            <translation>繁育 {id}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>latent</source>
            <translation>潜在向量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>this image has no seed address and is not in the lineage</source>
            <translation>这张图像没有种子地址，也不在谱系中</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>0.5: the discriminator cannot tell real from fake</source>
            <translation>0.5：判别器无法分辨真假</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Closeness score (0–100) of the generator's samples to your folder, measured every 10 s or so of training</source>
            <translation>生成器样本与你的文件夹的接近度得分（0–100），训练中大约每 10 秒测量一次</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>D output</source>
            <translation>D 输出</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>D(G(z)) fake</source>
            <translation>D(G(z)) 生成</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>D(x) real</source>
            <translation>D(x) 真实</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Discriminator and generator losses (faint: every step; bold: smoothed)</source>
            <translation>判别器和生成器的损失（浅色：每一步；粗线：平滑后）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Discriminator's average belief that real images (D(x)) and generated images (D(G(z))) are real</source>
            <translation>判别器认为真实图像（D(x)）和生成图像（D(G(z))）为真的平均置信度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Loss</source>
            <comment>plot axis</comment>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Quality score (0–100) of the generator, scored by the digit classifier every 10 s of training</source>
            <translation>生成器的质量分数（0–100），训练时每 10 秒由数字分类器评分一次</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Training throughput: real images seen per second</source>
            <translation>训练吞吐量：每秒处理的真实图像数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>Values at the step under the mouse cursor</source>
            <translation>鼠标所在步数处的数值</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>images/s</source>
            <translation>图像/秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <source>score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/plots.py" />
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>{rate:,.0f} img/s</source>
            <translation>{rate:,.0f} 张/秒</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>1 image</source>
            <translation>1 张图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Choose destination…</source>
            <translation>选择保存位置…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Inverted (dark ink on white)</source>
            <translation>反色（白底深色笔迹）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Scale factor</source>
            <translation>缩放倍数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>Transparent background</source>
            <translation>透明背景</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>{n} images</source>
            <translation>{n} 张图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/png_options.py" />
            <source>{px} × {px} pixels per image</source>
            <translation>每张图像 {px} × {px} 像素</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>Closeness</source>
            <translation>接近度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>Every 10 s of training the digit classifier that ships with GAN Studio scores 500 samples of the generator: 100 would be as close to real digits as real digits are to each other. FD: Fréchet distance of the classifier's features (lower is better); the floor is the distance between two sets of real digits.</source>
            <translation>每训练 10 秒，GAN Studio 自带的数字分类器会给生成器的 500 个样本打分：100 分表示生成的数字与真实数字的接近程度，就像真实数字彼此之间一样。FD：分类器特征的 Fréchet 距离（越低越好）；下限是两组真实数字之间的距离。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>Every 10 s or so of training, 256 samples are compared with your folder in a feature space built from the folder itself when training starts (a fixed random convolution network, whitened on your images; nothing downloaded). FD: their Fréchet distance to half of the folder; 1× is the distance between the folder's two halves, so lower is closer. 100: as close as your own images are to each other. Near-copies of your images: gan-studio evaluate.</source>
            <translation>训练中大约每 10 秒，把 256 张样本与你的文件夹比较，所用特征空间在训练开始时由文件夹本身建立（一个固定的随机卷积网络，按你的图像做白化；无需下载任何东西）。FD：样本与文件夹一半图像之间的 Fréchet 距离；1× 是文件夹两半之间的距离，越低越接近。100：与你自己的图像彼此之间一样接近。是否近乎复制了你的图像：见 gan-studio evaluate。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>FD {fd:.1f} · {ratio:.1f}× the real floor ({floor:.1f}) · {classes}/10 classes · step {step:,}</source>
            <translation>FD {fd:.1f} · 真实下限（{floor:.1f}）的 {ratio:.1f} 倍 · {classes}/10 个类别 · 第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>FD {fd:.1f} · {ratio:.1f}× your folder's own split-half distance ({floor:.1f}) · step {step:,}</source>
            <translation>FD {fd:.1f} · 为文件夹自身两半距离（{floor:.1f}）的 {ratio:.1f} 倍 · 第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>Quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>Scored every 10 s of training</source>
            <translation>每训练 10 秒评分一次</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/quality_meter.py" />
            <source>not measured yet</source>
            <translation>尚未测量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>&amp;Rename…</source>
            <translation>重命名(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>An unsaved run that is given a name becomes a saved run in the runs folder.</source>
            <translation>未保存的运行一旦命名，就会成为运行文件夹中已保存的运行。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Autosave</source>
            <translation>自动保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Being trained by {who}</source>
            <translation>正由 {who} 训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Click a column's title to sort; Ctrl- or Shift-click to select several runs</source>
            <translation>点击列标题排序；按住 Ctrl 或 Shift 点击可选择多个运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Close this window</source>
            <translation>关闭此窗口</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Delete runs</source>
            <translation>删除运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Delete the run {name} ({size})?</source>
            <translation>删除运行 {name}（{size}）？</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Delete the selected runs from the disk (asks first)</source>
            <translation>从磁盘删除所选运行（会先询问）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Delete {n} runs ({size})?</source>
            <translation>删除 {n} 个运行（{size}）？</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Deleted {n} runs; {size} freed.</source>
            <translation>已删除 {n} 个运行，释放了 {size}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Deleting {n} runs…</source>
            <translation>正在删除 {n} 个运行…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Give the selected run a new name</source>
            <translation>给所选运行起一个新名字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Last written</source>
            <translation>最后写入</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Left behind, no checkpoint</source>
            <translation>遗留，无检查点</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Letters, digits, spaces, - and _; no / \ : * ? " &lt; &gt; |</source>
            <translation>可用字母、数字、空格、- 和 _；不能用 / \ : * ? " &lt; &gt; |</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Never saved and holds no checkpoint: nothing in it can be recovered</source>
            <translation>从未保存，也没有检查点：其中没有可恢复的内容</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Never saved: Open it to recover it, Rename… to keep it, Delete… to free the space</source>
            <translation>从未保存：“打开”可恢复它，“重命名…”可保留它，“删除…”可释放空间</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>New name for {name}:</source>
            <translation>{name} 的新名称：</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>No unsaved runs are left behind.</source>
            <translation>没有遗留的未保存运行。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Open the selected run in the window</source>
            <translation>在窗口中打开所选运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Read the runs folder again</source>
            <translation>重新读取运行文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Reading the runs folder…</source>
            <translation>正在读取运行文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Reading the runs folder… {done} of {total}</source>
            <translation>正在读取运行文件夹… {done} / {total}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Rename run</source>
            <translation>重命名运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Renamed to {name}.</source>
            <translation>已重命名为 {name}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Runs are saved here; unsaved runs are kept in its {folder} folder until they are saved or deleted</source>
            <translation>运行保存在这里；未保存的运行存放在其中的 {folder} 文件夹里，直到被保存或删除</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Runs folder: {path}</source>
            <translation>运行文件夹：{path}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Runs on disk</source>
            <translation>磁盘上的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Select one run</source>
            <translation>请选择一个运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Select runs to delete</source>
            <translation>请选择要删除的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Select the unsaved runs no process is training: what crashes and discarded starts left behind</source>
            <translation>选择没有进程在训练的未保存运行：即崩溃和被放弃的开始所遗留的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Select unsaved &amp;leftovers</source>
            <translation>选择遗留的未保存运行(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Show &amp;folder</source>
            <translation>显示文件夹(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Show the selected run's folder in the file manager</source>
            <translation>在文件管理器中显示所选运行的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>The runs folder could not be read: {why}</source>
            <translation>无法读取运行文件夹：{why}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Their folders, checkpoints, snapshots and samples are removed from the disk. This cannot be undone.</source>
            <translation>它们的文件夹、检查点、快照和样本都会从磁盘上删除。此操作无法撤销。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Unsaved, left behind</source>
            <translation>未保存，已遗留</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>Unsaved, training now</source>
            <translation>未保存，正在训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{kind} · open in this window</source>
            <translation>{kind} · 已在本窗口打开</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{name} is being trained by {who}; stop it first</source>
            <translation>{name} 正由 {who} 训练；请先停止它</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{name} is open in this window; open another run or start a new experiment first</source>
            <translation>{name} 已在本窗口打开；请先打开另一个运行或开始新实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{n} runs branched from it are being trained and still name its old folder.</source>
            <translation>从它分支出的 {n} 个运行正在训练，仍指向它原来的文件夹。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{n} runs, {size} on disk.</source>
            <translation>{n} 个运行，占用磁盘 {size}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{n} unsaved runs selected ({size}). Delete… removes them after asking.</source>
            <translation>已选择 {n} 个未保存的运行（{size}）。“删除…”会在询问后删除它们。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/runs_dialog.py" />
            <source>{n} unsaved runs that no process uses take {size}.</source>
            <translation>{n} 个无进程使用的未保存运行占用 {size}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/sample_grid.py" />
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/sample_grid.py" />
            <source>Scrub back through the grids saved during training</source>
            <translation>拖动回看训练过程中保存的样本网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/sample_grid.py" />
            <source>The generator's samples appear here while it trains</source>
            <translation>训练时，生成器的样本会显示在这里</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/sample_grid.py" />
            <source>The same 64 noise vectors, drawn by the generator as it learns</source>
            <translation>同样的 64 个噪声向量，由学习中的生成器绘制</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/settings.py" />
            <source>The settings file could not be read; it was kept as {path} and the settings start afresh.</source>
            <translation>无法读取设置文件；它已另存为 {path}，设置将重新开始。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>A setup is a small file with every setting of this experiment (no weights). Open it on another computer with File ▸ Open setup…, by dropping it on the window, or with gan-studio open FILE.</source>
            <translation>设置文件是一个包含本实验全部设置（不含权重）的小文件。在另一台电脑上可以用“文件 ▸ 打开设置…”、把它拖到窗口上，或用 gan-studio open FILE 打开。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Anything else (shown when the setup is opened)</source>
            <translation>其他说明（打开设置时显示）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>What to watch for when this setup trains</source>
            <translation>用这个设置训练时需要观察什么</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>e.g. Mode collapse, live</source>
            <translation>例如：实时观察模式崩溃</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Branch and train</source>
            <translation>分支并训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Branch from step {step:,}</source>
            <translation>从第 {step:,} 步分支</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Branch…</source>
            <translation>分支…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>No disk budget: up to 30 snapshots are kept</source>
            <translation>没有磁盘预算：最多保留 30 个快照</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>No snapshots yet</source>
            <translation>还没有快照</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Open in Gallery</source>
            <translation>在图库中打开</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Rebuild and train</source>
            <translation>重建并训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Rebuild the network and train again</source>
            <translation>重建网络并重新训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Show the generator of this snapshot in Gallery and Explore</source>
            <translation>在图库和探索中显示这个快照的生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Snapshots</source>
            <translation>快照</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>Start a new run from this snapshot with other hyper-parameters; the new run remembers where it came from</source>
            <translation>从这个快照出发、用其他超参数开始一个新运行；新运行会记住它的来源</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>The new run builds new networks with these changes and trains them from step 0: the snapshot's weights do not fit a different network. Same data and seed; its run.json names this run and step as its parent.</source>
            <translation>新的运行用这些修改构建新的网络，并从第 0 步开始训练：快照的权重不适合不同的网络。数据和随机种子相同；它的 run.json 记下这个运行和这一步作为父运行。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>The new run starts from the snapshot's exact state — both networks, their optimizers and the random streams — and trains on with these settings. Its run.json names this run and step as its parent.</source>
            <translation>新运行从快照的精确状态出发——两个网络、它们的优化器以及随机数流——并用这些设置继续训练。它的 run.json 会把本运行和这一步记为父节点。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>The run folder stays within its disk budget of {budget} MB (Optimisation ▸ Advanced ▸ Disk budget per run): older snapshots are thinned out to make room</source>
            <translation>运行文件夹保持在 {budget} MB 的磁盘预算之内（优化 ▸ 高级 ▸ 每次运行的磁盘预算）：较早的快照会被稀疏化以腾出空间</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>The run keeps the whole trainer (both networks and their optimizers) at spaced steps: pick one to look at it, open it in Gallery or branch a new run from it</source>
            <translation>运行会每隔一段步数保存完整的训练器（两个网络及其优化器）：选中一个即可查看、在图库中打开，或从它分支出一个新运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>The suggested fix is filled in: {changes}. Change it if you like, then press Branch and train.</source>
            <translation>已填入建议的修正：{changes}。可以按需修改，然后按“分支并训练”。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>The suggested fix is filled in: {changes}. Change it if you like, then press Rebuild and train.</source>
            <translation>已填入建议的修正：{changes}。可以按需修改，然后按“重建并训练”。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>step {step:,} · {size} ({n} kept, {total})</source>
            <translation>第 {step:,} 步 · {size}（保留 {n} 个，共 {total}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/snapshot_timeline.py" />
            <source>{field} {old} → {new}</source>
            <translation>{field} {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>CPU (1 training thread)</source>
            <translation>CPU（1 个训练线程）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>CPU ({n} training threads)</source>
            <translation>CPU（{n} 个训练线程）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>Compute device</source>
            <translation>计算设备</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>Estimated time left to the target</source>
            <translation>距离目标的预计剩余时间</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>Real images per second</source>
            <translation>每秒处理的真实图像数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>Training data</source>
            <translation>训练数据</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>Training step</source>
            <translation>训练步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>Training time</source>
            <translation>训练时长</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/train_tab.py" />
            <source>Every grid uses the same 64 latent vectors, so you see the generator itself change</source>
            <translation>每个网格都使用同样的 64 个潜在向量，所以你看到的是生成器本身的变化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/train_tab.py" />
            <source>No closeness checks in this run (yet): the window measures how close the samples come to your folder in the runs it trains; the command line measures it with gan-studio train --quality.</source>
            <translation>此运行（尚）没有接近度检查：窗口会在它训练的运行中测量样本与你的文件夹有多接近；命令行需使用 gan-studio train --quality 才会测量。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/train_tab.py" />
            <source>No quality checks in this run (yet): the window scores digit runs it trains; the command line scores them with gan-studio train --quality.</source>
            <translation>此运行（尚）没有质量检查：窗口会为它训练的数字运行评分；命令行需使用 gan-studio train --quality 才会评分。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/train_tab.py" />
            <source>Samples from fixed noise</source>
            <translation>固定噪声生成的样本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/train_tab.py" />
            <source>Training curves</source>
            <translation>训练曲线</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Autosave failed</source>
            <translation>自动保存失败</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Metrics not written</source>
            <translation>训练指标未写入</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Progress grid not saved</source>
            <translation>进度网格未保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Quality check not written</source>
            <translation>质量检查结果未写入</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Snapshot not saved</source>
            <translation>快照未保存</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>Training is paused and keeps everything it has learned in memory ({kept}). Free some space (or fix the folder), then press Resume: the save is tried again first.</source>
            <translation>训练已暂停，已学到的一切都保存在内存中（{kept}）。请腾出一些空间（或修复该文件夹），然后点击“恢复”：会先再次尝试保存。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>the run folder's last good save is at step {step:,}</source>
            <translation>运行文件夹中最近一次完好的保存位于第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>the run has no save yet</source>
            <translation>该运行尚未保存过</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>the settings define a new experiment: discard (or save) the current one first</source>
            <translation>这些设置定义了一个新实验：请先丢弃（或保存）当前实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controller.py" />
            <source>there is nothing to save yet: train first</source>
            <translation>还没有可保存的内容：请先训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>ETA {duration}</source>
            <translation>预计剩余 {duration}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>How many steps or minutes this training run lasts before it stops by itself</source>
            <translation>本次训练在自动停止前持续多少步或多少分钟</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Pause or resume (Space)</source>
            <translation>暂停或恢复（空格键）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Run exactly one training step (one D update and one G update), then pause</source>
            <translation>只运行一个训练步（一次 D 更新和一次 G 更新），然后暂停</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Slow motion</source>
            <translation>慢动作</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Slow motion: 0 = full speed, otherwise a pause after every step (up to 0.5 s)</source>
            <translation>慢动作：0 = 全速，否则每一步后暂停一下（最多 0.5 秒）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Stop training; Train continues from here</source>
            <translation>停止训练；“训练”会从这里继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Train for</source>
            <translation>训练时长</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Until stopped</source>
            <translation>直到停止</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>When this training run stops by itself (counted from when you press Train)</source>
            <translation>本次训练何时自动停止（从按下“训练”时算起）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>about {duration} left</source>
            <translation>约剩 {duration}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>full speed</source>
            <translation>全速</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>{ms} ms/step</source>
            <translation>{ms} 毫秒/步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>{percent:.0%}  ·  step {step:,}</source>
            <translation>{percent:.0%}  ·  第 {step:,} 步</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/widgets.py" />
            <source>No class labels</source>
            <translation>没有类别标签</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/widgets.py" />
            <source>Show or hide these settings</source>
            <translation>显示或隐藏这些设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;About GAN Studio</source>
            <translation>关于 GAN Studio(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Compare runs…</source>
            <translation>比较运行(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Export samples…</source>
            <translation>导出样本(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Follow run…</source>
            <translation>跟随运行(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;New experiment</source>
            <translation>新建实验(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Open run…</source>
            <translation>打开运行(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Pause / resume</source>
            <translation>暂停 / 恢复(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Reset plot zoom</source>
            <translation>重置图表缩放(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Train / continue</source>
            <translation>训练 / 继续(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;Training</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Clear list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Compare recent runs…</source>
            <translation>比较最近的运行…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Every run folder with its size: open, rename or delete runs, clean up unsaved ones</source>
            <translation>每个运行文件夹及其大小：打开、重命名或删除运行，清理未保存的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Experiment &amp;panel</source>
            <translation>实验面板(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Explore the &amp;pretrained generator</source>
            <translation>探索预训练生成器(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Explore the &amp;trained generator</source>
            <translation>探索正在训练的生成器(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Export generator…</source>
            <translation>导出生成器…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Export se&amp;tup…</source>
            <translation>导出设置(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Open &amp;generator…</source>
            <translation>打开生成器(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Open a run folder or an exported generator in Gallery and Explore</source>
            <translation>在图库和探索中打开运行文件夹或导出的生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Open a saved run folder and continue training it</source>
            <translation>打开已保存的运行文件夹并继续训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Open a shared setup file (.json): its settings become the experiment</source>
            <translation>打开共享的设置文件（.json）：其中的设置成为当前实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Open se&amp;tup…</source>
            <translation>打开设置(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Overlay the curves, grids and settings of 2–6 runs</source>
            <translation>叠加比较 2–6 个运行的曲线、样本网格和设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>R&amp;uns on disk…</source>
            <translation>磁盘上的运行(&amp;U)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Recent runs</source>
            <translation>最近的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>S&amp;tep</source>
            <translation>单步(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Save &amp;as…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Save every setting of this experiment as a small file to share</source>
            <translation>把本实验的全部设置保存为一个便于分享的小文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Save the generator shown in Gallery as one .safetensors file</source>
            <translation>把图库中显示的生成器保存为一个 .safetensors 文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Save the run (weights, optimizer, metrics, samples)</source>
            <translation>保存运行（权重、优化器、指标、样本）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Save the run into a new folder</source>
            <translation>把运行保存到新文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Save the sample grid on show as a PNG</source>
            <translation>把当前显示的样本网格保存为 PNG</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Show the generator being trained in Gallery and Explore</source>
            <translation>在图库和探索中显示正在训练的生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>St&amp;op</source>
            <translation>停止(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Start over with the default preset</source>
            <translation>用默认预设重新开始</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>System ({language})</source>
            <translation>跟随系统（{language}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/window_menus.py" />
            <source>Watch a run that another process trains (a terminal, a server): curves and samples update live</source>
            <translation>观察另一个进程（终端、服务器）正在训练的运行：曲线和样本实时更新</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/wording.py" />
            <source>class {label}</source>
            <translation>类别 {label}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/wording.py" />
            <source>digit {label}</source>
            <translation>数字 {label}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>0 = off</source>
            <translation>0 = 关闭</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>10,000 real MNIST digits (1,000 per class) shipped with GAN Studio; works without a network.</source>
            <translation>GAN Studio 自带的 10,000 个真实 MNIST 数字（每类 1,000 个）；无需联网即可使用。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>70,000 grayscale pictures of clothing in 10 classes (Zalando Research; MIT licence).</source>
            <translation>70,000 张服装灰度图片，共 10 类（Zalando Research；MIT 许可）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>70,000 handwritten cursive Japanese (Kuzushiji) characters in 10 classes (CODH; CC BY-SA 4.0).</source>
            <translation>70,000 个手写日文草书（崩し字）字符，共 10 类（CODH；CC BY-SA 4.0）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>70,000 handwritten digits 0–9 (LeCun, Cortes, Burges; CC BY-SA 3.0).</source>
            <translation>70,000 个手写数字 0–9（LeCun、Cortes、Burges；CC BY-SA 3.0）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>A conditional GAN is given the class label, so you can ask for a specific digit.</source>
            <translation>条件 GAN 会得到类别标签，因此可以指定要生成哪个数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Adam learning rate of the discriminator, e.g. 2e-4 ({lo}–{hi}).</source>
            <translation>判别器的 Adam 学习率，例如 2e-4（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Adam learning rate of the generator, e.g. 2e-4 ({lo}–{hi}).</source>
            <translation>生成器的 Adam 学习率，例如 2e-4（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Adam momentum ({lo}–{hi}); GANs usually use 0.5.</source>
            <translation>Adam 动量（{lo}–{hi}）；GAN 通常用 0.5。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Adam second-moment decay ({lo}–{hi}).</source>
            <translation>Adam 二阶矩衰减率（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Adam β1</source>
            <translation>Adam β1</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Adam β2</source>
            <translation>Adam β2</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Alternating (D, then G)</source>
            <translation>交替（先 D 后 G）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Alternating: D learns, then G learns against the updated D. Simultaneous: both learn from the same moment, so the two halves of a step run on two CPU cores at once (needs D:G steps 1 and no batch norm in D).</source>
            <translation>交替：D 先学习，然后 G 针对更新后的 D 学习。同时：两者从同一时刻出发学习，因此一步的两半可在两个 CPU 核心上同时运行（需要 D:G 步数为 1，且 D 中没有批归一化）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Augmentation</source>
            <translation>数据增强</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Auto picks the fastest device found (CUDA, then Apple MPS, then the CPU).</source>
            <translation>“自动”会选用找到的最快设备（依次为 CUDA、Apple MPS、CPU）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Automatic (gray line art on light: invert)</source>
            <translation>自动（浅底灰度线稿：反相）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Autosave interval (seconds)</source>
            <translation>自动保存间隔（秒）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Autosave interval (steps)</source>
            <translation>自动保存间隔（步）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Batch norm</source>
            <translation>批归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Batch norm in the generator</source>
            <translation>生成器使用批归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Batch normalisation between generator layers; usually stabilises DCGAN training.</source>
            <translation>在生成器各层之间做批归一化；通常能让 DCGAN 训练更稳定。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>CPU threads</source>
            <translation>CPU 线程数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Capacity of the discriminator, like the generator width ({lo}–{hi}).</source>
            <translation>判别器的容量，含义同生成器宽度（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Channels</source>
            <translation>通道数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Compute on</source>
            <translation>计算设备</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Conditional</source>
            <translation>条件生成</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>D:G steps</source>
            <translation>D:G 步数比</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DCGAN (convolutional)</source>
            <translation>DCGAN（卷积）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DCGAN only: transposed convolutions (the classic DCGAN), or nearest-neighbour enlargement followed by a 3×3 convolution, which avoids checkerboard patterns.</source>
            <translation>仅限 DCGAN：转置卷积（经典 DCGAN），或先最近邻放大再做 3×3 卷积，可避免棋盘格纹理。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DCGAN: base number of channels. MLP: first hidden layer width (doubles per layer). {lo}–{hi}.</source>
            <translation>DCGAN：基础通道数。MLP：第一个隐藏层的宽度（每层翻倍）。{lo}–{hi}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DCGAN: convolutional, the better choice for images. MLP: the original fully connected GAN.</source>
            <translation>DCGAN：卷积网络，更适合图像。MLP：最早的全连接 GAN。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DiffAugment (colour, shift, cutout)</source>
            <translation>DiffAugment（颜色、平移、遮挡）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DiffAugment (shift, cutout; colours kept)</source>
            <translation>DiffAugment（平移、遮挡；保留颜色）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>DiffAugment changes every image the discriminator sees, real and generated alike (colour, a small shift, a cut-out square), so it cannot memorise a small folder.</source>
            <translation>DiffAugment 改变判别器看到的每张图像，真实图像和生成图像同样处理（颜色、小幅平移、挖去一个方块），使它无法记住一个小文件夹。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Discriminator LR</source>
            <translation>判别器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Discriminator activation</source>
            <translation>判别器激活函数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Discriminator norm</source>
            <translation>判别器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Discriminator updates per generator update ({lo}–{hi}; WGAN-GP uses 5).</source>
            <translation>生成器每更新一次，判别器更新的次数（{lo}–{hi}；WGAN-GP 用 5）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Discriminator width</source>
            <translation>判别器宽度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Disk budget per run</source>
            <translation>每次运行的磁盘预算</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>EMA decay</source>
            <translation>EMA 衰减率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Exponential moving average of the generator's weights for smoother samples: 0 (off) or {lo}–{hi}, e.g. 0.999.</source>
            <translation>对生成器权重做指数移动平均（EMA），让样本更平滑：0（关闭）或 {lo}–{hi}，例如 0.999。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Fashion-MNIST</source>
            <translation>Fashion-MNIST</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Folder labels</source>
            <translation>文件夹标签</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Folder of my images…</source>
            <translation>我的图像文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Generator LR</source>
            <translation>生成器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Generator norm</source>
            <translation>生成器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Generator upsampling</source>
            <translation>生成器上采样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Generator width</source>
            <translation>生成器宽度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Gradient penalty</source>
            <translation>梯度惩罚</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Grayscale folders only: draw dark strokes on light as light on dark, as MNIST is drawn. Automatic inverts a gray folder whose images are mostly light; colour images are never inverted.</source>
            <translation>仅限灰度文件夹：把浅底深色笔画变为深底浅色笔画，与 MNIST 的画法相同。“自动”会反相大多数图像为浅色的灰度文件夹；彩色图像从不反相。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Held-out count</source>
            <translation>留出数量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Hidden layers</source>
            <translation>隐藏层数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Hinge</source>
            <translation>Hinge 损失</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>How real and fake images are scored.</source>
            <translation>真实图像与生成图像的打分方式。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Image size</source>
            <translation>图像尺寸</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Images per training step ({lo}–{hi}).</source>
            <translation>每个训练步使用的图像数（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Inversion</source>
            <translation>反相</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Invert (light strokes on dark)</source>
            <translation>反相（深底浅色笔画）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>KMNIST</source>
            <translation>KMNIST</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Keep as drawn</source>
            <translation>保持原样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Latent size</source>
            <translation>潜在向量维度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Leaky ReLU</source>
            <translation>Leaky ReLU</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Least squares</source>
            <translation>最小二乘</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Length of the random noise vector the generator starts from ({lo}–{hi}).</source>
            <translation>生成器输入的随机噪声向量的长度（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Loss</source>
            <translation>损失函数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>MLP (fully connected)</source>
            <translation>MLP（全连接）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>MLP only: number of hidden layers ({lo}–{hi}).</source>
            <translation>仅用于 MLP：隐藏层的数量（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>MNIST</source>
            <translation>MNIST</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Most disk one run folder may take, in MB ({lo}–{hi}; 0 = no budget): the run keeps fewer, more widely spaced snapshots (the newest always) and thins its older curve points to stay within it.</source>
            <translation>一个运行文件夹最多占用的磁盘空间，单位 MB（{lo}–{hi}；0 = 不限）：运行会保留更少、间隔更大的快照（始终保留最新的一个），并稀疏较早的曲线点，以不超出此预算。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Nearest-neighbour, then convolution</source>
            <translation>最近邻放大后卷积</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Non-saturating (classic)</source>
            <translation>非饱和（经典）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Number of classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Offline sample (ships with the app)</source>
            <translation>离线样本（随应用附带）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Random seed: the same seed and settings give the same run.</source>
            <translation>随机种子：相同的种子和设置会得到相同的训练结果。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Real images kept aside to measure the generator, not trained on ({lo}–{hi}).</source>
            <translation>留出不参与训练、用于衡量生成器的真实图像数（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Simultaneous (D and G at once)</source>
            <translation>同时（D 与 G 一起）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Snapshot interval</source>
            <translation>快照间隔</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Spectral norm</source>
            <translation>谱归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Spectral norm keeps the discriminator smooth (recommended); WGAN-GP must not use batch norm.</source>
            <translation>谱归一化让判别器保持平滑（推荐）；WGAN-GP 不能使用批归一化。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Step target</source>
            <translation>步数目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Sub-folders are classes</source>
            <translation>子文件夹即类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Tell the networks the class</source>
            <translation>把类别告诉网络</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Threads PyTorch may use on the CPU (0 = every core).</source>
            <translation>PyTorch 在 CPU 上可用的线程数（0 = 全部核心）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Time target</source>
            <translation>时间目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Transposed convolution</source>
            <translation>转置卷积</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Updates</source>
            <translation>更新方式</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Use each sub-folder's name as a class label (needed for conditional models)</source>
            <translation>把每个子文件夹的名称作为类别标签（条件模型需要）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>WGAN-GP only: weight of the gradient penalty ({lo}–{hi}).</source>
            <translation>仅用于 WGAN-GP：梯度惩罚的权重（{lo}–{hi}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Wasserstein + gradient penalty</source>
            <translation>Wasserstein + 梯度惩罚</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Where the training images come from</source>
            <translation>训练图像的来源</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Your own PNG/JPEG/BMP/WebP/GIF/TIFF images; sub-folder names become classes.</source>
            <translation>你自己的 PNG/JPEG/BMP/WebP/GIF/TIFF 图像；子文件夹名即类别。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>augmentation</source>
            <translation>数据增强</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>autosave interval</source>
            <translation>自动保存间隔</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>autosave interval (seconds)</source>
            <translation>自动保存间隔（秒）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>autosave interval (steps)</source>
            <translation>自动保存间隔（步）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>autosave interval in seconds</source>
            <translation>自动保存间隔（秒）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>beta1</source>
            <translation>beta1</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>beta2</source>
            <translation>beta2</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>channels</source>
            <translation>通道数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>classes</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>conditional</source>
            <translation>条件生成</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>depth</source>
            <translation>深度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator LR</source>
            <translation>判别器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator activation</source>
            <translation>判别器激活函数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator learning rate</source>
            <translation>判别器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator norm</source>
            <translation>判别器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator normalisation</source>
            <translation>判别器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator width</source>
            <translation>判别器宽度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>disk budget</source>
            <translation>磁盘预算</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>disk budget per run</source>
            <translation>每次运行的磁盘预算</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>folder labels</source>
            <translation>文件夹标签</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>generator LR</source>
            <translation>生成器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>generator learning rate</source>
            <translation>生成器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>generator norm</source>
            <translation>生成器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>generator upsampling</source>
            <translation>生成器上采样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>generator width</source>
            <translation>生成器宽度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>gradient penalty</source>
            <translation>梯度惩罚</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>gradient-penalty weight</source>
            <translation>梯度惩罚权重</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>held-out count</source>
            <translation>留出数量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>hidden layers</source>
            <translation>隐藏层数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>image size</source>
            <translation>图像尺寸</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>inversion</source>
            <translation>反相</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>latent size</source>
            <translation>潜在向量维度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>loss</source>
            <translation>损失函数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>number of classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>snapshot interval</source>
            <translation>快照间隔</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>step target</source>
            <translation>步数目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>thread count</source>
            <translation>线程数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>time target</source>
            <translation>时间目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>updates</source>
            <translation>更新方式</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>EMA decay must be 0 (off) or between 0.5 and 0.9999</source>
            <translation>EMA 衰减率必须为 0（关闭）或在 0.5 到 0.9999 之间</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>WGAN-GP needs a critic without batch norm (use none or spectral)</source>
            <translation>WGAN-GP 的评论器不能使用批归一化（请选“无”或“谱归一化”）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>channels must be 1 (grayscale) or 3 (RGB)</source>
            <translation>通道数必须为 1（灰度）或 3（RGB）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>choose a folder of images</source>
            <translation>请选择一个图像文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>classes must be integers 0–999</source>
            <translation>类别必须是 0–999 的整数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>device must be 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps'</source>
            <translation>设备必须是 'auto'、'cpu'、'cuda'、'cuda:N' 或 'mps'</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>expected a JSON object</source>
            <translation>应为 JSON 对象</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>image size must be 28, 32, 64 or 128</source>
            <translation>图像尺寸必须为 28、32、64 或 128</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>pick at least one class</source>
            <translation>请至少选择一个类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>simultaneous updates need a discriminator without batch norm (use none or spectral)</source>
            <translation>同时更新需要不含批归一化的判别器（请选择无或谱归一化）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>simultaneous updates take one D step per G step: set D:G steps to 1, or updates to alternating</source>
            <translation>同时更新每个 G 步只做一个 D 步：请将 D:G 步数设为 1，或把更新方式改为交替</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>the MLP GAN is unconditional; use the conditional DCGAN</source>
            <translation>MLP GAN 是无条件的；请使用条件 DCGAN</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>unknown setting</source>
            <translation>未知设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>{label} must be a number</source>
            <translation>{label}必须是数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>{label} must be an integer</source>
            <translation>{label}必须是整数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>{label} must be one of {choices}</source>
            <translation>{label}必须是以下之一：{choices}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/config.py" />
            <source>{label} must be {lo}–{hi} (got {value})</source>
            <translation>{label}必须在 {lo}–{hi} 之间（当前为 {value}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>The class filter was ignored: this folder has no class sub-folders.</source>
            <translation>类别筛选被忽略：这个文件夹没有类别子文件夹。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>{n} colour images in {k} class sub-folders (median {side} px): a conditional model at {size}×{size} RGB.</source>
            <translation>{n} 张彩色图像，分在 {k} 个类别子文件夹中（中位边长 {side} 像素）：以 {size}×{size} RGB 训练条件模型。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>{n} colour images, median {side} px, no class sub-folders: the unconditional “Own images” recipe at {size}×{size} RGB (change it in Architecture and Dataset).</source>
            <translation>{n} 张彩色图像，中位边长 {side} 像素，没有类别子文件夹：以 {size}×{size} RGB 使用无条件的“自己的图像”配方（可在“架构”和“数据集”中更改）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>{n} gray images in {k} class sub-folders (median {side} px): a conditional model at {size}×{size} gray.</source>
            <translation>{n} 张灰度图像，分在 {k} 个类别子文件夹中（中位边长 {side} 像素）：以 {size}×{size} 灰度训练条件模型。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>{n} gray images, median {side} px, no class sub-folders: the unconditional “Own images” recipe at {size}×{size} gray (change it in Architecture and Dataset).</source>
            <translation>{n} 张灰度图像，中位边长 {side} 像素，没有类别子文件夹：以 {size}×{size} 灰度使用无条件的“自己的图像”配方（可在“架构”和“数据集”中更改）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>{n} image(s) directly in {folder} belong to no class folder and were left out.</source>
            <translation>{folder} 中直接存放的 {n} 张图像不属于任何类别文件夹，已被排除。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/folder.py" />
            <source>{n} unreadable file(s) skipped: {files}</source>
            <translation>已跳过 {n} 个无法读取的文件：{files}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source> (classes {classes})</source>
            <translation>（类别 {classes}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source>Offline sample in use ({n} MNIST digits, {per_class} per class); {full}.</source>
            <translation>正在使用离线样本（{n} 个 MNIST 数字，每类 {per_class} 个）；{full}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source>Offline sample — {n} MNIST digits{classes}</source>
            <translation>离线样本 — {n} 个 MNIST 数字{classes}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source>Only {n} held-out images are available (asked for {asked}).</source>
            <translation>只有 {n} 张留出图像可用（要求 {asked} 张）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source>These {title} files differ from the official downloads (a local copy); their structure was checked instead.</source>
            <translation>这些 {title} 文件与官方下载的不同（本地副本）；已改为检查其结构。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source>all of MNIST is already on this computer: choose MNIST as the Source in the Dataset panel (command line: --dataset mnist)</source>
            <translation>完整的 MNIST 已在这台电脑上：在数据集面板中把来源选为 MNIST（命令行：--dataset mnist）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/data/loading.py" />
            <source>download full MNIST in the Dataset panel (command line: gan-studio download mnist)</source>
            <translation>在数据集面板中下载完整的 MNIST（命令行：gan-studio download mnist）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>close to your folder</source>
            <translation>接近你的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>far from your folder</source>
            <translation>与你的文件夹相差很远</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>getting close</source>
            <translation>正在接近</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>noise, one repeated picture or something else your folder does not hold</source>
            <translation>噪声、同一张图重复，或文件夹里没有的东西</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>not yet</source>
            <translation>还没有</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>the samples differ from your images about as much as your images differ among themselves</source>
            <translation>样本与你的图像之间的差别，大致和你的图像彼此之间的差别一样</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>the samples have some of your folder's colours and layout, not yet its shapes</source>
            <translation>样本有了文件夹的部分颜色和布局，但还没有它的形状</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/folder_quality.py" />
            <source>the samples have your folder's look; details, shapes or colours are still off</source>
            <translation>样本已有文件夹的样子；细节、形状或颜色还不对</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/models/budget.py" />
            <source>the generator and discriminator would have {total} parameters (G {g}, D {d})</source>
            <translation>生成器和判别器将共有 {total} 个参数（G {g}，D {d}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/models/budget.py" />
            <source>the generator would have {n} parameters</source>
            <translation>生成器将有 {n} 个参数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/models/budget.py" />
            <source>{what}, more than the {limit} this app allows; lower {field}{hint}</source>
            <translation>{what}，超过了本应用允许的 {limit} 个；请调低 {field}{hint}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>A folder named {name} already exists; choose another name</source>
            <translation>名为 {name} 的文件夹已存在；请换一个名字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>A run's name can have at most {n} characters</source>
            <translation>运行名称最多 {n} 个字符</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>A run's name cannot contain {chars}; use letters, digits, spaces, - or _</source>
            <translation>运行名称不能包含 {chars}；请使用字母、数字、空格、- 或 _</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>A run's name cannot end with a dot</source>
            <translation>运行名称不能以点结尾</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>A run's name cannot start with a dot (such folders are hidden)</source>
            <translation>运行名称不能以点开头（这样的文件夹会被隐藏）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>Could not rename the run: {why}</source>
            <translation>无法重命名运行：{why}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>The run {name} is no longer there</source>
            <translation>运行 {name} 已不在原处</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>Type a name for the run</source>
            <translation>请输入运行的名称</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>{name} could not be deleted completely: {why}</source>
            <translation>{name} 未能完全删除：{why}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>{name} is a name Windows reserves for a device; choose another</source>
            <translation>{name} 是 Windows 保留给设备的名称；请换一个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>{name} is being trained by {who}; it was not deleted</source>
            <translation>{name} 正由 {who} 训练；未删除</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>{name} is being trained by {who}; stop it before renaming it</source>
            <translation>{name} 正由 {who} 训练；请先停止再重命名</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>{name} is not a GAN Studio run (no run.json)</source>
            <translation>{name} 不是 GAN Studio 运行（没有 run.json）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/run_folders/library.py" />
            <source>{name} is not a run in the runs folder; it was left alone</source>
            <translation>{name} 不是运行文件夹中的运行；未作改动</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/setup.py" />
            <source>must be text</source>
            <translation>必须是文本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/setup.py" />
            <source>unknown field</source>
            <translation>未知字段</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/device.py" />
            <source>CPU ({n} threads)</source>
            <translation>CPU（{n} 个线程）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Blobs and strokes where digits sit, but no readable digits yet.</source>
            <translation>在数字应在的位置出现了团块和笔画，但还没有可辨认的数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Digits appear, with broken or smudged strokes.</source>
            <translation>数字已经出现，但笔画断裂或模糊。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Every digit is readable; strokes still a little rough.</source>
            <translation>每个数字都可辨认；笔画还略显粗糙。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>For {seconds} s of training D has called real digits real (D(x) ≈ {real}) and generated ones fake (D(G(z)) ≈ {fake}), so the generator learns almost nothing from it.</source>
            <translation>在 {seconds} 秒的训练中，D 一直把真实数字判为真（D(x) ≈ {real}），把生成的数字判为假（D(G(z)) ≈ {fake}），因此生成器几乎学不到任何东西。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Hard to tell from real handwriting; the score rises only slowly now.</source>
            <translation>已很难与真实笔迹区分；分数现在只会缓慢上升。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Mode collapse</source>
            <translation>模式崩溃</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Nothing like a digit yet: grey noise or one grey blob.</source>
            <translation>还完全不像数字：灰色噪声或一团灰色污迹。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>The discriminator wins</source>
            <translation>判别器胜出</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>The generator is collapsing: {what}.</source>
            <translation>生成器正在发生模式崩溃：{what}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>The samples vary only {percent} % as much as the training images do: the generator draws nearly the same picture for every input.</source>
            <translation>样本的差异只有训练图像的 {percent}%：生成器对每个输入几乎画出同一张图。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Training diverged</source>
            <translation>训练发散</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Try: go back to a snapshot from before it started and train on with a calmer recipe (hinge loss, Adam β1 0.5), or use a preset whose generator normalises its layers (Classic MLP GAN — fixed, Quick digits); a conditional generator covers every class by construction.</source>
            <translation>可以试试：回到它开始之前的快照，用更温和的配方继续训练（hinge 损失，Adam β1 0.5），或者使用生成器对各层做归一化的预设（经典 MLP GAN — 修正版、快速数字）；条件生成器天生覆盖每个类别。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Try: halve the discriminator's learning rate, keep D:G steps at 1, or use a preset whose discriminator is held back (spectral norm: Quick digits, Classic MLP GAN — fixed).</source>
            <translation>可以试试：把判别器的学习率减半，保持 D:G 步数为 1，或者使用判别器受到约束的预设（谱归一化：快速数字、经典 MLP GAN — 修正版）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>Try: wait a little (a small folder's run may recover by itself), roll back to a snapshot from before it, lower both learning rates, or turn on Augmentation (DiffAugment) in Advanced.</source>
            <translation>可尝试：稍等片刻（小文件夹的训练可能自行恢复）、回退到此前的快照、降低两个学习率，或在“高级”中打开数据增强（DiffAugment）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>digits, blotchy</source>
            <translation>有数字，但模糊</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>good digits</source>
            <translation>数字清晰</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>grey noise</source>
            <translation>灰色噪声</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>it drew {best} digit classes earlier and only {now} now</source>
            <translation>它之前能画出 {best} 个数字类别，现在只剩 {now} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>near real</source>
            <translation>接近真实</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>shapes</source>
            <translation>有形状</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/diagnostics.py" />
            <source>the samples are nearly all the same image: they vary {percent} % as much as real digits</source>
            <translation>样本几乎都是同一张图像：它们的多样性只有真实数字的 {percent} %</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>The training process ended unexpectedly (exit code {code}).</source>
            <translation>训练进程意外结束（退出码 {code}）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>The training process ended unexpectedly: {why}.</source>
            <translation>训练进程意外结束：{why}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>The training process stopped responding.</source>
            <translation>训练进程停止响应。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>it aborted</source>
            <translation>它中止了</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>it crashed inside a native library</source>
            <translation>它在原生库中崩溃了</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>it received {name}</source>
            <translation>它收到了 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>it was asked to terminate</source>
            <translation>它被要求终止</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process.py" />
            <source>it was killed (by the system when memory ran out, or by another program)</source>
            <translation>它被终止了（内存耗尽时被系统终止，或被其他程序终止）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Applied {changes}</source>
            <translation>已应用 {changes}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Branching from {name} at step {step}…</source>
            <translation>正在从 {name} 的第 {step} 步分支…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Building the networks…</source>
            <translation>正在构建网络…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Loading dataset…</source>
            <translation>正在加载数据集…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Loading run {name}…</source>
            <translation>正在加载运行 {name}…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Reached the target of {n} steps</source>
            <translation>已达到 {n} 步的目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/process_child.py" />
            <source>Reached the time target at step {step}</source>
            <translation>在第 {step} 步达到时间目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/session.py" />
            <source>the quality meter is off: {error}</source>
            <translation>质量评估已关闭：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/snapshots.py" />
            <source>Branched from {name} at step {step} (no changes)</source>
            <translation>从 {name} 的第 {step} 步分支（无改动）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/snapshots.py" />
            <source>Branched from {name} at step {step}: {changes}</source>
            <translation>从 {name} 的第 {step} 步分支：{changes}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/snapshots.py" />
            <source>New networks after {name} (step {step}): {changes}</source>
            <translation>在 {name}（第 {step} 步）之后新建的网络：{changes}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/trainer.py" />
            <source>Training diverged: {metrics} became infinite or not-a-number at step {step}. This usually means the learning rates are too high for this loss. Try halving both learning rates, switching to the non-saturating loss, or enabling spectral norm in the discriminator, then resume from the last save.</source>
            <translation>训练发散：{metrics} 在第 {step} 步变成了无穷大或非数（NaN）。这通常说明对这种损失而言学习率太高。可以尝试把两个学习率都减半、换用非饱和损失，或在判别器中启用谱归一化，然后从上次保存处继续。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core/training/trainer.py" />
            <source>Training diverged: {metrics} exploded past {limit} at step {step}. This usually means the learning rates are too high for this loss. Try halving both learning rates, switching to the non-saturating loss, or enabling spectral norm in the discriminator, then resume from the last save.</source>
            <translation>训练发散：{metrics} 在第 {step} 步爆炸式增长，超过了 {limit}。这通常说明对这种损失而言学习率太高。可以尝试把两个学习率都减半、换用非饱和损失，或在判别器中启用谱归一化，然后从上次保存处继续。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conditional-dcgan.json" />
            <source>A DCGAN that receives the digit label: the generator gets it beside the noise, the discriminator through a projection head (Miyato &amp; Koyama, 2018). You choose which digit to generate, and every class is covered by construction.</source>
            <translation>会接收数字标签的 DCGAN：生成器把标签和噪声一起作为输入，判别器通过投影头（Miyato &amp; Koyama，2018）使用标签。你可以选择生成哪个数字，而且从结构上保证覆盖每一个类别。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conditional-dcgan.json" />
            <source>Conditional DCGAN</source>
            <translation>条件 DCGAN</translation>
        </message>
        <message>
            <location filename="../../resources/presets/dcgan.json" />
            <source>DCGAN</source>
            <translation>DCGAN</translation>
        </message>
        <message>
            <location filename="../../resources/presets/dcgan.json" />
            <source>The deep convolutional GAN of Radford et al. (2015), sized for 28×28 digits: transposed convolutions with batch norm in the generator, strided convolutions with spectral norm in the discriminator. Unconditional: it decides by itself which digit to draw, so watch the class coverage.</source>
            <translation>Radford 等人（2015）提出的深度卷积 GAN，尺寸按 28×28 的数字设计：生成器使用带批归一化的转置卷积，判别器使用带谱归一化的步幅卷积。无条件：它自己决定画哪个数字，所以请留意类别覆盖率。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/own-images.json" />
            <source>For a folder of your own images without class sub-folders: a light convolutional GAN (under a tenth of DCGAN's parameters at 64 px; its generator enlarges by nearest neighbour and a convolution, with no checkerboard patterns) that learns from a few hundred images in minutes on a laptop CPU. DiffAugment changes every image the discriminator sees, real and generated alike (a small shift and a cut-out square; no colour change, so the colours stay the folder's), so it cannot memorise a small folder and the generator keeps varying; batches of 32 with brisk learning rates, the hinge loss with spectral norm, simultaneous updates on two cores and an average of the generator's weights, as in Quick digits. Unconditional: it draws whatever the folder holds.</source>
            <translation>适用于没有类别子文件夹的自己的图像文件夹：一个轻量卷积 GAN（64 像素时不到 DCGAN 参数量的十分之一；生成器用最近邻放大加卷积，不会出现棋盘格纹理），在笔记本 CPU 上几分钟内就能从几百张图像中学习。DiffAugment 改变判别器看到的每张图像，真实图像和生成图像同样处理（小幅平移、挖去一个方块；不改变颜色，所以颜色保持文件夹原样），使它无法记住小文件夹，生成器也保持多样；与“快速数字”一样使用每批 32 张和较高的学习率、带谱归一化的 hinge 损失、在两个核心上同时更新，以及生成器权重的滑动平均。无条件：它画出文件夹里的任何内容。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/own-images.json" />
            <source>Own images (unconditional, small folders)</source>
            <translation>自己的图像（无条件，小文件夹）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/quick-digits.json" />
            <source>Quick digits (conditional DCGAN)</source>
            <translation>快速数字（条件 DCGAN）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/quick-digits.json" />
            <source>The default. A compact conditional DCGAN tuned for a laptop CPU: it is told which digit to draw, so every class appears; very small batches (16) with brisk learning rates and no Adam momentum make many quick updates per second, the hinge loss with spectral norm keeps the discriminator in check, and an exponential moving average of the generator smooths the samples. The discriminator and the generator learn simultaneously, from the same moment, so the two halves of every step run on two CPU cores at once (almost twice the steps of alternating updates). Clean digits of all ten classes within a minute on two cores.</source>
            <translation>默认预设。一个为笔记本 CPU 调好的小型条件 DCGAN：它被告知要画哪个数字，所以每个类别都会出现；很小的批量（16）配合较高的学习率、并去掉 Adam 动量，每秒能做很多次快速更新；hinge 损失加谱归一化让判别器不至于过强；对生成器做指数移动平均（EMA）让样本更平滑。判别器和生成器同时学习、从同一时刻出发，因此每一步的两半在两个 CPU 核心上同时运行（步数几乎是交替更新的两倍）。在双核 CPU 上一分钟之内就能得到全部十个类别的清晰数字。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp-fixed.json" />
            <source>Classic MLP GAN — fixed</source>
            <translation>经典 MLP GAN — 修正版</translation>
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp-fixed.json" />
            <source>The seed's network with the same layer sizes and latent size (100 → 128 → 256 → 512 → 784, 784 → 512 → 256 → 128 → 1), trained with a recipe that works: batch norm in the generator keeps each layer's activations on a steady scale so it cannot pile all its noise onto one output; LeakyReLU in the discriminator passes a gradient for every input, so the generator always learns which way to move; Adam with low momentum (β1 = 0.5) follows the moving target instead of overshooting it; the hinge loss with brisk learning rates (5e-4) and small batches (32) makes many useful updates per second; and an average of the generator's recent weights (EMA) smooths the samples. Unconditional: it decides by itself which digit to draw. Measured: all ten digit classes within 90 seconds of training on one core, clearly readable digits by 3 minutes. Compare with "Classic MLP GAN — the seed as written".</source>
            <translation>与种子文档相同的网络，层大小和潜在向量维度都不变（100 → 128 → 256 → 512 → 784，784 → 512 → 256 → 128 → 1），但换成了行之有效的训练配方：生成器中的批归一化让每一层的激活保持稳定的尺度，使它无法把所有噪声都堆到同一个输出上；判别器中的 LeakyReLU 对每个输入都能传回梯度，生成器因此总能知道该往哪个方向调整；低动量的 Adam（β1 = 0.5）能跟上不断移动的目标，而不会冲过头；hinge 损失配合较高的学习率（5e-4）和小批量（32），每秒能做很多次有效更新；对生成器近期权重求平均（EMA）让样本更平滑。无条件：它自己决定画哪个数字。实测：单核训练 90 秒内出现全部十个数字类别，3 分钟时数字已清晰可读。可与“经典 MLP GAN — 种子原版”对比。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp.json" />
            <source>Classic MLP GAN — the seed as written</source>
            <translation>经典 MLP GAN — 种子原版</translation>
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp.json" />
            <source>The fully connected GAN of Goodfellow et al. (2014) exactly as our seed document writes it: generator 100 → 128 → 256 → 512 → 784 with ReLU and tanh, discriminator 784 → 512 → 256 → 128 → 1 with ReLU, no normalisation, Adam at 1e-4 with the usual momentum (β1 = 0.9), non-saturating loss computed from logits. Kept as a lesson, because it fails: within a minute every sample becomes the same speckled grey blob and it stays there (measured: 0 of 10 digit classes after 3 minutes). Why: the generator's activations drift freely from layer to layer, so it finds one output that fools the discriminator for a moment and piles all its noise onto it; Adam's high momentum keeps pushing in stale directions while the two networks chase each other; and ReLU in the discriminator gives no gradient for negative inputs, so the generator is told little about how to move. The preset "Classic MLP GAN — fixed" keeps the same layer sizes and changes only the recipe.</source>
            <translation>Goodfellow 等人（2014）的全连接 GAN，完全按照我们的种子文档实现：生成器 100 → 128 → 256 → 512 → 784，使用 ReLU 和 tanh；判别器 784 → 512 → 256 → 128 → 1，使用 ReLU；没有归一化；Adam 学习率 1e-4，动量取常用值（β1 = 0.9）；由 logits 计算非饱和损失。保留它是作为一堂课，因为它会失败：不到一分钟，所有样本都变成同一团带斑点的灰色污迹，并一直停在那里（实测：3 分钟后 10 个数字类别一个都没有）。原因：生成器的激活在层与层之间随意漂移，于是它找到一个能暂时骗过判别器的输出，把所有噪声都堆到这个输出上；两个网络互相追逐时，Adam 的高动量还在沿着过时的方向推进；判别器中的 ReLU 对负输入没有梯度，生成器几乎得不到该如何调整的信息。预设“经典 MLP GAN — 修正版”保留相同的层大小，只改变训练配方。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/wgan-gp.json" />
            <source>WGAN-GP</source>
            <translation>WGAN-GP</translation>
        </message>
        <message>
            <location filename="../../resources/presets/wgan-gp.json" />
            <source>Wasserstein GAN with gradient penalty (Gulrajani et al., 2017). The critic scores realism instead of classifying, is updated five times per generator step and is kept 1-Lipschitz by a gradient penalty. Slower per step, very stable, and its critic loss tracks sample quality.</source>
            <translation>带梯度惩罚的 Wasserstein GAN（Gulrajani 等人，2017）。评论器（critic）给图像的真实程度打分而不是做分类，生成器每更新一步它更新五次，并通过梯度惩罚保持 1-Lipschitz。每步更慢，但非常稳定，而且评论器的损失能反映样本质量。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{title}&lt;/b&gt; (step {step:,}): {text} {advice}</source>
            <translation type="vanished">&lt;b&gt;{title}&lt;/b&gt;（第 {step:,} 步）：{text} {advice}</translation>
        </message>
        <message>
            <source>A branch names its parent run, so the run needs a folder of its own first. Save it now?</source>
            <translation type="vanished">分支会记录它的父运行，所以这个运行需要先有自己的文件夹。现在保存吗？</translation>
        </message>
        <message>
            <source>Adam learning rate of the generator, e.g. 2e-4 (1e-7–1). Can be changed while training.</source>
            <translation type="vanished">生成器的 Adam 学习率，例如 2e-4（1e-7–1）。训练中可以修改。</translation>
        </message>
        <message>
            <source>Adam momentum (0–0.999); GANs usually use 0.5. Can be changed while training.</source>
            <translation type="vanished">Adam 动量（0–0.999）；GAN 通常用 0.5。训练中可以修改。</translation>
        </message>
        <message>
            <source>Adam second-moment decay (0–0.99999). Can be changed while training.</source>
            <translation type="vanished">Adam 二阶矩衰减率（0–0.99999）。训练中可以修改。</translation>
        </message>
        <message>
            <source>Alternating: D learns, then G learns against the updated D. Simultaneous: both learn from the same moment, so the two halves of a step run on two CPU cores at once (needs D:G steps 1 and no batch norm in D). Can be changed while training.</source>
            <translation type="vanished">交替：D 先学习，然后 G 针对更新后的 D 学习。同时：两者从同一时刻出发学习，因此一步的两半可在两个 CPU 核心上同时运行（需要 D:G 步数为 1，且 D 中没有批归一化）。训练中可更改。</translation>
        </message>
        <message>
            <source>Black (as generated)</source>
            <translation type="vanished">黑色（与生成时相同）</translation>
        </message>
        <message>
            <source>Can be changed while training.</source>
            <translation type="vanished">训练中可以修改。</translation>
        </message>
        <message>
            <source>Capacity of the discriminator, like the generator width (4–2048).</source>
            <translation type="vanished">判别器的容量，含义同生成器宽度（4–2048）。</translation>
        </message>
        <message>
            <source>DCGAN: base number of channels. MLP: first hidden layer width (doubles per layer). 4–2048.</source>
            <translation type="vanished">DCGAN：基础通道数。MLP：第一个隐藏层的宽度（每层翻倍）。4–2048。</translation>
        </message>
        <message>
            <source>Discriminator updates per generator update (1–20; WGAN-GP uses 5). Can be changed while training.</source>
            <translation type="vanished">生成器每更新一次，判别器更新的次数（1–20；WGAN-GP 用 5）。训练中可以修改。</translation>
        </message>
        <message>
            <source>Exponential moving average of the generator's weights for smoother samples: 0 (off) or 0.5–0.9999, e.g. 0.999.</source>
            <translation type="vanished">对生成器权重做指数移动平均（EMA），让样本更平滑：0（关闭）或 0.5–0.9999，例如 0.999。</translation>
        </message>
        <message>
            <source>Favourites could not be read: {error}</source>
            <translation type="vanished">无法读取收藏：{error}</translation>
        </message>
        <message>
            <source>For a folder of your own images without class sub-folders: a light convolutional GAN (under a tenth of DCGAN's parameters at 64 px; its generator enlarges by nearest neighbour and a convolution, with no checkerboard patterns) that learns from a few hundred images in minutes on a laptop CPU. DiffAugment changes every image the discriminator sees, real and generated alike (colour, a small shift, a cut-out square), so it cannot memorise a small folder and the generator keeps varying; small batches with brisk learning rates, the hinge loss with spectral norm, simultaneous updates on two cores and an average of the generator's weights, as in Quick digits. Unconditional: it draws whatever the folder holds.</source>
            <translation type="vanished">适用于没有类别子文件夹的自己的图像文件夹：一个轻量卷积 GAN（64 像素时不到 DCGAN 参数量的十分之一；生成器用最近邻放大加卷积，不会出现棋盘格纹理），在笔记本 CPU 上几分钟内就能从几百张图像中学习。DiffAugment 改变判别器看到的每张图像，真实图像和生成图像同样处理（颜色、小幅平移、挖去一个方块），使它无法记住小文件夹，生成器也保持多样；与“快速数字”一样使用小批量和较高的学习率、带谱归一化的 hinge 损失、在两个核心上同时更新，以及生成器权重的滑动平均。无条件：它画出文件夹里的任何内容。</translation>
        </message>
        <message>
            <source>Generator (*.safetensors)</source>
            <translation type="vanished">生成器 (*.safetensors)</translation>
        </message>
        <message>
            <source>How real and fake images are scored. Can be changed while training.</source>
            <translation type="vanished">真实图像与生成图像的打分方式。训练中可以修改。</translation>
        </message>
        <message>
            <source>Images per training step (1–4096).</source>
            <translation type="vanished">每个训练步使用的图像数（1–4096）。</translation>
        </message>
        <message>
            <source>Length of the random noise vector the generator starts from (1–1024).</source>
            <translation type="vanished">生成器输入的随机噪声向量的长度（1–1024）。</translation>
        </message>
        <message>
            <source>MLP only: number of hidden layers (1–6).</source>
            <translation type="vanished">仅用于 MLP：隐藏层的数量（1–6）。</translation>
        </message>
        <message>
            <source>Most disk one run folder may take, in MB ({lo}–{hi}; 0 = no budget): the run keeps fewer, more widely spaced snapshots to stay within it (at least two are kept).</source>
            <translation type="vanished">一个运行文件夹最多占用的磁盘空间，单位 MB（{lo}–{hi}；0 = 不限）：运行会保留更少、间隔更大的快照以不超出此预算（至少保留两个）。</translation>
        </message>
        <message>
            <source>Preparing… (loading PyTorch and the window)</source>
            <translation type="vanished">正在准备…（加载 PyTorch 和窗口）</translation>
        </message>
        <message>
            <source>Sample, star, compare and export digits</source>
            <translation type="vanished">采样、收藏、比较和导出数字</translation>
        </message>
        <message>
            <source>Save the run first</source>
            <translation type="vanished">请先保存运行</translation>
        </message>
        <message>
            <source>The default. A compact conditional DCGAN tuned for a laptop CPU: it is told which digit to draw, so every class appears, small batches with brisk learning rates make many updates per second, the hinge loss learns faster than the classic one here, and an exponential moving average of the generator smooths the samples. Recognisable digits of all ten classes in about a minute on two cores.</source>
            <translation type="vanished">默认预设。一个为笔记本 CPU 调好的小型条件 DCGAN：它被告知要画哪个数字，所以每个类别都会出现；小批量配合较高的学习率，每秒能做很多次更新；在这里 hinge 损失比经典损失学得更快；对生成器做指数移动平均（EMA）让样本更平滑。在双核 CPU 上大约一分钟就能得到全部十个类别、可辨认的数字。</translation>
        </message>
        <message>
            <source>The default. A compact conditional DCGAN tuned for a laptop CPU: it is told which digit to draw, so every class appears; very small batches (16) with brisk learning rates and no Adam momentum make many quick updates per second, the hinge loss with spectral norm keeps the discriminator in check, and an exponential moving average of the generator smooths the samples. Clean digits of all ten classes in about a minute on two cores.</source>
            <translation type="vanished">默认预设。一个为笔记本 CPU 调好的小型条件 DCGAN：它被告知要画哪个数字，所以每个类别都会出现；很小的批量（16）配合较高的学习率、并去掉 Adam 动量，每秒能做很多次快速更新；hinge 损失加谱归一化让判别器不至于过强；对生成器做指数移动平均（EMA）让样本更平滑。在双核 CPU 上大约一分钟就能得到全部十个类别的清晰数字。</translation>
        </message>
        <message>
            <source>The recipe of lesson 2 with five discriminator updates for every generator update. Watch D(x) and D(G(z)) move apart: a stronger discriminator tells real from fake more surely, and each step takes several times as long. WGAN-GP needs a critic trained this much; for the hinge loss it mostly slows the generator down. Change D:G steps while it trains (it applies live) and compare.</source>
            <translation type="vanished">沿用第 2 课的配方，但生成器每更新一次，判别器更新五次。观察 D(x) 和 D(G(z)) 逐渐拉开：更强的判别器能更确定地分辨真假，而每一步要花几倍的时间。WGAN-GP 需要这样多训练评论器；对 hinge 损失来说，这主要是拖慢了生成器。在训练时修改“D:G 步数比”（立即生效）并比较效果。</translation>
        </message>
        <message>
            <source>The same layer sizes as the seed, with batch norm in the generator, LeakyReLU in the discriminator, Adam with β1 = 0.5 and the hinge loss. Watch the grid turn from grey noise into strokes and then into digits of several classes within a few minutes, while D(x) and D(G(z)) stay apart but neither reaches 0 or 1: neither network wins outright. The formulas switch to the hinge loss that this preset uses.</source>
            <translation type="vanished">与种子相同的层大小，但生成器使用批归一化，判别器使用 LeakyReLU，Adam 的 β1 = 0.5，并采用 hinge 损失。观察网格在几分钟内从灰色噪声变成笔画，再变成多个类别的数字；同时 D(x) 和 D(G(z)) 保持分开，但都不会到达 0 或 1：哪个网络都没有彻底获胜。公式会切换为这个预设所用的 hinge 损失。</translation>
        </message>
        <message>
            <source>This is the seed's MLP GAN exactly as written. Press Train and watch the sample grid: within about a minute every sample turns into the same grey blob and stays that way. That is mode collapse: the generator found one image that fools the discriminator for a moment and sends all its noise there. In the formulas, D(x) climbs towards 1 and D(G(z)) falls towards 0, so −log(1 − D(G(z))) shrinks to almost nothing while the generator's term −log D(G(z)) grows: the discriminator has won, and the generator learns little from it. Then load the next lesson, which keeps the same layers.</source>
            <translation type="vanished">这是完全按种子文档实现的 MLP GAN。按“训练”并观察样本网格：大约一分钟内，每个样本都会变成同一团灰色污迹，并一直保持这样。这就是模式崩溃：生成器找到了一张能暂时骗过判别器的图像，把所有噪声都映射到那里。在公式中，D(x) 升向 1，D(G(z)) 降向 0，于是 −log(1 − D(G(z))) 几乎缩小为零，而生成器的项 −log D(G(z)) 不断增大：判别器赢了，生成器从中学不到多少东西。接着加载下一节课，它保留相同的网络层。</translation>
        </message>
        <message>
            <source>This is the seed's MLP GAN exactly as written. Press Train and watch the sample grid: within about a minute every sample turns into the same grey blob, and for minutes it hardly changes (left running it crawls out very slowly: 5 of the 10 digits after 9 minutes in one test). That is mode collapse: the generator found one image that fools the discriminator for a moment and sends all its noise there. In the formulas, D(x) climbs towards 1 and D(G(z)) falls towards 0, so −log(1 − D(G(z))) shrinks to almost nothing while the generator's term −log D(G(z)) grows: the discriminator has won, and the generator learns little from it. After about a minute a "Mode collapse" warning appears: its button goes back to a snapshot from before the collapse and trains on with a calmer recipe (the changes are filled in for you; press Branch and train). That often, not always, brings digits back within a few minutes: the network itself stays the same. Then load the next lesson, which keeps the same layer sizes and changes the recipe and the normalisation from the start.</source>
            <translation type="vanished">这是种子文档中原样的 MLP GAN。按“训练”并观察样本网格：大约一分钟内每个样本都变成同一团灰色斑块，之后几分钟几乎不变（一直运行下去它会非常缓慢地恢复：在一次测试中 9 分钟后出现 10 个数字中的 5 个）。这就是模式崩溃：生成器找到了一张能暂时骗过判别器的图像，并把所有噪声都送到那里。在公式中，D(x) 趋向 1，D(G(z)) 趋向 0，因此 −log(1 − D(G(z))) 几乎缩小为零，而生成器的项 −log D(G(z)) 增大：判别器赢了，生成器从中学到的很少。大约一分钟后会出现“模式崩溃”警告：它的按钮回到崩溃之前的快照，并用更温和的配方继续训练（修改已为你填好；按“分支并训练”）。这常常（但并非总是）能在几分钟内让数字重新出现：网络本身没有改变。然后加载下一课，它保留相同的层大小，从一开始就换了配方和归一化。</translation>
        </message>
        <message>
            <source>Transparent</source>
            <translation type="vanished">透明</translation>
        </message>
        <message>
            <source>Try: branch from a snapshot before it started with lower learning rates (Adam β1 0.5), or use a recipe with batch norm in G and spectral norm in D (seed-mlp-fixed, quick-digits); a conditional generator covers every class by construction.</source>
            <translation type="vanished">可以尝试：从崩溃开始之前的快照分支，并降低学习率（Adam β1 设为 0.5）；或使用 G 中有批归一化、D 中有谱归一化的配方（seed-mlp-fixed、quick-digits）；条件生成器从结构上就能覆盖每一个类别。</translation>
        </message>
        <message>
            <source>Try: halve the discriminator's learning rate, keep D:G steps at 1, or use a recipe with spectral norm in D (the quick-digits or seed-mlp-fixed presets).</source>
            <translation type="vanished">可以尝试：把判别器的学习率减半，保持 D:G 步数比为 1，或使用 D 中有谱归一化的配方（quick-digits 或 seed-mlp-fixed 预设）。</translation>
        </message>
        <message>
            <source>WGAN-GP only: weight of the gradient penalty (0–1000).</source>
            <translation type="vanished">仅用于 WGAN-GP：梯度惩罚的权重（0–1000）。</translation>
        </message>
        <message>
            <source>White (inverted)</source>
            <translation type="vanished">白色（反色）</translation>
        </message>
        <message>
            <source>download full MNIST with `gan-studio download mnist` or the Dataset panel</source>
            <translation type="vanished">可用 `gan-studio download mnist` 或在数据集面板中下载完整的 MNIST</translation>
        </message>
        <message>
            <source>image size must be 28, 32 or 64</source>
            <translation type="vanished">图像尺寸必须为 28、32 或 64</translation>
        </message>
        <message>
            <source>the quality meter scores handwritten digits only (MNIST or the offline sample)</source>
            <translation type="vanished">质量评估只能给手写数字打分（MNIST 或离线样本）</translation>
        </message>
    </context>
</TS>
