"""Handing freed memory back: the kiosk runs all day and must not creep up to its busiest hour."""

import linecache
import sys

import pytest

from kiosk import memory


def test_the_line_cache_pyside_fills_is_emptied():
    linecache.getlines(memory.__file__)  # as PySide6's import hook does for every module
    assert memory.__file__ in linecache.cache
    memory.give_back_free_memory()
    assert memory.__file__ not in linecache.cache


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_free_pages_go_back_to_the_system_on_linux():
    block = bytearray(64 * 1024 * 1024)  # freed below; glibc may keep it for later
    del block
    assert memory.give_back_free_memory() is True
