"""Benchmarks. Run all with `.venv/bin/python -m bench`; figures go in docs/PERFORMANCE.md."""
