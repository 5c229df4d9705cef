"""Deprecated path: the datatrove steps moved to ``align.build.distributed`` in align 0.3.0; this one is removed in
align 0.4."""

import warnings

from align.build.distributed import BuildEventShards, PublishFromShards

__all__ = ["BuildEventShards", "PublishFromShards"]

warnings.warn(
    "align.distributed moved to align.build.distributed; the old path is removed in align 0.4",
    DeprecationWarning,
    stacklevel=2,
)
