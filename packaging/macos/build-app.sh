#!/usr/bin/env bash
# Build "Couples Workbook.app" and a .dmg on macOS (13 Ventura or newer, on the architecture
# you want to ship: build once on Apple silicon and once on Intel, or use a universal2 Python).
#
#   packaging/macos/build-app.sh [--venv DIR]
#
# Signing and notarisation (optional; without them the app is ad-hoc signed and Gatekeeper will
# ask people to right-click > Open the first time, which is not acceptable for a release):
#   CW_CODESIGN_IDENTITY="Developer ID Application: Your Name (TEAMID)"
#       PyInstaller then signs every binary and the bundle with the hardened runtime
#       (codesign --options runtime --timestamp) and packaging/macos/entitlements.plist.
#   CW_NOTARY_PROFILE=couples-workbook
#       a keychain profile made once with
#       xcrun notarytool store-credentials couples-workbook --apple-id ... --team-id ... --password <app-specific password>
#       The .app is then submitted with notarytool, waited for and stapled (so it opens offline
#       even once copied out of the disk image), then the .dmg is made, signed, notarised and
#       stapled the same way.
#
# Output: dist/Couples Workbook.app and dist/Couples-Workbook-<version>.dmg
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
VENV=${VENV:-$ROOT/.venv}
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) VENV=$2; shift 2 ;;
        *) echo "build-app: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ "$(uname -s)" = Darwin ] || { echo "build-app: this builds the macOS app; run it on a Mac" >&2; exit 1; }

APP_NAME="Couples Workbook"
APP="dist/$APP_NAME.app"
IDENTITY=${CW_CODESIGN_IDENTITY:-}
export CW_CODESIGN_IDENTITY=$IDENTITY   # read by packaging/couples-workbook.spec

PY=$VENV/bin/python
if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip
fi
"$PY" -m pip install -q -e "$ROOT" -r "$ROOT/packaging/requirements-build.txt"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/workbook/__init__.py")
DMG="dist/Couples-Workbook-$VERSION.dmg"

echo "== building $APP ($VERSION)"
rm -rf build/pyinstaller "dist/couples-workbook" "$APP"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/couples-workbook.spec

echo "== checking the app"
BIN="$APP/Contents/MacOS/couples-workbook"
[ "$("$BIN" --version)" = "$APP_NAME $VERSION" ] || { echo "build-app: wrong --version" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$BIN" self-test
/usr/libexec/PlistBuddy -c "Print :CFBundleIdentifier" "$APP/Contents/Info.plist"
/usr/libexec/PlistBuddy -c "Print :LSMinimumSystemVersion" "$APP/Contents/Info.plist"
codesign --verify --deep --strict --verbose=2 "$APP"
for licence in LICENSE THIRD-PARTY-NOTICES.txt; do
    [ -f "$APP/Contents/Resources/$licence" ] || { echo "build-app: $licence missing" >&2; exit 1; }
done

notarise() {  # notarise FILE: submit it to Apple and wait for the verdict
    xcrun notarytool submit "$1" --keychain-profile "$CW_NOTARY_PROFILE" --wait
}
if [ -n "$IDENTITY" ] && [ -n "${CW_NOTARY_PROFILE:-}" ]; then
    echo "== notarising the app (this waits for Apple, usually a few minutes)"
    mkdir -p build
    rm -f build/app-for-notary.zip
    ditto -c -k --keepParent "$APP" build/app-for-notary.zip
    notarise build/app-for-notary.zip
    xcrun stapler staple "$APP"
    xcrun stapler validate "$APP"
    spctl --assess --type execute --verbose=2 "$APP"
fi

echo "== making $DMG"
STAGING=$(mktemp -d)
trap 'rm -rf "$STAGING"' EXIT
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "$APP_NAME" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "$IDENTITY" ]; then
    echo "== signing the disk image"
    codesign --sign "$IDENTITY" --timestamp "$DMG"
    if [ -n "${CW_NOTARY_PROFILE:-}" ]; then
        echo "== notarising the disk image"
        notarise "$DMG"
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
    else
        echo "(CW_NOTARY_PROFILE not set: signed but not notarised)"
    fi
else
    echo "(CW_CODESIGN_IDENTITY not set: ad-hoc signed only, for testing on this Mac)"
fi
du -sh "$APP" "$DMG"
