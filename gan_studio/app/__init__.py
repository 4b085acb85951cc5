"""GAN Studio desktop app (PySide6).  Thin: user actions → core calls, core results → pixels."""
