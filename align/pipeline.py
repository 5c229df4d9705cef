"""Deprecated path: the build moved to ``align.build`` in align 0.3.0 (``orchestrate.build``,
``orchestrate.build_from_shards``, ``event.run_event``); this one is removed in align 0.4."""

import warnings

from align.build.event import StageModels, StageTimer, build_signature, run_event
from align.build.orchestrate import BuildReport, build, build_from_shards
from align.records import EventRecords as EventResult

__all__ = [
    "BuildReport",
    "EventResult",
    "StageModels",
    "StageTimer",
    "build",
    "build_from_shards",
    "build_signature",
    "run_event",
]

warnings.warn(
    "align.pipeline moved to align.build (align.build.orchestrate.build, align.build.event.run_event); the old "
    "path is removed in align 0.4",
    DeprecationWarning,
    stacklevel=2,
)
