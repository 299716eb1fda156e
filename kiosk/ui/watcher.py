"""Watching the content folder, so staff edits reach the kiosk without a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 800  # editors save in several steps; wait until the folder is quiet


class ContentWatcher(QObject):
    """Emits ``changed`` once the content folder has been quiet for a moment after any edit."""

    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._folder = folder
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

    def _settled(self) -> None:
        self._watch_all()
        self.changed.emit()
