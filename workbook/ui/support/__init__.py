"""Reading pages that are there for anyone at any time: the introduction and Support and safety."""
