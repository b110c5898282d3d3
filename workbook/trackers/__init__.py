"""Tracker services: milestones, the consent ladder, check-ins and gratitude."""
