"""time_to_digits.py with model and training variants the product does not have, patched in for measuring.

    .venv/bin/python benchmarks/variants.py --threads 1 --clock cpu --seconds 90 --every 30 \
        --contenders benchmarks/variants/base.json,benchmarks/variants/lr4.json,... --seed S

Takes every option of time_to_digits.py.  A contender file is a preset file (its "config" is a GAN Studio
config) with an optional "explore" object naming what to patch in (this file only, never the product):

* ``"up": "nearest"``          the generator upsamples by nearest-neighbour resize + 3×3 convolution
                                instead of transposed convolutions
* ``"lr_half": N, "lr_floor": f``  both learning rates halve every N steps, down to f times the start
* ``"lr_hold": H``             … starting after H steps at the full rate (default 0)
* ``"ema_train_bn": true``     sample the EMA generator with batch statistics (batch norm re-calibrated)
* ``"mbstd": true``            a minibatch-standard-deviation term in the discriminator's logit
* ``"r1": γ, "r1_every": k``   lazy R1 penalty γ/2·‖∇ₓD(x)‖² on real images every k steps
* ``"stale_fakes": true``      simultaneous steps: the D half reads the previous step's G-half fakes
* ``"g_out": "deconv"``        the generator's last upsampling draws the image itself (a transposed
                                convolution to the image's channels, as in the DCGAN paper) instead of
                                a normalised feature map that a 3×3 convolution turns into the image
* ``"rp": true``                simultaneous steps: the relativistic pairing loss of RpGAN / R3GAN (each real
                                image against the generated image of the same label:
                                L_D = softplus(f − r), L_G = softplus(r − f)) instead of the preset's loss
* ``"diffaug": true``           simultaneous steps: DiffAugment (random translation by up to 3 pixels and a
                                14×14 cutout, both filled with the background) on every image D sees,
                                real and generated, in both halves (gradients flow through it to G)
* ``"cbn": true``               class-conditional batch norm in the generator: each batch norm's scale and
                                shift come from the digit's label (as in SNGAN-projection and BigGAN), on
                                top of the label joined to z

The variants of the 2026-11-29/30 tuning rounds (A–M) are in benchmarks/variants/ (results: benchmarks/README.md).
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import time_to_digits as ttd  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

from gan_studio.core.models import dcgan  # noqa: E402

_orig_make = ttd.make_contender


class DWrap(nn.Module):
    """Explore-only: minibatch-std feature and/or lazy R1 on reals around a DCDiscriminator."""
    def __init__(self, d, mbstd=False, r1=0.0, every=4):
        super().__init__()
        self.d, self.mbstd, self.r1, self.every = d, mbstd, r1, every
        self.w = nn.Parameter(torch.zeros(1)) if mbstd else None
        self.calls = 0
        self.pending = None
    def forward(self, x, labels=None):
        real = False
        if not x.requires_grad:
            self.calls += 1
            real = self.calls % 2 == 1
        do_r1 = real and self.r1 > 0 and torch.is_grad_enabled() and (self.calls // 2) % self.every == 0
        if do_r1:
            x = x.detach().requires_grad_(True)
        d = self.d
        h = d.body(x)
        f = h.flatten(1)
        logit = d.out(f).squeeze(1)
        if d.cfg.conditional:
            from gan_studio.core.models.common import as_condition
            cond = as_condition(labels, d.cfg.num_classes, x.shape[0], x.device)
            logit = logit + (d.embed(cond) * f).sum(1)
        if self.mbstd:
            s = h.std(0, unbiased=False).mean()
            logit = logit + self.w * s
        if do_r1:
            g, = torch.autograd.grad(logit.sum(), x, create_graph=True)
            self.pending = self.r1 * 0.5 * self.every * g.pow(2).flatten(1).sum(1).mean()
        return logit


class Up(nn.Sequential):
    def __init__(self, cin, cout, k, s, p, bias=True):
        super().__init__(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(cin, cout, 3, 1, 1, bias=bias))


@contextlib.contextmanager
def patched(ex):
    saved = dcgan.nn
    class NS:
        pass
    ns = NS()
    for k in dir(nn):
        if not k.startswith("__"):
            setattr(ns, k, getattr(nn, k))
    if ex.get("up") == "nearest":
        ns.ConvTranspose2d = Up
    dcgan.nn = ns
    init = dcgan.DCGenerator.__init__
    if ex.get("g_out") == "deconv":
        dcgan.DCGenerator.__init__ = _deconv_out_init
    if ex.get("cbn"):
        dcgan.DCGenerator.__init__ = _cbn_init
    try:
        yield
    finally:
        dcgan.nn = saved
        dcgan.DCGenerator.__init__ = init


_plain_init = dcgan.DCGenerator.__init__


def _deconv_out_init(self, cfg):
    """Explore-only: the last upsampling block (transposed conv, batch norm, ReLU) and the 3×3 output
    convolution become one transposed convolution to the image's channels."""
    _plain_init(self, cfg)
    blocks = list(self.body.children())
    last = blocks[-3]
    self.body = nn.Sequential(*blocks[:-3])
    self.to_image = nn.ConvTranspose2d(last.in_channels, cfg.channels, 4, 2, 1)


class CBN(nn.Module):
    """Explore-only: batch norm whose scale and shift are linear in the class weights (1 + γ(y), β(y))."""
    def __init__(self, channels, classes):
        super().__init__()
        self.bn = nn.BatchNorm2d(channels, affine=False)
        self.gain = nn.Linear(classes, channels, bias=False)
        self.shift = nn.Linear(classes, channels, bias=False)
        nn.init.zeros_(self.gain.weight)
        nn.init.zeros_(self.shift.weight)
        self.cond = None
    def forward(self, x):
        c = self.cond
        return self.bn(x) * (1 + self.gain(c))[:, :, None, None] + self.shift(c)[:, :, None, None]


def _cbn_init(self, cfg):
    _plain_init(self, cfg)
    assert cfg.conditional and cfg.g_batchnorm
    self.project_norm = CBN(self.project_norm.num_features, cfg.num_classes)
    blocks = [CBN(b.num_features, cfg.num_classes) if isinstance(b, nn.BatchNorm2d) else b for b in self.body]
    self.body = nn.Sequential(*blocks)


_plain_input = dcgan.DCGenerator._input


def _cbn_input(self, z, labels):
    if self.cfg.conditional:
        from gan_studio.core.models.common import as_condition
        cond = as_condition(labels, self.cfg.num_classes, z.shape[0], z.device)
        for m in self.modules():
            if isinstance(m, CBN):
                m.cond = cond
    return _plain_input(self, z, labels)


dcgan.DCGenerator._input = _cbn_input   # a no-op for generators without CBN


def make(key, dataset, seed):
    path = Path(key)
    ex = json.loads(path.read_text())["explore"] if path.suffix == ".json" and path.is_file() and "explore" in json.loads(path.read_text()) else {}
    with patched(ex):
        c = _orig_make(key, dataset, seed)
    c.ex = ex
    t = c.trainer
    base_g, base_d = t.config.train.lr_g, t.config.train.lr_d
    if ex.get("lr_half"):
        orig_step = c.step
        def step():
            f = max(ex.get("lr_floor", 0.1), 0.5 ** (max(0, c.steps - ex.get("lr_hold", 0)) / ex["lr_half"]))
            for g in t.opt_g.param_groups: g["lr"] = base_g * f
            for g in t.opt_d.param_groups: g["lr"] = base_d * f
            orig_step()
        c.step = step
    if ex.get("ema_train_bn"):
        @torch.no_grad()
        def sample(n, seed, _t=t):
            g = _t.G_ema
            gen = torch.Generator().manual_seed(seed)
            z = torch.randn(n, _t.config.model.latent_dim, generator=gen)
            labels = torch.tensor([i % 10 for i in range(n)])
            g.train()
            x = g(z, labels)
            g.eval()
            return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy().copy()
        c.sample = sample
    if ex.get("mbstd") or ex.get("r1"):
        wrap = DWrap(t.D, mbstd=bool(ex.get("mbstd")), r1=float(ex.get("r1", 0)), every=int(ex.get("r1_every", 4)))
        t.D = wrap
        t._D_train = wrap
        t.joint_d_pass = False   # the wrapper tells real from generated batches by the order of D's calls
        tc = t.config.train
        t.opt_d = torch.optim.Adam(wrap.parameters(), lr=tc.lr_d, betas=(tc.beta1, tc.beta2))
        import gan_studio.core.training.trainer as trmod
        orig_loss = trmod.discriminator_loss
        def dloss(kind, real, fake, _w=wrap, _o=orig_loss):
            l = _o(kind, real, fake)
            if _w.pending is not None:
                l = l + _w.pending
                _w.pending = None
            return l
        trmod.discriminator_loss = dloss
    if ex.get("stale_fakes"):
        t._simultaneous_step = stale_fakes_step.__get__(t)
    if ex.get("rp") or ex.get("diffaug"):
        t._simultaneous_step = rp_aug_step.__get__(t)
        t._ex = ex
    print(c.name, ex, t.parameter_counts(), flush=True)
    return c


def _descend(self, loss, net, opt, ema=None):
    """How each half of an explore-only step ends: backward, `net`'s gradient norm, its optimizer step, and for
    the G half the moving average (`ema`: the decay).  Returns the gradient norm."""
    loss.backward()
    grad = self._grad_norm(net)
    opt.step()
    if ema is not None and self.G_ema is not None:
        self._update_ema(ema)
    return grad


def stale_fakes_step(self, t, bs, cond):
    """Explore-only: a simultaneous step whose D half reads the fakes the previous step's G half drew
    (one update old) instead of drawing its own with a frozen copy of G: no G forward in the D half."""
    from gan_studio.core.training.losses import generator_loss

    x, y = self._next_batch(bs)
    z_g = self._noise(bs)
    y_g = self._fake_labels(bs)
    prev = getattr(self, "_prev_fakes", None)
    if prev is None:
        with torch.no_grad():
            prev = (self.G(self._noise(bs), y if cond else None), y if cond else None)
    _, d_copy = self._frozen_copies()
    self.opt_d.zero_grad(set_to_none=True)
    self.opt_g.zero_grad(set_to_none=True)
    fake_d, y_d = prev
    y_real = y if cond else None

    def d_half():
        if self.joint_d_pass:
            logits = self._D_train(torch.cat([x, fake_d]), torch.cat([y_real, y_d]) if cond else None)
            real_logits, fake_logits = logits[:bs], logits[bs:]
        else:
            real_logits, fake_logits = self._D_train(x, y_real), self._D_train(fake_d, y_d)
        from gan_studio.core.training.losses import discriminator_loss
        loss_d = discriminator_loss(t.loss, real_logits, fake_logits)
        return loss_d, real_logits, fake_logits, self._zero, _descend(self, loss_d, self.D, self.opt_d)

    def g_half():
        fake = self._G_train(z_g, y_g)
        self._prev_fakes = (fake.detach(), y_g)
        loss_g = generator_loss(t.loss, d_copy(fake, y_g))
        return loss_g, _descend(self, loss_g, self.G, self.opt_g, t.ema)

    (loss_d, real_logits, fake_logits, gp, grad_d), (loss_g, grad_g) = self._run_halves(d_half, g_half)
    self._finish_step(t, loss_d, loss_g, real_logits, fake_logits, grad_d, grad_g, gp, ema_done=self.G_ema is not None)


def diff_augment(x):
    """Explore-only DiffAugment for 28-px digits in [-1, 1]: a random shift of up to 3 pixels and a 14×14
    cutout per image, the uncovered pixels filled with the background (-1); differentiable in x."""
    n, c, h, w = x.shape
    pad = 3
    xp = torch.nn.functional.pad(x, (pad, pad, pad, pad), value=-1.0)
    dy = torch.randint(0, 2 * pad + 1, (n, 1, 1))
    dx = torch.randint(0, 2 * pad + 1, (n, 1, 1))
    rows = dy + torch.arange(h).view(1, h, 1)
    cols = dx + torch.arange(w).view(1, 1, w)
    out = xp[torch.arange(n).view(n, 1, 1), :, rows, cols].permute(0, 3, 1, 2)   # (n, c, h, w)
    cy = torch.randint(0, h, (n, 1, 1))
    cx = torch.randint(0, w, (n, 1, 1))
    yy = torch.arange(h).view(1, h, 1)
    xx = torch.arange(w).view(1, 1, w)
    cut = ((yy - cy).abs() < h // 4) & ((xx - cx).abs() < w // 4)
    return torch.where(cut.unsqueeze(1), torch.full_like(out, -1.0), out)


def rp_aug_step(self, t, bs, cond):
    """Explore-only: the simultaneous step with the relativistic pairing loss and/or DiffAugment."""
    import torch.nn.functional as F
    from gan_studio.core.training.losses import discriminator_loss, generator_loss

    rp, aug = bool(self._ex.get("rp")), (diff_augment if self._ex.get("diffaug") else (lambda v: v))
    x, y = self._next_batch(bs)
    z_d = self._noise(bs)
    z_g = self._noise(bs)
    y_g = (y if rp else self._fake_labels(bs)) if cond else None   # RpGAN pairs each real with a fake of its label
    g_copy, d_copy = self._frozen_copies()
    self.opt_d.zero_grad(set_to_none=True)
    self.opt_g.zero_grad(set_to_none=True)
    y_d = y if cond else None

    def d_half():
        fake = g_copy(z_d, y_d)
        logits = self._D_train(aug(torch.cat([x, fake])), torch.cat([y_d, y_d]) if cond else None)
        r, f = logits[:bs], logits[bs:]
        loss_d = F.softplus(f - r).mean() if rp else discriminator_loss(t.loss, r, f)
        return loss_d, r, f, self._zero, _descend(self, loss_d, self.D, self.opt_d)

    def g_half():
        f = d_copy(aug(self._G_train(z_g, y_g)), y_g)
        if rp:
            with torch.no_grad():
                r = d_copy(aug(x), y_d)
            loss_g = F.softplus(r - f).mean()
        else:
            loss_g = generator_loss(t.loss, f)
        return loss_g, _descend(self, loss_g, self.G, self.opt_g, t.ema)

    (loss_d, r, f, gp, grad_d), (loss_g, grad_g) = self._run_halves(d_half, g_half)
    self._finish_step(t, loss_d, loss_g, r, f, grad_d, grad_g, gp, ema_done=self.G_ema is not None)


ttd.make_contender = make
if __name__ == "__main__":
    raise SystemExit(ttd.main())
