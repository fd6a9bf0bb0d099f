"""The one way to run long jobs (resolving a turn, computer players deciding, loading files).

Like Anki's task manager: work runs on a single worker thread, and its result comes back to the
GUI thread through one signal, where the caller's `on_done` runs. The window never freezes and
the presenter never touches Qt widgets from a worker. `SyncTaskRunner` runs jobs at once on the
calling thread, for tests that want no threads at all.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class TaskRunner(QObject):
    """Interface and bookkeeping; subclasses decide where the work runs."""

    sig_task_started = Signal(str)  # label, e.g. "Resolving turn 2"
    sig_task_finished = Signal(str)
    sig_task_failed = Signal(str, str)  # label, message

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(
        self, label: str, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None
    ) -> None:
        raise NotImplementedError

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is done (for shutdown and tests); True when idle."""
        return True

    def _finish(
        self,
        label: str,
        result: Any,
        error: Exception | None,
        on_done: Done,
        on_error: Failed | None,
    ) -> None:
        self._running -= 1
        if error is None:
            self.sig_task_finished.emit(label)
            on_done(result)
            return
        self.sig_task_failed.emit(label, describe(error))
        if on_error is not None:
            on_error(error)


class SyncTaskRunner(TaskRunner):
    def run(
        self, label: str, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None
    ) -> None:
        self._running += 1
        self.sig_task_started.emit(label)
        try:
            result, error = fn(), None
        except Exception as exc:  # noqa: BLE001 - reported to the user, not swallowed
            result, error = None, exc
        self._finish(label, result, error, on_done, on_error)


class _Relay(QObject):
    """Lives in the GUI thread; a worker emits on it and Qt queues the call to the GUI thread."""

    sig_job_ended = Signal(int, object, object)  # job id, result, error


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.job_id = job_id
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread
            result, error = None, exc
        self.relay.sig_job_ended.emit(self.job_id, result, error)


class ThreadTaskRunner(TaskRunner):
    """Runs jobs one at a time on a private worker thread (QThreadPool of one)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.sig_job_ended.connect(self._on_job_ended)
        self._callbacks: dict[int, tuple[str, Done, Failed | None]] = {}
        self._next_id = 0

    def run(
        self, label: str, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None
    ) -> None:
        self._next_id += 1
        job = _Job(self._next_id, fn, self._relay)
        self._callbacks[self._next_id] = (label, on_done, on_error)
        self._running += 1
        self.sig_task_started.emit(label)
        self._pool.start(job)

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _on_job_ended(self, job_id: int, result: Any, error: Exception | None) -> None:
        label, on_done, on_error = self._callbacks.pop(job_id)
        self._finish(label, result, error, on_done, on_error)


def describe(exc: BaseException) -> str:
    """The error and where it happened, for the details of an error dialog."""
    tb = "".join(traceback.format_exception(exc)).rstrip()
    return f"{type(exc).__name__}: {exc}\n\n{tb}"
