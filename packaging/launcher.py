"""PyInstaller entry script: the frozen app starts here and runs the same `main` as the
`couples-workbook` script a pip install creates."""

import sys

from workbook.cli.commands import main

if __name__ == "__main__":
    sys.exit(main())
