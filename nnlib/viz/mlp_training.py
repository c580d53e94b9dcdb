"""Notebook 05's Play buttons: an MLP learns live, epoch by epoch, from a seeded random start.

MLPTraining is what the views share: reset() builds a fresh nnlib.MLP from the seed, step(n)
runs n more epochs of MLP.fit from the current weights, and the curves grow by one point per
epoch. Since fit goes on from the net's weights and its own rng, k steps of one epoch are one
fit of k epochs: frame k of a run is epoch k of MLP.fit. XorTrainingView (here) draws the 2-2-1
XOR net; the Iris view, three decision regions beside the curves, is in nnlib.viz.iris_training.
"""
import numpy as np

from .._validate import positive, positive_int, whole_number
from ..datasets import logic_gate
from ..mlp import MLP
from .gates import BOX, PALE
from .live import LiveTraining
from .plots import draw_classes, line_in_box
from .style import OKABE_ITO, binary_cmap


class MLPTraining(LiveTraining):
    """One MLP run: the net, its curves (entry k: after k epochs) and the settings that made it.

    A subclass sets self.data, the arguments of fit: (X, y) or (X, y, X_val, y_val).
    """

    live = ("lr",)
    activation, batch_size, max_epochs = "sigmoid", 10, 2000

    def start(self, layer_sizes, lr, epochs, seed):
        """Back to seed's random start: a fresh MLP, and the curves at epoch 0 (before training)."""
        self.lr, self.epochs = positive(lr, "lr"), whole_number(epochs, "epochs", low=1, high=self.max_epochs)
        self.seed, self.diverged = whole_number(seed, "seed", low=0), False
        self.net = MLP(layer_sizes, self.activation, lr=self.lr, epochs=1, batch_size=self.batch_size,
                       rng=self.seed)
        self.curves = {}
        for part, data in (("train", self.data[:2]), ("val", self.data[2:])):  # no "val" without X_val
            if data:
                loss, accuracy = self.net.score(*data)
                self.curves["loss", part], self.curves["accuracy", part] = [loss], [accuracy]
        return self

    def step(self, n=1):
        """n more epochs of MLP.fit (fewer at the run's end; none after a divergence)."""
        n = min(positive_int(n, "n"), self.epochs - self.epoch)
        if n > 0 and not self.diverged:
            self.net.lr, self.net.epochs = self.lr, n  # a learning rate moved mid-run applies now
            self.net.fit(*self.data)
            self.diverged = self.net.diverged_
            net = self.net
            recorded = {("loss", "train"): net.loss_curve_, ("accuracy", "train"): net.accuracy_curve_,
                        ("loss", "val"): net.val_loss_curve_, ("accuracy", "val"): net.val_accuracy_curve_}
            for key, curve in self.curves.items():
                curve.extend(recorded[key])
        return self

    def outputs(self, X):
        """The net's output probabilities P for checked X (m, n_features), untrained or diverged too."""
        with np.errstate(all="ignore"):
            return self.net.forward(X, check=False)[1][-1]

    @property
    def epoch(self):
        """How many epochs have run (after a divergence: the last finite one)."""
        return len(self.curves["loss", "train"]) - 1

    @property
    def finished(self):
        return self.epoch >= self.epochs or self.diverged

    def set(self, **settings):
        """Change the learning rate from the next step on; the title says so."""
        super().set(**settings)
        self.retitle()

    def retitle(self):
        """Title the figure with the run's settings (static: png() draws it again, once)."""
        self.fig.suptitle(self.title(), fontsize=12)
        self.invalidate()

    def follow_epochs(self, *axes):
        """Let the epoch axes span this run."""
        for ax in axes:
            ax.set_xlim(0, 1.02 * self.epochs)


class XorTrainingView(MLPTraining):
    """The 2-2-1 net learning XOR: its output over the plane, its two hidden lines, the loss so far."""

    batch_size, steps_per_frame = 4, 5  # the whole truth table in one batch; 500 epochs in 100 frames

    def __init__(self, max_epochs=2000, resolution=60, figsize=(9.2, 4.0)):
        super().__init__(figsize)
        self.max_epochs = positive_int(max_epochs, "max_epochs")
        X, y = logic_gate("xor")
        self.data = (X, y.astype(int))
        g = np.linspace(*BOX, resolution)
        self.grid = np.array(np.meshgrid(g, g)).reshape(2, -1).T  # (resolution**2, 2): x1 varies fastest
        self.ax, self.ax_loss = self.fig.subplots(1, 2, width_ratios=[1, 1.15])
        self.shade = self.ax.imshow(np.full((resolution, resolution), 0.5), origin="lower", extent=BOX * 2,
                                    cmap=binary_cmap(PALE), vmin=0, vmax=1, interpolation="bilinear")
        self.lines = [self.ax.plot([], [], style, color=OKABE_ITO["vermillion"], lw=3,
                                   label=f"line of hidden neuron {j + 1}")[0]
                      for j, style in enumerate(("--", ":"))]
        self.points = draw_classes(self.ax, X, y, names=("XOR = 0", "XOR = 1"), s=110)
        self.ax.set(xlim=BOX, ylim=BOX, xticks=[0, 1], yticks=[0, 1], aspect="equal", xlabel="input $x_1$",
                    ylabel="input $x_2$", title="The network's output over the plane")
        self.ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, fontsize=9, frameon=False)
        bar = self.fig.colorbar(self.shade, ax=self.ax, shrink=0.75, ticks=[0, 0.5, 1])
        bar.set_label("output: the probability of XOR = 1")
        self.ax_loss.axhline(np.log(2), color="0.4", ls="--", lw=1.2, label="loss when answering 0.5 to all")
        (self.curve,) = self.ax_loss.plot([], [], color=OKABE_ITO["blue"], lw=2, label="log loss")
        (self.end,) = self.ax_loss.plot([], [], "o", color=OKABE_ITO["blue"], mec="black", ms=7)
        self.ax_loss.set(yscale="log", ylim=(1e-3, 10.0), xlim=(0, 510), xlabel="epoch",
                         ylabel="loss (log scale)", title="Loss on the four corners, per epoch")
        self.ax_loss.grid(alpha=0.3)
        self.ax_loss.legend(loc="lower left", fontsize=9)
        self.readout = self.ax_loss.text(0.97, 0.95, "", transform=self.ax_loss.transAxes, ha="right",
                                         va="top", fontsize=10, linespacing=1.5)
        self.fig.suptitle("A 2-2-1 network learns XOR", fontsize=12)  # laid out once; reset() rewrites it
        self.freeze(self.shade, *self.lines, *self.points, self.curve, self.end, self.readout)

    def reset(self, lr=4.0, epochs=500, seed=0):
        """Back to seed's random start of a 2-2-1 sigmoid net, for a run of `epochs` epochs."""
        self.start([2, 2, 1], lr, epochs, seed)
        self.follow_epochs(self.ax_loss)
        self.retitle()
        return self

    def title(self):
        return f"A 2-2-1 network learns XOR: learning rate {self.lr:g}, seed {self.seed}"

    def draw(self):
        """Show the net as it is now; returns the figure."""
        net, k, losses = self.net, self.epoch, self.curves["loss", "train"]
        self.shade.set_data(self.outputs(self.grid).reshape(self.shade.get_array().shape))  # P(XOR = 1)
        W1, b1 = net.layers[0].W, net.layers[0].b  # (2, 2): column j is hidden neuron j's weights
        for j, line in enumerate(self.lines):  # where z_j = W1[0, j] x1 + W1[1, j] x2 + b1[j] = 0
            line.set_data(*line_in_box(W1[:, j], b1[j], BOX))
        self.curve.set_data(np.arange(k + 1), losses)
        self.end.set_data([k], losses[-1:])
        right = int(round(4 * self.curves["accuracy", "train"][-1]))
        state = f"diverged after {k} epochs" if self.diverged else f"epoch {k} of {self.epochs}"
        self.readout.set_text(f"{state}\nloss {losses[-1]:.3f}, {right} of 4 right")  # short: text draws slowly
        return self.fig
