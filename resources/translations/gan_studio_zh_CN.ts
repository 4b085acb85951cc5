<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>GanStudio</name>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>0 = off</source>
            <translation>0 = 关闭</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>A conditional GAN is given the class label, so you can ask for a specific digit.</source>
            <translation>条件 GAN 会得到类别标签，因此可以指定要生成哪个数字。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>A curated starting point; every field below can still be changed</source>
            <translation>精选的起点；下面每一项仍可修改</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Adam learning rate of the discriminator, e.g. 2e-4 (1e-7–1). Can be changed while training.</source>
            <translation>判别器的 Adam 学习率，例如 2e-4（1e-7–1）。训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Adam learning rate of the generator, e.g. 2e-4 (1e-7–1). Can be changed while training.</source>
            <translation>生成器的 Adam 学习率，例如 2e-4（1e-7–1）。训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Adam momentum (0–0.999); GANs usually use 0.5. Can be changed while training.</source>
            <translation>Adam 动量（0–0.999）；GAN 通常用 0.5。训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Adam second-moment decay (0–0.99999). Can be changed while training.</source>
            <translation>Adam 二阶矩衰减率（0–0.99999）。训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/core" />
            <source>Adam β1</source>
            <translation>Adam β1</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/core" />
            <source>Adam β2</source>
            <translation>Adam β2</translation>
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
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Auto picks the fastest device found (CUDA, then Apple MPS, then the CPU).</source>
            <translation>“自动”会选用找到的最快设备（依次为 CUDA、Apple MPS、CPU）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Auto — {device}</source>
            <translation>自动 — {device}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Batch norm</source>
            <translation>批归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Batch norm in the generator</source>
            <translation>生成器使用批归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Batch normalisation between generator layers; usually stabilises DCGAN training.</source>
            <translation>在生成器各层之间做批归一化；通常能让 DCGAN 训练更稳定。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/core" />
            <source>CPU threads</source>
            <translation>CPU 线程数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Capacity of the discriminator, like the generator width (4–2048).</source>
            <translation>判别器的容量，含义同生成器宽度（4–2048）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Choose a preset above to start over.</source>
            <translation>在上方选择一个预设可重新开始。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Compute on</source>
            <translation>计算设备</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Conditional</source>
            <translation>条件生成</translation>
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
            <location filename="../../gan_studio/core" />
            <source>D:G steps</source>
            <translation>D:G 步数比</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>DCGAN (convolutional)</source>
            <translation>DCGAN（卷积）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>DCGAN: base number of channels. MLP: first hidden layer width (doubles per layer). 4–2048.</source>
            <translation>DCGAN：基础通道数。MLP：第一个隐藏层的宽度（每层翻倍）。4–2048。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>DCGAN: convolutional, the better choice for images. MLP: the original fully connected GAN.</source>
            <translation>DCGAN：卷积网络，更适合图像。MLP：最早的全连接 GAN。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/app/dialogs.py" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Discriminator LR</source>
            <translation>判别器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Discriminator norm</source>
            <translation>判别器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Discriminator updates per generator update (1–20; WGAN-GP uses 5). Can be changed while training.</source>
            <translation>生成器每更新一次，判别器更新的次数（1–20；WGAN-GP 用 5）。训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Discriminator width</source>
            <translation>判别器宽度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <location filename="../../gan_studio/core" />
            <source>EMA decay</source>
            <translation>EMA 衰减率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Exponential moving average of the generator's weights for smoother samples: 0 (off) or 0.5–0.9999, e.g. 0.999.</source>
            <translation>对生成器权重做指数移动平均（EMA），让样本更平滑：0（关闭）或 0.5–0.9999，例如 0.999。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>G {g} · D {d} parameters</source>
            <translation>G {g} · D {d} 个参数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Generator LR</source>
            <translation>生成器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Generator norm</source>
            <translation>生成器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Generator width</source>
            <translation>生成器宽度</translation>
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
            <source>Gradient penalty</source>
            <translation>梯度惩罚</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Hidden layers</source>
            <translation>隐藏层数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>How real and fake images are scored. Can be changed while training.</source>
            <translation>真实图像与生成图像的打分方式。训练中可以修改。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Images per training step (1–4096).</source>
            <translation>每个训练步使用的图像数（1–4096）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Latent size</source>
            <translation>潜在向量维度</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Length of the random noise vector the generator starts from (1–1024).</source>
            <translation>生成器输入的随机噪声向量的长度（1–1024）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Loss</source>
            <translation>损失函数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>MLP (fully connected)</source>
            <translation>MLP（全连接）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>MLP only: number of hidden layers (1–6).</source>
            <translation>仅用于 MLP：隐藏层的数量（1–6）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Optimisation</source>
            <translation>优化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Parameters: fix the fields marked in red</source>
            <translation>参数量：请先修正标红的字段</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Random seed: the same seed and settings give the same run.</source>
            <translation>随机种子：相同的种子和设置会得到相同的训练结果。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Spectral norm</source>
            <translation>谱归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Spectral norm keeps the discriminator smooth (recommended); WGAN-GP must not use batch norm.</source>
            <translation>谱归一化让判别器保持平滑（推荐）；WGAN-GP 不能使用批归一化。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Tell the networks the class</source>
            <translation>把类别告诉网络</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>Threads PyTorch may use on the CPU (0 = every core).</source>
            <translation>PyTorch 在 CPU 上可用的线程数（0 = 全部核心）。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>WGAN-GP only: weight of the gradient penalty (0–1000).</source>
            <translation>仅用于 WGAN-GP：梯度惩罚的权重（0–1000）。</translation>
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
            <source>discriminator learning rate</source>
            <translation>判别器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>enter the {label}</source>
            <translation>请输入{label}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>generator learning rate</source>
            <translation>生成器学习率</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>gradient-penalty weight</source>
            <translation>梯度惩罚权重</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>{device} (not available here)</source>
            <translation>{device}（本机不可用）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/architecture_panel.py" />
            <source>{label} must be a number, e.g. {example}</source>
            <translation>{label}必须是数字，例如 {example}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/banner.py" />
            <source>Hide this message</source>
            <translation>隐藏此消息</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>&lt;b&gt;Runs&lt;/b&gt; (tick 2–6)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Add a run folder from anywhere (a colleague's, a server's) to the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Add a run folder to compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Add run folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>At most {n} runs can be compared at once; untick one first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Compare by training step, or by seconds of training (a faster run gets further in the same time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Compare runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Curves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>D(x) solid, D(G(z)) dashed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Grid of step {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Loss — D solid, G dashed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>No grid at or before step {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>No quality measurements in these runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Quality score (0–100)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Read the ticked runs again (a run still training has grown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Samples at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Show the curves smoothed as the Train tab does (the raw values jump from step to step)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Smooth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>The grid of step {n} cannot be read: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>The settings in which the runs differ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>The step whose grids are shown: each run shows its newest grid at or before it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Tick 2 to 6 runs to compare them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>Tick at least {n} runs to compare them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>against step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>against training time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>all the same</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>step {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>steps trained</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>training time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>training time (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>{name} cannot be compared: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/compare_window.py" />
            <source>{n} runs compared.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>  — not downloaded ({size})</source>
            <translation>  — 未下载（{size}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source> (1 class)</source>
            <translation>（1 个类别）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source> ({n} classes)</source>
            <translation>（{n} 个类别）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source> · {n} skipped</source>
            <translation> · 跳过 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>A folder of PNG/JPEG/… images; sub-folder names become classes</source>
            <translation>包含 PNG/JPEG/… 图像的文件夹；子文件夹名即类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>All</source>
            <translation>全选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>All images have a light background, so all were inverted to light strokes on dark like MNIST.</source>
            <translation>所有图像都是浅色背景，因此全部做了反色，变成像 MNIST 那样的深底浅色笔画。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Choose a folder of images</source>
            <translation>选择图像文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Choose a folder of images to preview it.</source>
            <translation>选择一个图像文件夹以预览。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Choose folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Classes</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Clear the selection, then tick the classes you want</source>
            <translation>清除选择，然后勾选你想要的类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Download</source>
            <translation>下载</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Download cancelled; nothing was kept.</source>
            <translation>下载已取消；未保留任何文件。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Download failed: {error}</source>
            <translation>下载失败：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Download failed: {error}

If this computer is offline, copy the four IDX files from another machine and use “Import folder…”; the offline sample works meanwhile.</source>
            <translation>下载失败：{error}

如果这台电脑无法联网，请从另一台机器复制这四个 IDX 文件，再使用“导入文件夹…”；在此期间可以先用离线样本。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Download the four official IDX files (checksums verified)</source>
            <translation>下载四个官方 IDX 文件（校验和已验证）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Folder (none chosen)</source>
            <translation>文件夹（未选择）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Folder of my images…</source>
            <translation>我的图像文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Folder with the four IDX files</source>
            <translation>包含四个 IDX 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Folder “{name}”</source>
            <translation>文件夹“{name}”</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Import failed: {error}</source>
            <translation>导入失败：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Import folder…</source>
            <translation>导入文件夹…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Most images ({share:.0%}) have a light background, so all were inverted to light strokes on dark like MNIST.</source>
            <translation>大部分图像（{share:.0%}）是浅色背景，因此全部做了反色，变成像 MNIST 那样的深底浅色笔画。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>No class selected</source>
            <translation>未选择任何类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>No folder chosen</source>
            <translation>未选择文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>No preview</source>
            <translation>无预览</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>None</source>
            <comment>select no classes</comment>
            <translation>全不选</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Not on this computer yet — a {size} download, or import a folder holding a local copy of the four IDX files.</source>
            <translation>本机尚未下载 — 需要下载 {size}，或导入一个包含四个 IDX 文件本地副本的文件夹。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Offline sample</source>
            <translation>离线样本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Offline sample (ships with the app)</source>
            <translation>离线样本（随应用附带）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Pick at least one class to train on.</source>
            <translation>请至少选择一个类别用于训练。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Stop the download; nothing half-downloaded is kept</source>
            <translation>停止下载；不保留下载了一半的文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Sub-folders are classes</source>
            <translation>子文件夹即类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Train on class {i} ({name})</source>
            <translation>在类别 {i}（{name}）上训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Train on every class</source>
            <translation>在所有类别上训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Training images per class</source>
            <translation>每个类别的训练图像数</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Use a local copy: a folder holding the four IDX files (.gz or raw)</source>
            <translation>使用本地副本：包含四个 IDX 文件（.gz 或未压缩）的文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Use each sub-folder's name as a class label (needed for conditional models)</source>
            <translation>把每个子文件夹的名称作为类别标签（条件模型需要）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>Where the training images come from</source>
            <translation>训练图像的来源</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>all classes</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{dataset} downloaded and verified.</source>
            <translation>{dataset} 已下载并通过校验。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{dataset} imported from {folder}.</source>
            <translation>已从 {folder} 导入 {dataset}。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{dataset} is not downloaded yet.</source>
            <translation>{dataset} 尚未下载。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{done} of {total}</source>
            <translation>{done} / {total}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{held:,} of the {total:,} images ({share:.0%}) are held out to measure the generator and not trained on; training uses {train:,}.</source>
            <translation>{total:,} 张图像中有 {held:,} 张（{share:.0%}）被留出，用于评估生成器，不参与训练；训练使用 {train:,} 张。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{n:,} of {total:,} images selected</source>
            <translation>已选 {n:,} / {total:,} 张图像</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{n} file(s) skipped.</source>
            <translation>已跳过 {n} 个文件。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{n} of {total} classes</source>
            <translation>{total} 个类别中的 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/dataset_panel.py" />
            <source>{total:,} images</source>
            <translation>{total:,} 张图像</translation>
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
            <source>Favourites not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Nothing to export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Select images to send them to the keyframes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Select images to star them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Starred {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>The favourites could not be saved: {e}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>There are no images on this page yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Unstarred {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/base.py" />
            <source>Which digit a conditional generator is asked to draw (its class label input)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Add the selected children to the Interpolate keyframes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Export children</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Export the selected children, or all of them: PNG, sprite sheet + atlas, GIF, MP4, SVG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>How many children to breed from the parents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Make children: each mixes the parents' latent vectors and mutates them a little</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Mutation strength: how much random noise is added to the mixed latent vectors of the parents (0: pure crossover)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Send to keyframes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <source>Star the selected children (they join the Gallery's favourites)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/breed.py" />
            <location filename="../../gan_studio/app/explore/directions.py" />
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>★ Star</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Change coordinate {n} of the noise vector z directly (−3 … 3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Could not write {path}: {e}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Direction not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Export sweep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Export sweep…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Frames of the sweep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>How far the sweep goes each way: 100 % is the slider's full range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Move a slider first: a direction is the change from the starting digit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Move along principal direction {n}: one of the main ways the generator's digits vary (found by PCA of many latent vectors)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Name of this direction:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Name the change from the starting digit to this one and keep it with the model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>PC {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Save direction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Save direction…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Saved direction “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Saved directions could not be read: {e}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Star the current digit (or the selected sweep frames)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Start from a random seed's first digit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>Sweep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The current digit (or the selected sweep frames) as Interpolate keyframes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The direction to sweep along, from the current digit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The sweep appears here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>The sweep as a strip, GIF, MP4, sprite sheet or SVG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>direction {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>frames, ±</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/directions.py" />
            <source>★ {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export animation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Export dialog (size, smoothing, sheet + atlas, SVG)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Frames between two keyframes: more frames, a smoother walk through the latent space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Play the walk between the keyframes as an animation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/interpolate.py" />
            <source>Playback speed of the animation, in frames per second</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Add the selected cells to the Interpolate keyframes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Click cells to select · Shift/Ctrl for more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Columns of the plane: steps between corner A and corner B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Export plane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Export the selected cells, or the whole plane: PNG, sprite sheet + atlas, GIF, MP4, SVG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Rows of the plane: steps between corner A and corner C</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>Star the selected cells (they join the Gallery's favourites)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>row {r}, column {c}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/explore/plane.py" />
            <source>{n} selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source> fps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>0: pixel edges · 1–4: smoother curves with fewer points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>&lt;b&gt;{n} image(s)&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Animated GIF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Automatic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Automatic: one column per digit for a conditional model, else square</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Background</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Black (as generated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Export {n} PNGs to folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Frame rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Ink threshold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>MP4 video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>PNG image(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Padding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Paths traced from the pixels (threshold {t:.2f}, smoothing {k}); opens in Figma, Illustrator and Inkscape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Pixels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Pixels (nearest neighbour)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>SVG (traced vectors)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Saved {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Saved {n} PNGs to {folder}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Side of each image in the exported file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Smooth (Lanczos)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Smoothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Sprite sheet PNG + JSON atlas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Transparent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>Upscaling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>White (inverted)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>one file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{f:.3g}× the generated {s} px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{n} files in a folder you choose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{n} frames at {fps} fps ({secs:.1f} s), {s}×{s} px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{s}×{s} px each, {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/export_dialog.py" />
            <source>{w}×{h} px sheet, {cols} columns; the JSON atlas (TexturePacker JSON hash: Phaser, PixiJS, …) gives each frame's rectangle, seed, index, label and truncation</source>
            <translation type="unfinished" />
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
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Export… (PNG, sheet + atlas, GIF, MP4, SVG)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Sample some digits first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Show the digit generator that ships with GAN Studio</source>
            <translation>显示 GAN Studio 自带的数字生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/gallery_tab.py" />
            <source>Truncation ψ: noise values beyond ±ψ are drawn again (lower: more typical digits, less variety)</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>D(x) and D(G(z)) appear here while training runs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Each term is worked out from the batch's average D(x) and D(G(z)), so their sum is close to, but not exactly, the measured loss, which averages the terms image by image. The larger a term, the stronger its colour: that is where the network is pushed hardest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Pulls D's score of generated images towards 0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Pulls D's score of real digits towards 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when D calls real digits real (D(x) near 1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when D calls the generator's images fake (D(G(z)) near 0).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Small when the generator fools D (D(G(z)) near 1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Step {step:,}: D(x) = &lt;b&gt;{real:.3f}&lt;/b&gt; (real digits), D(G(z)) = &lt;b&gt;{fake:.3f}&lt;/b&gt; (generated images)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The critic lowers its score of generated images.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The critic raises its score of real digits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The generator pulls D's score of its images towards 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The generator raises D's score of its images.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The generator raises the critic's score of its images.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The gradient penalty keeps the critic smooth (slope about 1 between real and fake).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The loss the training process measured at this step (the batch mean)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>The seed uses the non-saturating loss; this experiment uses another one, so its formulas are shown. In them D(·) is D's raw score s; the probability shown as D(x) below is σ(s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>This is the loss of the seed (Goodfellow et al. 2014); D(·) is the probability that an image is real.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Wasserstein with gradient penalty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Zero once D scores a generated image at most −1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>Zero once D scores a real digit at least +1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>hinge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>least squares</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>measured: {value:.3f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/formulas.py" />
            <source>non-saturating (the seed's loss)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>(not updated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>D's output: real or fake?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>D(G(z)) #{i}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>D(x) real #{i}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>One training step in slow motion, drawn with the images and outputs of a real step: first D learns to tell real from generated, then G learns to fool the new D.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Press Train (or Step) to watch one training step in slow motion here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Step {step:,} — phase 1 of 2: the discriminator learns. Real digits and G's images go into D; the update changes D only, to raise D(x) and lower D(G(z)).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>Step {step:,} — phase 2 of 2: the generator learns. Noise goes through G and D; the update flows back through D (frozen) into G, to raise D(G(z)).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>discriminator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>generated G(z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>generator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>noise z</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>real digits x</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>update D: D(x) ↑, D(G(z)) ↓</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/graph.py" />
            <source>update G: D(G(z)) ↑ (through D, which stays as it is)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>1. Mode collapse: the seed as written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>2. The same network, a better recipe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>3. A learning rate that is too high</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>4. Ask for a digit: the conditional generator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>5. The D:G ratio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>Lesson loaded: {title}. Press Train to start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>Loading a lesson starts a new experiment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>The recipe of lesson 2 with both learning rates at 0.05, a hundred times higher. Each update now overshoots: within a few seconds the discriminator's loss drops to 0 while the generator's loss jumps to tens, and the samples stay noise. If a value becomes infinite, GAN Studio rolls the networks back to the last healthy state, pauses and offers to lower the rates. Try lowering both rates in the Architecture panel while it trains: they apply at the next step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>The recipe of lesson 2 with five discriminator updates for every generator update. Watch D(x) and D(G(z)) move apart: a stronger discriminator tells real from fake more surely, and each step takes several times as long. WGAN-GP needs a critic trained this much; for the hinge loss it mostly slows the generator down. Change D:G steps while it trains (it applies live) and compare.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>The same layer sizes as the seed, with batch norm in the generator, LeakyReLU in the discriminator, Adam with β1 = 0.5 and the hinge loss. Watch the grid turn from grey noise into strokes and then into digits of several classes within a few minutes, while D(x) and D(G(z)) stay apart but neither reaches 0 or 1: neither network wins outright. The formulas switch to the hinge loss that this preset uses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>This generator is also told which digit to draw: the class label goes into G and into D. Watch the sample grid: its samples go through the classes 0, 1, 2, … 9 in reading order, so all ten digits appear and the generator cannot collapse onto a single class. After a minute or two press Ctrl+G (File ▸ Explore the trained generator) and pick a digit in Gallery or Explore: the same noise, a different label, a different digit in the same handwriting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn/lessons.py" />
            <source>This is the seed's MLP GAN exactly as written. Press Train and watch the sample grid: within about a minute every sample turns into the same grey blob and stays that way. That is mode collapse: the generator found one image that fools the discriminator for a moment and sends all its noise there. In the formulas, D(x) climbs towards 1 and D(G(z)) falls towards 0, so −log(1 − D(G(z))) shrinks to almost nothing while the generator's term −log D(G(z)) grows: the discriminator has won, and the generator learns little from it. Then load the next lesson, which keeps the same layers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Conditional GANs&lt;/b&gt; are also told which digit to draw; the Explore tab lets you ask for one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;D(x)&lt;/b&gt; is the discriminator's score for real images, &lt;b&gt;D(G(z))&lt;/b&gt; for fakes. When both hover near &lt;b&gt;0.5&lt;/b&gt; (the dashed line) the discriminator can no longer tell them apart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Learning rate&lt;/b&gt;: raise the generator's rate mid-run (it applies live) and watch the curves react. Too high and training &lt;i&gt;diverges&lt;/i&gt;; GAN Studio rolls back and suggests lower rates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Lessons&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Mode collapse&lt;/b&gt;: the seed's MLP as written fills the grid with one grey blob (lesson 1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;Slow motion&lt;/b&gt;: drag the slider in Training controls and press &lt;b&gt;Step&lt;/b&gt; to watch single updates; the model graph above then replays every step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>&lt;b&gt;loss D / loss G&lt;/b&gt; do not fall steadily like in ordinary training: the two players push against each other, so the curves wobble around a balance. A loss that shoots up and stays there usually means one side has won.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>A &lt;b&gt;generative adversarial network&lt;/b&gt; is two neural networks playing a game.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Each lesson loads a preset and tells you what to watch for while it trains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Each training &lt;b&gt;step&lt;/b&gt; first updates the discriminator to tell real from fake a little better, then updates the generator to fool the &lt;i&gt;new&lt;/i&gt; discriminator a little better.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Further reading: Goodfellow et al., &lt;i&gt;Generative Adversarial Networks&lt;/i&gt; (2014); Radford et al., &lt;i&gt;DCGAN&lt;/i&gt; (2015).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>How a GAN learns to draw digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Load this lesson</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Reading the Train tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Set up the lesson's experiment (its preset and settings); a run in progress is offered to be saved first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>The &lt;b style="color:#3b8ee8"&gt;generator&lt;/b&gt; turns random noise &lt;i&gt;z&lt;/i&gt; into an image. At first its images are grey static.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>The &lt;b style="color:#e8743b"&gt;discriminator&lt;/b&gt; sees real handwritten digits and the generator's fakes, and outputs how sure it is that an image is real (0 … 1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>The &lt;b&gt;sample grid&lt;/b&gt; always uses the same 64 noise vectors, so you watch the generator itself change. Drag the history slider to replay it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/learn_tab.py" />
            <source>Things to try</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
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
            <source>Something went wrong: {error}

Your work has not been discarded; saving the run now is a good idea.</source>
            <translation>出错了：{error}

你的工作没有丢失；建议现在保存运行。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main.py" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;About GAN Studio</source>
            <translation>关于 GAN Studio(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Compare runs…</source>
            <translation>比较运行(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Export samples…</source>
            <translation>导出样本(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Follow run…</source>
            <translation>跟随运行(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;New experiment</source>
            <translation>新建实验(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Open run…</source>
            <translation>打开运行(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Pause / resume</source>
            <translation>暂停 / 恢复(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Reset plot zoom</source>
            <translation>重置图表缩放(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Train / continue</source>
            <translation>训练 / 继续(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;Training</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Clear list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Compare recent runs…</source>
            <translation>比较最近的运行…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Current run ({name})</source>
            <translation>当前运行（{name}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Experiment</source>
            <translation>实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Experiment &amp;panel</source>
            <translation>实验面板(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Explore</source>
            <translation>探索</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Explore the &amp;pretrained generator</source>
            <translation>探索预训练生成器(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Explore the &amp;trained generator</source>
            <translation>探索正在训练的生成器(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Export generator</source>
            <translation>导出生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Export generator…</source>
            <translation>导出生成器…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Export sample grid</source>
            <translation>导出样本网格</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Export se&amp;tup…</source>
            <translation>导出设置(&amp;T)…</translation>
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
            <source>Followed run ({name})</source>
            <translation>跟随的运行（{name}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Gallery</source>
            <translation>图库</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Generator (*.safetensors)</source>
            <translation>生成器 (*.safetensors)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Generators and runs (*.safetensors run.json)</source>
            <translation>生成器和运行 (*.safetensors run.json)</translation>
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
            <source>Language</source>
            <translation>语言</translation>
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
            <source>No generator</source>
            <translation>没有生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>No samples to export yet</source>
            <translation>还没有可导出的样本</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Nothing trained yet</source>
            <translation>还没有训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open &amp;generator…</source>
            <translation>打开生成器(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open a run folder or an exported generator in Gallery and Explore</source>
            <translation>在图库和探索中打开运行文件夹或导出的生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open a saved run folder and continue training it</source>
            <translation>打开已保存的运行文件夹并继续训练</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open a shared setup file (.json): its settings become the experiment</source>
            <translation>打开共享的设置文件（.json）：其中的设置成为当前实验</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open generator</source>
            <translation>打开生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open or train a generator first.</source>
            <translation>请先打开或训练一个生成器。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Open se&amp;tup…</source>
            <translation>打开设置(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Overlay the curves, grids and settings of 2–6 runs</source>
            <translation>叠加比较 2–6 个运行的曲线、样本网格和设置</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Press Train first; then Ctrl+G shows the generator as it is at that moment.</source>
            <translation>请先按“训练”；之后 Ctrl+G 会显示生成器当时的样子。</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Recent runs</source>
            <translation>最近的运行</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>S&amp;tep</source>
            <translation>单步(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Sample, star, compare and export digits</source>
            <translation>采样、收藏、比较和导出数字</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save &amp;as…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save every setting of this experiment as a small file to share</source>
            <translation>把本实验的全部设置保存为一个便于分享的小文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save the generator shown in Gallery as one .safetensors file</source>
            <translation>把图库中显示的生成器保存为一个 .safetensors 文件</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save the run (weights, optimizer, metrics, samples)</source>
            <translation>保存运行（权重、优化器、指标、样本）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save the run into a new folder</source>
            <translation>把运行保存到新文件夹</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Save the sample grid on show as a PNG</source>
            <translation>把当前显示的样本网格保存为 PNG</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Show the generator being trained in Gallery and Explore</source>
            <translation>在图库和探索中显示正在训练的生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>St&amp;op</source>
            <translation>停止(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Start over with the default preset</source>
            <translation>用默认预设重新开始</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <location filename="../../gan_studio/app/training_controls.py" />
            <source>Start training, or continue the current experiment (Ctrl+Enter)</source>
            <translation>开始训练，或继续当前实验（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>System ({language})</source>
            <translation>跟随系统（{language}）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Taking a snapshot of the generator…</source>
            <translation>正在生成生成器的快照…</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>Target reached at step {step:,}</source>
            <translation>已在第 {step:,} 步达到目标</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>The pretrained generator is missing</source>
            <translation>缺少预训练生成器</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/main_window.py" />
            <source>This generator cannot be opened</source>
            <translation>无法打开此生成器</translation>
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
            <source>Watch a run that another process trains (a terminal, a server): curves and samples update live</source>
            <translation>观察另一个进程（终端、服务器）正在训练的运行：曲线和样本实时更新</translation>
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
            <source>{name} (following)</source>
            <translation>{name}（跟随中）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Could not open {name}: {error}</source>
            <translation>无法打开 {name}：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Favourites could not be read: {error}</source>
            <translation>无法读取收藏：{error}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>Opened {name}</source>
            <translation>已打开 {name}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>The breeding lineage could not be read: {error}</source>
            <translation>无法读取繁育谱系：{error}</translation>
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
            <source>digit {label}</source>
            <translation>数字 {label}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>latent</source>
            <translation>潜在向量</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>seed {seed}</source>
            <translation>种子 {seed}</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/model_source.py" />
            <source>this image has no seed address and is not in the lineage</source>
            <translation>这张图像没有种子地址，也不在谱系中</translation>
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>A setup is a small file with every setting of this experiment (no weights). Open it on another computer with File ▸ Open setup…, by dropping it on the window, or with gan-studio open FILE.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Anything else (shown when the setup is opened)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Lesson</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>What to watch for when this setup trains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../gan_studio/app/setup_dialog.py" />
            <source>e.g. Mode collapse, live</source>
            <translation type="unfinished" />
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
            <location filename="../../gan_studio/app/status_bar.py" />
            <source>{rate:,.0f} img/s</source>
            <translation>{rate:,.0f} 张/秒</translation>
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
            <source>Steps</source>
            <translation>步数</translation>
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
            <source>Hinge</source>
            <translation>Hinge 损失</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Least squares</source>
            <translation>最小二乘</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Non-saturating (classic)</source>
            <translation>非饱和（经典）</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>Wasserstein + gradient penalty</source>
            <translation>Wasserstein + 梯度惩罚</translation>
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
            <source>batch size</source>
            <translation>批大小</translation>
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
            <source>discriminator norm</source>
            <translation>判别器归一化</translation>
        </message>
        <message>
            <location filename="../../gan_studio/core" />
            <source>discriminator width</source>
            <translation>判别器宽度</translation>
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
            <source>generator norm</source>
            <translation>生成器归一化</translation>
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
            <source>time target</source>
            <translation>时间目标</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conditional-dcgan.json" />
            <source>A DCGAN that receives the digit label: the generator gets it beside the noise, the discriminator through a projection head (Miyato &amp; Koyama, 2018). You choose which digit to generate, and every class is covered by construction.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conditional-dcgan.json" />
            <source>Conditional DCGAN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/dcgan.json" />
            <source>DCGAN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/dcgan.json" />
            <source>The deep convolutional GAN of Radford et al. (2015), sized for 28×28 digits: transposed convolutions with batch norm in the generator, strided convolutions with spectral norm in the discriminator. Unconditional: it decides by itself which digit to draw, so watch the class coverage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/quick-digits.json" />
            <source>Quick digits (conditional DCGAN)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/quick-digits.json" />
            <source>The default. A compact conditional DCGAN tuned for a laptop CPU: it is told which digit to draw, so every class appears, small batches with brisk learning rates make many updates per second, the hinge loss learns faster than the classic one here, and an exponential moving average of the generator smooths the samples. Recognisable digits of all ten classes in about a minute on two cores.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp-fixed.json" />
            <source>Classic MLP GAN — fixed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp-fixed.json" />
            <source>The seed's network with the same layer sizes and latent size (100 → 128 → 256 → 512 → 784, 784 → 512 → 256 → 128 → 1), trained with a recipe that works: batch norm in the generator keeps each layer's activations on a steady scale so it cannot pile all its noise onto one output; LeakyReLU in the discriminator passes a gradient for every input, so the generator always learns which way to move; Adam with low momentum (β1 = 0.5) follows the moving target instead of overshooting it; the hinge loss with brisk learning rates (5e-4) and small batches (32) makes many useful updates per second; and an average of the generator's recent weights (EMA) smooths the samples. Unconditional: it decides by itself which digit to draw. Measured: all ten digit classes within 90 seconds of training on one core, clearly readable digits by 3 minutes. Compare with "Classic MLP GAN — the seed as written".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp.json" />
            <source>Classic MLP GAN — the seed as written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/seed-mlp.json" />
            <source>The fully connected GAN of Goodfellow et al. (2014) exactly as our seed document writes it: generator 100 → 128 → 256 → 512 → 784 with ReLU and tanh, discriminator 784 → 512 → 256 → 128 → 1 with ReLU, no normalisation, Adam at 1e-4 with the usual momentum (β1 = 0.9), non-saturating loss computed from logits. Kept as a lesson, because it fails: within a minute every sample becomes the same speckled grey blob and it stays there (measured: 0 of 10 digit classes after 3 minutes). Why: the generator's activations drift freely from layer to layer, so it finds one output that fools the discriminator for a moment and piles all its noise onto it; Adam's high momentum keeps pushing in stale directions while the two networks chase each other; and ReLU in the discriminator gives no gradient for negative inputs, so the generator is told little about how to move. The preset "Classic MLP GAN — fixed" keeps the same layer sizes and changes only the recipe.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/wgan-gp.json" />
            <source>WGAN-GP</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/wgan-gp.json" />
            <source>Wasserstein GAN with gradient penalty (Gulrajani et al., 2017). The critic scores realism instead of classifying, is updated five times per generator step and is kept 1-Lipschitz by a gradient penalty. Slower per step, very stable, and its critic loss tracks sample quality.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
