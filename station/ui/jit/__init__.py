"""The JIT bench: the PO list, its scans' answers, its batches and labels (see :mod:`.bench`)."""
