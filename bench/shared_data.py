"""Where the benchmarks find the project's shared data (seed texts, FLORES-200 dev, Tatoeba).

``$ALIGN_SHARED_DIR``, else ``shared/`` beside the repository (``<repo>/../shared``), which is where the project keeps
it next to a checkout and next to CI's clone. A checkout elsewhere (a worktree, say) sets the variable. No benchmark
names a path of one machine.
"""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The project's shared data: ``$ALIGN_SHARED_DIR``, else ``../shared`` beside the repository."""
    configured = os.environ.get("ALIGN_SHARED_DIR")
    return Path(configured) if configured else REPOSITORY.parent / "shared"


def tatoeba_dir() -> Path:
    """Tatoeba sentence pairs (hin-eng, fra-eng): ``$ALIGN_TATOEBA``, else ``<shared>/data/tatoeba``."""
    configured = os.environ.get("ALIGN_TATOEBA")
    return Path(configured) if configured else shared_dir() / "data" / "tatoeba"
