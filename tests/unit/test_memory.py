"""Handing freed memory back: the kiosk runs all day and must not creep up to its busiest hour."""

import linecache
import sys

import pytest

from kiosk.system import memory


def test_the_line_cache_pyside_fills_is_emptied():
    linecache.getlines(memory.__file__)  # as PySide6's import hook does for every module
    assert memory.__file__ in linecache.cache
    memory.give_back_free_memory()
    assert memory.__file__ not in linecache.cache


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_free_pages_go_back_to_the_system_on_linux():
    import ctypes

    import psutil

    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    # Many small blocks (as screens, pages and pictures are), touched so they are resident,
    # then freed under one block that stays: glibc keeps the free pages inside the process.
    blocks = [libc.malloc(4096) for _ in range(20_000)]  # 80 MB
    for block in blocks:
        ctypes.memset(block, 1, 4096)
    keep = libc.malloc(4096)
    for block in blocks:
        libc.free(block)
    before = psutil.Process().memory_info().rss
    assert memory.give_back_free_memory() is True
    after = psutil.Process().memory_info().rss
    libc.free(keep)
    assert before - after > 40 * 1024 * 1024, f"only {(before - after) / 2**20:.1f} MB went back"


def test_elsewhere_it_says_it_could_not(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    memory._malloc_trim.cache_clear()
    try:
        assert memory.give_back_free_memory() is False
    finally:
        monkeypatch.undo()
        memory._malloc_trim.cache_clear()
