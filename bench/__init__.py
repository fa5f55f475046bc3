"""Benchmarks: each prints its figures (see docs/performance.md)."""
