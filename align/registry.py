"""Backends by name: ``name -> "module:Class"`` tables whose modules are imported only when a build chooses them.

Each stage keeps its own table next to the code that uses it (``align.translate.TRANSLATORS``,
``align.embed.EMBEDDERS``, ``align.label.JUDGES``, ``align.link.rerank.RERANKERS``); the config schema lists the same
names, and a test keeps the two equal. Adding a backend is its module plus one line in its stage's table.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from align.errors import AlignError


def load_object(path: str) -> Any:
    """The object ``"package.module:Name"`` (or ``"module:Name.attribute"``) names, importing its module."""
    module_name, _, attribute = path.partition(":")
    value: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        value = getattr(value, part)
    return value


class Registry(Mapping[str, str]):
    """The backends one setting can name. ``off`` is the name that means "no backend" (``load`` returns None)."""

    def __init__(self, setting: str, entries: dict[str, str], off: str | None = None) -> None:
        self.setting = setting
        self._entries = dict(entries)
        self.off = off

    def __getitem__(self, name: str) -> str:
        return self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def names(self) -> tuple[str, ...]:
        """Every value the setting accepts, ``off`` included: what the config schema's enum must list."""
        return (*self._entries, *((self.off,) if self.off is not None else ()))

    def load(self, name: str) -> Any:
        """The backend class (or factory) registered as ``name``; None for ``off``; AlignError for an unknown name."""
        if name == self.off:
            return None
        if name not in self._entries:
            choices = ", ".join(repr(n) for n in self.names)
            raise AlignError(self.setting, f"unknown backend {name!r}; choose from {choices}")
        return load_object(self._entries[name])
