import sys

from workbook.cli.commands import main

sys.exit(main())
