"""Errors raised by the dataset layer."""

from __future__ import annotations


class DatasetError(Exception):
    """A dataset could not be loaded, downloaded or imported; the message says why."""


class DatasetUnavailable(DatasetError):
    """The dataset is not on this computer (or the network is out of reach)."""


class DatasetCancelled(DatasetError):
    """The user cancelled a download, import or load."""

    def __init__(self, what: str = "operation"):
        super().__init__(f"{what} cancelled")
