"""Notebook 05's playground: an MLP learns Iris from two measurements, live (after TensorFlow Playground).

IrisTrainingView is an MLPTraining (nnlib.viz.mlp_training): reset() starts a fresh MLP with one
hidden layer from the seed, step(n) runs n more epochs of MLP.fit on the training flowers, and
draw() shades the plane of the two measurements by the class the network predicts there (left),
beside the loss and accuracy so far on the training and the validation flowers (right).
"""
import numpy as np

from .._validate import as_2d, labels, positive_int
from ..datasets import standardize
from .mlp_training import MLPTraining
from .plots import draw_classes, grid
from .style import CLASS_COLORS, CLASS_MARKERS, OKABE_ITO

PALE = 0.6  # how far the regions' colours are mixed towards white, so the flowers stand out
PARTS = {"train": ("training", OKABE_ITO["blue"], "-"), "val": ("validation", OKABE_ITO["vermillion"], "--")}


class IrisTrainingView(MLPTraining):
    """The decision regions of an MLP over two Iris measurements, and its curves, epoch by epoch."""

    steps_per_frame = 2  # 200 epochs in 100 frames: 10 s at 10 frames a second

    def __init__(self, X_train, y_train, X_val, y_val, feature_names, class_names, max_epochs=1000,
                 resolution=120, figsize=(9.6, 4.2)):
        super().__init__(figsize)
        from matplotlib.colors import ListedColormap, to_rgb
        self.max_epochs = positive_int(max_epochs, "max_epochs")
        X_train, X_val = as_2d(X_train, "X_train", 2), as_2d(X_val, "X_val", 2)  # in the data's units (cm)
        y_train = labels(y_train, "y_train", n_samples=len(X_train))
        y_val = labels(y_val, "y_val", n_samples=len(X_val))
        self.n_classes = len(class_names)
        xx, yy, extent = grid(np.vstack([X_train, X_val]), resolution, margin=0.4)
        # The network sees standardised measurements (the training set's mean and std); the plane is in cm.
        X_fit, rest = standardize(X_train, np.vstack([X_val, np.c_[xx.ravel(), yy.ravel()]]))
        self.data, self.grid = (X_fit, y_train, rest[:len(X_val)], y_val), rest[len(X_val):]
        axes = self.fig.subplot_mosaic([["regions", "loss"], ["regions", "accuracy"]], width_ratios=[1, 1.1])
        self.ax, self.ax_loss, self.ax_acc = axes["regions"], axes["loss"], axes["accuracy"]
        pale = [PALE + (1 - PALE) * np.array(to_rgb(c)) for c in CLASS_COLORS[:self.n_classes]]
        self.regions = self.ax.imshow(np.zeros(xx.shape), origin="lower", extent=extent, aspect="auto",
                                      cmap=ListedColormap(pale), vmin=-0.5, vmax=self.n_classes - 0.5,
                                      interpolation="nearest")
        draw_classes(self.ax, np.empty((0, 2)), [], class_names)  # the legend's entries; the flowers:
        self.points = []  # one collection per class, training flowers filled, validation ones hollow
        for c in range(self.n_classes):
            n_fit, n_val = int(np.sum(y_train == c)), int(np.sum(y_val == c))
            self.points.append(self.ax.scatter(
                *np.vstack([X_train[y_train == c], X_val[y_val == c]]).T, s=36, marker=CLASS_MARKERS[c], zorder=3,
                facecolors=[CLASS_COLORS[c]] * n_fit + ["white"] * n_val,
                edgecolors=["black"] * n_fit + [CLASS_COLORS[c]] * n_val, linewidths=[0.8] * n_fit + [1.8] * n_val))
        self.ax.scatter([], [], s=36, marker="o", facecolors="white", edgecolors="0.3", linewidths=1.8,
                        label="hollow: a validation flower")
        self.ax.set(xlim=extent[:2], ylim=extent[2:], xlabel=feature_names[0], ylabel=feature_names[1],
                    title="The species the network predicts (shading)")
        self.ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8, frameon=False)
        self.lines = {}
        for ax, what in ((self.ax_loss, "loss"), (self.ax_acc, "accuracy")):
            for part, (name, color, style) in PARTS.items():
                (self.lines[what, part],) = ax.plot([], [], style, color=color, lw=2, label=f"{name} flowers")
            ax.set(xlim=(0, 204), ylabel=what)
            ax.grid(alpha=0.3)
        self.ax_loss.set(ylim=(0, 1.3), title="Cross-entropy loss and accuracy, per epoch")
        self.ax_loss.tick_params(labelbottom=False)
        self.ax_acc.set(ylim=(0.3, 1.02), xlabel="epoch")  # from chance (1/3) up: where the action is
        self.ax_acc.legend(loc="lower right", fontsize=8)
        self.readout = self.ax_loss.text(0.97, 0.9, "", transform=self.ax_loss.transAxes, ha="right",
                                         va="top", fontsize=10)  # one short line: text is slow to draw
        self.fig.suptitle("An MLP learns Iris", fontsize=12)  # laid out once; reset() rewrites it
        self.freeze(self.regions, *self.points, *self.lines.values(), self.readout)

    def reset(self, hidden=8, lr=0.5, epochs=200, seed=0):
        """Back to seed's random start of a 2-hidden-3 sigmoid MLP, for a run of `epochs` epochs."""
        self.hidden = positive_int(hidden, "hidden")
        self.start([2, self.hidden, self.n_classes], lr, epochs, seed)
        self.follow_epochs(self.ax_loss, self.ax_acc)
        self.retitle()
        return self

    def title(self):
        return (f"A 2-{self.hidden}-{self.n_classes} MLP learns Iris from two measurements: "
                f"learning rate {self.lr:g}, seed {self.seed}")

    def draw(self):
        """Show the network as it is now; returns the figure."""
        k = self.epoch
        self.regions.set_data(self.outputs(self.grid).argmax(axis=1).reshape(self.regions.get_array().shape))
        for key, line in self.lines.items():
            line.set_data(np.arange(k + 1), self.curves[key])
        n_val, right = len(self.data[3]), self.curves["accuracy", "val"][-1] * len(self.data[3])
        state = f"diverged after {k} epochs" if self.diverged else f"epoch {k} of {self.epochs}"
        self.readout.set_text(f"{state}: {round(right)} of {n_val} validation flowers right")
        return self.fig
