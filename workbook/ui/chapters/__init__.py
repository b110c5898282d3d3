"""The chapters: the list, the reader, worksheet questions and their editors, side by side."""
