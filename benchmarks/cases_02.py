"""Notebook 02's slider: set w and b by hand on the y = 2x + 1 line (LineFitView)."""
import numpy as np

from nnlib.datasets import reference_line
from nnlib.viz.landscape import LineFitView


def make_fit():
    x, y, _, _ = reference_line()  # the notebook's published start
    return LineFitView(x, y)


CASES = [
    ("02 line fit: w slider", make_fit, [{"w": w, "b": 1.5} for w in np.arange(-1.0, 5.0, 0.1)]),
    ("02 line fit: b slider", make_fit, [{"w": 1.0, "b": b} for b in np.arange(-2.0, 4.0, 0.1)]),
]
