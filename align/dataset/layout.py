"""Which parquet file of a config holds which events: the records are published per event group.

Every config's rows carry ``event_id``, and each config is written as one parquet file per *event group*:
``data/<config>/events-<first event>-<hash>.parquet``. A rebuild rewrites only the files whose groups hold a changed
event; the others keep their bytes, so their lines in SHA256SUMS do not change. The card's ``data_files`` name
``data/<config>/*.parquet``, so ``load_dataset(path, config)`` reads every file of a config.

How events are grouped: the event ids, sorted, are cut into runs; a new group starts at every event whose id hashes
to 0 modulo ``EVENTS_PER_FILE`` (and at the first). The cut points depend on the ids alone, never on the records or
on the size of a file, so editing an event (even doubling its size) never moves an event into another file, and
adding or removing an event changes only the group it falls in (plus, when it is itself a cut point, the one group
it splits or joins). Groups hold ``EVENTS_PER_FILE`` events on average (geometrically distributed): at ~10 articles
per event that is ~5 MB per config file, a few hundred files per config at 100,000 articles, which the Hub's viewer
reads well. A size target cannot keep that promise: a file cut at N bytes moves its boundary whenever an event
before it grows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from align.dataset.artifacts import DATA_DIR

EVENTS_PER_FILE = 16


def starts_group(event_id: str) -> bool:
    """Whether a new file starts at this event (a property of the id alone)."""
    digest = hashlib.sha256(event_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % EVENTS_PER_FILE == 0


@dataclass(frozen=True)
class EventGroup:
    """Events published in one file per config, in sorted order."""

    events: tuple[str, ...]

    @property
    def stem(self) -> str:
        if not self.events:
            return "events-none"  # a dataset without records still has one (empty) file per config
        first = self.events[0]
        readable = re.sub(r"[^A-Za-z0-9._-]+", "_", first)[:60]
        return f"events-{readable}-{hashlib.sha256(first.encode('utf-8')).hexdigest()[:8]}"

    def path(self, config_name: str) -> str:
        return f"{DATA_DIR}/{config_name}/{self.stem}.parquet"


EMPTY_GROUP = EventGroup(())


def event_groups(event_ids: Iterable[str]) -> list[EventGroup]:
    """The events, sorted, cut into groups (see the module docstring)."""
    groups: list[list[str]] = []
    for event_id in sorted(set(event_ids)):
        if not groups or starts_group(event_id):
            groups.append([])
        groups[-1].append(event_id)
    return [EventGroup(tuple(group)) for group in groups]


def data_files_glob(config_name: str) -> str:
    """What the card's ``data_files`` name for a config: every parquet file of it."""
    return f"{DATA_DIR}/{config_name}/*.parquet"
