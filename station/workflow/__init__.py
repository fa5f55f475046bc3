"""The batch workflow (pack, wait, ship, print), free of widgets: the CLI and the window drive it."""
