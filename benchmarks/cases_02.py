"""Notebook 02's slider: set w and b by hand on the y = 2x + 1 line (LineFitView)."""
import numpy as np

from nnlib.descent_views import LineFitView


def make_fit():
    legacy = np.random.RandomState(42)  # the notebook's published start: x = rand(2, 1)
    x = legacy.rand(2, 1)
    return LineFitView(x, 2 * x + 1).update


CASES = [
    ("02 line fit: w slider", make_fit, [{"w": w, "b": 1.5} for w in np.arange(-1.0, 5.0, 0.1)]),
    ("02 line fit: b slider", make_fit, [{"w": 1.0, "b": b} for b in np.arange(-2.0, 4.0, 0.1)]),
]
