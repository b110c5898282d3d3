"""Building blocks every screen uses: labels and cards, theme, dialogs, models, guards."""
