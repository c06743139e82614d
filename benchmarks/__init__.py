"""Quality and load measurements (not run as tests)."""
