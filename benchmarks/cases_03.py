"""Notebook 03's sliders: the ball on the bowl (BowlView) and descent over (w, b) (SurfaceView)."""
import numpy as np

from nnlib.datasets import reference_line
from nnlib.viz.descent import BowlView
from nnlib.viz.landscape import SurfaceView


def make_bowl():
    return BowlView()


def make_surface():
    return SurfaceView(*reference_line())  # the published start of notebooks 02 and 03


lrs = np.round(np.arange(0.01, 0.81, 0.01), 2)
CASES = [
    ("03 bowl: learning-rate slider", make_bowl, [{"lr": lr, "steps": 10} for lr in lrs]),
    ("03 bowl: steps slider", make_bowl, [{"lr": 0.5, "steps": s} for s in range(1, 31)]),
    ("03 (w, b) surface: learning-rate slider", make_surface,
     [{"lr": lr, "epochs": 300} for lr in np.round(np.arange(0.05, 1.51, 0.05), 2)]),
    ("03 (w, b) surface: epochs slider", make_surface,
     [{"lr": 1.2, "epochs": e} for e in range(10, 301, 10)]),
]


LIVE_CASES = [
    ("03 drop the ball: Play at lr 0.5", make_bowl, {"lr": 0.5, "steps": 30}, 30),
    ("03 (w, b) valley: Play at lr 1.2", make_surface, {"lr": 1.2, "epochs": 300}, 100),
]
