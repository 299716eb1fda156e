"""Watching the content folder, so staff edits reach the kiosk without a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 800  # editors save in several steps; wait until the folder is quiet
# A folder on a network share can vanish and come back without the system telling anyone
# (and a vanished folder can't be watched): whether it is there is asked this often.
PRESENCE_MS = 3000


class ContentWatcher(QObject):
    """Emits ``changed`` once the content folder has been quiet for a moment after any edit."""

    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None, presence_ms: int = PRESENCE_MS):
        super().__init__(parent)
        self._folder = folder
        self._present = folder.is_dir()
        self._presence = QTimer(self, interval=presence_ms)
        self._presence.timeout.connect(self._check_presence)
        self._presence.start()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._watch_all()

    def _watch_all(self) -> None:
        # Editors often save by writing a new file and renaming it over the old one, which
        # ends a watch on the old file: watch every folder and re-add files after each change.
        paths = [str(p) for p in [self._folder, *self._folder.rglob("*")] if p.exists()]
        missing = sorted(set(paths) - set(self._watcher.files()) - set(self._watcher.directories()))
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str) -> None:
        self._settle.start()

    def _check_presence(self) -> None:
        present = self._folder.is_dir()
        if present != self._present:
            # Gone: the reload refuses the empty folder and keeps the last good content.
            # Back: everything is watched again and the content reloads by itself.
            self._present = present
            watched = self._watcher.files() + self._watcher.directories()
            if watched:  # watches on what vanished are stale: start afresh
                self._watcher.removePaths(watched)
            self._settle.start()

    def _settled(self) -> None:
        self._watch_all()
        self.changed.emit()
