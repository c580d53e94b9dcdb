"""The leaf frontier: moved by sliders in notebook 01, learned live in notebook 04; network diagrams.

FrontierView is a pure state -> figure app: build it once, then update(w1, w2, b) moves the line,
re-shades the two sides and recounts the mistakes by changing the existing artists. LeafTraining
is the same picture as a LiveTraining: gradient descent moves the line, epoch by epoch.
"""
import numpy as np

from .._validate import positive, positive_int
from ..neuron import Neuron
from .live import LiveFigure, LiveTraining
from .plots import draw_classes, line_in_box
from .style import OKABE_ITO, axes_or_new, binary_cmap


class FrontierView(LiveFigure):
    """Leaves (width, length) with the line w1*x1 + w2*x2 + b = 0 a step neuron draws between them."""

    def __init__(self, X, y, names=("not edible", "edible"), box=(0.0, 10.0), resolution=200):
        super().__init__(figsize=(6.4, 5.6))
        self.X, self.y, self.box = np.asarray(X, dtype=float), np.asarray(y), box
        g = np.linspace(box[0], box[1], resolution)
        self.xx, self.yy = np.meshgrid(g, g)
        ax = self.ax = self.fig.add_subplot()
        self.shade = ax.imshow(np.zeros_like(self.xx), origin="lower", extent=box * 2,
                               cmap=binary_cmap(), vmin=-1.2, vmax=2.2, interpolation="nearest")
        (self.line,) = ax.plot([], [], color="black", lw=2.5, label="frontier: $z = 0$")
        self.arrow = ax.quiver([0], [0], [1], [0], color="black", scale=1, scale_units="xy",
                               angles="xy", width=0.009, zorder=4)
        self.arrow_label = ax.text(0, 0, "w", fontsize=12, fontweight="bold", ha="center",
                                   va="center", zorder=4)
        points = draw_classes(ax, self.X, self.y, names)
        self.wrong = ax.scatter([], [], s=260, facecolors="none", edgecolors=OKABE_ITO["vermillion"],
                                linewidths=2.5, zorder=4, label="mistake")
        ax.set(xlim=box, ylim=box, xlabel="leaf width $x_1$ (cm)", ylabel="leaf length $x_2$ (cm)",
               aspect="equal")
        from matplotlib.patches import Patch
        cmap = binary_cmap()
        sides = [Patch(color=cmap(0.3), label=f"neuron says {names[0]}"),
                 Patch(color=cmap(0.7), label=f"neuron says {names[1]} ($z > 0$)")]
        handles = ax.get_legend_handles_labels()[0]
        self.fig.legend(handles=handles + sides, loc="outside lower center", ncol=3, fontsize=9,
                        frameon=False)
        ax.set_title("two lines of\ntitle")  # a stand-in, so the layout leaves room for the title
        self.freeze(self.shade, self.line, self.arrow, self.arrow_label, self.wrong, ax.title,
                    *points)  # axes, ticks and legend are drawn once

    def mistakes(self, w1, w2, b):
        """Which leaves the step neuron step(w1*x1 + w2*x2 + b) gets wrong, as a boolean mask (n,)."""
        return (self.X @ np.array([w1, w2]) + b > 0) != (self.y == 1)

    def update(self, w1, w2, b):
        """Redraw for new weights and bias; returns the figure."""
        says_yes = (w1 * self.xx + w2 * self.yy + b > 0).astype(float)
        self.shade.set_data(says_yes)
        self.line.set_data(*line_in_box((w1, w2), b, self.box))
        self._arrow(w1, w2, b)
        wrong = self.mistakes(w1, w2, b)
        self.wrong.set_offsets(self.X[wrong] if wrong.any() else np.empty((0, 2)))
        n_wrong = int(wrong.sum())
        # Plain-text subscripts, not $w_1$ mathtext: mathtext is re-parsed on every redraw.
        self.ax.set_title(f"w₁ = {w1:.2f},  w₂ = {w2:.2f},  b = {b:.2f}\n"
                          f"{n_wrong} mistake{'' if n_wrong == 1 else 's'} out of {len(self.y)} leaves")
        return self.fig

    def _arrow(self, w1, w2, b):
        """An arrow from the frontier along (w1, w2): the side it points to is where z > 0."""
        norm = np.hypot(w1, w2)
        if norm < 1e-9:
            self.arrow.set_visible(False)
            self.arrow_label.set_visible(False)
            return
        centre = np.mean(self.box) * np.ones(2)
        n = np.array([w1, w2]) / norm
        foot = centre - (centre @ np.array([w1, w2]) + b) / norm * n  # closest line point to centre
        self.arrow.set_offsets(foot)
        self.arrow.set_UVC(1.5 * n[0], 1.5 * n[1])
        self.arrow_label.set_position(foot + 1.9 * n)
        for artist in (self.arrow, self.arrow_label):
            artist.set_visible(True)


def draw_network(nodes, edges, ax=None, title=None):
    """Draw a small network: nodes {name: (x, y, text)}, edges [(from, to, label)]; returns the ax."""
    ax = axes_or_new(ax, figsize=(6, 3))
    for start, end, label in edges:
        (x0, y0, _), (x1, y1, _) = nodes[start], nodes[end]
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops=dict(
            arrowstyle="-|>", color="0.35", lw=1.4, shrinkA=22, shrinkB=22))
        if label:
            ax.text(x0 + 0.35 * (x1 - x0), y0 + 0.35 * (y1 - y0), label, fontsize=10, ha="center",
                    va="center", bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none"))
    for x, y, text in nodes.values():
        ax.text(x, y, text, ha="center", va="center", fontsize=11, zorder=3,
                bbox=dict(boxstyle="circle,pad=0.45", fc=OKABE_ITO["sky"], ec="black", lw=1.2))
    xs, ys = [n[0] for n in nodes.values()], [n[1] for n in nodes.values()]
    ax.set(xlim=(min(xs) - 0.6, max(xs) + 0.6), ylim=(min(ys) - 0.6, max(ys) + 0.6), title=title)
    ax.set_axis_off()
    return ax


class LeafTraining(LiveTraining, FrontierView):
    """The leaf frontier learned by gradient descent: a sigmoid neuron, log loss, live (notebook 04).

    The picture is notebook 01's, where the learner moved the line by hand; now each step of Play
    is steps_per_frame epochs of nnlib.Neuron.fit from a random start, and the line moves itself.
    """

    live = ("lr",)
    steps_per_frame = 10  # 1000 epochs play in 10 s at 10 frames a second

    def reset(self, lr=0.1, epochs=1000, seed=0):
        """A random start drawn from seed, for a run of `epochs` epochs at learning rate lr."""
        self.lr, self.epochs = positive(lr, "lr"), positive_int(epochs, "epochs")
        self.neuron, self.epoch, self.diverged = Neuron(2, activation="sigmoid", rng=seed), 0, False
        return self

    def step(self, n=1):
        """n more epochs of full-batch gradient descent on log loss (fewer at the end)."""
        n = min(positive_int(n, "n"), self.epochs - self.epoch)
        if n > 0 and not self.diverged:
            self.diverged = self.neuron.fit(self.X, self.y, lr=self.lr, epochs=n, loss="log_loss").diverged_
            self.epoch += len(self.neuron.loss_curve_)
        return self

    @property
    def finished(self):
        return self.diverged or self.epoch >= self.epochs

    def draw(self):
        """The frontier the neuron draws now (z = 0, where its output is 0.5); returns the figure."""
        w1, w2 = self.neuron.w
        FrontierView.update(self, w1, w2, self.neuron.b)
        n_wrong = int(self.mistakes(w1, w2, self.neuron.b).sum())
        self.ax.set_title(f"epoch {self.epoch} of {self.epochs}: w\u2081 = {w1:.2f}, w\u2082 = {w2:.2f}, "
                          f"b = {self.neuron.b:.2f}\n{n_wrong} mistake{'' if n_wrong == 1 else 's'} "
                          f"out of {len(self.y)} leaves" + ("  (diverged)" if self.diverged else ""))
        return self.fig
