#!/usr/bin/env sh
# Make sure the Debian/Ubuntu packages Qt needs are present; install the missing ones.
# As root it installs with apt-get; otherwise with sudo if available; otherwise it lists them.
set -eu

QT_RUNTIME="libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core"
WANTED="$QT_RUNTIME ${EXTRA_DEBIAN_PACKAGES:-}"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian-based system: make sure Qt 6's runtime libraries (EGL, OpenGL, xkbcommon, xcb-cursor) are installed."
    exit 0
fi
# python3 -m venv needs Debian's python3-venv when Python itself came from Debian.
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    WANTED="$WANTED python3-venv"
fi

missing=""
for pkg in $WANTED; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "Installing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Please install them (as root): apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
