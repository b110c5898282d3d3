#!/usr/bin/env bash
# Install the built .deb, check the installed app works, time it, and remove it again.
#
#   packaging/linux/smoke-test.sh [path/to/couples-workbook_<version>_<arch>.deb]
#
# Default package: the newest dist/couples-workbook_*.deb. Needs root (dpkg -i). With
# KEEP_INSTALLED=1 the package stays installed afterwards.
#
# Checks: the package installs with its Depends (apt-get -f install fills them in), the files land
# where desktops look for them, every ELF file in the bundle resolves its libraries, the installed
# `couples-workbook --version` prints the package's version, `self-test` passes headless (it also
# opens and unlocks the real window offscreen), a demo workbook can be created, the real window
# appears on an X server (Xvfb), and `dpkg -r` leaves nothing behind.
# Timings go to stdout and to build/smoke-test.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP=couples-workbook
APP_ID=io.github.couplesworkbook.CouplesWorkbook  # the .desktop file, icon and metainfo
DEB=${1:-$(find "$ROOT/dist" -maxdepth 1 -name "${APP}_*.deb" -printf '%T@ %p\n' 2>/dev/null \
           | sort -n | tail -1 | cut -d' ' -f2-)}
if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then
    echo "smoke-test: no .deb given or found in dist/" >&2; exit 2
fi
[ "$(id -u)" -eq 0 ] || { echo "smoke-test: run as root (it installs the package)" >&2; exit 2; }
DEB=$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")
VERSION=$(dpkg-deb -f "$DEB" Version)
REPORT=$ROOT/build/smoke-test.txt
mkdir -p "$ROOT/build"
: > "$REPORT"
export DEBIAN_FRONTEND=noninteractive

say() { printf '\n== %s\n' "$*"; }
note() { printf '%s\n' "$*" | tee -a "$REPORT"; }
fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

SCRATCH=$(mktemp -d /tmp/cw-smoke.XXXXXX)
XVFB_PID=""
APP_PID=""
cleanup() {
    local status=$?
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    if [ "${KEEP_INSTALLED:-0}" != 1 ] && dpkg-query -W -f='${Status}' "$APP" 2>/dev/null \
            | grep -q "ok installed"; then
        dpkg -r "$APP" >/dev/null 2>&1 || true
    fi
    rm -rf "$SCRATCH"
    exit "$status"
}
trap cleanup EXIT

# Run the app as a person would: a fresh home, so nothing of root's is read or written.
export HOME=$SCRATCH/home XDG_DATA_HOME=$SCRATCH/home/.local/share \
    XDG_CONFIG_HOME=$SCRATCH/home/.config XDG_STATE_HOME=$SCRATCH/home/.local/state \
    XDG_CACHE_HOME=$SCRATCH/home/.cache
mkdir -p "$HOME"
unset QT_QPA_PLATFORM

# --- install -----------------------------------------------------------------------------------
say "installing $DEB"
note "package: $(basename "$DEB"), $(awk -v b="$(stat -c %s "$DEB")" \
    'BEGIN { printf "%.1f MiB", b / 1048576 }'), Installed-Size $(dpkg-deb -f "$DEB" Installed-Size) KiB"
start=$(now_ms)
if ! dpkg -i "$DEB"; then
    echo "(dpkg -i stopped on missing dependencies; letting apt-get fill them in)"
    apt-get update -qq
    apt-get -f install -y -qq
fi
note "install: $(( $(now_ms) - start )) ms"
dpkg-query -W -f='${Status}\n' "$APP" | grep -q "ok installed" || fail "package not installed"

say "installed files"
BIN=$(command -v "$APP") || fail "$APP is not on PATH"
[ "$BIN" = "/usr/bin/$APP" ] || fail "$APP resolves to $BIN, expected /usr/bin/$APP"
[ -x "/opt/$APP/$APP" ] || fail "/opt/$APP/$APP missing"
desktop-file-validate "/usr/share/applications/$APP_ID.desktop" || fail "installed .desktop invalid"
for size in 16 24 32 48 64 128 256 512; do
    [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" ] || fail "icon ${size}px missing"
done
[ -f "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" ] || fail "scalable icon missing"
ls /usr/share/metainfo/*.metainfo.xml >/dev/null || fail "metainfo missing"

say "every bundled library resolves (Depends are complete)"
unresolved=$(find "/opt/$APP" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 file -N --mime-type | awk -F': ' '$2 ~ /x-(sharedlib|executable|pie-executable)/ { print $1 }' \
    | while read -r elf; do
        LD_LIBRARY_PATH=/opt/$APP/_internal ldd "$elf" 2>/dev/null | sed -n "s|^\s*\(.*\) => not found|$elf: \1|p"
    done)
[ -z "$unresolved" ] || { printf '%s\n' "$unresolved" >&2; fail "libraries not found (see above)"; }
echo "ok"

say "no build-host RUNPATH, libraries not executable, docs in place"
host_paths=$(find "/opt/$APP" -type f -name '*.so*' -print0 | xargs -0 readelf -d 2>/dev/null \
    | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p' | tr ':' '\n' | grep -v '^[$]ORIGIN' || true)
[ -z "$host_paths" ] || fail "RUNPATH to the build machine: $(echo "$host_paths" | sort -u | head -3)"
executable_libs=$(find "/opt/$APP" -type f -name '*.so*' -perm /111 | head -3)
[ -z "$executable_libs" ] || fail "shared libraries should be 0644: $executable_libs"
for doc in copyright changelog.gz THIRD-PARTY-NOTICES.txt.gz; do
    [ -f "/usr/share/doc/$APP/$doc" ] || fail "/usr/share/doc/$APP/$doc missing"
done
# grep -c reads to the end: grep -q would stop early and, with pipefail, fail on zcat's SIGPIPE.
zcat "/usr/share/doc/$APP/THIRD-PARTY-NOTICES.txt.gz" | grep -c "GNU LESSER GENERAL PUBLIC LICENSE" \
    >/dev/null || fail "the notices lack Qt's LGPL text"
[ -f "/usr/share/man/man1/$APP.1.gz" ] || fail "man page missing"
echo "ok"

# --- run -------------------------------------------------------------------------------------
say "couples-workbook --version"
times=()
for _ in 1 2 3 4 5; do
    start=$(now_ms)
    out=$("$APP" --version)
    times+=($(( $(now_ms) - start )))
done
echo "$out"
[ "$out" = "Couples Workbook $VERSION" ] || fail "--version printed '$out'"
note "--version: first ${times[0]} ms, median $(printf '%s\n' "${times[@]}" | median) ms (5 runs)"

say "couples-workbook self-test (offscreen)"
start=$(now_ms)
QT_QPA_PLATFORM=offscreen "$APP" self-test || fail "self-test"
note "self-test: $(( $(now_ms) - start )) ms"

say "couples-workbook demo"
start=$(now_ms)
"$APP" demo --data-dir "$SCRATCH/demo" --years 1 >/dev/null || fail "demo"
note "demo workbook (1 year): $(( $(now_ms) - start )) ms"

# --- the real window on an X server ------------------------------------------------------------
# There is no "quit when shown" switch in the app, so the time to the unlock window is taken from
# outside: start the app against the demo workbook under Xvfb and poll until its window is mapped.
say "time to the unlock window (Xvfb)"
tools_missing=()
command -v Xvfb >/dev/null || tools_missing+=(xvfb)
command -v xdotool >/dev/null || tools_missing+=(xdotool)
command -v xprop >/dev/null || tools_missing+=(x11-utils)
if [ ${#tools_missing[@]} -gt 0 ]; then
    apt-get install -y -qq --no-install-recommends "${tools_missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq \
             && apt-get install -y -qq --no-install-recommends "${tools_missing[@]}" >/dev/null; }
fi
# -displayfd: Xvfb picks a free display number itself, so another X server on this machine is
# never used by mistake.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$SCRATCH/display" >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$SCRATCH/display" ] && break; sleep 0.1; done
[ -s "$SCRATCH/display" ] || fail "Xvfb did not start"
display=:$(head -1 "$SCRATCH/display")
times=()
for run in 1 2 3; do
    start=$(now_ms)
    DISPLAY=$display "$APP" --data-dir "$SCRATCH/demo" >"$SCRATCH/gui-$run.log" 2>&1 &
    APP_PID=$!
    shown=""
    for _ in $(seq 600); do   # up to 60 s
        if DISPLAY=$display xdotool search --onlyvisible --pid "$APP_PID" >/dev/null 2>&1; then
            shown=$(( $(now_ms) - start )); break
        fi
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.05
    done
    [ -n "$shown" ] || { cat "$SCRATCH/gui-$run.log" >&2; fail "no window appeared (run $run)"; }
    times+=("$shown")
    if [ "$run" = 1 ]; then
        # The taskbar shows these: they must be the calm app name, nothing about the content.
        window=$(DISPLAY=$display xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
        note "window title: '$(DISPLAY=$display xdotool getwindowname "$window")'"
        note "$(DISPLAY=$display xprop -id "$window" WM_CLASS)"
        DISPLAY=$display xprop -id "$window" WM_CLASS | grep -q "\"$APP\"" \
            || fail "WM_CLASS does not name $APP (StartupWMClass of $APP_ID.desktop)"
    fi
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
done
note "first window mapped: first ${times[0]} ms, median $(printf '%s\n' "${times[@]}" | median) ms (3 runs)"
kill "$XVFB_PID"; wait "$XVFB_PID" 2>/dev/null || true
XVFB_PID=""

# --- remove --------------------------------------------------------------------------------------
if [ "${KEEP_INSTALLED:-0}" = 1 ]; then
    say "keeping the package installed (KEEP_INSTALLED=1)"
else
    say "removing the package"
    dpkg -r "$APP"
    [ ! -e "/opt/$APP" ] || fail "/opt/$APP left behind"
    [ ! -e "/usr/bin/$APP" ] || fail "/usr/bin/$APP left behind"
fi
say "smoke test passed"
cat "$REPORT"
