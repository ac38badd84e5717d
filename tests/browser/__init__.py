"""Browser tests: the built site in a real Chromium."""
