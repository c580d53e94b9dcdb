"""Notebook 04: a sigmoid neuron learns a logic gate - the run, and the plane its answers shade.

train_gate() runs nnlib.Neuron.fit on a gate's truth table and keeps every epoch's weights;
draw_gate_plane() shades the plane by the neuron's output, with its boundary and the four
examples on top. The live training picture built on them is in nnlib.viz.gate_training.
"""
from collections import namedtuple

import numpy as np

from ..activations import sigmoid
from ..datasets import logic_gate
from ..losses import get_loss
from ..neuron import Neuron
from .plots import draw_classes, line_in_box
from .style import OKABE_ITO, axes_or_new, binary_cmap

BOX = (-0.5, 1.5)  # the plane shown: the inputs 0 and 1 with half a unit of room around them
PALE = 0.5  # how far the shading's end colours are mixed towards white, so the points stand out
FLAT_Z = 0.04  # |z| below this over the whole plane means outputs within 0.01 of 0.5: "unsure"

GateRun = namedtuple("GateRun", "X y neuron losses W b")
GateRun.__doc__ = "A finished run: losses (k + 1,), W (k + 1, 2) and b (k + 1,) after 0, 1, ..., k epochs."


def train_gate(gate="and", lr=1.0, epochs=200, rng=None, loss="log_loss"):
    """Train a sigmoid neuron on a gate's truth table by full-batch gradient descent; returns a GateRun."""
    X, y = logic_gate(gate)  # (4, 2), (4,)
    neuron = Neuron(2, activation="sigmoid", rng=rng).fit(X, y, lr=lr, epochs=epochs, loss=loss)
    losses, W, b = neuron.loss_curve_, neuron.w_path_, neuron.b_path_  # before each update
    if not neuron.diverged_:  # append the state after the last update
        losses = np.append(losses, get_loss(loss).forward(neuron.forward(X), y))
        W, b = np.vstack([W, neuron.w]), np.append(b, neuron.b)
    return GateRun(X, y, neuron, losses, W, b)


def is_unsure(w, b, box=BOX):
    """True if the output stays within 0.01 of 0.5 over the box: no answer, so no line to draw."""
    corners = np.array(np.meshgrid(box, box)).reshape(2, -1).T  # (4, 2)
    return bool(np.all(np.abs(corners @ np.asarray(w) + b) < FLAT_Z))


def answers_wrong(w, b, X, y):
    """Which examples the neuron answers wrongly, (n,) booleans; none if it is unsure everywhere."""
    if is_unsure(w, b):
        return np.zeros(len(y), dtype=bool)
    return (sigmoid(X @ np.asarray(w) + b) > 0.5) != (np.asarray(y) == 1)


def decision_line(w, b, box=BOX):
    """Two points on the line w1 x1 + w2 x2 + b = 0 spanning the box; no points if w = 0 or unsure."""
    if is_unsure(w, b, box):
        return [], []
    return line_in_box(w, b, box)


GatePlane = namedtuple("GatePlane", "shade line points wrong")
GatePlane.__doc__ = "The artists of a gate plane: the shading, the 0.5 line, one scatter per class, the rings."


def draw_gate_plane(ax, w, b, X, y, names=("no", "yes"), resolution=100):
    """The plane shaded by sigmoid(w1 x1 + w2 x2 + b), its 0.5 line, X, y on top; wrong ones ringed.

    Returns the GatePlane of artists drawn, for a view that moves them later.
    """
    g = np.linspace(*BOX, resolution)
    xx, yy = np.meshgrid(g, g)  # (resolution, resolution)
    shade = ax.imshow(sigmoid(w[0] * xx + w[1] * yy + b), origin="lower", extent=BOX * 2,
                      cmap=binary_cmap(PALE), vmin=0, vmax=1, interpolation="bilinear")
    (line,) = ax.plot(*decision_line(w, b), color="black", lw=2, label="boundary: output 0.5")
    points = draw_classes(ax, X, y, names, s=90)
    wrong = answers_wrong(w, b, X, y)  # (n,)
    ring = dict(facecolors="none", edgecolors=OKABE_ITO["vermillion"], linewidths=2.5)
    rings = ax.scatter(X[wrong, 0], X[wrong, 1], s=380, zorder=4, **ring)
    ax.scatter([], [], s=120, label="wrong answer", **ring)  # the legend's smaller ring
    ax.set(xlim=BOX, ylim=BOX, xticks=[0, 1], yticks=[0, 1], aspect="equal",
           xlabel="input $x_1$", ylabel="input $x_2$")
    return GatePlane(shade, line, points, rings)


def plot_gate_plane(w, b, X, y, ax=None, names=("no", "yes"), resolution=100):
    """The plane shaded by a sigmoid neuron's output, its boundary and the examples; returns ax."""
    ax = axes_or_new(ax)
    draw_gate_plane(ax, w, b, X, y, names, resolution)
    return ax
