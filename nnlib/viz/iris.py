"""Pictures for notebook 05: a scatter matrix of Iris, a confusion matrix, training curves, and the
spread of cross-validation scores.

CurvesView is a pure state -> figure app: build it once; update(hidden, lr) trains a fresh MLP and
moves the existing lines rather than drawing a new figure. It watches the validation set, never
the test set: settings are chosen on validation, and the test set is scored once, at the end.
"""
import numpy as np

from ..metrics import confusion_matrix
from ..mlp import MLP
from .live import LiveFigure
from .style import CLASS_COLORS, CLASS_MARKERS, OKABE_ITO, axes_or_new


def plot_scatter_matrix(X, y, feature_names, class_names, fig=None):
    """Every pair of X's columns (n, d) as a scatter coloured by class y; histograms on the diagonal.

    Returns the (d, d) grid of axes.
    """
    if fig is None:
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(9, 9))
    X, y, d = np.asarray(X, dtype=float), np.asarray(y).astype(int), np.shape(X)[1]
    axes = fig.subplots(d, d, sharex="col")
    bins = [np.linspace(X[:, j].min(), X[:, j].max(), 16) for j in range(d)]
    for i in range(d):
        for j in range(d):
            ax = axes[i, j]
            for c, name in enumerate(class_names):
                if i == j:
                    ax.hist(X[y == c, j], bins=bins[j], color=CLASS_COLORS[c], alpha=0.6,
                            edgecolor="black", linewidth=0.4)
                else:
                    ax.scatter(X[y == c, j], X[y == c, i], s=14, c=CLASS_COLORS[c], label=name,
                               marker=CLASS_MARKERS[c], edgecolors="black", linewidths=0.3)
            ax.tick_params(labelsize=7, labelbottom=i == d - 1)
            if i == j:
                ax.set_yticks([])  # a histogram's height is a count, not this row's measurement
            ax.set_xlabel(feature_names[j] if i == d - 1 else "", fontsize=9)
            ax.set_ylabel(feature_names[i] if j == 0 else "", fontsize=9)
    fig.legend(*axes[0, 1].get_legend_handles_labels(), loc="upper center", ncol=len(class_names),
               bbox_to_anchor=(0.5, 0.955), frameon=False, markerscale=2)
    fig.suptitle("Every pair of measurements, one colour and marker per class (diagonal: histograms)",
                 y=0.985)
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.07, top=0.9, hspace=0.12, wspace=0.3)
    return axes


def plot_confusion_matrix(y_true, y_pred, names, ax=None, title="Confusion matrix (test set)"):
    """The confusion matrix as a grid of counts: the diagonal holds the right answers."""
    from matplotlib.colors import LinearSegmentedColormap
    ax = axes_or_new(ax, figsize=(5, 4.4))
    M = confusion_matrix(y_true, y_pred, len(names))
    cmap = LinearSegmentedColormap.from_list("white_blue", ["#FFFFFF", OKABE_ITO["blue"]])
    ax.imshow(M, cmap=cmap, vmin=0, vmax=max(M.max(), 1))
    for (i, j), count in np.ndenumerate(M):
        ax.text(j, i, str(count), ha="center", va="center", fontsize=14,
                color="white" if count > 0.6 * M.max() else "black")
    ticks = np.arange(len(names))
    ax.set_xticks(ticks, names)
    ax.set_yticks(ticks, names)
    ax.set(xlabel="predicted species", ylabel="true species", title=title)
    return ax


class CurvesView(LiveFigure):
    """Loss and accuracy against epoch on the training and validation sets, for one trained MLP."""

    def __init__(self, X_train, y_train, X_val, y_val, activation="sigmoid", epochs=200,
                 batch_size=10, rng=0, max_loss_shown=1.5, accuracy_range=(0.6, 1.01)):
        super().__init__(figsize=(9, 3.3), layout=None)
        self.data, self.rng = (X_train, y_train, X_val, y_val), rng
        self.activation, self.epochs, self.batch_size = activation, epochs, batch_size
        self.ax_loss, self.ax_acc = self.fig.subplots(1, 2)
        self.fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.9, wspace=0.2)
        self.lines = {}
        for ax, what in ((self.ax_loss, "loss"), (self.ax_acc, "accuracy")):
            for part, color, style in (("training", OKABE_ITO["blue"], "-"),
                                       ("validation", OKABE_ITO["vermillion"], "--")):
                (self.lines[what, part],) = ax.plot([], [], style, color=color, lw=2, label=f"{part} set")
            ax.set(xlim=(0, epochs), xlabel="epoch", ylabel=what)
            ax.grid(alpha=0.3)
            ax.locator_params(nbins=4)  # few ticks: each one costs drawing time when a slider moves
        self.ax_acc.legend(loc="lower right")  # the same two colours in both panels
        # Fixed limits, so that moving a slider compares runs on the same scale; accuracy from
        # accuracy_range[0] up, where the runs differ (a 0-1 axis squeezes them into its top tenth).
        self.ax_loss.set(ylim=(0.0, max_loss_shown))
        self.ax_acc.set(ylim=accuracy_range)
        # Only curves and titles change when a slider moves: png() redraws just them.
        self.freeze(*self.lines.values(), self.ax_loss.title, self.ax_acc.title, self.ax_acc.get_legend())

    def show(self, net):
        """Draw the curves recorded by net.fit(..., X_val, y_val); returns the figure."""
        epochs = np.arange(1, len(net.loss_curve_) + 1)
        curves = {("loss", "training"): net.loss_curve_, ("loss", "validation"): net.val_loss_curve_,
                  ("accuracy", "training"): net.accuracy_curve_,
                  ("accuracy", "validation"): net.val_accuracy_curve_}
        for key, curve in curves.items():
            self.lines[key].set_data(epochs, curve)
        hidden = "-".join(map(str, net.layer_sizes[1:-1]))
        self.ax_loss.set_title(f"Cross-entropy loss: {hidden} hidden neurons, lr = {net.lr:g}")
        self.ax_acc.set_title("Accuracy: diverged" if net.diverged_ else
                              f"Accuracy: {net.val_accuracy_curve_[-1]:.1%} of the validation set right")
        return self.fig

    def train(self, hidden=8, lr=0.5):
        """A fresh MLP with one hidden layer of `hidden` neurons, fitted on the training set."""
        X_train, y_train, X_val, y_val = self.data
        net = MLP([X_train.shape[1], hidden, int(max(y_train.max(), y_val.max())) + 1], self.activation,
                  lr=lr, epochs=self.epochs, batch_size=self.batch_size, rng=self.rng)
        return net.fit(X_train, y_train, X_val=X_val, y_val=y_val)

    def update(self, hidden=8, lr=0.5):
        """Retrain with these settings and redraw the curves; returns the figure."""
        return self.show(self.train(hidden, lr))


def plot_cv_scores(scores, reference=None, ax=None, title="Held-out accuracy, repeated cross-validation"):
    """Strip plot of cross-validation accuracies: a row per model, a faint dot per fold, a big dot
    per repeat (its mean over the folds), and the mean +- sd of those repeats as a bar.

    scores: {model name: accuracies (n_repeats, n_folds)}, as nnlib.metrics.cross_validate returns
    them. reference, optional: (label, accuracy), drawn as a dashed line. Returns the ax.
    """
    ax = axes_or_new(ax, figsize=(8, 1.2 + 0.9 * len(scores)))
    jitter = np.random.default_rng(0)  # spreads the folds' dots up and down, the same every time
    for row, (name, acc) in enumerate(scores.items()):
        acc, color = 100 * np.asarray(acc, dtype=float), CLASS_COLORS[row % len(CLASS_COLORS)]
        ax.scatter(acc.ravel(), row + jitter.uniform(-0.25, 0.25, acc.size), s=12, color=color, alpha=0.35,
                   edgecolors="none", label="one fold" if row == 0 else None)
        means = acc.mean(axis=1)  # (n_repeats,): each repeat's cross-validated accuracy
        sd = means.std(ddof=1) if len(means) > 1 else 0.0
        ax.scatter(means, np.full(len(means), row), s=60, color=color, edgecolors="black", zorder=3,
                   marker=CLASS_MARKERS[row % len(CLASS_MARKERS)], label=f"{name}: one repeat's mean")
        ax.errorbar(means.mean(), row - 0.38, xerr=sd, fmt="|", color="black", ms=14, capsize=4, lw=1.5)
        ax.annotate(f"mean {means.mean():.1f}% ± {sd:.1f}", (means.mean() + sd, row - 0.38), xytext=(8, 0),
                    textcoords="offset points", fontsize=9, va="center")
    if reference:
        ax.axvline(100 * reference[1], color=OKABE_ITO["vermillion"], ls="--", lw=1.5, label=reference[0])
    ax.set_yticks(range(len(scores)), list(scores))
    ax.set(ylim=(len(scores) - 0.5, -0.8), xlabel="held-out accuracy (%)", title=title)
    ax.grid(alpha=0.3, axis="x")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return ax
