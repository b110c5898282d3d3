"""The command line: `couples-workbook` and its commands. The entry point is
`workbook.cli.commands:main`."""
