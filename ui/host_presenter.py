"""The presenter of a class hosted from the desktop app: starts it (new or resumed) on the task
runner, relays what happens in the class to the GUI thread, and carries the facilitator's
controls to the host. The class itself runs on the server's own threads (wargame.net)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from wargame.net.hosting import HostedClass, host_class, new_session, resume_session
from wargame.scenario import Scenario

from .tasks import TaskRunner


@dataclass(frozen=True)
class ClassOptions:
    scenario: Scenario
    computer: tuple[str, ...]  # seats the computer plays from the start
    level: str
    bind: str  # "0.0.0.0": every network; "127.0.0.1": this computer only
    port: int
    replace_duplicates: bool
    deadline_minutes: int  # 0: no deadline
    path: Path  # the session file


class _Relay(QObject):
    sig_event = Signal(object)  # emitted on a class's thread, delivered on the GUI thread


class HostPresenter(QObject):
    # --- signals ----------------------------------------------------------------------------
    sig_class_started = Signal(object)  # HostedClass
    sig_class_changed = Signal(object)  # wargame.net.host.HostEvent
    sig_class_stopped = Signal()
    sig_busy_changed = Signal(bool, str)
    sig_error_occurred = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.hosted: HostedClass | None = None
        self._relay = _Relay(self)
        self._relay.sig_event.connect(self.sig_class_changed)

    # --- public API -------------------------------------------------------------------------------

    @property
    def hosting(self) -> bool:
        return self.hosted is not None

    def start(self, options: ClassOptions) -> None:
        def work() -> HostedClass:
            match, store = new_session(
                options.scenario, None, options.computer, options.level, options.path
            )
            return self._serve(match, store, options.path, options, fresh_keys=True)

        self._run(f"Starting the class on port {options.port}", work)

    def resume(self, path: Path, options: ClassOptions) -> None:
        """Continue the class saved in `path` (its codes and seat tokens are kept beside it)."""

        def work() -> HostedClass:
            match, store = resume_session(path)
            if match.finished:
                store.close()
                raise ValueError(f"{path.name}: that session is already finished")
            return self._serve(match, store, path, options, fresh_keys=False)

        self._run(f"Resuming the class in {path.name}", work)

    def set_autoplay(self, seat: str, on: bool) -> None:
        """Hand a seat to the computer (or back to its person); the class reports the change."""
        hosted = self.hosted
        if hosted is not None:
            hosted.server.call(hosted.host, hosted.host.set_autoplay, seat, on)

    def stop(self) -> None:
        hosted, self.hosted = self.hosted, None
        if hosted is not None:
            hosted.stop()
            self.sig_class_stopped.emit()

    # --- private --------------------------------------------------------------------------------

    def _serve(self, match, store, path: Path, options: ClassOptions, fresh_keys: bool):  # noqa: ANN001, ANN202
        try:
            hosted = host_class(
                match,
                store,
                path,
                bind=options.bind,
                port=options.port,
                level=options.level,
                replace_duplicates=options.replace_duplicates,
                deadline=options.deadline_minutes * 60.0 or None,
                fresh_keys=fresh_keys,
            )
        except BaseException:
            store.close()
            raise
        hosted.host.listeners.append(self._relay.sig_event.emit)
        return hosted

    def _run(self, label: str, work) -> None:  # noqa: ANN001
        if self.hosted is not None:
            return
        self.sig_busy_changed.emit(True, label)
        self.runner.run(label, work, self._started, self._failed)

    def _started(self, hosted: HostedClass) -> None:
        self.sig_busy_changed.emit(False, "")
        self.hosted = hosted
        self.sig_class_started.emit(hosted)

    def _failed(self, exc: Exception) -> None:
        self.sig_busy_changed.emit(False, "")
        self.sig_error_occurred.emit(str(exc))
