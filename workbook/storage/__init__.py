"""Encrypted storage: SQLCipher files, keyslots, schema migrations and repositories.

Nothing here imports Qt; tests/test_architecture.py makes sure of it.
"""
