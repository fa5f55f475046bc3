"""The desktop window of the station (PySide6). Widgets live here and nowhere else."""
