"""Station: a packing-bench label-printing station for Lazada JIT purchase orders."""

from station._version import __version__

__all__ = ["__version__"]
