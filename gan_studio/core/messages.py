"""Messages the core builds with values in them, keyed by their English template.

`Message("{label} must be an integer", label="seed")` *is* the English text
("seed must be an integer": a `str`, so the CLI, logs and comparisons see plain
English), and it remembers its template and values.  A view translates it by the
template — `tr(template)`, then the values filled in, each translated the same
way when it is itself a text — without parsing the English (app/i18n.py
`translate_message`).  The translation extractor collects every literal template
given to `Message(...)` in the core.  Messages pickle with their template, so
they cross the pipe to the training process intact.
"""

from __future__ import annotations


class Message(str):
    """An English text that remembers the template and values it was made from."""

    template: str
    args: dict

    def __new__(cls, template: str, /, **args):
        self = super().__new__(cls, template.format(**args) if args else template)
        self.template = template
        self.args = dict(args)
        return self

    def __reduce__(self):
        return (_rebuild, (self.template, self.args))


def _rebuild(template: str, args: dict) -> Message:
    return Message(template, **args)
