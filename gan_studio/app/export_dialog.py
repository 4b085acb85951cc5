"""The one export dialog of the Gallery and every Explore page.

A page hands over the images it shows (N, H, W, C) uint8 with one item dict per
image (seed, index, label, truncation, … — written into atlases and file names)
and a suggested file name.  The dialog offers the format (PNG, sprite sheet +
JSON atlas, GIF, MP4, SVG), the size per image, pixels (nearest) or smooth
(Lanczos) upscaling, the background (named by what it produces: the colours as
generated, their negative, or the background colour made transparent), padding and
columns (the page's own layout by default, never remembered across exports), the frame rate, and for SVG the threshold and
smoothing of the trace — with a live preview of what will be written and a
side-by-side close-up of nearest against Lanczos.  Writing goes through
`core.explore.exports.write_export` via `file_export` (atomic files, errors as messages).
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from PySide6.QtCore import QByteArray, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QSlider,
                               QSpinBox, QVBoxLayout, QWidget)

from ..core.explore.exports import (FORMATS, ExportOptions, render_cells, render_frames, render_sheet, render_svg,
                            sheet_columns, write_export)
from ..core.images import background_colour, style, tile_grid
from .file_export import export_file, export_folder
from .i18n import tr
from .widgets import numpy_to_qimage

PREVIEW_MAX = 100         # images shown in the preview at most
PREVIEW_SIDE = 420        # preview box, pixels
MAX_AUTO_COLUMNS = 16     # a page's own columns are the automatic choice up to this many


def background_label(key: str, inverted: bool = False) -> str:
    """The background choice named by what it produces.  `inverted`: the model was trained on inverted
    images (light backgrounds made dark), so its own output is the negative and "white" gives the originals."""
    if key == "black":
        return tr("As generated (negative of the training images)") if inverted else \
            tr("Original colours (as generated)")
    if key == "white":
        return tr("Original colours (inverted back)") if inverted else tr("Negative (colours inverted)")
    if key == "transparent-negative":
        return tr("Transparent background, original colours (inverted back)")
    return tr("Transparent background (other colours kept)")


def format_label(fmt: str) -> str:
    return {"png": tr("PNG image(s)"), "sheet": tr("Sprite sheet PNG + JSON atlas"), "gif": tr("Animated GIF"),
            "mp4": tr("MP4 video"), "svg": tr("SVG (traced vectors)")}[fmt]


def _checkerboard(h: int, w: int, square: int = 8) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w]
    return np.where(((yy // square) + (xx // square)) % 2 == 0, 96, 128).astype(np.float32)[..., None]


def composite(arr: np.ndarray) -> np.ndarray:
    """(H, W, C) with C in 1–4 → (H, W, 1|3) for display; alpha over a checkerboard."""
    if arr.shape[-1] in (1, 3):
        return arr
    colour, alpha = arr[..., :-1].astype(np.float32), arr[..., -1:].astype(np.float32) / 255.0
    bg = _checkerboard(*arr.shape[:2])
    out = colour * alpha + bg * (1.0 - alpha)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


class PreviewLabel(QLabel):
    """A pixmap scaled to fit (smoothly when shrinking, pixel-exact when growing)."""

    def __init__(self, side: int = PREVIEW_SIDE, parent=None):
        super().__init__(parent)
        self.setMinimumSize(side, side)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #2b2d31; border-radius: 4px;")
        self._pix: QPixmap | None = None

    def set_pixmap(self, pix: QPixmap | None) -> None:
        self._pix = pix
        self._fit()

    def pixmap_size(self) -> tuple[int, int]:
        return (0, 0) if self._pix is None else (self._pix.width(), self._pix.height())

    def _fit(self) -> None:
        if self._pix is None:
            self.clear()
            return
        box = self.size()
        w, h = self._pix.width(), self._pix.height()
        if w <= box.width() and h <= box.height():
            self.setPixmap(self._pix)
            return
        self.setPixmap(self._pix.scaled(box, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class ExportDialog(QDialog):
    """Options + preview; `write(path)` exports, `run()` asks for the destination and exports."""

    last = ExportOptions()          # remembered between dialogs of this session (format aside)

    def __init__(self, parent, images: np.ndarray, items: Sequence[dict] | None = None, *, title: str,
                 suggested: str = "gan-studio", formats: Sequence[str] = tuple(FORMATS), default: str | None = None,
                 num_classes: int | None = None, meta: dict | None = None,
                 report: Callable[[str], None] | None = None, inverted: bool = False, digits: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        arr = np.asarray(images)
        if arr.ndim == 3:
            arr = arr[..., None]
        self.images = arr
        self.items = list(items) if items is not None else [{} for _ in range(len(arr))]
        self.suggested = suggested
        self.num_classes = num_classes
        self.meta = dict(meta or {})
        self.report = report
        self.written: list[Path] = []
        self.auto_columns: int | None = None     # what "Automatic" columns means here (e.g. a plane's columns)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(self.update_preview)

        n = len(arr)
        side = arr.shape[1] if n else 28
        self.format_combo = QComboBox()
        for fmt in formats:
            self.format_combo.addItem(format_label(fmt), fmt)
        start = default if default in formats else (self.last.format if self.last.format in formats else formats[0])
        self.format_combo.setCurrentIndex(list(formats).index(start))
        self.size_spin = QSpinBox()
        self.size_spin.setRange(8, 2048)
        self.size_spin.setSuffix(tr(" px"))
        self.size_spin.setSingleStep(side)
        self.size_spin.setValue(self.last.size)
        self.size_spin.setToolTip(tr("Side of each image in the exported file"))
        self.scale_label = QLabel()
        self.scale_label.setStyleSheet("color: palette(mid);")
        self._side = side
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(1, max(1, 2048 // max(1, side)))
        self.scale_spin.setPrefix("× ")
        self.scale_spin.setToolTip(tr("Scale: the size as a whole multiple of the generated image"))
        self.scale_spin.setValue(max(1, round(self.last.size / max(1, side))))
        self.scale_spin.valueChanged.connect(lambda v: self.size_spin.setValue(v * self._side))
        self.size_spin.valueChanged.connect(self._size_to_scale)
        self.resample_combo = QComboBox()
        self.resample_combo.addItem(tr("Smooth (Lanczos)"), "lanczos")
        self.resample_combo.addItem(tr("Pixels (nearest neighbour)"), "nearest")
        self.resample_combo.setCurrentIndex(0 if self.last.resampling == "lanczos" else 1)
        self.inverted = bool(inverted)
        self.key = background_colour(arr) if n else (0,)
        self.background_combo = QComboBox()
        keys = ("black", "white", "transparent") + (("transparent-negative",) if self.inverted else ())
        for key in keys:
            self.background_combo.addItem(background_label(key, self.inverted), key)
        self.background_combo.setToolTip(tr("What the colours of the exported images are: as the generator makes "
                                            "them, their negative, or with their background colour see-through"))
        self.background_combo.setCurrentIndex(max(0, self.background_combo.findData(self.last.background)))
        self.padding_spin = QSpinBox()
        self.padding_spin.setRange(0, 256)
        self.padding_spin.setSuffix(tr(" px"))
        self.padding_spin.setValue(self.last.padding)
        self.columns_spin = QSpinBox()
        self.columns_spin.setRange(0, 64)
        self.columns_spin.setSpecialValueText(tr("Automatic"))
        self.columns_spin.setValue(0)          # each export starts from the page's own layout (never sticks)
        self.columns_spin.setToolTip(
            tr("Automatic: one column per digit for a conditional model, else square") if digits else
            tr("Automatic: the page's own grid, one column per class when the classes cycle, else square"))
        self.fps_spin = QSpinBox()
        self.fps_spin.setRange(1, 60)
        self.fps_spin.setSuffix(tr(" fps"))
        self.fps_spin.setValue(int(self.last.fps))
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(5, 95)
        self.threshold_slider.setValue(int(round(self.last.threshold * 100)))
        self.threshold_label = QLabel()
        self.smoothing_spin = QSpinBox()
        self.smoothing_spin.setRange(0, 4)
        self.smoothing_spin.setValue(self.last.smoothing)
        self.smoothing_spin.setToolTip(tr("0: pixel edges · 1–4: smoother curves with fewer points"))
        self.colours_spin = QSpinBox()
        self.colours_spin.setRange(1, 8)
        self.colours_spin.setSpecialValueText(tr("Outline (one colour)"))
        self.colours_spin.setSuffix(tr(" colour layers"))
        # colour images start as colour layers, gray ones as outlines (not remembered: it follows the images)
        self.colours_spin.setValue(4 if arr.ndim == 4 and arr.shape[-1] >= 3 else 1)
        self.colours_spin.setToolTip(tr("Outline: the ink traced as one path of one colour. 2–8: the images' "
                                        "colours reduced to that many, each traced as its own layer (an SVG "
                                        "group per colour)"))

        form = QFormLayout()
        form.addRow(tr("Format"), self.format_combo)
        srow = QHBoxLayout()
        srow.addWidget(self.size_spin, 1)
        srow.addWidget(self.scale_label)
        form.addRow(tr("Size"), srow)
        form.addRow(tr("Scale"), self.scale_spin)
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}

        def row(key: str, text: str, widget) -> None:
            label = QLabel(text)
            holder = widget
            if not isinstance(widget, QWidget):
                holder = QWidget()
                holder.setLayout(widget)
                widget.setContentsMargins(0, 0, 0, 0)
            form.addRow(label, holder)
            self._rows[key] = (label, holder)

        row("resampling", tr("Upscaling"), self.resample_combo)
        row("background", tr("Background"), self.background_combo)
        row("padding", tr("Padding"), self.padding_spin)
        row("columns", tr("Columns"), self.columns_spin)
        row("fps", tr("Frame rate"), self.fps_spin)
        trow = QHBoxLayout()
        trow.addWidget(self.threshold_slider, 1)
        trow.addWidget(self.threshold_label)
        row("colours", tr("SVG colours"), self.colours_spin)
        row("threshold", tr("Ink threshold"), trow)
        row("smoothing", tr("Smoothing"), self.smoothing_spin)

        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: palette(mid);")
        self.compare_near = PreviewLabel(150)
        self.compare_smooth = PreviewLabel(150)
        cmp = QHBoxLayout()
        for view, text in ((self.compare_near, tr("Pixels")), (self.compare_smooth, tr("Smooth"))):
            col = QVBoxLayout()
            col.addWidget(view)
            cap = QLabel(text)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            col.addWidget(cap)
            cmp.addLayout(col)
        self.compare_box = QWidget()
        self.compare_box.setLayout(cmp)

        left = QVBoxLayout()
        left.addWidget(QLabel(tr("<b>{n} image(s)</b>").format(n=n)))
        left.addLayout(form)
        left.addWidget(self.compare_box)
        left.addStretch(1)
        left.addWidget(self.info)
        self.preview = PreviewLabel()
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Preview")))
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addWidget(buttons)

        for sig in (self.format_combo.currentIndexChanged, self.size_spin.valueChanged,
                    self.resample_combo.currentIndexChanged, self.background_combo.currentIndexChanged,
                    self.padding_spin.valueChanged, self.columns_spin.valueChanged, self.fps_spin.valueChanged,
                    self.threshold_slider.valueChanged, self.smoothing_spin.valueChanged,
                    self.colours_spin.valueChanged):
            sig.connect(self._changed)
        self.colours_spin.valueChanged.connect(self._colours_changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed(apply_default_size=True)
        self.update_preview()

    # ------------------------------------------------------------- options
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def set_format(self, fmt: str) -> None:
        i = self.format_combo.findData(fmt)
        if i < 0:
            raise ValueError(f"this export offers no {fmt!r}")
        self.format_combo.setCurrentIndex(i)

    def options(self) -> ExportOptions:
        return ExportOptions(format=self.fmt(), size=self.size_spin.value(),
                             resampling=self.resample_combo.currentData(),
                             background=self.background_combo.currentData(), padding=self.padding_spin.value(),
                             columns=self.columns_spin.value() or self.page_columns(),
                             fps=float(self.fps_spin.value()),
                             threshold=self.threshold_slider.value() / 100.0,
                             smoothing=self.smoothing_spin.value(), colours=self.colours_spin.value())

    def page_columns(self) -> int:
        """What "Automatic" means here: the page's own columns (`auto_columns`, e.g. a plane's) unless that is
        a long strip (more than MAX_AUTO_COLUMNS: an interpolation's 64 frames), then 0: square-ish."""
        cols = int(self.auto_columns or 0)
        return cols if 0 < cols <= MAX_AUTO_COLUMNS else 0

    def _size_to_scale(self, size: int) -> None:
        self.scale_spin.blockSignals(True)
        self.scale_spin.setValue(max(1, round(size / max(1, self._side))))
        self.scale_spin.blockSignals(False)

    def _changed(self, *_) -> None:
        self._debounce.start()

    def _format_changed(self, *_, apply_default_size: bool = False) -> None:
        fmt = self.fmt()
        video = fmt in ("gif", "mp4")
        visible = {"resampling": fmt != "svg", "background": True, "padding": fmt in ("sheet", "svg"),
                   "columns": fmt in ("sheet", "svg"), "fps": video, "colours": fmt == "svg",
                   "threshold": fmt == "svg" and self.colours_spin.value() == 1,
                   "smoothing": fmt == "svg"}
        for key, (label, widget) in self._rows.items():
            label.setVisible(visible[key])
            widget.setVisible(visible[key])
        self.compare_box.setVisible(fmt != "svg")
        # video has no alpha
        model = self.background_combo.model()
        model.item(2).setEnabled(not video)
        if self.background_combo.count() > 3:
            model.item(3).setEnabled(not video)
        if video and self.background_combo.currentData().startswith("transparent"):
            self.background_combo.setCurrentIndex(0)
        if video and self.size_spin.value() < 512:
            self.size_spin.setValue(512)       # video and GIF default to at least 512 px
        self._changed()

    def _colours_changed(self, *_) -> None:
        """The ink threshold belongs to one-colour outlines only."""
        shown = self.fmt() == "svg" and self.colours_spin.value() == 1
        for w in self._rows["threshold"]:
            w.setVisible(shown)

    # ------------------------------------------------------------- preview
    def _sample(self) -> tuple[np.ndarray, list[dict]]:
        return self.images[:PREVIEW_MAX], self.items[:PREVIEW_MAX]

    def update_preview(self) -> None:
        self._debounce.stop()
        if not len(self.images):
            self.preview.set_pixmap(None)
            return
        opts = self.options()
        side = self.images.shape[1]
        self.scale_label.setText(tr("{f:.3g}× the generated {s} px").format(f=opts.size / side, s=side))
        self.threshold_label.setText(f"{opts.threshold:.2f}")
        imgs, items = self._sample()
        # preview at a bounded resolution: the same rendering, smaller cells when many
        cols = sheet_columns(len(imgs), opts, self.num_classes)
        small = replace(opts, size=max(8, min(opts.size, (PREVIEW_SIDE * 3 // 2) // cols)))
        fmt = opts.format
        if fmt == "svg":
            self.preview.set_pixmap(self._svg_pixmap(render_svg(imgs, small, num_classes=self.num_classes)))
        elif fmt in ("gif", "mp4"):
            frames = render_frames(imgs[:8], replace(opts, size=min(opts.size, PREVIEW_SIDE // 2)))
            self.preview.set_pixmap(QPixmap.fromImage(numpy_to_qimage(tile_grid(frames, cols=min(4, len(frames)),
                                                                                 pad=2))))
        elif fmt == "png" and len(self.images) == 1:
            sheet, _ = render_sheet(imgs, replace(opts, padding=0, size=min(opts.size, PREVIEW_SIDE)))
            self.preview.set_pixmap(QPixmap.fromImage(numpy_to_qimage(composite(sheet))))
        else:
            sheet, _ = render_sheet(imgs, small if fmt == "png" else replace(small, padding=opts.padding),
                                    self.num_classes)
            self.preview.set_pixmap(QPixmap.fromImage(numpy_to_qimage(composite(sheet))))
        if fmt != "svg":
            self._update_compare(opts)
        self.info.setText(self.describe(opts))

    def _update_compare(self, opts: ExportOptions) -> None:
        """A close-up of the first image: nearest on the left, Lanczos on the right."""
        first = self.images[:1]
        crop = 150
        for view, method in ((self.compare_near, "nearest"), (self.compare_smooth, "lanczos")):
            # at most 2× the crop, so the close-up shows a good part of the image at the output's sharpness
            big = render_cells(first, replace(opts, resampling=method, size=max(crop, min(opts.size, 2 * crop))))[0]
            h, w = big.shape[:2]
            y0, x0 = max(0, h // 2 - crop // 2), max(0, w // 2 - crop // 2)
            view.set_pixmap(QPixmap.fromImage(numpy_to_qimage(
                composite(style(np.ascontiguousarray(big[y0:y0 + crop, x0:x0 + crop]), opts.background,
                                self.key)))))

    def _svg_pixmap(self, text: str) -> QPixmap:
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        size = renderer.defaultSize()
        scale = (PREVIEW_SIDE * 3 // 2) / max(1, size.width(), size.height())     # vectors: any scale
        w, h = max(1, int(size.width() * scale)), max(1, int(size.height() * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        board = _checkerboard(h, w).astype(np.uint8)
        painter.drawImage(0, 0, numpy_to_qimage(board))
        renderer.render(painter, QRectF(0, 0, w, h))
        painter.end()
        self.last_svg = text
        return QPixmap.fromImage(image)

    def describe(self, opts: ExportOptions) -> str:
        n = len(self.images)
        fmt = opts.format
        if fmt == "png":
            where = tr("one file") if n == 1 else tr("{n} files in a folder you choose").format(n=n)
            return tr("{s}×{s} px each, {where}").format(s=opts.size, where=where)
        if fmt == "sheet":
            cols = sheet_columns(n, opts, self.num_classes)
            rows = math.ceil(n / cols)
            w = cols * (opts.size + opts.padding) + opts.padding
            h = rows * (opts.size + opts.padding) + opts.padding
            return tr("{w}×{h} px sheet, {cols} columns; the JSON atlas (TexturePacker JSON hash: Phaser, "
                      "PixiJS, …) gives each frame's rectangle, seed, index, label and truncation").format(
                w=w, h=h, cols=cols)
        if fmt in ("gif", "mp4"):
            return tr("{n} frames at {fps} fps ({secs:.1f} s), {s}×{s} px").format(
                n=n, fps=int(opts.fps), secs=n / opts.fps, s=opts.size)
        if opts.colours > 1:
            return tr("The images' colours reduced to {n}, each traced as its own layer (smoothing {k}); opens in "
                      "Figma, Illustrator and Inkscape").format(n=opts.colours, k=opts.smoothing)
        return tr("Paths traced from the pixels (threshold {t:.2f}, smoothing {k}); opens in Figma, Illustrator "
                  "and Inkscape").format(t=opts.threshold, k=opts.smoothing)

    def apply(self, opts: ExportOptions) -> None:
        """Set every control from `opts` (scripts and tests)."""
        self.set_format(opts.format)
        self.size_spin.setValue(opts.size)
        self.resample_combo.setCurrentIndex(self.resample_combo.findData(opts.resampling))
        self.background_combo.setCurrentIndex(self.background_combo.findData(opts.background))
        self.padding_spin.setValue(opts.padding)
        self.columns_spin.setValue(opts.columns)
        self.fps_spin.setValue(int(opts.fps))
        self.threshold_slider.setValue(int(round(opts.threshold * 100)))
        self.smoothing_spin.setValue(opts.smoothing)
        self.colours_spin.setValue(opts.colours)
        self.update_preview()

    # ---------------------------------------------------------------- write
    def write(self, path) -> list[Path]:
        """Export with the current options to `path` (a folder for several PNGs); errors become a message."""
        opts = self.options().check()
        type(self).last = replace(opts, columns=0, colours=1)   # columns and colours follow each export's images
        if opts.format == "png" and len(self.images) > 1:
            out = export_folder(self, tr("Export {n} PNGs to folder").format(n=len(self.images)),
                                lambda folder: write_export(folder, self.images, opts, self.items, self.meta,
                                                            self.num_classes),
                                path=path, report=self.report,
                                message=lambda files: tr("Saved {n} PNGs to {folder}").format(
                                    n=len(files), folder=files[0].parent))
        else:
            ext = opts.extension
            out = export_file(self, self.windowTitle(), f"{self.suggested}.{ext}", f"{ext.upper()} (*.{ext})",
                              ext, lambda p: write_export(p, self.images, opts, self.items, self.meta,
                                                          self.num_classes),
                              path=path, report=self.report,
                              message=lambda files: tr("Saved {names}").format(
                                  names=", ".join(f.name for f in files)))
        self.written = list(out or [])
        return self.written

    def run(self) -> list[Path]:
        """Show the dialog; on Export… ask where and write.  Returns the files written."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return []
        if self.fmt() == "png" and len(self.images) > 1:
            from PySide6.QtWidgets import QFileDialog

            from .file_export import last_folder
            chosen = QFileDialog.getExistingDirectory(self.parentWidget(), self.windowTitle(), str(last_folder()))
        else:
            from PySide6.QtWidgets import QFileDialog

            from .file_export import last_folder
            ext = self.options().extension
            chosen, _ = QFileDialog.getSaveFileName(self.parentWidget(), self.windowTitle(),
                                                    str(last_folder() / f"{self.suggested}.{ext}"),
                                                    f"{format_label(self.fmt())} (*.{ext})")
        if not chosen:
            return []
        return self.write(chosen)

    def finish(self, path=None, options: ExportOptions | None = None) -> list[Path]:
        """Run the dialog (or, with ``path``, write there without asking, with ``options`` when given), then
        dispose of it; returns the files written."""
        try:
            if path is not None:
                if options is not None:
                    self.apply(options)
                return self.write(path)
            return self.run()
        finally:
            self.deleteLater()


def export_images(parent, images, items=None, *, title: str, suggested: str, formats=tuple(FORMATS),
                  default: str | None = None, num_classes: int | None = None, meta: dict | None = None,
                  report=None, path=None, options: ExportOptions | None = None,
                  model_hints: dict | None = None) -> list[Path]:
    """Open the export dialog for these images (or, with ``path`` and ``options``, write without asking)."""
    dlg = ExportDialog(parent, images, items, title=title, suggested=suggested, formats=formats, default=default,
                       num_classes=num_classes, meta=meta, report=report, **(model_hints or {}))
    return dlg.finish(path, options)

