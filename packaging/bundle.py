"""What goes into the packaged kiosk: the file filter and orphan pruning that build.spec applies.

Plain Python, so the rules are unit-tested on any system (tests/unit/test_bundle.py) with file lists
shaped like Windows' and Linux's, not only when PyInstaller runs on each.
"""

from __future__ import annotations

import encodings
import os
import pkgutil
import re
import sys
from collections.abc import Callable
from pathlib import PureWindowsPath as BundlePath  # reads "\\" and "/" alike: one rule for both systems

WINDOWS = sys.platform == "win32"
# PyInstaller's table of contents entry: (path inside the bundle, source path, type code).
Entry = tuple[str, str, str]

# (Read aloud needs Qt's Multimedia and Network libraries, which text-to-speech links, but not
# their Python modules: PySide6.QtTextToSpeech imports without them.)
# Qt plugins the kiosk uses. Everything else Qt ships (QML, Quick, 3D, multimedia, PDF,
# network, wayland compositor, designer...) is left out.
KEEP_PLUGIN_DIRS = {
    "platforms",        # the window system: windows, xcb, wayland, offscreen (self-test)
    "imageformats",     # SVG (qsvg) and ICO; PNG is built into QtGui
    "iconengines",      # SVG icons
    "styles",           # the native Windows style
    "texttospeech",     # Read aloud's engines (issue 16), only the platform's own: see SPEECH_ENGINES
}
KEEP_PLATFORMS = {"qwindows", "qxcb", "qoffscreen"}  # Wayland desktops run it via XWayland
KEEP_IMAGEFORMATS = {"qsvg", "qico"}
# On Linux the kiosk shows no .ico and no QIcon (the style sheet's SVGs go through qsvg): what
# they took makes room for Read aloud (issue 16). Windows keeps them, as before.
LINUX_UNUSED_PLUGINS = {"qico", "qsvgicon"}
# Read aloud (issue 16): the system's voices (speech-dispatcher on Linux; SAPI and OneCore, which
# Qt calls winrt, on Windows) and Qt's mock engine, which the self-test loads to prove the module
# and its plugins load without touching the machine's voices. Other platforms' engines stay out.
SPEECH_ENGINES = {"qtexttospeech_speechd", "qtexttospeech_sapi", "qtexttospeech_winrt", "qtexttospeech_mock"}
# Qt libraries the kiosk needs; any other Qt6*.dll / libQt6*.so is dropped, since
# `excludes` only stops Python modules, not the shared libraries hooks collect.
KEEP_QT_LIBS = {"Core", "Gui", "Widgets", "Svg", "DBus", "XcbQpa",
                "TextToSpeech", "Multimedia", "Network", "Concurrent"}  # Read aloud, and what it links
# On Linux, the desktop's own X11, font and D-Bus libraries are used rather than bundled
# copies: every desktop has them, and a bundled fontconfig, libdbus or libstdc++ that is
# older than the system's configuration or graphics driver is a classic source of broken
# fonts, warnings and crashes at start. OpenSSL too: the system's copy gets security updates.
HOST_LIBRARIES = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|xcb.*|xkbcommon.*|fontconfig|freetype|png16|brotli\w*|expat"
    r"|dbus-1|systemd|gcrypt|gpg-error|cap|lz4|zstd|lzma|glib-2\.0|gthread-2\.0|pcre2-8|bsd|md|z|bz2|ffi"
    r"|GL|EGL|GLX|GLdispatch|OpenGL|stdc\+\+|gcc_s|crypto|ssl"
    # Read aloud (issue 16): the desktop's sound server client (QtMultimedia links it, with the
    # codecs it brings) and speech-dispatcher's client, which must match the desktop's daemon.
    r"|pulse|pulsecommon-[\d.]+|sndfile|vorbis\w*|ogg|FLAC|opus|mpg123|mp3lame|asyncns|apparmor"
    r"|krb5\w*|gssapi_krb5|k5crypto|com_err|keyutils|speechd)\.so"
)

# Text codecs the kiosk can need: its content and settings are UTF-8, and what Python itself reads
# and writes (file names, the console and pipes on Windows and Linux) uses these. The other 90 or
# so (Mac, DOS and ISO code pages for other alphabets) are left out: with the C accelerators and
# built-in hashes below, that made room for Read aloud's Qt libraries (issue 16) under 100 MB.
KEEP_CODECS = {
    "__init__", "aliases", "ascii", "latin_1", "utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be",
    "utf_32", "utf_32_le", "utf_32_be", "charmap", "mbcs", "oem", "cp65001", "cp437", "cp850", "cp1252",
    "iso8859_1", "iso8859_15", "idna", "punycode", "raw_unicode_escape", "unicode_escape", "undefined",
    "base64_codec", "hex_codec", "quopri_codec", "uu_codec", "zlib_codec", "bz2_codec", "rot_13",
}
UNUSED_CODECS = sorted(f"encodings.{m.name}" for m in pkgutil.iter_modules(encodings.__path__)
                       if m.name not in KEEP_CODECS)

EXCLUDES = [
    "tkinter", "unittest", "pydoc", "pytest", "pytestqt", "asyncio", "decimal", "_decimal",
    "multiprocessing", "ssl", "_ssl", "curses", "lib2to3", "xmlrpc",
    "pydoc_data", "bz2", "_bz2", "lzma", "_lzma", "unicodedata",
    # Packaging tools the build environment has (PyInstaller's hooks follow setuptools in when
    # it is installed): about 3 MB of source the kiosk never runs, and the room the usage
    # counts' SQLite needed under the 100 MB bundle limit (issue 16, issue 17).
    "setuptools", "pkg_resources", "distutils", "_distutils_hack", "packaging",
    # Mail and file-transfer clients, CGI and tar archives: nothing in the kiosk sends or unpacks.
    "smtplib", "ftplib", "cgi", "cgitb", "tarfile",
    # Standard modules nothing in the kiosk or its libraries imports (checked with every screen,
    # the review pack and the usage counts loaded), which PyInstaller's analysis reaches anyway.
    "webbrowser", "statistics", "fractions", "pprint", "shlex", "getopt",
    # Line editing for an interactive prompt (pdb, code) the kiosk never shows: with libreadline and
    # libtinfo, half a megabyte the bundle needed for Read aloud's libraries (issue 16).
    "readline",
    # C accelerators whose pure-Python twins are fast enough for the little they do here.
    "_pickle", "_elementtree", "_datetime",
    "_statistics", "_heapq", "_bisect", "_json", "_opcode", "_typing",
    # Python's own hashes but BLAKE2 (hashlib warns without it): hashlib uses OpenSSL's.
    "_md5", "_sha1", "_sha256", "_sha512", "_sha3",
    "syslog", "grp",  # only used when present (the kiosk logs to its own files)
    # Linux's: nothing locks files. (Not _posixsubprocess and resource: --check-content starts the
    # check in a child process and limits its memory, kiosk/checks/child.py. Not _csv or sqlite3: the
    # usage counts are kept in SQLite and exported as CSV, issue 17.)
    "fcntl",
    # East-Asian legacy text codecs: content must be UTF-8, so they are never used.
    "_multibytecodec", "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtPdf", "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtUiTools", "PySide6.QtDBus",
    *UNUSED_CODECS,
    # Reached by the analysis, never imported when the kiosk runs (checked with -X importtime over
    # the self-test, the review pack, the usage export, the content check and a start): Jinja's
    # typing helpers (imported only for type checkers), the parts of email that http.client's
    # headers don't use, cookies for urllib, and what warnings, IDNA host names and zip files
    # load only on request. About 200 KB the Linux bundle needed under its 100 MB.
    "typing_extensions", "email.policy", "email.headerregistry", "email._header_value_parser",
    "email.contentmanager", "email.generator", "http.cookiejar", "tracemalloc", "stringprep",
    "py_compile",
    # platformdirs picks one module for the platform it runs on; the others never load.
    "platformdirs.android", "platformdirs.macos",
    *(["platformdirs.unix"] if WINDOWS else ["platformdirs.windows"]),
]


def wanted(dest: str, windows: bool = WINDOWS) -> bool:
    """Keep a collected file? ``dest`` is its path inside the bundle."""
    parts = BundlePath(dest).parts
    name = parts[-1]
    if "translations" in parts:
        return False  # Qt's own translations: the kiosk's words come from its content
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
        if folder not in KEEP_PLUGIN_DIRS:
            return False
        stem = re.sub(r"^lib|\.(dll|so|dylib)$", "", name)
        if folder == "platforms" and stem not in KEEP_PLATFORMS:
            return False
        if folder == "imageformats" and stem not in KEEP_IMAGEFORMATS:
            return False
        if folder == "texttospeech" and stem not in SPEECH_ENGINES:
            return False
        if not windows and stem in LINUX_UNUSED_PLUGINS:
            return False
        return True
    qt_lib = re.match(r"^(?:lib)?Qt6(\w+?)(?:d)?\.(?:dll|so)", name)
    if qt_lib:
        return qt_lib.group(1) in KEEP_QT_LIBS
    if re.match(r"^(?:lib)?(avcodec|avformat|avutil|swscale|swresample|Qt6FFmpegStub)", name):
        return False  # FFmpeg: only multimedia's plugin uses it (QtCore needs the ICU libraries on Linux)
    if not windows and HOST_LIBRARIES.match(name):
        return False
    if any(part.endswith(".dist-info") for part in parts):
        return False  # packages' install metadata: nothing reads it in the bundle
    if name == "kiosk.ico":
        return False  # only the Windows executable needs it, and it is built into that
    if "opengl32sw" in name:
        return False  # software OpenGL for Quick; widgets draw without it
    return True



# Python's own library: the executable loads it by name, not through a link-time import.
PYTHON_LIBRARY = re.compile(r"^(lib)?python3", re.IGNORECASE)


def is_root(dest: str, typecode: str) -> bool:
    """Is this file loaded by the kiosk itself at run time, whatever links to it?

    Python extension modules (``EXTENSION``: PySide6's in package folders, but on Windows the
    standard library's ``pyexpat.pyd``, ``_ctypes.pyd``... at the top of ``_internal``), Qt's
    plugins (loaded by Qt from their folders) and Python's own library.
    """
    path = BundlePath(dest)
    return typecode == "EXTENSION" or "plugins" in path.parts or bool(PYTHON_LIBRARY.match(path.name))


def without_orphans(binaries: list[Entry], imports_of: Callable[[str], list[str]]) -> list[Entry]:
    """Drop system libraries that only the dropped plugins needed (GTK, cairo, ...).

    Starting from the roots (``is_root``), a library stays only if a root reaches it through
    link-time imports; ``imports_of(path)`` names the libraries a binary file imports.
    """
    by_name: dict[str, Entry] = {}
    for entry in binaries:
        by_name.setdefault(BundlePath(entry[0]).name.lower(), entry)
    queue = [entry for entry in binaries if is_root(entry[0], entry[2])]
    reached: set[str] = set()
    while queue:
        dest, src, typecode = queue.pop()
        if dest in reached:
            continue
        reached.add(dest)
        if typecode == "SYMLINK" or not os.path.isfile(src):
            continue
        for name in imports_of(src):
            found = by_name.get(BundlePath(name).name.lower())
            if found:
                queue.append(found)
    # A symlink stays when the library it points to stays.
    reached |= {dest for dest, src, typecode in binaries
                if typecode == "SYMLINK" and os.path.normpath(os.path.join(os.path.dirname(dest), src)) in reached}
    return [entry for entry in binaries if entry[0] in reached]
