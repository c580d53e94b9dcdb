"""Notebook 04's sliders: learning rate, epochs and seed retrain the gate neuron (TrainingView)."""
import numpy as np

import nnlib
from nnlib.viz.frontier import LeafTraining
from nnlib.viz.gate_training import TrainingView


def make_view():
    return TrainingView(max_epochs=400)


DEFAULTS = {"lr": 1.0, "epochs": 200, "seed": 17, "gate": "and", "loss": "log_loss"}


def sweep(name, values):
    return [{**DEFAULTS, name: v} for v in values]


CASES = [
    ("04 gate neuron: learning-rate slider", make_view,
     sweep("lr", [float(v) for v in np.round(np.arange(0.1, 20.01, 0.5), 2)])),
    ("04 gate neuron: epochs slider", make_view, sweep("epochs", list(range(10, 401, 10)))),
    ("04 gate neuron: seed slider", make_view, sweep("seed", list(range(21)))),
    ("04 gate neuron: gate and loss menus", make_view,
     [{**DEFAULTS, "gate": g, "loss": L} for L in ("log_loss", "half_mse")
      for g in ("and", "or", "nand", "nor", "xor")]),
]


def make_leaves():
    return LeafTraining(*nnlib.load_leaves(40, rng=0))


LIVE_CASES = [
    ("04 Train: AND at lr 1", make_view, {**DEFAULTS}, 100),
    ("04 Train: XOR at lr 1", make_view, {**DEFAULTS, "gate": "xor"}, 100),
    ("04 leaf frontier learned: Play at lr 0.1", make_leaves, {"lr": 0.1, "epochs": 1000, "seed": 0}, 60),
]
