"""The packaged build's file rules (packaging/bundle.py), with file lists shaped like each system's.

PyInstaller runs them on one system at a time; these run both shapes everywhere, so a rule
that would strip Windows' standard library fails here on Linux too.
"""

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bundle", REPO / "packaging" / "bundle.py")
bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle)


def prune(tmp_path, entries, links):
    """Run the orphan pruning over fake files; ``links`` maps a file name to what it imports."""
    toc = []
    for dest, typecode in entries:
        src = tmp_path / dest.replace("\\", "_").replace("/", "_")
        src.write_bytes(b"")
        toc.append((dest, str(src), typecode))
    names = {entry[1]: bundle.BundlePath(entry[0]).name for entry in toc}
    kept = bundle.without_orphans(toc, lambda src: links.get(names[src], []))
    return {dest for dest, _, _ in kept}


def test_windows_standard_library_extensions_at_the_top_are_kept(tmp_path):
    # How PyInstaller lays out a Windows build: the standard library's .pyd files and the
    # libraries they load sit at the top of _internal, beside python311.dll.
    entries = [
        ("python311.dll", "BINARY"), ("VCRUNTIME140.dll", "BINARY"),
        ("pyexpat.pyd", "EXTENSION"), ("_ctypes.pyd", "EXTENSION"), ("select.pyd", "EXTENSION"),
        ("_socket.pyd", "EXTENSION"), ("libffi-8.dll", "BINARY"),
        ("PySide6\\QtCore.pyd", "EXTENSION"), ("PySide6\\Qt6Core.dll", "BINARY"),
        ("PySide6\\plugins\\platforms\\qwindows.dll", "BINARY"),
        ("gtk-3-0.dll", "BINARY"),  # nothing kept imports it
    ]
    links = {"python311.dll": ["VCRUNTIME140.dll"], "_ctypes.pyd": ["libffi-8.dll", "python311.dll"],
             "QtCore.pyd": ["Qt6Core.dll"], "qwindows.dll": ["Qt6Core.dll"]}
    kept = prune(tmp_path, entries, links)
    assert kept == {dest for dest, _ in entries} - {"gtk-3-0.dll"}


def test_linux_libraries_only_a_dropped_plugin_needed_are_pruned(tmp_path):
    entries = [
        ("libpython3.11.so.1.0", "BINARY"), ("lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so", "EXTENSION"),
        ("libffi.so.8", "BINARY"),
        ("PySide6/QtGui.abi3.so", "EXTENSION"), ("PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"), ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "BINARY"),
        ("libgtk-3.so.0", "BINARY"), ("libcairo.so.2", "BINARY"),  # only the dropped GTK theme plugin used these
    ]
    links = {"_ctypes.cpython-311-x86_64-linux-gnu.so": ["libffi.so.8"], "QtGui.abi3.so": ["libQt6Gui.so.6"],
             "libqxcb.so": ["libQt6XcbQpa.so.6"], "libgtk-3.so.0": ["libcairo.so.2"]}
    kept = prune(tmp_path, entries, links)
    assert kept == {dest for dest, _ in entries} - {"libgtk-3.so.0", "libcairo.so.2"}


@pytest.mark.parametrize(("dest", "windows", "keep"), [
    ("PySide6\\plugins\\platforms\\qwindows.dll", True, True),
    ("PySide6\\plugins\\platforms\\qminimal.dll", True, False),
    ("PySide6\\plugins\\imageformats\\qsvg.dll", True, True),
    ("PySide6\\plugins\\multimedia\\ffmpegmediaplugin.dll", True, False),
    ("PySide6\\Qt6Widgets.dll", True, True),
    ("PySide6\\Qt6Quick.dll", True, False),
    ("PySide6\\opengl32sw.dll", True, False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False, True),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False, False),
    # Read aloud: the text-to-speech module, its engines for each platform and what it links,
    # never the FFmpeg multimedia backend or other multimedia plugins.
    ("PySide6\\Qt6TextToSpeech.dll", True, True),
    ("PySide6\\Qt6Multimedia.dll", True, True),
    ("PySide6\\Qt6Network.dll", True, True),
    ("PySide6\\plugins\\texttospeech\\qtexttospeech_sapi.dll", True, True),
    ("PySide6\\plugins\\texttospeech\\qtexttospeech_winrt.dll", True, True),
    ("PySide6\\plugins\\multimedia\\windowsmediaplugin.dll", True, False),
    ("PySide6\\avcodec-61.dll", True, False),
    ("PySide6/Qt/lib/libQt6FFmpegStub-va.so.2", False, False),
    ("PySide6/Qt/lib/libQt6Concurrent.so.6", False, True),  # Multimedia links it
    ("libpulse.so.0", False, False),  # the desktop's own sound server client, on Linux
    ("libspeechd.so.2", False, False),  # the desktop's own speech-dispatcher client
    ("PySide6/Qt/lib/libQt6TextToSpeech.so.6", False, True),
    ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", False, True),
    ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_flite.so", False, False),
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False, False),
    ("PySide6/Qt/lib/libQt6MultimediaQuick.so.6", False, False),
    ("PySide6/Qt/plugins/imageformats/libqico.so", False, False),
    ("PySide6\\plugins\\imageformats\\qico.dll", True, True),
    ("libfontconfig.so.1", False, False),   # the desktop's own, on Linux
    ("libfontconfig.so.1", True, True),
    ("assets/fonts/AtkinsonHyperlegible-Regular.ttf", False, True),
    ("assets\\fonts\\OFL.txt", True, True),  # the typeface's licence travels with it
])
def test_which_files_go_into_the_bundle(dest, windows, keep):
    assert bundle.wanted(dest, windows) is keep


def test_the_codecs_python_and_the_kiosk_read_and_write_with_stay_in():
    for codec in ("utf_8", "utf_8_sig", "ascii", "latin_1", "cp1252", "cp437", "mbcs", "aliases", "idna"):
        assert f"encodings.{codec}" not in bundle.EXCLUDES
    assert "encodings.mac_roman" in bundle.EXCLUDES and "encodings.koi8_r" in bundle.EXCLUDES
