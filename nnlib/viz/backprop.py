"""Notebook 05's picture of backpropagation in the 2-2-1 XOR network: every array as a small grid of
its numbers, titled with its name and shape - the forward pass left to right on top, the deltas
flowing back right to left underneath, and each weight's gradient beside the delta it comes from."""
import numpy as np
from matplotlib.patches import ConnectionPatch

from .style import OKABE_ITO

# (row, column) of each array in the 2 x 4 grid of tiles
PLACES = {"X": (0, 0), "A1": (0, 1), "y_hat": (0, 2), "W2": (0, 3),
          "dW1": (1, 0), "dZ1": (1, 1), "dZ2": (1, 2), "dW2": (1, 3)}
TITLES = {"X": "input $X$", "A1": "hidden $A_1 = \\sigma(XW_1 + b_1)$", "y_hat": "output $\\hat y = \\sigma(A_1W_2 + b_2)$",
          "W2": "weights $W_2$", "dW1": "$dW_1 = X^\\top dZ_1$", "dZ1": "$dZ_1 = (dZ_2 W_2^\\top) \\odot A_1(1 - A_1)$",
          "dZ2": "$dZ_2 = (\\hat y - y)/n$", "dW2": "$dW_2 = A_1^\\top dZ_2$"}
# (from, to, label, colour): forward arrows are blue, backward ones vermillion
ARROWS = [("X", "A1", "forward", "blue"), ("A1", "y_hat", "forward", "blue"),
          ("y_hat", "dZ2", "compare with y", "vermillion"), ("dZ2", "dZ1", "back through $W_2^\\top$", "vermillion"),
          ("dZ1", "dW1", "times $X^\\top$", "vermillion"), ("dZ2", "dW2", "times $A_1^\\top$", "vermillion")]


def draw_backprop(fig, arrays):
    """Draw the eight arrays (a dict name -> 2-D array, names as in PLACES) on fig; returns the axes."""
    axes = fig.subplots(2, 4, gridspec_kw={"wspace": 0.9, "hspace": 0.55})
    tiles = {}
    for name, (row, col) in PLACES.items():
        ax, values = axes[row, col], np.atleast_2d(arrays[name])
        signed = bool((values < 0).any()) or name.startswith("d")
        size = max(float(np.abs(values).max()), 1e-12)
        # pale shades (the colour scale reaches 1.8 times the largest value) keep black numbers readable
        ax.imshow(values, cmap="PuOr" if signed else "Blues", vmin=-1.8 * size if signed else 0,
                  vmax=1.8 * size if signed else 1.8, aspect="auto")
        for (i, j), value in np.ndenumerate(values):
            ax.text(j, i, f"{value:+.3f}" if signed else f"{value:.2f}", ha="center", va="center", fontsize=8)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"{TITLES[name]}\nshape {values.shape}", fontsize=9)
        tiles[name] = ax
    for start, end, label, colour in ARROWS:
        a, b = tiles[start], tiles[end]
        (ra, ca), (rb, cb) = PLACES[start], PLACES[end]
        if ra == rb:  # along a row: from one tile's side to the next one's
            xy_a, xy_b = ((1.0, 0.5), (0.0, 0.5)) if cb > ca else ((0.0, 0.5), (1.0, 0.5))
        else:  # down a column
            xy_a, xy_b = (0.5, -0.02), (0.5, 1.35)
        arrow = ConnectionPatch(xy_a, xy_b, "axes fraction", "axes fraction", axesA=a, axesB=b,
                                arrowstyle="-|>", color=OKABE_ITO[colour], lw=2, mutation_scale=14)
        fig.add_artist(arrow)
        middle = a.transAxes.transform(xy_a) * 0.5 + b.transAxes.transform(xy_b) * 0.5
        x, y = fig.transFigure.inverted().transform(middle)
        fig.text(x, y + (0.02 if ra == rb else 0.0), label, ha="center" if ra == rb else "left",
                 va="bottom", fontsize=8, color=OKABE_ITO[colour])
    return axes
