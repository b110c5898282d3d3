#!/usr/bin/env bash
# Build the sdist and the wheel (the wheel from the sdist, as `python -m build` does), check what
# each carries, install the wheel into a fresh virtual environment for every Python found
# (3.11, 3.12, 3.13), and run the installed app from a folder outside the checkout: self-test,
# blank worksheets (>= 12 pages, every font embedded), a one-year demo, and the real window
# (offscreen) listing the chapters. Then it removes one font from the install and expects a loud,
# clear failure; and it runs some of the sdist's own tests in its unpacked tree. Any problem stops
# it with a message and a non-zero exit.
#
#   bash packaging/check-install.sh            # TOOLS_PYTHON (default .venv/bin/python) needs
#                                              # `build` and `pypdf` (the [test] extra has both)
#   PYTHONS="python3.11" bash packaging/check-install.sh   # only these interpreters
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS_PYTHON=${TOOLS_PYTHON:-$ROOT/.venv/bin/python}
case $TOOLS_PYTHON in /*) ;; */*) TOOLS_PYTHON=$PWD/$TOOLS_PYTHON;; esac  # the checks cd away
PYTHONS=${PYTHONS:-python3.11 python3.12 python3.13}
WORK=$(mktemp -d /tmp/cw-install-check.XXXXXX)  # outside the checkout on purpose
DIST=$WORK/dist
export QT_QPA_PLATFORM=offscreen PIP_DISABLE_PIP_VERSION_CHECK=1
trap 'rm -rf "$WORK"' EXIT

say() { printf '\n== %s\n' "$*"; }
fail() { echo "check-install: $*" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/workbook/__init__.py")

say "building the sdist and, from it, the wheel"
start=$(date +%s)
"$TOOLS_PYTHON" -m build --outdir "$DIST" "$ROOT" > "$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; fail "the build failed"; }
echo "built in $(( $(date +%s) - start )) s"
SDIST=$DIST/couples_workbook-$VERSION.tar.gz
WHEEL=$DIST/couples_workbook-$VERSION-py3-none-any.whl
for built in "$SDIST" "$WHEEL"; do
    [ -f "$built" ] || fail "expected $built; the build made: $(cd "$DIST" && echo *)"
    awk -v b="$(stat -c %s "$built")" -v n="${built##*/}" 'BEGIN { printf "%s  %.2f MiB\n", n, b / 1048576 }'
done

say "checking what the sdist and the wheel carry"
"$TOOLS_PYTHON" - "$SDIST" "$WHEEL" <<'EOF'
import sys
import tarfile
import zipfile

sdist, wheel = sys.argv[1:]
with tarfile.open(sdist) as tar:
    in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
with zipfile.ZipFile(wheel) as whl:
    in_wheel = set(whl.namelist())
    metadata = next(whl.read(n).decode() for n in in_wheel if n.endswith(".dist-info/METADATA"))
needed_everywhere = ["workbook/assets/content/checkins.toml", "workbook/assets/fonts/DejaVuSans.ttf",
                     "workbook/assets/fonts/LICENSE-DejaVu.txt",
                     "workbook/assets/icons/couples-workbook-256.png"]
needed_in_sdist = needed_everywhere + [
    "LICENSE", "Makefile", "pyproject.toml", "tests/conftest.py",
    "tests/test_golden_vault.py", "tests/golden/vault-v1/vault.json", "tests/support/seed.py",
    "tests/reliability/test_crash_and_full.py",
    "packaging/couples-workbook.spec", "packaging/linux/build-deb.sh", "docs/content-schema.md",
    ".ci/run"]
missing = [n for n in needed_in_sdist if n not in in_sdist]
missing += [f"(wheel) {n}" for n in needed_everywhere if n not in in_wheel]
chapters = [n for n in in_wheel if n.startswith("workbook/assets/content/") and n.endswith(".toml")]
if len(chapters) < 13:
    missing.append(f"(wheel) only {len(chapters)} content files")
for field in ("License-Expression: GPL-3.0-or-later", "License-File: LICENSE"):
    if field not in metadata:
        missing.append(f"(wheel METADATA) {field}")
if any(n.startswith(("tests/", "packaging/", "docs/")) for n in in_wheel):
    missing.append("(wheel) carries tests, packaging or docs it should not")
if missing:
    sys.exit("check-install: missing: " + "; ".join(missing))
print(f"sdist: {len(in_sdist)} files; wheel: {len(in_wheel)} files, {len(chapters)} content files")
EOF

# One interpreter: fresh venv, install the wheel, run the app from outside the checkout.
check_with() {
    local python=$1 interpreter=$2 venv=$WORK/venv-$1 run=$WORK/run-$1
    say "$python: fresh venv ($interpreter), pip install the wheel"
    start=$(date +%s)
    "$interpreter" -m venv "$venv"
    "$venv/bin/python" -m pip install -q "$WHEEL" || fail "$python: pip install failed"
    echo "installed in $(( $(date +%s) - start )) s"
    mkdir -p "$run" && cd "$run"
    local app=$venv/bin/couples-workbook
    local location
    location=$("$venv/bin/python" -c 'import workbook; print(workbook.__file__)')
    case $location in "$venv"/*) ;; *) fail "$python: imported $location, not the install";; esac

    say "$python: self-test"
    "$app" --data-dir "$run/unused" self-test || fail "$python: self-test failed"

    say "$python: blank -o x.pdf"
    "$app" blank -o x.pdf || fail "$python: blank failed"
    "$TOOLS_PYTHON" - x.pdf <<'EOF' || fail "$python: the blank PDF is not right"
import sys
from pypdf import PdfReader

reader = PdfReader(sys.argv[1])
fonts, unembedded = set(), set()
for page in reader.pages:
    for font in (page.get("/Resources") or {}).get("/Font", {}).values():
        font = font.get_object()
        name = str(font.get("/BaseFont"))
        fonts.add(name)
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor else {}
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            unembedded.add(name)
print(f"{len(reader.pages)} pages; fonts: {', '.join(sorted(fonts))}")
if len(reader.pages) < 12 or not fonts or unembedded:
    sys.exit(f"pages {len(reader.pages)} (need 12+), fonts not embedded: {sorted(unembedded)}")
EOF

    say "$python: demo --years 1, then the window"
    "$app" demo --data-dir "$run/demo" --years 1 || fail "$python: demo failed"
    "$venv/bin/python" "$ROOT/packaging/check_installed_window.py" "$run/demo" demo-partner-one \
        || fail "$python: the window did not list the chapters"
    cd "$ROOT"
}

# An interpreter on PATH, or one pyenv keeps (its shims only run the selected version).
find_python() {
    local name=$1 candidate
    for candidate in "$(command -v "$name" 2>/dev/null)" \
            "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"${name#python}".*/bin/"$name"; do
        if [ -x "$candidate" ] && "$candidate" -c 'import venv, ensurepip' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

checked=()
for name in $PYTHONS; do
    if python=$(find_python "$name"); then
        check_with "$name" "$python"
        checked+=("$name")
    else
        echo "($name is not installed here: skipped)"
    fi
done
[ ${#checked[@]} -gt 0 ] || fail "no Python from '$PYTHONS' is installed"

say "the sdist is enough to test from: some of its own tests, run in its unpacked tree"
venv=$WORK/venv-${checked[0]}
mkdir -p "$WORK/sdist"
tar -xzf "$SDIST" -C "$WORK/sdist"
"$venv/bin/python" -m pip install -q pytest pytest-qt hypothesis pypdf || fail "pip install pytest"
# `python -m pytest` in the tree imports the tree's own package, as a distribution packager would.
(cd "$WORK/sdist/couples_workbook-$VERSION" && "$venv/bin/python" -m pytest -q -p no:cacheprovider \
    tests/test_content.py tests/test_install_resources.py tests/test_licence.py) \
    || fail "the sdist's own tests failed in its unpacked tree"

say "a missing file fails loudly (one font removed from the ${checked[0]} install)"
venv=$WORK/venv-${checked[0]}
cd "$WORK"
# -I: isolated, so the folder we are in can never put the checkout's package first.
site=$("$venv/bin/python" -I -c 'import workbook, pathlib; print(pathlib.Path(workbook.__file__).parent)')
case $site in "$venv"/*) ;; *) fail "the install's package is not inside $venv: $site";; esac
rm "$site/assets/fonts/DejaVuSans.ttf"
if "$venv/bin/couples-workbook" blank -o broken.pdf 2> broken.err; then
    fail "blank succeeded without its fonts"
fi
grep -q "files are missing or damaged" broken.err || { cat broken.err; fail "unclear message"; }
if "$venv/bin/couples-workbook" --data-dir "$WORK/unused" self-test > broken.out; then
    fail "self-test passed without a font"
fi
grep -q "fonts/DejaVuSans.ttf" broken.out || { cat broken.out; fail "self-test did not name it"; }
echo "blank: $(cat broken.err)"
echo "self-test: $(grep FAILED broken.out)"
cd "$ROOT"

say "install check passed: ${checked[*]}"
