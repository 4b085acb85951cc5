"""Every relative link in README.md and docs/*.md (and benchmarks/README.md) points at a file that exists.

Links are Markdown links `[text](target)` and `<img src="target">`; web addresses and mail addresses are
not checked.  An anchor (`#section`, `page.md#section`) must name a heading of that Markdown file, as
GitHub spells heading anchors.
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
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                continue
            found.append(target)
    return found


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown text (lower case, punctuation dropped, spaces
    to hyphens, a repeated heading numbered -1, -2, …)."""
    seen: dict[str, int] = {}
    found, in_code = set(), False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            in_code = not in_code
            continue
        match = None if in_code else re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not match:
            continue
        slug = re.sub(r"[^\w\- ]", "", match.group(1).strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def test_anchors_are_spelled_as_github_spells_them():
    text = "# Top\n## time_to_digits.py — quality: speed\n```\n# not a heading\n```\n## Top\n"
    assert anchors(text) == {"top", "time_to_digitspy--quality-speed", "top-1"}


def test_the_link_finder_sees_links_and_skips_code():
    text = ("See [the guide](docs/a.md), ![shot](docs/b.png) and <img src=\"docs/c.png\" width=\"10\">.\n"
            "[web](https://example.org) [anchor](#x) `[not](code.md)`\n```\n[not](either.md)\n```\n"
            "[part](docs/d.md#section)\n")
    assert relative_links(text) == ["docs/a.md", "docs/b.png", "docs/c.png", "#x", "docs/d.md#section"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(document):
    broken = []
    for target in relative_links(document.read_text(encoding="utf-8")):
        path, _, anchor = target.partition("#")
        linked = (document.parent / path) if path else document
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked.read_text(encoding="utf-8")):
            broken.append(target)
    assert not broken, f"{document.relative_to(ROOT)}: broken relative links: {broken}"
