"""The headless command line: the same workflow the window drives."""
