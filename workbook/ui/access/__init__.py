"""Getting in: welcome, creating a workbook, unlocking, recovery codes, inviting a partner."""
