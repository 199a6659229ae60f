"""Benchmarks: run each module as a script (python bench/NAME.py)."""
