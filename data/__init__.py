"""Data sets shipped with the course (see data/README.md); installed as ``nnlib.data``."""
