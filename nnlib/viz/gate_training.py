"""Notebook 04's "Train": a sigmoid neuron learns a gate live, epoch by epoch (the source page's button).

TrainingView is a LiveTraining: reset() draws a random start from the seed, step(n) runs n more
epochs of nnlib.Neuron.fit, draw() shows the plane shaded by the neuron's output (left), the loss
so far (right) and a readout of epoch, loss, w1, w2 and b (below). update() is the finished run,
as the sliders and the notebook's still picture show it.
"""
import numpy as np

from .._validate import choice, positive, positive_int
from ..activations import sigmoid
from ..datasets import GATES, logic_gate
from ..losses import get_loss
from ..neuron import Neuron
from .gates import BOX, answers_wrong, decision_line, draw_gate_plane, is_unsure
from .live import LiveTraining
from .style import OKABE_ITO

LOSS_NAMES = {"log_loss": "log loss", "half_mse": "half MSE", "mse": "MSE"}


class TrainingView(LiveTraining):
    """Train a sigmoid neuron on a gate and watch it: output over the plane, loss per epoch, readout."""

    live = ("lr",)

    def __init__(self, max_epochs=2000, loss_range=(1e-3, 5.0), figsize=(11, 5.6)):
        super().__init__(figsize)
        self.max_epochs = positive_int(max_epochs, "max_epochs")
        self.fig.get_layout_engine().set(wspace=0.08)  # room between the colour bar and the loss
        axes = self.fig.subplot_mosaic([["plane", "loss"], ["readout", "readout"]],
                                       height_ratios=[1, 0.13], width_ratios=[1, 1.1])
        self.ax, self.ax_loss, ax_text = axes["plane"], axes["loss"], axes["readout"]
        X, y = logic_gate("and")
        self.plane = draw_gate_plane(self.ax, [0.0, 0.0], 0.0, X, y,
                                     names=("should say no (0)", "should say yes (1)"))
        bar = self.fig.colorbar(self.plane.shade, ax=self.ax, shrink=0.8, ticks=[0, 0.5, 1])
        bar.set_label("the neuron's output $a$")
        bar.ax.set_yticklabels(["0 no", "0.5", "1 yes"])
        self.ax_loss.set(yscale="log", xlim=(0, 1.02 * 200), ylim=loss_range, xlabel="epoch",
                         ylabel="loss (log scale)", title="Loss per epoch")
        self.ax_loss.grid(alpha=0.3, which="major")
        self.chance = self.ax_loss.axhline(1, color="0.4", ls="--", lw=1.2,
                                           label="loss when answering 0.5 to all")
        (self.curve,) = self.ax_loss.plot([], [], color=OKABE_ITO["blue"], lw=2)
        (self.end,) = self.ax_loss.plot([], [], "o", color=OKABE_ITO["blue"], mec="black", ms=7)
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

    def reset(self, lr=1.0, epochs=200, seed=0, gate="and", loss="log_loss"):
        """Back to seed's random start, for a run of `epochs` epochs; the loss axis spans them."""
        self.lr, self.epochs = positive(lr, "lr"), positive_int(epochs, "epochs")
        if self.epochs > self.max_epochs:
            raise ValueError(f"epochs must be at most {self.max_epochs}; got {epochs}.")
        if isinstance(seed, bool) or not float(seed).is_integer() or seed < 0:
            raise ValueError(f"seed must be a whole number >= 0; got {seed!r}.")
        self.seed, self.gate, self.loss = int(seed), choice(gate, GATES, "gate"), loss
        self.X, self.y = logic_gate(self.gate)
        self.neuron, self.diverged = Neuron(2, activation="sigmoid", rng=self.seed), False
        self.losses = [self._loss_now()]  # losses[k]: the loss after k epochs
        if self.ax_loss.get_xlim()[1] != 1.02 * self.epochs:
            self.ax_loss.set_xlim(0, 1.02 * self.epochs)  # the axis follows the run's length
            self.invalidate()
        self.chance.set_ydata([get_loss(loss).forward(np.full(4, 0.5), self.y)] * 2)
        return self

    def step(self, n=1):
        """n more epochs of full-batch gradient descent (fewer at the run's end or on divergence)."""
        n = min(positive_int(n, "n"), self.epochs - self.epoch)
        if n > 0 and not self.diverged:
            self.diverged = self.neuron.fit(self.X, self.y, lr=self.lr, epochs=n, loss=self.loss).diverged_
            if self.diverged:  # the losses it recorded are finite; the state after is not
                self.losses[-1:] = list(self.neuron.loss_curve_)
            else:
                self.losses[-1:] = list(self.neuron.loss_curve_) + [self._loss_now()]
        return self

    @property
    def epoch(self):
        """How many epochs have run (after a divergence: up to the last finite state)."""
        return len(self.losses) - 1

    @property
    def finished(self):
        return self.epoch >= self.epochs or self.diverged

    def _loss_now(self):
        return get_loss(self.loss).forward(self.neuron.forward(self.X), self.y)

    def draw(self):
        """Show the neuron as it is now; returns the figure."""
        w, b, k, X, y = self.neuron.w, self.neuron.b, self.epoch, self.X, self.y
        if self.diverged:
            w, b = self.neuron.w_path_[-1], self.neuron.b_path_[-1]  # the last finite weights
        g = np.linspace(*BOX, self.plane.shade.get_array().shape[0])
        self.plane.shade.set_data(sigmoid(w[0] * g[None, :] + w[1] * g[:, None] + b))  # (rows x2, cols x1)
        self.plane.line.set_data(*decision_line(w, b))
        for points, label in zip(self.plane.points, (0, 1)):
            points.set_offsets(X[y == label])
        wrong = answers_wrong(w, b, X, y)  # (4,)
        self.plane.wrong.set_offsets(X[wrong] if wrong.any() else np.empty((0, 2)))
        self.ax.set_title(f"What the {self.gate.upper()} neuron answers\nover the plane")
        self.curve.set_data(np.arange(k + 1), self.losses)
        self.end.set_data([k], self.losses[-1:])
        n_right = 4 - int(wrong.sum())
        verdict = "all 4 answers right" if n_right == 4 else f"{n_right} of 4 answers right"
        if is_unsure(w, b):
            verdict = "unsure everywhere (every output about 0.5)"
        if self.diverged:
            verdict = f"diverged: stopped after {k} of {self.epochs} epochs"
        self.headline.set_text(f"{self.gate.upper()} gate, learning rate {self.lr:.2f}, seed {self.seed}, "
                               f"{LOSS_NAMES.get(self.loss, self.loss)}: {verdict}")
        w1, w2, b = (round(float(v), 2) + 0.0 for v in (w[0], w[1], b))  # + 0.0 turns -0.0 into 0.0
        self.readout.set_text(f"epoch {k}   loss {self.losses[-1]:.4f}   "
                              f"w\u2081 = {w1:.2f}   w\u2082 = {w2:.2f}   b = {b:.2f}")
        return self.fig
