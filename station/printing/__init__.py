"""Print files: download them, merge them, hand them to a printer."""
