"""bench/RESULTS.md: one top-level section replaced (or appended) by the benchmark that owns it, and the commit a
run measured. Shared by the benchmarks that own a whole ``## `` section."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"


def head_commit() -> str:
    """The short hash of the checkout's HEAD ("" outside a git checkout)."""
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return found.stdout.strip()


def replace_section(heading: str, body: str, path: Path = RESULTS) -> None:
    """Put ``heading`` (a ``## `` line) and ``body`` in place of that section, up to the next ``## ``, or append
    them; every other section stays as it is, one blank line between sections."""
    text = path.read_text("utf-8")
    block = f"{heading}\n\n{body.rstrip()}\n"
    if heading + "\n" in text:
        start = text.index(heading + "\n")
        end = text.find("\n## ", start + 1)
        text = text[:start] + block + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, "utf-8")
