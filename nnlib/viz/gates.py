"""Notebook 04: a sigmoid neuron learns a logic gate, and the training picture its sliders redraw.

train_gate() is the training behind the sliders (nnlib.Neuron.fit on a gate's truth table).
TrainingView draws a run: the plane shaded by the neuron's output with the four examples on top
(left), the loss per epoch (right) and a readout of epoch, loss, w1, w2 and b (below).
"""
from collections import namedtuple

import numpy as np

from .._validate import positive, positive_int
from ..activations import sigmoid
from ..datasets import logic_gate
from ..losses import get_loss
from ..neuron import Neuron
from .live import LiveFigure
from .plots import draw_classes, line_in_box
from .style import OKABE_ITO, axes_or_new, binary_cmap

BOX = (-0.5, 1.5)  # the plane shown: the inputs 0 and 1 with half a unit of room around them
LOSS_NAMES = {"log_loss": "log loss", "half_mse": "half MSE", "mse": "MSE"}
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


class TrainingView(LiveFigure):
    """Retrain on a gate and redraw: output over the plane, loss per epoch and a readout below."""

    def __init__(self, max_epochs=400, loss_range=(1e-3, 5.0), figsize=(11, 5.6)):
        super().__init__(figsize)
        self.max_epochs = positive_int(max_epochs, "max_epochs")
        self.fig.get_layout_engine().set(wspace=0.08)  # room between the colour bar and the loss
        axes = self.fig.subplot_mosaic([["plane", "loss"], ["readout", "readout"]],
                                       height_ratios=[1, 0.13], width_ratios=[1, 1.1])
        self.ax, ax_loss, ax_text = axes["plane"], axes["loss"], axes["readout"]
        X, y = logic_gate("and")
        self.plane = draw_gate_plane(self.ax, [0.0, 0.0], 0.0, X, y,
                                     names=("should say no (0)", "should say yes (1)"))
        bar = self.fig.colorbar(self.plane.shade, ax=self.ax, shrink=0.8, ticks=[0, 0.5, 1])
        bar.set_label("the neuron's output $a$")
        bar.ax.set_yticklabels(["0 no", "0.5", "1 yes"])
        ax_loss.set(yscale="log", xlim=(0, 1.02 * self.max_epochs), ylim=loss_range, xlabel="epoch",
                    ylabel="loss (log scale)", title="Loss per epoch")
        ax_loss.grid(alpha=0.3, which="major")
        self.chance = ax_loss.axhline(1, color="0.4", ls="--", lw=1.2,
                                      label="loss when answering 0.5 to all")
        (self.curve,) = ax_loss.plot([], [], color=OKABE_ITO["blue"], lw=2)
        (self.end,) = ax_loss.plot([], [], "o", color=OKABE_ITO["blue"], mec="black", ms=7)
        ax_text.set_axis_off()
        for spine in ax_text.spines.values():
            spine.set_visible(False)  # png() redraws the spines of axes with moving parts
        self.headline = ax_text.text(0.5, 0.95, "", ha="center", va="top", fontsize=12,
                                     fontweight="bold", transform=ax_text.transAxes)
        self.readout = ax_text.text(0.5, 0.25, "", ha="center", va="top", fontsize=12,
                                    family="monospace", transform=ax_text.transAxes)
        self.fig.legend(loc="outside lower center", ncol=5, fontsize=9, frameon=False)
        self.fig.suptitle("A sigmoid neuron learns a logic gate", fontsize=13)
        self.ax.set_title("What the neuron answers\nover the plane")  # lays out two title lines
        self.freeze(self.plane.shade, self.plane.line, *self.plane.points, self.plane.wrong,
                    self.ax.title, self.chance, self.curve, self.end, self.headline, self.readout)

    def update(self, lr=1.0, epochs=200, seed=0, gate="and", loss="log_loss"):
        """Retrain from seed's random start and redraw; returns the figure."""
        lr, epochs = positive(lr, "lr"), positive_int(epochs, "epochs")
        if epochs > self.max_epochs:
            raise ValueError(f"epochs must be at most {self.max_epochs} (the loss axis' width); "
                             f"got {epochs}.")
        if isinstance(seed, bool) or not float(seed).is_integer() or seed < 0:
            raise ValueError(f"seed must be a whole number >= 0; got {seed!r}.")
        run = train_gate(gate, lr, epochs, rng=int(seed), loss=loss)
        w, b, k = run.W[-1], run.b[-1], len(run.W) - 1
        g = np.linspace(*BOX, self.plane.shade.get_array().shape[0])
        self.plane.shade.set_data(sigmoid(w[0] * g[None, :] + w[1] * g[:, None] + b))  # (rows x2, cols x1)
        self.plane.line.set_data(*decision_line(w, b))
        for points, label in zip(self.plane.points, (0, 1)):
            points.set_offsets(run.X[run.y == label])
        wrong = answers_wrong(w, b, run.X, run.y)  # (4,)
        self.plane.wrong.set_offsets(run.X[wrong] if wrong.any() else np.empty((0, 2)))
        self.ax.set_title(f"What the {gate.upper()} neuron answers\nover the plane")
        self.chance.set_ydata([get_loss(loss).forward(np.full(4, 0.5), run.y)] * 2)
        self.curve.set_data(np.arange(k + 1), run.losses)
        self.end.set_data([k], run.losses[-1:])
        n_right = 4 - int(wrong.sum())
        verdict = "all 4 answers right" if n_right == 4 else f"{n_right} of 4 answers right"
        if is_unsure(w, b):
            verdict = "unsure everywhere (every output about 0.5)"
        self.headline.set_text(f"{gate.upper()} gate, learning rate {lr:.2f}, seed {int(seed)}, "
                               f"{LOSS_NAMES.get(loss, loss)}: {verdict}")
        w1, w2, b = (round(v, 2) + 0.0 for v in (w[0], w[1], b))  # + 0.0 turns -0.0 into 0.0
        self.readout.set_text(f"epoch {k}   loss {run.losses[-1]:.4f}   "
                              f"w\u2081 = {w1:.2f}   w\u2082 = {w2:.2f}   b = {b:.2f}")
        return self.fig
