"""The demo workbook: fictional partners, answers and years of tracker entries."""
