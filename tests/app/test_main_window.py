"""The main window with real panels, a real training thread and a tiny experiment."""

from __future__ import annotations

import json

import signal

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from gan_studio.app.main_window import READOUT_MS, MainWindow
from gan_studio.app.settings import AppSettings

READOUT_FRAMES = 2 * READOUT_MS * 60 // 1000      # two ticks of the read-out clock in animation frames (60 a second)


class _EventCounter(QObject):
    """Appends the events of one type that reach the object it filters."""

    def __init__(self, kind, seen: list):
        super().__init__()
        self.kind, self.seen = kind, seen

    def eventFilter(self, obj, event):
        if event.type() == self.kind:
            self.seen.append(event.type())
        return False


def _message_box(window):
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "no message box is shown"
    return boxes[-1]


@pytest.fixture
def rows(window):
    collected: list[dict] = []
    window.controller.metrics.connect(collected.extend)
    return collected


def _train_until(qtbot, window, rows, steps, timeout=120000):
    qtbot.waitUntil(lambda: bool(rows) and rows[-1]["step"] >= steps, timeout=timeout)


def test_train_fills_curves_and_grid(qtbot, window, rows):
    assert window.controls.train_button.isEnabled()
    assert not window.controls.stop_button.isEnabled()
    qtbot.mouseClick(window.controls.train_button, Qt.MouseButton.LeftButton)
    _train_until(qtbot, window, rows, 15)
    plots = window.train_tab.plots
    qtbot.waitUntil(lambda: plots.curve_points("loss_d") >= 15, timeout=5000)
    assert plots.curve_points("d_fake") == plots.curve_points("loss_d")
    qtbot.waitUntil(lambda: window.train_tab.grid.has_image(), timeout=5000)
    assert window.train_tab.grid.current_sheet().shape == (8 * 30 + 2, 8 * 30 + 2, 1)
    assert window.controller.state == "running"
    assert not window.controls.train_button.isEnabled() and window.controls.stop_button.isEnabled()
    # the read-outs show the newest metrics 4 times a second: wait for the first refresh
    qtbot.waitUntil(lambda: window.status.text("step").startswith("step "), timeout=5000)
    assert "img/s" in window.status.text("speed")
    assert window.status.text("device") == "CPU (1 training thread)"
    assert window.status.text("dataset").startswith("Offline sample")
    assert window.isWindowModified()
    # While running, the model shape is locked and live fields stay editable.
    assert not window.arch_panel.editor("model.latent_dim").isEnabled()
    assert window.arch_panel.editor("train.lr_g").isEnabled()
    # The window's process only draws: PyTorch trains in another process.
    import os
    assert window.controller.process_pid not in (None, os.getpid())


def test_space_pauses_and_resumes(qtbot, window, rows):
    window.lifecycle.train()
    _train_until(qtbot, window, rows, 5)
    window.activateWindow()
    window.train_tab.setFocus()
    qtbot.keyClick(window.train_tab, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.controller.state == "paused", timeout=5000)
    assert window.controls.pause_button.text() == "Resume"
    step, seen = window.experiment.step, len(rows)
    assert step == rows[-1]["step"]
    # Paused, the process trains nothing: asked for one step twice, it answers with exactly those two
    # (commands and metrics travel in order, so a step trained while paused would show up between them).
    for n in (1, 2):
        qtbot.mouseClick(window.controls.step_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: rows[-1]["step"] == step + n and window.controller.state == "paused", timeout=5000)
    assert [r["step"] for r in rows[seen:]] == [step + 1, step + 2]
    step += 2
    qtbot.keyClick(window.train_tab, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=5000)
    _train_until(qtbot, window, rows, step + 5)


def test_learning_rate_change_applies_live(qtbot, window, rows):
    window.lifecycle.train()
    _train_until(qtbot, window, rows, 5)
    edit = window.arch_panel.editor("train.lr_g")
    assert edit.isEnabled()
    edit.clear()
    qtbot.keyClicks(edit, "0.001")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rows[-1]["lr_g"] == pytest.approx(1e-3), timeout=10000)
    assert rows[0]["lr_g"] == pytest.approx(2e-4)


def test_invalid_field_disables_train(qtbot, window):
    assert window.controls.train_button.isEnabled()
    window.arch_panel.editor("train.lr_g").setText("5")          # spin boxes stop at their limits; a typed rate does not
    qtbot.waitUntil(lambda: not window.controls.train_button.isEnabled(), timeout=3000)
    assert not window.train_action.isEnabled()
    window.lifecycle.train()  # the shortcut path is refused too
    assert not window.controller.is_active()
    assert window.experiment.trained is None
    window.arch_panel.editor("train.lr_g").setText("2e-4")
    qtbot.waitUntil(lambda: window.controls.train_button.isEnabled(), timeout=3000)


def _metric_row(step: int, **values) -> dict:
    """A metric row as the training process sends it: flat values, `values` replacing them."""
    return {"step": step, "loss_d": 1.0, "loss_g": 1.0, "d_real": 0.5, "d_fake": 0.5, "images_per_s": 500.0,
            "lr_g": 1e-3, "lr_d": 1e-3, "elapsed": step / 20, **values}


def test_status_read_outs_show_the_newest_metrics_a_few_times_a_second(qtbot, window, wait_frames):
    # ~15 metric batches a second each repainting the status bar and the progress bar cost the training
    # process CPU: the read-outs show the newest batch on a 4-per-second clock instead.
    status = window.status
    before = status.text("step")
    for step in range(1, 41):
        window.controller.metrics.emit([_metric_row(step, images_per_s=500.0 + step)])
    assert status.text("step") == before                # nothing drawn per batch
    qtbot.waitUntil(lambda: status.text("step") == "step 40", timeout=2000)
    assert status.text("speed") == "540 img/s" and window.controls.progress.format() == "step 40"
    window.reset_progress()                             # a new experiment: nothing pending comes back
    window.controller.metrics.emit([_metric_row(41)])
    window.reset_progress()
    wait_frames(READOUT_FRAMES)                         # two ticks of the read-out clock: nothing shown
    assert status.text("step") == ""


def test_target_steps_stops_and_fills_progress(qtbot, window, rows):
    window.controls.set_target_steps(20)
    with qtbot.waitSignal(window.controller.finished, timeout=60000):
        window.lifecycle.train()
    qtbot.waitUntil(lambda: not window.controller.is_active(), timeout=5000)
    assert window.experiment.step == 20 == rows[-1]["step"]
    assert window.controls.progress.value() == 1000
    assert window.controls.train_button.text() == "Continue"


def test_gallery_follows_the_run_just_trained_without_leaving_the_train_tab(qtbot, window, rows):
    """After training, Gallery and Explore still showed the shipped generator until Ctrl+G (issue 26)."""
    if window.model_source.model is None:
        pytest.skip("an installation without the pretrained generator")
    assert window.model_source.is_shipped(window.model_source.model)
    window.tabs.setCurrentWidget(window.train_tab)
    window.controls.set_target_steps(12)
    with qtbot.waitSignal(window.controller.finished, timeout=60000):
        window.lifecycle.train()
    qtbot.waitUntil(lambda: not window.model_source.is_shipped(window.model_source.model), timeout=30000)
    assert window.model_source.model.step == 12
    assert window.tabs.currentWidget() is window.train_tab
    assert "generator you trained" in window.statusBar().currentMessage()


def test_training_without_a_target_shows_the_step_not_a_busy_animation(qtbot, window, rows, wait_frames):
    # Qt's busy bar (range 0..0) repaints itself continuously: a share of a core the training process needs.
    window.controls.set_target_steps(0)
    window.lifecycle.train()
    _train_until(qtbot, window, rows, 5)
    bar = window.controls.progress
    step = rows[-1]["step"]

    def shown() -> int:
        words = bar.format().split()
        return int(words[1].replace(",", "")) if len(words) == 2 and words[0] == "step" else -1

    qtbot.waitUntil(lambda: shown() >= step, timeout=5000)      # the read-outs follow 4 times a second
    assert bar.maximum() > bar.minimum() and step >= 5
    frames = []
    bar.installEventFilter(filt := _EventCounter(QEvent.Type.StyleAnimationUpdate, frames))
    wait_frames(5)                              # a busy bar's frames say how long was watched
    frames.clear()
    wait_frames(30)
    assert frames == []         # the loading animation has ended: the bar repaints only when its text changes
    bar.removeEventFilter(filt)
    window.controller.stop()
    qtbot.waitUntil(lambda: not window.controller.is_active(), timeout=10000)


def test_close_during_training_saves_and_reopen_continues(qtbot, window, rows, tiny_cfg, gs_home,
                                                         no_running_qthreads):
    window.lifecycle.train()
    _train_until(qtbot, window, rows, 12)
    relays = [t for t in no_running_qthreads if t.objectName() == "gan-studio-training-relay"]
    pid = window.controller.process_pid
    assert len(relays) == 1 and relays[0].isRunning() and pid is not None
    assert window.close()
    assert not window.controller.is_active() and not relays[0].isRunning()
    assert window.controller.process_pid is None
    saved = window.experiment.saved_path
    assert saved is not None and saved.parent == gs_home / "runs" and saved.name.startswith("autosave-")
    info = json.loads((saved / "run.json").read_text())
    assert info["step"] >= 12
    assert str(saved) in AppSettings().pending_notice()
    saved_rows = [json.loads(line) for line in (saved / "metrics.jsonl").read_text().splitlines()]
    assert saved_rows[-1]["step"] == info["step"]

    # A fresh window tells where the run went, opens it and continues from the saved step.
    again = MainWindow(threads=1)
    try:
        qtbot.waitUntil(lambda: str(saved) in again.banner.label.text(), timeout=3000)
        assert again.lifecycle.open_run(saved)
        plots = again.train_tab.plots
        assert plots.curve_points("loss_d") == info["step"]
        assert again.train_tab.grid.has_image()
        assert again.arch_panel.model_config() == tiny_cfg.model
        got: list[dict] = []
        again.controller.metrics.connect(got.extend)
        again.lifecycle.train()
        qtbot.waitUntil(lambda: bool(got) and got[-1]["step"] >= info["step"] + 3, timeout=60000)
        assert got[0]["step"] == info["step"] + 1
        assert again.experiment.saved_path == saved
        qtbot.waitUntil(lambda: plots.curve_points("loss_d") >= info["step"] + 3, timeout=5000)
    finally:
        again.controller.discard()
        again.close()
        again.deleteLater()


def test_open_damaged_run_shows_message(qtbot, window, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "run.json").write_text("{ not json")
    assert not window.lifecycle.open_run(bad)
    box = _message_box(window)
    assert "damaged" in box.text()
    box.close()
    assert not window.controller.is_active()


def test_save_as_then_export(qtbot, window, rows, tmp_path):
    window.controls.set_target_steps(12)
    with qtbot.waitSignal(window.controller.finished, timeout=60000):
        window.lifecycle.train()
    qtbot.waitUntil(lambda: not window.controller.is_active(), timeout=5000)
    assert window.isWindowModified()
    scratch = window.experiment.run_path
    assert window.lifecycle.save_as(tmp_path / "myrun")
    assert (tmp_path / "myrun" / "weights.safetensors").is_file()
    assert not scratch.exists()             # the unsaved run moved into the named folder
    assert json.loads((tmp_path / "myrun" / "run.json").read_text())["step"] == 12
    assert not window.controller.dirty and not window.isWindowModified()
    assert str((tmp_path / "myrun").resolve()) in window.settings.recent_runs()
    assert window.export_samples(tmp_path / "grid.png")
    from PIL import Image

    with Image.open(tmp_path / "grid.png") as im:
        assert im.size == (2 * 242, 2 * 242)


def test_tabs_are_extensible(qtbot, window):
    from PySide6.QtWidgets import QLabel

    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Train", "Gallery", "Explore", "Learn"]
    gallery = QLabel("real gallery")
    window.add_tab(gallery, "Gallery")
    assert window.tabs.count() == 4 and window.tab("Gallery") is gallery and window.tabs.indexOf(gallery) == 1


def test_about_lists_versions(window):
    import torch

    text = window.about_text()
    assert torch.__version__ in text and "pyqtgraph" in text and "PySide6" in text


def test_gallery_and_explore_start_on_the_shipped_generator(window):
    model = window.model_source.model
    assert model is not None and model.name == "pretrained-mnist" and model.conditional
    assert window.tab("Gallery") is window.gallery_tab and window.tab("Explore") is window.explore_tab


def test_ctrl_g_explores_the_generator_being_trained(qtbot, window, rows, tmp_path):
    assert window.explore_trained() is False        # nothing trained yet: a message says so
    assert _message_box(window).windowTitle() == "Nothing trained yet"
    _message_box(window).close()
    window.lifecycle.train()
    _train_until(qtbot, window, rows, 5)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.state == "paused", timeout=5000)
    assert window.explore_trained()
    qtbot.waitUntil(lambda: window.model_source.model.name.startswith("tiny"), timeout=20000)
    model = window.model_source.model
    assert model.step == window.experiment.step and model.latent_dim == 16
    assert window.tabs.currentWidget() is window.gallery_tab
    # The snapshot is exportable and reopens as the same generator.
    out = tmp_path / "g.safetensors"
    assert window.export_generator(out)
    from gan_studio.core.explore.generator import load_generator
    z = model.latents(3, 4)
    assert (load_generator(out).generate(z) == model.generate(z)).all()
    window.explore_pretrained()
    assert window.model_source.model.name == "pretrained-mnist"
    assert window.open_generator(out)
    assert window.model_source.model.latent_dim == 16


def test_edits_after_stop_apply_on_continue_or_start_a_new_experiment(qtbot, window, rows, tmp_path):
    window.controls.set_target_steps(8)
    with qtbot.waitSignal(window.controller.finished, timeout=60000):
        window.lifecycle.train()
    qtbot.waitUntil(lambda: not window.controller.is_active(), timeout=5000)
    assert window.lifecycle.save_as(tmp_path / "run")
    # A live field edited after Stop applies when training continues (it used to be ignored).
    window.arch_panel.editor("train.lr_g").setText("0.001")
    window.arch_panel.editor("train.lr_g").editingFinished.emit()
    assert "Applies on Continue" in window.arch_panel.pending_note.text()
    assert window.controls.train_button.text() == "Continue"
    window.controls.set_target_steps(4)
    with qtbot.waitSignal(window.controller.finished, timeout=60000):
        window.lifecycle.train()
    assert [r["step"] for r in rows[-4:]] == [9, 10, 11, 12]
    assert all(r["lr_g"] == pytest.approx(1e-3) for r in rows[-4:])
    qtbot.waitUntil(lambda: not window.controller.is_active(), timeout=5000)
    assert window.lifecycle.save()
    # A field that defines the networks starts a new experiment, and the panel says so before Train.
    window.arch_panel.editor("train.seed").setValue(99)
    assert "new one" in window.arch_panel.pending_note.text()
    assert window.controls.train_button.text() == "Train"
    seen: list[dict] = []
    window.controller.metrics.connect(seen.extend)
    with qtbot.waitSignal(window.controller.finished, timeout=60000):
        window.lifecycle.train()
    assert seen[0]["step"] == 1 and window.experiment.trained.train.seed == 99
    assert window.experiment.saved_path is None        # the saved run stays as it was
    assert json.loads((tmp_path / "run" / "run.json").read_text())["step"] == 12


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_training_process_keeps_the_window_and_continues_from_the_last_save(qtbot, window, rows, tmp_path):
    import os
    import signal

    window.lifecycle.train()
    _train_until(qtbot, window, rows, 6)
    assert window.lifecycle.save_as(tmp_path / "run")
    saved = json.loads((tmp_path / "run" / "run.json").read_text())["step"]
    _train_until(qtbot, window, rows, saved + 3)
    with qtbot.waitSignal(window.controller.processDied, timeout=20000) as sig:
        os.kill(window.controller.process_pid, signal.SIGKILL)
    assert "killed" in sig.args[0]
    assert window.isVisible() and window.experiment.state == "idle"
    banner = window.banner
    assert banner.isVisible() and f"step {saved:,}" in banner.label.text()
    assert banner.action_button.text() == "Continue from the last save"
    got: list[dict] = []
    window.controller.metrics.connect(got.extend)
    banner.action_button.click()
    qtbot.waitUntil(lambda: bool(got) and got[-1]["step"] >= saved + 2, timeout=60000)
    assert got[0]["step"] == saved + 1
    qtbot.waitUntil(lambda: window.train_tab.plots.curve_points("loss_d") >= saved + 2, timeout=5000)


def test_follow_a_run_written_by_another_process_then_take_it_over(qtbot, window, tmp_path):
    import subprocess
    import sys
    import textwrap

    run, go_on = tmp_path / "remote", tmp_path / "go-on"
    script = textwrap.dedent(f"""
        import pathlib, time
        from gan_studio.testing import tiny_config
        from gan_studio.core.training.session import TrainingSession
        s = TrainingSession(tiny_config(sample_every=5), {str(run)!r})
        go_on, deadline = pathlib.Path({str(go_on)!r}), time.monotonic() + 120
        for i in range(40):
            s.advance(2)
            while i == 5 and not go_on.exists() and time.monotonic() < deadline:
                time.sleep(0.01)    # 12 steps written: wait until the window has followed them
        s.save("finished")
        s.close()
    """)
    writer = subprocess.Popen([sys.executable, "-c", script])
    try:
        qtbot.waitUntil(lambda: (run / "run.json").is_file(), timeout=60000)
        assert window.follow_run(run)
        plots = window.train_tab.plots
        qtbot.waitUntil(lambda: plots.curve_points("loss_d") >= 10, timeout=30000)
        qtbot.waitUntil(lambda: window.train_tab.grid.has_image(), timeout=30000)
        assert "(following)" in window.windowTitle()
        assert not window.controls.train_button.isEnabled() and not window.arch_panel.isEnabled()
        assert writer.poll() is None                # the run is still being written
        go_on.touch()
        assert writer.wait(120) == 0
        qtbot.waitUntil(lambda: window.banner.isVisible() and window.banner.action_button.text() == "Take over",
                        timeout=30000)
        qtbot.waitUntil(lambda: plots.curve_points("loss_d") == 80, timeout=30000)
    finally:
        writer.kill()
    window.banner.action_button.click()           # take over: the run opens here, Train continues it
    assert window.follower.path is None and window.experiment.plan().action == "resume"
    assert window.controls.train_button.isEnabled() and window.controls.train_button.text() == "Continue"
    got: list[dict] = []
    window.controller.metrics.connect(got.extend)
    window.lifecycle.train()
    qtbot.waitUntil(lambda: bool(got) and got[-1]["step"] >= 82, timeout=60000)
    assert got[0]["step"] == 81


def test_a_run_its_process_saved_elsewhere_on_a_full_disk_is_offered_back(qtbot, tiny_cfg, gs_home):
    """Issue 27: a window that died while the disk was full has its run saved in rescued/ by the training
    process; the next start offers it back like a scratch run a crash left behind."""
    from gan_studio.core.training.session import TrainingSession, rescue_places

    s = TrainingSession(tiny_cfg, rescue_places()[0] / "run-rescued-1")
    s.advance(5)
    s.save("interrupted")
    s.close()
    w = MainWindow(threads=1)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=5000)
        assert "5 steps" in w.banner.label.text()
        assert [f[0] for f in w.lifecycle.left_behind()] == [s.run.path]
    finally:
        w.controller.discard()
        w.close()
        w.deleteLater()


def test_runs_left_behind_by_a_crash_are_offered_back_one_by_one(qtbot, tiny_cfg, gs_home):
    import os

    from gan_studio.core.run_folders.runs import new_scratch_dir
    from gan_studio.core.training.session import TrainingSession

    left = []
    for i, steps in enumerate((7, 4)):           # what killed windows' training processes saved
        s = TrainingSession(tiny_cfg, new_scratch_dir())
        s.advance(steps)
        s.save("interrupted")
        s.close()
        os.utime(s.run.path, (1_000_000 + i, 1_000_000 + i))   # the second is the newer
        left.append(s.run.path)
    w = MainWindow(threads=1)
    w.show()
    try:
        banner = w.banner
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=5000)
        assert "never saved" in banner.label.text() and "4 steps" in banner.label.text()
        assert "1 more" in banner.label.text()
        assert (banner.action_button.text(), banner.second_button.text()) == ("Recover it", "Discard it")
        banner.second_button.click()                 # discard the newest: the next one is offered
        assert not left[1].exists() and left[0].exists()
        assert banner.isVisible() and "7 steps" in banner.label.text() and "more" not in banner.label.text()
        banner.action_button.click()
        assert w.experiment.run_path == left[0] and w.experiment.step == 7
        assert w.experiment.plan().action == "resume" and w.experiment.config.model == tiny_cfg.model
        assert w.train_tab.plots.curve_points("loss_d") == 7
    finally:
        w.controller.discard()
        w.close()
        w.deleteLater()


@pytest.mark.parametrize("avail", [(0, 27, 1366, 741), (0, 0, 1280, 720)], ids=["1366x768-top-bar", "1280x720"])
def test_first_window_fits_a_laptop_screen(qtbot, avail, monkeypatch):
    """The first window on a 1366×768 laptop (a 27 px top bar) or a 1280×720 screen: wholly inside the
    free area, not squeezed below what its panels need, status bar and history slider inside it."""
    from PySide6.QtCore import QPoint, QRect

    from PySide6.QtGui import QScreen

    area = QRect(*avail)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: area)   # the screen's free area
    w = MainWindow(threads=1)
    try:
        w.show()
        qtbot.waitExposed(w)
        assert area.contains(w.frameGeometry()), (w.frameGeometry(), area)
        hint = w.minimumSizeHint()
        assert w.width() >= hint.width() and w.height() >= hint.height(), (w.size(), hint)
        assert w.tabs.width() >= w.tabs.minimumSizeHint().width()
        assert w.tabs.height() >= w.tabs.minimumSizeHint().height()
        for widget in (w.statusBar(), w.tabs, w.train_tab.grid.slider, w.side_dock):
            assert widget.isVisible()
            rect = QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())
            assert w.rect().contains(rect), (type(widget).__name__, rect, w.rect())
    finally:
        w.controller.discard()
        w.close()
        w.deleteLater()


def test_start_up_window_loads_the_shipped_generator_after_it_is_shown(qtbot):
    """run_app's window (defer_pretrained): built without rendering Gallery/Explore, which fill in
    with the shipped generator once the window is up."""
    w = MainWindow(threads=1, defer_pretrained=True)
    try:
        assert w.model_source.model is None
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.model_source.model is not None, timeout=30000)
        assert w.model_source.model.name == "pretrained-mnist"
        assert w.explore_tab.header.text().startswith("pretrained-mnist")
    finally:
        w.controller.discard()
        w.close()
        w.deleteLater()


def test_window_starts_on_the_full_mnist_the_installation_ships(qtbot, tmp_path, monkeypatch):
    """The packaged app ships all of MNIST in resources/datasets/mnist: a new window starts on it."""
    import shutil

    import numpy as np

    from gan_studio.core.data.idx import write_idx
    from gan_studio.paths import resources_root

    resources = tmp_path / "resources"
    shutil.copytree(resources_root(), resources)
    rng = np.random.default_rng(0)
    shipped = resources / "datasets" / "mnist"
    shipped.mkdir(parents=True)
    for name, array in (("train-images-idx3-ubyte.gz", rng.integers(0, 256, (40, 28, 28), dtype=np.uint8)),
                        ("train-labels-idx1-ubyte.gz", np.arange(40, dtype=np.uint8) % 10),
                        ("t10k-images-idx3-ubyte.gz", rng.integers(0, 256, (20, 28, 28), dtype=np.uint8)),
                        ("t10k-labels-idx1-ubyte.gz", np.arange(20, dtype=np.uint8) % 10)):
        write_idx(shipped / name, array, compress=True)
    monkeypatch.setenv("GAN_STUDIO_RESOURCES", str(resources))
    w = MainWindow(threads=1)
    try:
        assert w.experiment.config.data.source == "mnist"
        assert w.dataset_panel.data_config().source == "mnist"
    finally:
        w.controller.discard()
        w.close()
        w.deleteLater()
    shutil.rmtree(shipped)              # the same installation without it: the offline sample
    w = MainWindow(threads=1)
    try:
        assert w.experiment.config.data.source == "sample"
    finally:
        w.controller.discard()
        w.close()
        w.deleteLater()


def test_the_app_keeps_qt_painting_on_the_gui_thread_unless_the_user_says_otherwise(monkeypatch):
    """Qt's raster thread pool woke a thread for each large fill, taking a core from training
    (benchmarks/README.md, gui_responsiveness): `gan-studio` switches it off before its QApplication."""
    import os

    from gan_studio.app.main import configure_qt

    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    configure_qt()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "user's choice")
    configure_qt()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "user's choice"


def test_read_outs_pending_from_a_followed_run_are_dropped_once_the_follow_stopped(qtbot, window, wait_frames):
    row = _metric_row(40000, elapsed=900.0)
    assert window.follower.path is None
    window.follower.metrics.emit([row])         # a followed run's last batch, arriving as the follow stops
    wait_frames(READOUT_FRAMES)                 # two ticks of the read-out clock: nothing shown
    assert window.status.text("step") == "" and "40,000" not in window.controls.progress.format()
    window.controller.metrics.emit([dict(row, step=12)])       # this window's own training: shown
    qtbot.waitUntil(lambda: window.status.text("step") == "step 12", timeout=2000)


def test_an_opened_run_is_what_gallery_explore_and_ctrl_g_show(qtbot, window, tmp_path):
    """Issue 25: after File ▸ Open run, Ctrl+G said "Nothing trained yet" and Explore stayed on the digits model."""
    from tests.app.gan_fixtures import make_colour_run, red_on_white

    run = make_colour_run(tmp_path / "icons")
    assert window.model_source.model.name == "pretrained-mnist"
    assert window.lifecycle.open_run(run)
    qtbot.waitUntil(lambda: window.model_source.model.name == "icons", timeout=10000)
    model = window.model_source.model
    assert not model.conditional and model.class_names == [] and model.config.channels == 3
    assert (model.generate(model.latents(0, 2)) == red_on_white()).all()
    assert window.explore_tab.source.model is model
    window.explore_pretrained()
    assert window.model_source.model.name == "pretrained-mnist"
    assert window.explore_trained() is True              # no training process holds a generator: the opened run's
    assert window.model_source.model.name == "icons" and window.model_source.model.source == run
    assert window.tabs.currentWidget() is window.gallery_tab


# ------------------------------------------------------------- dropped run folders (issue 27)
def _drop(widget, paths) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_two_run_folders_dropped_on_a_fresh_window_open_ticked_in_compare(qtbot, window, tmp_path):
    """A fresh window knows neither folder (no current, followed or recent run): both still open ticked,
    compared at once — not an empty Compare saying "Tick at least 2 runs"."""
    from tests.core.helpers import tiny_config
    from tests.core.test_compare import make_run

    a = make_run(tmp_path / "alpha", tiny_config(), steps=12, grid_every=6, loss=1.0, seconds_per_step=0.5)
    b = make_run(tmp_path / "beta", tiny_config(), steps=8, grid_every=4, loss=2.0, seconds_per_step=0.5)
    assert window.settings.recent_runs() == []
    _drop(window, [a, b / "run.json"])          # a folder, and a run.json standing for its folder
    qtbot.waitUntil(lambda: getattr(window, "compare_window", None) is not None, timeout=10_000)
    compare = window.compare_window
    assert compare.checked_paths() == [a, b]
    qtbot.waitUntil(lambda: [r.name for r in compare.runs] == ["alpha", "beta"], timeout=20_000)
    compare.close()


def test_a_write_failure_pauses_training_names_the_file_and_resume_saves_again(qtbot, window, rows):
    """A real write failure in the training process (metrics.jsonl replaced by a folder): training pauses
    instead of the process ending, the banner says what was not saved and where, and that the state is kept;
    its button saves again and training goes on with every step written once."""
    import os

    window.lifecycle.train()
    _train_until(qtbot, window, rows, 6)
    run = window.experiment.run_path
    metrics = run / "metrics.jsonl"
    metrics.unlink()
    metrics.mkdir()                              # the next metrics write fails (IsADirectoryError)
    qtbot.waitUntil(lambda: window.banner.isVisible() and "Metrics not written" in window.banner.label.text(),
                    timeout=60000)
    qtbot.waitUntil(lambda: window.experiment.state == "paused", timeout=10000)
    text = window.banner.label.text()
    assert str(metrics) in text and "Training is paused and keeps everything" in text
    assert window.banner.action_button.text() == "Save again and resume"
    assert window.controller.process_pid is not None and window.experiment.active      # nothing ended
    if os.environ.get("GS_SCREENSHOTS"):
        window.grab().save(os.path.join(os.environ["GS_SCREENSHOTS"], "not_saved_banner.png"))
    paused_at = rows[-1]["step"]
    metrics.rmdir()
    with qtbot.waitSignal(window.controller.saved, timeout=30000):
        window.banner.action_button.click()
    qtbot.waitUntil(lambda: window.experiment.state == "running", timeout=10000)
    _train_until(qtbot, window, rows, paused_at + 5)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.experiment.state == "paused", timeout=10000)
    steps = [json.loads(x)["step"] for x in metrics.read_text().splitlines()]
    assert steps[0] > 1 and steps == list(range(steps[0], steps[0] + len(steps)))   # the held rows, then on
    assert steps[0] <= paused_at < steps[-1]
