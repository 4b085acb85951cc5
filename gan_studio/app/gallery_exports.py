"""The Gallery's exports of the selection (or the whole grid): PNGs, a sprite sheet, the shared export
dialog, latents.

A mixin of `GalleryTab` (`app/gallery_tab.py`): it uses the tab's model, picks, grids and status line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..core.explore.exports import export_name, save_grid_png, save_images, save_latents, save_png
from .file_export import export_file, export_folder
from .i18n import tr
from .model_source import Pick
from .png_options import PngOptionsDialog
from .wording import is_digits, say


class GalleryExports:
    """Exports of the Gallery tab (a mixin of `GalleryTab`)."""

    def _default_name(self, picks: list[Pick], ext: str, suffix: str = "") -> str:
        p = picks[0]
        name = export_name(self.model.name, p.seed, p.index, p.label, ext)
        if suffix:
            stem, dot, e = name.rpartition(".")
            name = f"{stem}{suffix}.{e}"
        return name

    def _targets(self) -> tuple[list[Pick], np.ndarray]:
        fav = self.fav_grid.hasFocus() and bool(self.fav_grid.selected())
        return self.selected_picks(fav), self._selected_images(fav)

    def export_png(self) -> list[Path]:
        picks, imgs = self._targets()
        if not picks:
            self._error(tr("Nothing selected"), say(self.model, tr("Select the digits to export first."), tr("Select the images to export first.")))
            return []
        opts = PngOptionsDialog.ask(self, tr("Export PNG"), len(picks), imgs.shape[1], is_digits(self.model))
        if opts is None:
            return []
        kw = dict(scale=opts.scale, invert=opts.invert, transparent=opts.transparent)
        if len(picks) == 1:
            single = export_file(self, tr("Export PNG"), self._default_name(picks, "png"),
                                 tr("PNG images (*.png)"), "png", lambda path: save_png(path, imgs[0], **kw))
            out = [single] if single is not None else []
        else:
            names = [export_name(self.model.name, p.seed, p.index, p.label, "png") for p in picks]
            out = export_folder(self, tr("Export {n} PNGs to folder").format(n=len(picks)),
                                lambda folder: save_images(folder, imgs, names, **kw)) or []
        if out:
            self.status_label.setText(tr("Exported 1 PNG to {folder}").format(folder=out[0].parent) if len(out) == 1
                                      else tr("Exported {n} PNGs to {folder}").format(n=len(out),
                                                                                     folder=out[0].parent))
        return out

    def export_sheet(self) -> Path | None:
        picks, imgs = self._targets()
        if not picks:  # no selection: the whole grid
            picks, imgs = self._picks, self.grid.images()
        if not picks:
            self._error(tr("Nothing to export"), say(self.model, tr("Sample some digits first."), tr("Sample some images first.")))
            return None
        opts = PngOptionsDialog.ask(self, tr("Export sprite sheet"), len(picks), imgs.shape[1],
                                    is_digits(self.model))
        if opts is None:
            return None
        return export_file(self, tr("Export sprite sheet"), self._default_name(picks, "png", f"_sheet{len(picks)}"),
                           tr("PNG images (*.png)"), "png",
                           lambda path: save_grid_png(path, imgs, scale=opts.scale, invert=opts.invert,
                                                      transparent=opts.transparent),
                           report=self.status_label.setText,
                           message=lambda out: tr("Sprite sheet of {n} saved as {name}").format(n=len(picks),
                                                                                               name=out.name))

    def export(self, path=None, options=None) -> list[Path]:
        """The shared export dialog for the selection (or the whole grid)."""
        from .export_dialog import ExportDialog

        picks, imgs = self._targets()
        if not picks:
            picks, imgs = self._picks, self.grid.images()
        if not picks:
            self._error(tr("Nothing to export"), say(self.model, tr("Sample some digits first."), tr("Sample some images first.")))
            return []
        m = self.model
        items = [{"seed": p.seed, "index": p.index, "label": p.label, "truncation": p.truncation} for p in picks]
        stem = self._default_name(picks, "x").rsplit(".", 1)[0]
        dlg = ExportDialog(self, imgs, items, title=tr("Export"), suggested=stem,
                           default="sheet" if len(picks) > 1 else "png",
                           num_classes=m.num_classes if m.conditional and self.digits.value() is None else None,
                           meta={"model": m.name}, report=self.status_label.setText, inverted=m.inverted,
                           digits=m.is_digits)
        return dlg.finish(path, options)

    def export_latents(self) -> Path | None:
        picks, _ = self._targets()
        if not picks:
            picks = self._picks
        if not picks:
            self._error(tr("Nothing to export"), say(self.model, tr("Sample some digits first."), tr("Sample some images first.")))
            return None
        m = self.model
        meta = {"model": m.name, "source": str(m.source), "latent_dim": m.latent_dim,
                "seeds": [p.seed for p in picks], "indices": [p.index for p in picks],
                "labels": [p.label for p in picks], "truncation": [p.truncation for p in picks]}
        return export_file(self, tr("Export latents"),
                           self._default_name(picks, "npy", f"_n{len(picks)}" if len(picks) > 1 else ""),
                           tr("NumPy latents (*.npy)"), "npy",
                           lambda path: save_latents(path, np.stack([p.latent for p in picks]), meta),
                           report=self.status_label.setText,
                           message=lambda out: tr("{n} latents saved as {name} (+ JSON)").format(n=len(picks),
                                                                                              name=out.name))
