"""The status bar's permanent read-outs: dataset, device, step, speed, training time, ETA."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from .i18n import tr, tr_noop, translate_message
from .training_controls import fmt_duration

FIELDS = (("dataset", tr_noop("Training data")), ("device", tr_noop("Compute device")),
          ("step", tr_noop("Training step")), ("speed", tr_noop("Real images per second")),
          ("elapsed", tr_noop("Training time")), ("eta", tr_noop("Estimated time left to the target")))


class TrainingStatus:
    """Adds the read-outs to a QStatusBar and keeps them up to date."""

    def __init__(self, bar: QStatusBar):
        self.bar = bar
        self.labels: dict[str, QLabel] = {}
        for key, tip in FIELDS:
            label = QLabel("")
            label.setObjectName(f"status_{key}")
            label.setToolTip(tr(tip))
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
            self.labels[key] = label

    def set(self, key: str, text: str) -> None:
        self.labels[key].setText(text)

    def text(self, key: str) -> str:
        return self.labels[key].text()

    def show_rows(self, rows: list[dict]) -> None:
        last = rows[-1]
        self.set("step", tr("step {step:,}").format(step=int(last["step"])))
        self.set("speed", tr("{rate:,.0f} img/s").format(rate=last["images_per_s"]))
        self.set("elapsed", fmt_duration(last["elapsed"]))

    def set_device(self, device: str, threads: int | None = None) -> None:
        from ..core.training.device import available_devices

        if device in ("", "auto"):
            device = available_devices()[0].key
        if device == "cpu" and threads:
            self.set("device", tr("CPU (1 training thread)") if threads == 1
                     else tr("CPU ({n} training threads)").format(n=threads))
        else:
            self.set("device", translate_message({d.key: d.label for d in available_devices()}.get(device, device)))

    def clear_progress(self) -> None:
        for key in ("step", "speed", "elapsed", "eta"):
            self.set(key, "")
