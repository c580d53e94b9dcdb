"""Static plot helpers: each takes data and an optional ax, draws, and returns the ax.

They never call plt.show() and never change matplotlib's global settings. The draw_* helpers
underneath take an ax first and return the artists they drew, for views that move them later.
"""
import numpy as np

from .style import CLASS_COLORS, CLASS_MARKERS, OKABE_ITO, axes_or_new, binary_cmap


def draw_classes(ax, X, y, names=("no", "yes"), s=60):
    """Scatter the two columns of X (n, 2), one colour and marker per class of y; returns the collections."""
    X, y = np.asarray(X, dtype=float), np.asarray(y).astype(int)
    return [ax.scatter(X[y == c, 0], X[y == c, 1], s=s, c=CLASS_COLORS[c], marker=CLASS_MARKERS[c],
                       edgecolors="black", linewidths=0.8, label=name, zorder=3)
            for c, name in enumerate(names)]


def scatter_classes(X, y, ax=None, names=("no", "yes"), s=60):
    """Scatter the two columns of X (n, 2), one colour and marker per class of y (n,); returns ax."""
    ax = axes_or_new(ax)
    draw_classes(ax, X, y, names, s)
    return ax


def line_in_box(w, b, box):
    """Two end points of the line w1*x1 + w2*x2 + b = 0 across the square box (lo, hi); none if w = 0."""
    ends = np.array(box, dtype=float)
    if abs(w[1]) > 1e-9 and abs(w[1]) >= abs(w[0]):  # solve for x2 unless the line is near vertical
        return ends, -(w[0] * ends + b) / w[1]
    if abs(w[0]) > 1e-9:
        return -(w[1] * ends + b) / w[0], ends
    return [], []


def grid(X, resolution=150, margin=0.5):
    """A grid over the box around X (n, 2): returns xx, yy (resolution, resolution) and extent."""
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    return xx, yy, (lo[0], hi[0], lo[1], hi[1])


def plot_decision_boundary(predict, X, y, ax=None, names=("no", "yes"), resolution=150, margin=0.5):
    """Shade the plane by predict(points) (a probability of "yes", or a class label) with X, y on top.

    predict takes an array (m, 2) and returns (m,). The 0.5 line is drawn as the decision boundary.
    """
    ax = axes_or_new(ax)
    xx, yy, extent = grid(np.asarray(X, dtype=float), resolution, margin)
    out = np.asarray(predict(np.c_[xx.ravel(), yy.ravel()]), dtype=float).reshape(xx.shape)
    if len(names) == 2:
        ax.imshow(out, origin="lower", extent=extent, aspect="auto", cmap=binary_cmap(),
                  vmin=0, vmax=1, alpha=0.6, interpolation="bilinear")
        if out.min() < 0.5 < out.max():
            ax.contour(xx, yy, out, levels=[0.5], colors="black", linewidths=1.5)
    else:
        from matplotlib.colors import ListedColormap
        ax.imshow(out, origin="lower", extent=extent, aspect="auto", alpha=0.35,
                  cmap=ListedColormap(CLASS_COLORS[:len(names)]), vmin=-0.5, vmax=len(names) - 0.5)
    draw_classes(ax, X, y, names)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="$x_1$", ylabel="$x_2$", title="Decision boundary")
    ax.legend(loc="upper left", framealpha=0.9)
    return ax


def plot_loss_curve(losses, ax=None, label=None, log=False, title="Loss during training"):
    """Loss against epoch (one entry per epoch); log=True shows small losses on a log scale."""
    ax = axes_or_new(ax)
    ax.plot(np.arange(len(losses)), losses, color=OKABE_ITO["blue"], lw=2, label=label)
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    if log:
        ax.set_yscale("log")
    if label:
        ax.legend()
    ax.grid(alpha=0.3)
    return ax


def plot_loss_vs_param(values, losses, ax=None, path=None, xlabel="$w$", title="Loss against one weight"):
    """The loss as a curve over one parameter; path = (params, losses) marks the steps taken on it."""
    ax = axes_or_new(ax)
    ax.plot(values, losses, color=OKABE_ITO["blue"], lw=2, label="loss")
    if path is not None:
        ax.plot(path[0], path[1], "o-", color=OKABE_ITO["vermillion"], ms=5, lw=1, label="steps")
        ax.legend()
    ax.set(xlabel=xlabel, ylabel="loss", title=title)
    ax.grid(alpha=0.3)
    return ax


def plot_loss_contours(W, B, L, ax=None, path=None, levels=20, labels=("$w$", "$b$"),
                       title="Loss over two parameters"):
    """Contour lines of a loss L on a grid W, B (same shapes); path (k, 2) draws the steps taken."""
    ax = axes_or_new(ax)
    cs = ax.contour(W, B, L, levels=levels, cmap="viridis", linewidths=1)
    ax.clabel(cs, cs.levels[::4], fontsize=7)
    if path is not None:
        path = np.asarray(path)
        ax.plot(path[:, 0], path[:, 1], "o-", color=OKABE_ITO["vermillion"], ms=3, lw=1, label="path")
        ax.plot(*path[0], "s", color="black", ms=7, label="start")
        ax.legend()
    ax.set(xlabel=labels[0], ylabel=labels[1], title=title)
    return ax
