"""Errors a user can act on. The CLI prints them as one line and exits 2; no traceback."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType


class AlignError(Exception):
    """Bad input or a refused operation: ``<where>: <problem>``."""

    exit_code = 2

    def __init__(self, where: str | Path | None, problem: str, line: int | None = None) -> None:
        self.where = str(where) if where is not None else None
        self.problem = problem
        self.line = line
        super().__init__(self.message)

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (build workers, Ray ranks, datatrove's pool). Exception's own pickling calls
        # ``cls(*args)`` with the one message string, which no subclass's ``__init__`` takes: unpickling raised in the
        # receiving process, and datatrove's pool then waited forever for the failed task. Rebuild from the state.
        return _restored, (type(self), self.args, self.__dict__)

    @property
    def message(self) -> str:
        if self.where is None:
            return self.problem
        location = f"{self.where} line {self.line}" if self.line is not None else self.where
        return f"{location}: {self.problem}"


def _restored(cls: type[AlignError], args: tuple[object, ...], state: dict[str, object]) -> AlignError:
    """An ``AlignError`` (or subclass) as pickled by ``AlignError.__reduce__``, without calling its ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ValidationFailed(Exception):
    """A published dataset does not validate; ``align validate`` exits 1 with these failures."""

    exit_code = 1

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        super().__init__(f"{len(failures)} validation failure(s)")


def require(module: str, extra: str, setting: str) -> ModuleType:
    """Import an optional dependency, or raise the AlignError that says which extra installs it.

    ``setting`` is the config key (or command) that asked for it, so the message says what to change instead.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        package = module.split(".")[0].replace("_", "-")
        raise AlignError(
            setting, f'needs {package}, which is not installed; run: pip install "align[{extra}]"'
        ) from None
