"""Benchmarks: Guichet against plain Pelican on the same synthetic town (``make bench``)."""
