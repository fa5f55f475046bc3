"""The Stats view: the day's pack verification figures per operator, and units verified by hour."""
