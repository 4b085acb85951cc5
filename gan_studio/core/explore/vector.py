"""Vector tracing: generated images → SVG paths a designer can bring into Figma or Illustrator.

Our own tracer, in numpy (MIT like the rest of the app; potrace is GPL, so it is
not bundled):

1. the image (mean of its channels, 0–1) is upsampled ``upsample``× with a smooth
   (bicubic) filter, so contours fall between the generator's 28 px;
2. it is thresholded (``threshold``, 0–1: ink is brighter than it; with
   ``invert`` darker);
3. the boundary between ink and background is walked along pixel edges into
   closed loops (outer contours clockwise, holes counter-clockwise, so the
   ``nonzero`` and ``evenodd`` fill rules both draw holes);
4. smoothing: 0 keeps the pixel-edge polygon; 1–4 replace each staircase by the
   midpoints of its edges, simplify with Douglas–Peucker (tolerance growing with
   the level) and draw the result as closed Catmull–Rom curves (cubic Béziers).

`trace` returns the loops, `svg_document` lays out one or more traced images in one ink colour.

Colour images: `palette` quantises all images' pixels to a few colours (k-means, the same palette for every
image), and `svg_colour_document` traces each colour's pixels with the same tracer, one ``<g>`` layer per
colour (its ``fill`` that colour; largest layer first, so small details sit on top).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

import numpy as np

__all__ = ["TraceOptions", "trace", "ink_mask", "loops_to_path", "svg_document", "rasterize_loops", "palette",
           "svg_colour_document", "MAX_COLOURS"]

MAX_COLOURS = 8


@dataclass
class TraceOptions:
    threshold: float = 0.5      # 0–1 of full intensity
    smoothing: int = 2          # 0 (pixel edges) … 4 (smoothest)
    upsample: int = 4           # sub-pixel resolution of the contours
    invert: bool = False        # trace dark ink on a light background instead

    def check(self) -> "TraceOptions":
        if not 0.0 < float(self.threshold) < 1.0:
            raise ValueError(f"threshold must be between 0 and 1 (got {self.threshold})")
        if not 0 <= int(self.smoothing) <= 4:
            raise ValueError(f"smoothing must be 0–4 (got {self.smoothing})")
        if not 1 <= int(self.upsample) <= 8:
            raise ValueError(f"upsample must be 1–8 (got {self.upsample})")
        return self


def ink_mask(image, opts: TraceOptions) -> np.ndarray:
    """The thresholded, upsampled ink mask (H·u, W·u) bool of one (H, W[, C]) uint8 image."""
    from PIL import Image

    arr = np.asarray(image)
    if arr.ndim == 3:
        arr = arr[..., :3].astype(np.float32).mean(axis=2) if arr.shape[2] >= 3 else arr[..., 0].astype(np.float32)
    elif arr.ndim != 2:
        raise ValueError(f"expected one (H, W[, C]) image, got shape {arr.shape}")
    gray = arr.astype(np.float32) / 255.0
    u = int(opts.upsample)
    if u > 1:
        im = Image.fromarray(gray, mode="F")
        gray = np.asarray(im.resize((gray.shape[1] * u, gray.shape[0] * u), Image.Resampling.BICUBIC))
    if opts.invert:
        gray = 1.0 - gray
    return gray >= float(opts.threshold)


# directions: 0 right, 1 down, 2 left, 3 up (screen coordinates, y down)
_STEP = ((1, 0), (0, 1), (-1, 0), (0, -1))


def _edges(mask: np.ndarray) -> dict[tuple[int, int], list[int]]:
    """Directed boundary edges, clockwise around ink: start vertex → directions leaving it."""
    m = np.pad(mask, 1)
    ink = m[1:-1, 1:-1]
    out: dict[tuple[int, int], list[int]] = {}

    def add(rows, cols, dx, dy, d):
        for r, c in zip(rows.tolist(), cols.tolist()):
            out.setdefault((c + dx, r + dy), []).append(d)

    r, c = np.nonzero(ink & ~m[:-2, 1:-1])      # nothing above: top edge, left → right
    add(r, c, 0, 0, 0)
    r, c = np.nonzero(ink & ~m[1:-1, 2:])       # nothing right: right edge, top → bottom
    add(r, c, 1, 0, 1)
    r, c = np.nonzero(ink & ~m[2:, 1:-1])       # nothing below: bottom edge, right → left
    add(r, c, 1, 1, 2)
    r, c = np.nonzero(ink & ~m[1:-1, :-2])      # nothing left: left edge, bottom → top
    add(r, c, 0, 1, 3)
    return out


def _loops(mask: np.ndarray) -> list[np.ndarray]:
    """Closed pixel-edge loops (K, 2) of vertex coordinates (x, y), corners only."""
    edges = _edges(mask)
    loops = []
    while edges:
        start = next(iter(edges))
        pos, d = start, edges[start][0]
        pts = []
        while True:
            outs = edges.get(pos)
            if not outs:
                break
            if len(outs) > 1:     # a saddle: prefer turning right (keeps diagonal pixels apart)
                for turn in (1, 0, 3):
                    if (d + turn) % 4 in outs:
                        d = (d + turn) % 4
                        break
            else:
                d = outs[0]
            outs.remove(d)
            if not outs:
                del edges[pos]
            pts.append(pos)
            pos = (pos[0] + _STEP[d][0], pos[1] + _STEP[d][1])
            if pos == start and start not in edges:
                break
        if len(pts) >= 4:
            arr = np.array(pts, dtype=np.float64)
            loops.append(_drop_collinear(arr))
    return loops


def _drop_collinear(p: np.ndarray) -> np.ndarray:
    prev, nxt = np.roll(p, 1, axis=0), np.roll(p, -1, axis=0)
    cross = (p[:, 0] - prev[:, 0]) * (nxt[:, 1] - p[:, 1]) - (p[:, 1] - prev[:, 1]) * (nxt[:, 0] - p[:, 0])
    keep = np.abs(cross) > 1e-9
    return p[keep] if keep.sum() >= 3 else p


def _douglas_peucker_closed(p: np.ndarray, tol: float) -> np.ndarray:
    if len(p) < 8 or tol <= 0:
        return p
    # split the ring at the point farthest from p[0]
    far = int(np.argmax(((p - p[0]) ** 2).sum(axis=1)))
    a = _dp(np.vstack([p[: far + 1]]), tol)
    b = _dp(np.vstack([p[far:], p[:1]]), tol)
    out = np.vstack([a[:-1], b[:-1]])
    return out if len(out) >= 3 else p


def _dp(p: np.ndarray, tol: float) -> np.ndarray:
    keep = np.zeros(len(p), bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(p) - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a, b = p[i], p[j]
        ab = b - a
        seg = p[i + 1:j] - a
        norm = math.hypot(ab[0], ab[1])
        if norm < 1e-12:
            dist = np.hypot(seg[:, 0], seg[:, 1])
        else:
            dist = np.abs(ab[0] * seg[:, 1] - ab[1] * seg[:, 0]) / norm
        k = int(np.argmax(dist))
        if dist[k] > tol:
            m = i + 1 + k
            keep[m] = True
            stack += [(i, m), (m, j)]
    return p[keep]


def trace(image, opts: TraceOptions | None = None) -> tuple[list[np.ndarray], bool]:
    """Loops (K, 2) in the image's pixel coordinates, and whether they are to be drawn as curves."""
    opts = (opts or TraceOptions()).check()
    u = float(opts.upsample)
    loops = _loops(ink_mask(image, opts))
    s = int(opts.smoothing)
    if s == 0:
        return [lp / u for lp in loops], False
    out = []
    for lp in loops:
        mid = (lp + np.roll(lp, -1, axis=0)) / 2.0       # staircase → edge midpoints
        # densify long straight edges so midpoints keep the shape
        mid = _douglas_peucker_closed(mid, tol=0.35 * s)
        if len(mid) >= 3:
            out.append(mid / u)
    return out, True


def _fmt(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") if abs(v) >= 1e-3 else "0"


def loops_to_path(loops: Sequence[np.ndarray], curves: bool, scale: float = 1.0,
                  offset: tuple[float, float] = (0.0, 0.0)) -> str:
    """SVG path data: straight polygons, or closed Catmull–Rom splines as cubic Béziers."""
    ox, oy = offset
    parts = []
    for lp in loops:
        p = lp * scale + np.array([ox, oy])
        if not curves or len(p) < 4:
            parts.append("M" + " L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in p) + " Z")
            continue
        prev, nxt, nxt2 = np.roll(p, 1, axis=0), np.roll(p, -1, axis=0), np.roll(p, -2, axis=0)
        c1 = p + (nxt - prev) / 6.0
        c2 = nxt - (nxt2 - p) / 6.0
        segs = [f"M{_fmt(p[0, 0])} {_fmt(p[0, 1])}"]
        for i in range(len(p)):
            segs.append(f"C{_fmt(c1[i, 0])} {_fmt(c1[i, 1])} {_fmt(c2[i, 0])} {_fmt(c2[i, 1])} "
                        f"{_fmt(nxt[i, 0])} {_fmt(nxt[i, 1])}")
        parts.append(" ".join(segs) + " Z")
    return " ".join(parts)


def svg_document(images, opts: TraceOptions | None = None, *, cell: float = 280.0, cols: int | None = None,
                 pad: float = 0.0, ink: str = "#000000", background: str | None = None,
                 titles: Sequence[str] | None = None) -> str:
    """One SVG of traced images laid out in a grid; each image is a ``<path>`` (id ``digit-i``)."""
    opts = (opts or TraceOptions()).check()
    arr = np.asarray(images)
    if arr.ndim == 3 and arr.shape[-1] not in (1, 3, 4):
        arr = arr[..., None]
    if arr.ndim == 3:
        arr = arr[None]
    if arr.ndim != 4 or len(arr) == 0:
        raise ValueError(f"expected (N, H, W, C) images with N >= 1, got shape {arr.shape}")
    n, h, w = arr.shape[:3]
    cols = int(cols) if cols else (n if n <= 10 else math.ceil(math.sqrt(n)))
    rows = math.ceil(n / cols)
    scale = cell / max(h, w)
    cw, ch = w * scale, h * scale
    width, height = cols * (cw + pad) + pad, rows * (ch + pad) + pad
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(width)}" height="{_fmt(height)}" '
           f'viewBox="0 0 {_fmt(width)} {_fmt(height)}">']
    if background:
        out.append(f'<rect x="0" y="0" width="{_fmt(width)}" height="{_fmt(height)}" fill={quoteattr(background)}/>')
    for i in range(n):
        r, c = divmod(i, cols)
        loops, curves = trace(arr[i], opts)
        d = loops_to_path(loops, curves, scale, (pad + c * (cw + pad), pad + r * (ch + pad)))
        title = f"<title>{escape(titles[i])}</title>" if titles and i < len(titles) else ""
        out.append(f'<path id="digit-{i}" fill={quoteattr(ink)} fill-rule="evenodd" d="{d}">{title}</path>')
    out.append("</svg>")
    return "\n".join(out)


def rasterize_loops(loops: Sequence[np.ndarray], h: int, w: int, scale: float = 1.0) -> np.ndarray:
    """Even-odd fill of the loops at ``scale`` × (h, w), a pixel being inside when its centre is
    (an exact crossing test): how well a trace covers its image."""
    hh, ww = int(round(h * scale)), int(round(w * scale))
    ys, xs = np.mgrid[0:hh, 0:ww]
    px, py = (xs.ravel() + 0.5) / scale, (ys.ravel() + 0.5) / scale
    inside = np.zeros(px.shape, bool)
    for lp in loops:
        a, b = lp, np.roll(lp, -1, axis=0)
        for (x0, y0), (x1, y1) in zip(a, b):
            if y0 == y1:
                continue
            cond = (py >= min(y0, y1)) & (py < max(y0, y1))
            xc = x0 + (py - y0) * (x1 - x0) / (y1 - y0)
            inside ^= cond & (px < xc)
    return inside.reshape(hh, ww)


def _rgb(arr: np.ndarray) -> np.ndarray:
    arr = np.asarray(arr)
    if arr.shape[-1] == 1:
        return np.repeat(arr, 3, axis=-1)
    return arr[..., :3]


def palette(images, k: int = 4, seed: int = 0, iterations: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """Quantise (N, H, W, C) uint8 images to at most `k` colours: (centres (K, 3) uint8, labels (N, H, W)).

    k-means in RGB on up to 20,000 pixels, started from the most common colour and then, one by one, the
    pixel farthest from the centres so far (deterministic); clusters that end up empty are dropped."""
    arr = _rgb(np.asarray(images)).astype(np.float32)
    if arr.ndim == 3:
        arr = arr[None]
    flat = arr.reshape(-1, 3)
    k = max(1, min(int(k), MAX_COLOURS))
    sample = flat if len(flat) <= 20000 else flat[np.random.default_rng(seed).choice(len(flat), 20000, False)]
    colours, counts = np.unique(sample.astype(np.uint8), axis=0, return_counts=True)
    centres = [colours[int(np.argmax(counts))].astype(np.float32)]
    while len(centres) < min(k, len(colours)):
        d = ((sample[:, None, :] - np.asarray(centres)[None]) ** 2).sum(-1).min(axis=1)
        if float(d.max()) <= 0:
            break
        centres.append(sample[int(np.argmax(d))])
    c = np.asarray(centres, np.float32)
    for _ in range(iterations):
        lab = ((sample[:, None, :] - c[None]) ** 2).sum(-1).argmin(axis=1)
        moved = np.array([sample[lab == j].mean(axis=0) if (lab == j).any() else c[j] for j in range(len(c))])
        if np.allclose(moved, c, atol=0.25):
            c = moved
            break
        c = moved
    labels = np.concatenate([((part[:, None, :] - c[None]) ** 2).sum(-1).argmin(axis=1)
                             for part in np.array_split(flat, max(1, len(flat) // 65536))])
    used = np.unique(labels)
    remap = np.full(len(c), -1)
    remap[used] = np.arange(len(used))
    return (np.clip(np.rint(c[used]), 0, 255).astype(np.uint8),
            remap[labels].reshape(arr.shape[:3]))


def _hex(colour) -> str:
    return "#" + "".join(f"{int(v):02x}" for v in colour)


def svg_colour_document(images, opts: TraceOptions | None = None, *, colours: int = 4, cell: float = 280.0,
                        cols: int | None = None, pad: float = 0.0, drop=None,
                        titles: Sequence[str] | None = None) -> str:
    """One SVG of colour images traced as colour layers: the images' pixels quantised to `colours` colours
    (`palette`), each colour's pixels traced (`trace`, at the threshold halfway) and drawn as one ``<g>`` per
    colour (id ``colour-k``, ``fill`` the colour) holding a ``<path>`` per image (id ``image-i-colour-k``).
    `drop`: a colour (e.g. the background, for a transparent export) whose layer is left out — the palette
    colour nearest to it."""
    opts = (opts or TraceOptions()).check()
    arr = np.asarray(images)
    if arr.ndim == 3:
        arr = arr[None]
    if arr.ndim != 4 or len(arr) == 0:
        raise ValueError(f"expected (N, H, W, C) images with N >= 1, got shape {arr.shape}")
    n, h, w = arr.shape[:3]
    centres, labels = palette(arr, colours)
    cols = int(cols) if cols else (n if n <= 10 else math.ceil(math.sqrt(n)))
    rows = math.ceil(n / cols)
    scale = cell / max(h, w)
    cw, ch = w * scale, h * scale
    width, height = cols * (cw + pad) + pad, rows * (ch + pad) + pad
    skip = None
    if drop is not None:
        key = np.asarray(_rgb(np.asarray(drop, np.float32).reshape(1, -1)), np.float32)[0]
        skip = int(((centres.astype(np.float32) - key) ** 2).sum(-1).argmin())
    order = sorted(range(len(centres)), key=lambda j: -int((labels == j).sum()))
    trace_opts = TraceOptions(threshold=0.5, smoothing=opts.smoothing, upsample=opts.upsample)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(width)}" height="{_fmt(height)}" '
           f'viewBox="0 0 {_fmt(width)} {_fmt(height)}">']
    bottom = next((j for j in order if j != skip), None)
    for j in order:
        if j == skip:
            continue
        out.append(f'<g id="colour-{j}" fill={quoteattr(_hex(centres[j]))} fill-rule="evenodd">')
        for i in range(n):
            mask = (labels[i] == j)
            if not mask.any():
                continue
            r, c = divmod(i, cols)
            if j == bottom and skip is None:       # the largest colour under everything: the whole cell, so
                x0, y0 = pad + c * (cw + pad), pad + r * (ch + pad)     # traced edges above it leave no gaps
                out.append(f'<path id="image-{i}-colour-{j}" d="M{_fmt(x0)} {_fmt(y0)} H{_fmt(x0 + cw)} '
                           f'V{_fmt(y0 + ch)} H{_fmt(x0)} Z"/>')
                continue
            loops, curves = trace(mask.astype(np.uint8) * 255, trace_opts)
            if not loops:
                continue
            d = loops_to_path(loops, curves, scale, (pad + c * (cw + pad), pad + r * (ch + pad)))
            title = f"<title>{escape(titles[i])}</title>" if titles and i < len(titles) else ""
            out.append(f'<path id="image-{i}-colour-{j}" d="{d}">{title}</path>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
