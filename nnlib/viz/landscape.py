"""Notebooks 02 and 03 over two parameters: the loss of a line y_pred = w x + b as a landscape.

LineFitView: set w and b by hand and see the line and where (w, b) sits on the loss.
SurfaceView: gradient descent drops a ball on the (w, b) map; a LiveTraining, so Play grows the
path epoch by epoch, with the minus-gradient arrow at the ball; update() is the whole run.
"""
import numpy as np

from ..descent import line_descent, line_grad, line_loss, loss_grid
from .descent import loss_axes
from .._validate import positive, positive_int
from .live import LiveFigure, LiveTraining
from .style import BALL, OKABE_ITO, PATH

ARROW = 0.6  # the minus-gradient arrow's length on the (w, b) map, in units of w and b


class LineFitView(LiveFigure):
    """Set w and b by hand: the line over the data (left) and (w, b) on the loss (right), with the
    minus-gradient arrow; the minimum's star shows once the loss is below GOAL. gradient_step is one
    step downhill at STEP_LR, for a "take one gradient step" button."""
    GOAL, STEP_LR = 1e-3, 1.0

    def __init__(self, x, y, w_range=(-1.0, 5.0), b_range=(-2.0, 4.0), figsize=(10, 4.2)):
        super().__init__(figsize)
        self.x, self.y = np.ravel(x).astype(float), np.ravel(y).astype(float)
        ax_data, self.ax = self.fig.subplots(1, 2)
        ax_data.plot(self.x, self.y, "o", color=OKABE_ITO["blue"], ms=9, mec="black", label="data", zorder=3)
        self.xs = np.array([-0.1, 1.1])
        (self.line,) = ax_data.plot([], [], color=PATH, lw=2, label="$y_{pred} = w x + b$")
        self.errors = ax_data.vlines(self.x, 0, 0, color="black", ls=":", lw=2, label="errors $y_{pred} - y$")
        ax_data.set(xlim=self.xs, ylim=(-2, 6), xlabel="$x$", ylabel="$y$", title="The line and the data")
        ax_data.grid(alpha=0.3)
        draw_landscape(self.ax, self.x, self.y, w_range, b_range, minimum=False)
        w_best, b_best = np.polyfit(self.x, self.y, 1)
        (self.star,) = self.ax.plot([w_best], [b_best], "*", color="white", mec="black", ms=16, label="minimum")
        self.arrow = self.ax.quiver([0.0], [0.0], [0.0], [0.0], color=OKABE_ITO["green"], angles="xy",
                                    scale_units="xy", scale=1, width=0.012, label="minus the gradient")
        (self.spot,) = self.ax.plot([], [], "o", color=BALL, mec="black", ms=12, label="your (w, b)")
        self.fig.legend(handles=[ax_data.lines[0], self.line, self.errors, self.spot, self.arrow, self.star],
                        loc="outside lower center", ncol=6, fontsize=9, frameon=False)
        self.freeze(self.line, self.errors, self.star, self.arrow, self.spot, headline_lines=2)

    def update(self, w, b):
        """Redraw for a weight and bias; returns the figure."""
        y_pred = w * self.x + b
        self.line.set_data(self.xs, w * self.xs + b)
        self.errors.set_segments([[(xi, yi), (xi, pi)] for xi, yi, pi in zip(self.x, self.y, y_pred)])
        self.spot.set_data([w], [b])
        loss, (dw, db) = float(line_loss(w, b, self.x, self.y)), line_grad(w, b, self.x, self.y)
        size = np.hypot(dw, db)  # drawn at one length: the direction is the message
        self.arrow.set_offsets([[w, b]])
        self.arrow.set_UVC(*(-1.5 * ARROW * np.array([dw, db]) / size if size > 0 else (0.0, 0.0)))
        self.star.set_visible(found := loss < self.GOAL)
        self.headline.set_text(f"w = {w:.2f}, b = {b:.2f}: loss = half the mean squared error = {loss:.4f}\n"
                               + ("below 0.001: you found the bottom of the valley (the star)" if found
                                  else "goal: a loss below 0.001 (the minimum's star shows when you get there)"))
        return self.fig

    def gradient_step(self, w, b):
        """One gradient-descent step from (w, b) at STEP_LR: {"w": ..., "b": ...}, for a button."""
        dw, db = line_grad(w, b, self.x, self.y)
        return {"w": float(w - self.STEP_LR * dw), "b": float(b - self.STEP_LR * db)}


def draw_landscape(ax, x, y, w_range, b_range, resolution=300, n_levels=12, minimum=True):
    """The loss of the line over (w, b) as shaded height bands, with the minimum marked unless
    minimum=False; returns ax."""
    from matplotlib.colors import BoundaryNorm
    L = loss_grid(x, y, w_range, b_range, resolution)[2]
    # Band edges spaced by ratio, not difference, so the deep valley and the high walls both show.
    # Flat bands without contour lines keep the PNG small (smooth shades and lines triple it).
    levels = np.geomspace(0.005, L.max(), n_levels)
    ax.imshow(L, origin="lower", extent=(*w_range, *b_range), aspect="auto", cmap="Blues_r",
              norm=BoundaryNorm(levels, 256, extend="both"), alpha=0.85, interpolation="nearest")
    if minimum:
        w_best, b_best = np.polyfit(np.ravel(x), np.ravel(y), 1)  # least squares: the exact minimum
        ax.plot(w_best, b_best, "*", color="white", mec="black", ms=16, label="minimum")
    ax.set(xlim=w_range, ylim=b_range, xlabel="weight $w$", ylabel="bias $b$",
           title="Loss over $(w, b)$: darker is lower")
    return ax


class SurfaceView(LiveTraining):
    """Gradient descent on the line's loss: the path over (w, b) with the minus-gradient arrow at
    the ball (left) and the loss per epoch (right)."""

    live = ("lr",)
    steps_per_frame = 2  # epochs per frame of Play: 300 epochs play in 15 s at 10 frames a second

    def __init__(self, x, y, w0, b0, w_range=(0.0, 4.0), b_range=(-1.0, 3.0), max_epochs=1000,
                 figsize=(10, 4.2)):
        super().__init__(figsize)
        self.x, self.y, self.start = np.ravel(x).astype(float), np.ravel(y).astype(float), (w0, b0)
        self.max_epochs = max_epochs
        self.box = np.array([w_range, b_range])  # (2, 2): rows (low, high) for w, then for b
        corners = line_loss(self.box[0][[0, 0, 1, 1]], self.box[1][[0, 1, 0, 1]], self.x, self.y)
        self.cap = float(corners.max())  # past the worst corner, the ball has left the picture
        self.ax, self.ax_loss = self.fig.subplots(1, 2, width_ratios=[1.2, 1])
        draw_landscape(self.ax, self.x, self.y, w_range, b_range)
        (self.path,) = self.ax.plot([], [], "o-", color=PATH, ms=2.5, lw=1, label="path")
        self.arrow = self.ax.quiver([w0], [b0], [0], [0], color=OKABE_ITO["green"], angles="xy",
                                    scale_units="xy", scale=1, width=0.012, zorder=4,
                                    label="minus the gradient: downhill")
        (self.ball,) = self.ax.plot([], [], "o", color=BALL, mec="black", ms=12, label="the ball now")
        self.ax.plot(w0, b0, "s", color="black", ms=7, label="start")
        self.fig.legend(loc="outside lower center", ncol=5, fontsize=9, frameon=False)
        self.loss_line = loss_axes(self.ax_loss, 300, self.cap, xlabel="epoch")
        self.ax_loss.set_title("Loss per epoch")
        self.status = self.ax.text(0.5, 0.12, "", transform=self.ax.transAxes, ha="center",
                                   fontsize=20, fontweight="bold", color=PATH,
                                   bbox=dict(fc="white", ec=PATH, alpha=0.9))
        self.freeze(self.path, self.arrow, self.ball, self.loss_line, self.status, headline_lines=2)

    def reset(self, lr=0.5, epochs=100):
        """The ball back at the start, for a run of `epochs` epochs; the loss axis spans them."""
        self.lr, self.epochs = positive(lr, "lr"), positive_int(epochs, "epochs")
        if self.epochs > self.max_epochs:
            raise ValueError(f"epochs must be at most {self.max_epochs}; got {epochs}.")
        w0, b0 = self.start
        self.P, self.losses, self.diverged = [np.array([w0, b0], dtype=float)], [float(line_loss(w0, b0, self.x, self.y))], False
        if self.ax_loss.get_xlim()[1] != self.epochs:
            self.ax_loss.set_xlim(0, self.epochs)
            self.invalidate()
        return self

    def step(self, n=1):
        """n more epochs of full-batch gradient descent (fewer at the end, or if the run diverges)."""
        n = min(positive_int(n, "n"), self.epochs - (len(self.P) - 1))
        if n > 0 and not self.diverged:
            run = line_descent(self.x, self.y, *self.P[-1], self.lr, n, max_loss=self.cap)
            self.P += list(run.params[1:])
            self.losses += list(run.losses[1:])
            self.diverged = run.diverged
        return self

    @property
    def finished(self):
        return self.diverged or len(self.P) - 1 >= self.epochs

    def draw(self):
        """Show the path so far; returns the figure."""
        P, k = np.array(self.P), len(self.P) - 1  # (k + 1, 2): (w, b) after each epoch
        self.path.set_data(P[:, 0], P[:, 1])  # the axes clip what lies outside the picture
        w_end, b_end = np.clip(P[-1], *self.box.T)  # a ball that left stays visible at the edge
        self.ball.set_data([w_end], [b_end])
        dw, db = line_grad(*P[-1], self.x, self.y)
        self.arrow.set_offsets([[w_end, b_end]])
        size = np.hypot(dw, db)  # the arrow shows the downhill direction, at one length to be seen
        self.arrow.set_UVC(*(-ARROW * np.array([dw, db]) / size if size > 0 else (0.0, 0.0)))
        self.arrow.set_visible(not self.finished)
        self.loss_line.set_data(np.arange(k + 1), self.losses)
        self.status.set_text("diverged!" if self.diverged else "")
        end = f"epoch {k} of {self.epochs}: w = {P[-1, 0]:.3f}, b = {P[-1, 1]:.3f}, loss = {self.losses[-1]:.2g}"
        if self.diverged:
            end = f"diverged: epoch {k + 1} of {self.epochs} passed the cap, so the run stopped there"
        elif self.losses[-1] > self.losses[0]:
            end = f"diverging: the loss grows ({end})"
        self.headline.set_text(f"Learning rate {self.lr:.2f}\n{end}")
        return self.fig
