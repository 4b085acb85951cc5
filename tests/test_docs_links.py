"""Every relative link in README.md and docs/*.md (and benchmarks/README.md) points at a file that exists.

Links are Markdown links `[text](target)` and `<img src="target">`; web addresses, mail addresses and
in-page anchors (`#section`) are not checked; a `path#anchor` link is checked for its path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted([ROOT / "README.md", ROOT / "benchmarks" / "README.md", *(ROOT / "docs").glob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<img\s[^>]*src=\"([^\"]+)\"")
FENCE = re.compile(r"^(```|~~~)")


def relative_links(text: str) -> list[str]:
    """The relative link targets of a Markdown text, code blocks and inline code left out."""
    found, in_code = [], False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            in_code = not in_code
            continue
        if in_code:
            continue
        line = re.sub(r"`[^`]*`", "", line)
        for match in LINK.finditer(line):
            target = match.group(1) or match.group(2)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
                continue
            found.append(target)
    return found


def test_the_link_finder_sees_links_and_skips_code():
    text = ("See [the guide](docs/a.md), ![shot](docs/b.png) and <img src=\"docs/c.png\" width=\"10\">.\n"
            "[web](https://example.org) [anchor](#x) `[not](code.md)`\n```\n[not](either.md)\n```\n"
            "[part](docs/d.md#section)\n")
    assert relative_links(text) == ["docs/a.md", "docs/b.png", "docs/c.png", "docs/d.md#section"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(document):
    broken = []
    for target in relative_links(document.read_text(encoding="utf-8")):
        path = target.split("#", 1)[0]
        if not (document.parent / path).exists():
            broken.append(target)
    assert not broken, f"{document.relative_to(ROOT)}: broken relative links: {broken}"
