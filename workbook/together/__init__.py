"""Together: guided conversations for two people at one screen (issue 19). No Qt here."""
