"""Notebook 01's sliders: w1, w2 and b move the leaf frontier."""
import numpy as np

import nnlib
from nnlib.viz.frontier import FrontierView


def make_view():
    return FrontierView(*nnlib.load_leaves(40, rng=0))


def sweep(name, values):
    start = {"w1": 0.0, "w2": -1.0, "b": 5.0}
    return [{**start, name: float(v)} for v in values]


CASES = [
    ("01 leaf frontier: w1", make_view, sweep("w1", np.arange(-2.0, 2.01, 0.1))),
    ("01 leaf frontier: w2", make_view, sweep("w2", np.arange(-2.0, 2.01, 0.1))),
    ("01 leaf frontier: b", make_view, sweep("b", np.arange(-10.0, 10.01, 0.5))),
]
