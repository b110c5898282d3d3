"""Milestones, the consent ladder, check-ins and their trends, gratitude."""
