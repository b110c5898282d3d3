"""Settings: passphrases, recovery codes, privacy, backups and leaving."""
