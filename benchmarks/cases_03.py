"""Notebook 03's sliders: the ball on the bowl (BowlView) and descent over (w, b) (SurfaceView)."""
import numpy as np

from nnlib.descent_views import BowlView, SurfaceView


def make_bowl():
    return BowlView().update


def make_surface():
    legacy = np.random.RandomState(42)  # the published start: x = rand(2, 1), w = randn(), b = randn()
    x = legacy.rand(2, 1)
    w0, b0 = legacy.randn(), legacy.randn()
    return SurfaceView(x, 2 * x + 1, w0, b0).update


lrs = np.round(np.arange(0.01, 0.81, 0.01), 2)
CASES = [
    ("03 bowl: learning-rate slider", make_bowl, [{"lr": lr, "steps": 10} for lr in lrs]),
    ("03 bowl: steps slider", make_bowl, [{"lr": 0.5, "steps": s} for s in range(1, 31)]),
    ("03 (w, b) surface: learning-rate slider", make_surface,
     [{"lr": lr, "epochs": 300} for lr in np.round(np.arange(0.05, 1.51, 0.05), 2)]),
    ("03 (w, b) surface: epochs slider", make_surface,
     [{"lr": 1.2, "epochs": e} for e in range(10, 301, 10)]),
]
