"""Plot helpers: each takes data and an optional ax, draws, and returns the ax.

They never call plt.show() and never change matplotlib's global settings. Colours come from the
Okabe-Ito palette, which colour-blind readers can tell apart; classes also differ by marker shape.
"""
import numpy as np

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "black": "#000000"}
CLASS_COLORS = [OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["green"]]  # class 0, 1, 2
CLASS_MARKERS = ["s", "o", "^"]


def _ax(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.figure().add_subplot()
    return ax


def scatter_classes(X, y, ax=None, names=("no", "yes"), **kwargs):
    """Scatter the two columns of X (n, 2), one colour and marker per class of y (n,)."""
    ax = _ax(ax)
    y = np.asarray(y).astype(int)
    for c, name in enumerate(names):
        pts = X[y == c]
        ax.scatter(pts[:, 0], pts[:, 1], s=kwargs.get("s", 60), c=CLASS_COLORS[c],
                   marker=CLASS_MARKERS[c], edgecolors="black", linewidths=0.8, label=name, zorder=3)
    return ax


def binary_cmap(pale=0.0):
    """A colour map from the "no" colour (0) through white (0.5) to the "yes" colour (1).

    pale in [0, 1) mixes both end colours that far towards white, so points drawn on top stand out.
    """
    from matplotlib.colors import LinearSegmentedColormap, to_rgb
    ends = [pale + (1 - pale) * np.array(to_rgb(c)) for c in CLASS_COLORS[:2]]
    return LinearSegmentedColormap.from_list("no_yes", [ends[0], "#FFFFFF", ends[1]])


def line_in_box(w, b, box):
    """Two end points of the line w1*x1 + w2*x2 + b = 0 across the square box (lo, hi); none if w = 0."""
    ends = np.array(box, dtype=float)
    if abs(w[1]) > 1e-9 and abs(w[1]) >= abs(w[0]):  # solve for x2 unless the line is near vertical
        return ends, -(w[0] * ends + b) / w[1]
    if abs(w[0]) > 1e-9:
        return -(w[1] * ends + b) / w[0], ends
    return [], []


def freeze_layout(fig, *moving):
    """Lay fig out once and mark the artists a slider moves as animated.

    Later redraws keep this layout (no costly re-layout per slider move), and
    nnlib.widgets.figure_png redraws only the animated artists over the static rest.
    """
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    for artist in moving:
        artist.set_animated(True)


def grid(X, resolution=150, margin=0.5):
    """A grid over the box around X (n, 2): returns xx, yy (resolution, resolution) and extent."""
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    return xx, yy, (lo[0], hi[0], lo[1], hi[1])


def plot_decision_boundary(predict, X, y, ax=None, names=("no", "yes"), resolution=150, margin=0.5):
    """Shade the plane by predict(points) (a probability of "yes", or a class label) with X, y on top.

    predict takes an array (m, 2) and returns (m,). The 0.5 line is drawn as the decision boundary.
    """
    ax = _ax(ax)
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
    scatter_classes(X, y, ax, names)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="$x_1$", ylabel="$x_2$", title="Decision boundary")
    ax.legend(loc="upper left", framealpha=0.9)
    return ax


def plot_loss_curve(losses, ax=None, label=None, log=False, title="Loss during training"):
    """Loss against epoch (one entry per epoch); log=True shows small losses on a log scale."""
    ax = _ax(ax)
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
    ax = _ax(ax)
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
    ax = _ax(ax)
    cs = ax.contour(W, B, L, levels=levels, cmap="viridis", linewidths=1)
    ax.clabel(cs, cs.levels[::4], fontsize=7)
    if path is not None:
        path = np.asarray(path)
        ax.plot(path[:, 0], path[:, 1], "o-", color=OKABE_ITO["vermillion"], ms=3, lw=1, label="path")
        ax.plot(*path[0], "s", color="black", ms=7, label="start")
        ax.legend()
    ax.set(xlabel=labels[0], ylabel=labels[1], title=title)
    return ax
