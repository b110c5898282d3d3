"""What the import-linter contracts in pyproject.toml cannot see, checked on the syntax tree:

- the windows (`workbook/ui/`) hold no SQL: no string that SQLite parses as a statement, however
  it is written (lower case, over several lines, glued together with `+`), no call of a
  database method, and no road to a connection (`current_session`, `vault`, `*_conn`);
- nobody reaches round the contracts: no `getattr`/`setattr` with a computed name in the windows,
  no `eval`/`exec`, and no `importlib.import_module`/`__import__` anywhere except the one lazy
  loader listed below, whose targets are constants in its own file.

    python tools/check_layers.py [PACKAGE_DIR]     # default: ./workbook; exit 1 with findings
"""

from __future__ import annotations

import ast
import sqlite3
import sys
from pathlib import Path

DATABASE_METHODS = {"execute", "executemany", "executescript", "commit", "rollback",
                    "iterdump", "create_function"}
ROADS_TO_STORAGE = {"current_session", "vault", "session", "shared_conn", "private_conn",
                    "connection", "conn"}
DYNAMIC_IMPORTS = {"import_module", "__import__"}
# file (relative to the package) -> why it may import by name
LAZY_LOADERS = {"export/__init__.py": "reportlab costs ~130 ms: PDF builders load on first use"}


def folded_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string constant, with `"a" + "b"` chains folded into one."""
    found = []
    for node in ast.walk(tree):
        text = _fold(node)
        if text is not None and isinstance(node, ast.expr):  # folded nodes are expressions
            found.append((node.lineno, text))
    return found


def _fold(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _fold(node.left), _fold(node.right)
        if left is not None and right is not None:
            return left + right
    if isinstance(node, ast.JoinedStr):  # f-strings: their literal parts, holes as a name
        return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str)
                       else " x " for v in node.values)
    return None


_PARSER = sqlite3.connect(":memory:")
# English can parse as SQL ("Select the steps from your list" = a query with aliases), so a
# string also needs a mark of code: an upper-case keyword or a piece no sentence needs.
_CODE_MARKS = ("(", "=", "?", "*", "_", " where ", " values", " set ", "table", "pragma",
               "delete from", "insert into",
               " join ", "order by", "group by", " limit ", "match")
_KEYWORDS = {"SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "PRAGMA",
             "REPLACE", "WITH", "FROM", "WHERE", "INTO", "VALUES", "SET", "ATTACH", "VACUUM"}


def looks_like_sql(text: str) -> bool:
    """True when SQLite accepts the text as a statement (tables it lacks do not matter)."""
    words = text.split()
    if len(words) < 2 or not any(c.isalpha() for c in text):
        return False
    lowered = f" {' '.join(words).lower()} "
    if not (_KEYWORDS & set(words) or any(mark in lowered for mark in _CODE_MARKS)):
        return False
    try:
        _PARSER.execute("EXPLAIN " + text)
    except sqlite3.OperationalError as error:  # parsed, then missed a table, column or function
        return str(error).startswith("no such")
    except (sqlite3.Warning, sqlite3.ProgrammingError):
        return True  # several statements in one string
    except ValueError:
        return False
    return True


def check_ui_file(path: Path, tree: ast.AST) -> list[str]:
    findings = []
    for line, text in folded_strings(tree):
        if looks_like_sql(text):
            findings.append(f"{path}:{line}: SQL text in the windows")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in DATABASE_METHODS | ROADS_TO_STORAGE:
            findings.append(f"{path}:{node.lineno}: `.{node.attr}` reaches storage from the "
                            "windows; ask a service instead")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in {"getattr", "setattr", "delattr"}
                and not (len(node.args) > 1 and isinstance(node.args[1], ast.Constant))):
            findings.append(f"{path}:{node.lineno}: {node.func.id} with a computed name")
    return findings


def check_any_file(path: Path, relative: str, tree: ast.AST) -> list[str]:
    findings = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if isinstance(node.func, ast.Name) and name in {"eval", "exec"}:  # not Qt's dialog.exec()
            findings.append(f"{path}:{node.lineno}: {name}() hides what runs")
        if name in DYNAMIC_IMPORTS and relative not in LAZY_LOADERS:
            findings.append(f"{path}:{node.lineno}: {name}() imports round the layer "
                            "contracts; import the module by name")
    return findings


def check_package(package: Path) -> list[str]:
    findings = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text("utf-8"), str(path))
        findings += check_any_file(path, relative, tree)
        if relative.startswith("ui/"):
            findings += check_ui_file(path, tree)
    return findings


def main(argv: list[str]) -> int:
    package = Path(argv[0]) if argv else Path("workbook")
    findings = check_package(package)
    for finding in findings:
        print(finding)
    print(f"check_layers: {len(findings)} finding(s) in {package}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
