"""The one place the version lives; pyproject, the CLI and the PyInstaller spec read it."""

__version__ = "0.1.0"
