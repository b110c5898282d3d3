"""Print & export: the session packet screen, its PDF jobs and direct printing."""
