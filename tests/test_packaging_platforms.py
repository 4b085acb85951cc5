"""Packaging decisions for the platforms this machine cannot build: macOS's floor, the CPU torch check."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))
import bundle_contents as bc  # noqa: E402

TORCH_MAC_ARM = "Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: false\nTag: cp311-none-macosx_14_0_arm64\n"
QT_MAC = "Wheel-Version: 1.0\nTag: cp39-abi3-macosx_13_0_universal2\n"
NUMPY_MAC = "Wheel-Version: 1.0\nTag: cp311-cp311-macosx_11_0_arm64\n"
LINUX = "Wheel-Version: 1.0\nTag: cp311-cp311-manylinux_2_28_x86_64\n"


def test_the_macos_floor_is_the_highest_any_shipped_wheel_needs():
    assert bc.macos_floor([NUMPY_MAC, TORCH_MAC_ARM, QT_MAC]) == "14.0"
    assert bc.macos_floor([NUMPY_MAC, QT_MAC]) == "13.0"
    assert bc.macos_floor([LINUX, ""]) == "11.0"           # wheels that name no macOS: the default floor
    assert bc.macos_floor([]) == "11.0"


def test_the_spec_declares_the_floor_of_the_installed_wheels(monkeypatch):
    from .test_packaging import _evaluate_spec

    monkeypatch.setattr(bc, "installed_wheel_texts", lambda *a, **k: [NUMPY_MAC, TORCH_MAC_ARM])
    mac = _evaluate_spec(monkeypatch, platform="darwin")
    assert mac["BUNDLE"][0].kwargs["info_plist"]["LSMinimumSystemVersion"] == "14.0"


def test_a_cpu_torch_is_one_without_cuda_whatever_its_version_tag():
    assert bc.cpu_torch_problem("2.13.0+cpu", None, ["torch", "numpy"]) is None          # Linux, CPU index
    assert bc.cpu_torch_problem("2.13.0", None, ["torch", "numpy"]) is None              # Windows/macOS, PyPI
    assert "CUDA 13.0" in bc.cpu_torch_problem("2.13.0", "13.0", ["torch"])               # Linux, PyPI
    assert "nvidia-cublas" in bc.cpu_torch_problem("2.13.0+cpu", None, ["torch", "nvidia-cublas"])


def test_the_bundle_leaves_out_the_testing_helpers(monkeypatch):
    from .test_packaging import _evaluate_spec

    analysis = _evaluate_spec(monkeypatch, platform="linux")["Analysis"][0].kwargs
    assert "gan_studio.testing" in analysis["excludes"] and "PySide6.QtTest" in analysis["excludes"]
    keep = lambda name: not name.startswith(bc.DEV_ONLY_MODULES)  # noqa: E731 - the spec's filter
    assert keep("gan_studio.core.training.trainer") and not keep("gan_studio.testing.monkey")
