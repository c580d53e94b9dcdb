"""Slider pictures for notebooks 02 and 03: a ball rolling down the bowl, and paths over (w, b).

Each view is a LiveFigure: built once, then update(...) recomputes the path and moves the
existing artists; a two-line headline at the top says what happened.
"""
import numpy as np

from ..descent import Bowl, line_descent, line_loss, loss_grid
from .live import LiveFigure
from .style import BALL, OKABE_ITO, PATH

LOSS_FLOOR = 1e-10  # the loss axes' bottom: below it the loss counts as zero on these pictures


def _loss_axes(ax, n_steps, cap, xlabel="step"):
    """Log-scale loss against step, with a dashed line at the cap where a run counts as diverged."""
    ax.set(yscale="log", xlim=(0, n_steps), ylim=(LOSS_FLOOR, cap * 30), xlabel=xlabel,
           ylabel="loss (log scale)", title="Loss per step")
    ax.axhline(cap, color="black", ls="--", lw=1)
    ax.text(n_steps, cap * 1.6, "cap: above it the run is stopped ", ha="right", fontsize=8)
    ax.grid(alpha=0.3, which="major")
    (line,) = ax.plot([], [], "o-", color=PATH, ms=3, lw=1.5)
    return line


class BowlView(LiveFigure):
    """The bowl L(w) with the steps gradient descent takes (left) and the loss per step (right)."""

    def __init__(self, bowl=None, w0=2.0, w_range=(-4.0, 4.0), max_steps=30, figsize=(10, 4)):
        super().__init__(figsize)
        self.bowl, self.w0, self.w_range = bowl or Bowl(), float(w0), w_range
        self.cap = float(self.bowl.loss(max(np.abs(w_range))))  # the loss at the picture's edge
        self.ax, ax_loss = self.fig.subplots(1, 2, width_ratios=[1.2, 1])
        draw_bowl(self.ax, self.bowl, w_range)
        (self.path,) = self.ax.plot([], [], "o-", color=PATH, ms=5, lw=1.2, label="steps")
        (self.ball,) = self.ax.plot([], [], "o", color=BALL, mec="black", ms=14, label="the ball now")
        self.ax.plot(self.w0, self.bowl.loss(self.w0), "s", color="black", ms=7, label="start")
        self.fig.legend(loc="outside lower center", ncol=3, fontsize=9, frameon=False)
        self.loss_line = _loss_axes(ax_loss, max_steps, self.cap)
        self.status = self.ax.text(0.5, 0.6, "", transform=self.ax.transAxes, ha="center",
                                   fontsize=20, fontweight="bold", color=PATH,
                                   bbox=dict(fc="white", ec=PATH, alpha=0.9))
        self.freeze(self.path, self.ball, self.loss_line, self.status, headline_lines=2)

    def update(self, lr, steps):
        """Redraw for a learning rate and a number of steps; returns the figure."""
        run = self.bowl.descend(self.w0, lr, steps, max_loss=self.cap)
        w, L = run.params, run.losses
        if run.diverged:  # the escaping step, clipped to the picture's edge
            w_out = np.clip(w[-1] - lr * self.bowl.grad(w[-1]), *self.w_range)
            w, L = np.append(w, w_out), np.append(L, self.cap)
        self.path.set_data(w, L)
        self.ball.set_data(w[-1:], L[-1:])
        self.loss_line.set_data(np.arange(len(run.losses)), run.losses)
        self.status.set_text("diverged!" if run.diverged else "")
        what = "diverged" if run.diverged else self.bowl.regime(lr)
        self.headline.set_text(f"Learning rate {lr:.2f}, {steps} steps: {what}\n"
                               f"w = {w[-1]:.3f} and loss = {L[-1]:.2g} at the end")
        return self.fig


def draw_bowl(ax, bowl, w_range=(-4.0, 4.0)):
    """The bowl's curve on ax, titled with its formula; returns ax."""
    w = np.linspace(*w_range, 200)
    ax.plot(w, bowl.loss(w), color=OKABE_ITO["blue"], lw=2.5)
    ax.set(xlim=w_range, ylim=(-0.05 * bowl.loss(w_range[1]), 1.3 * bowl.loss(max(np.abs(w_range)))),
           xlabel="weight $w$", ylabel="loss $L(w)$",
           title=f"The bowl $L(w) = {bowl.curvature / 2:g}\\,w^2$")
    ax.grid(alpha=0.3)
    return ax


class LineFitView(LiveFigure):
    """Set w and b by hand: the line over the data (left) and where (w, b) sits on the loss (right)."""

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
        draw_landscape(self.ax, self.x, self.y, w_range, b_range)
        (self.spot,) = self.ax.plot([], [], "o", color=BALL, mec="black", ms=12, label="your (w, b)")
        self.fig.legend(loc="outside lower center", ncol=5, fontsize=9, frameon=False)
        self.freeze(self.line, self.errors, self.spot, headline_lines=2)

    def update(self, w, b):
        """Redraw for a weight and bias; returns the figure."""
        y_pred = w * self.x + b
        self.line.set_data(self.xs, w * self.xs + b)
        self.errors.set_segments([[(xi, yi), (xi, pi)] for xi, yi, pi in zip(self.x, self.y, y_pred)])
        self.spot.set_data([w], [b])
        loss = float(line_loss(w, b, self.x, self.y))
        self.headline.set_text(f"w = {w:.2f}, b = {b:.2f}\n"
                               f"loss = half the mean squared error = {loss:.4f}")
        return self.fig


def draw_landscape(ax, x, y, w_range, b_range, resolution=300, n_levels=12):
    """The loss of the line over (w, b) as shaded height bands with the minimum marked; returns ax."""
    from matplotlib.colors import BoundaryNorm
    L = loss_grid(x, y, w_range, b_range, resolution)[2]
    # Band edges spaced by ratio, not difference, so the deep valley and the high walls both show.
    # Flat bands without contour lines keep the PNG small (smooth shades and lines triple it).
    levels = np.geomspace(0.005, L.max(), n_levels)
    ax.imshow(L, origin="lower", extent=(*w_range, *b_range), aspect="auto", cmap="Blues_r",
              norm=BoundaryNorm(levels, 256, extend="both"), alpha=0.85, interpolation="nearest")
    w_best, b_best = np.polyfit(np.ravel(x), np.ravel(y), 1)  # least squares: the exact minimum
    ax.plot(w_best, b_best, "*", color="white", mec="black", ms=16, label="minimum")
    ax.set(xlim=w_range, ylim=b_range, xlabel="weight $w$", ylabel="bias $b$",
           title="Loss over $(w, b)$: darker is lower")
    return ax


class SurfaceView(LiveFigure):
    """Gradient descent on the line's loss: the path over (w, b) (left) and the loss per epoch (right)."""

    def __init__(self, x, y, w0, b0, w_range=(0.0, 4.0), b_range=(-1.0, 3.0), max_epochs=300,
                 figsize=(10, 4.2)):
        super().__init__(figsize)
        self.x, self.y, self.start = np.ravel(x).astype(float), np.ravel(y).astype(float), (w0, b0)
        self.box = np.array([w_range, b_range])  # (2, 2): rows (low, high) for w, then for b
        corners = line_loss(self.box[0][[0, 0, 1, 1]], self.box[1][[0, 1, 0, 1]], self.x, self.y)
        self.cap = float(corners.max())  # past the worst corner, the ball has left the picture
        self.ax, ax_loss = self.fig.subplots(1, 2, width_ratios=[1.2, 1])
        draw_landscape(self.ax, self.x, self.y, w_range, b_range)
        (self.path,) = self.ax.plot([], [], "o-", color=PATH, ms=2.5, lw=1, label="path")
        (self.ball,) = self.ax.plot([], [], "o", color=BALL, mec="black", ms=12, label="the end")
        self.ax.plot(w0, b0, "s", color="black", ms=7, label="start")
        self.fig.legend(loc="outside lower center", ncol=4, fontsize=9, frameon=False)
        self.loss_line = _loss_axes(ax_loss, max_epochs, self.cap, xlabel="epoch")
        ax_loss.set_title("Loss per epoch")
        self.status = self.ax.text(0.5, 0.12, "", transform=self.ax.transAxes, ha="center",
                                   fontsize=20, fontweight="bold", color=PATH,
                                   bbox=dict(fc="white", ec=PATH, alpha=0.9))
        self.freeze(self.path, self.ball, self.loss_line, self.status, headline_lines=2)

    def update(self, lr, epochs):
        """Retrain from the same start with this learning rate and number of epochs; returns the figure."""
        run = line_descent(self.x, self.y, *self.start, lr, epochs, max_loss=self.cap)
        P = run.params  # (k + 1, 2): (w, b) after each epoch
        self.path.set_data(P[:, 0], P[:, 1])  # the axes clip what lies outside the picture
        w_end, b_end = np.clip(P[-1], *self.box.T)  # a ball that left stays visible at the edge
        self.ball.set_data([w_end], [b_end])
        self.loss_line.set_data(np.arange(len(run.losses)), run.losses)
        self.status.set_text("diverged!" if run.diverged else "")
        end = f"w = {P[-1, 0]:.3f}, b = {P[-1, 1]:.3f}, loss = {run.losses[-1]:.2g}"
        if run.diverged:
            end = "diverged: the loss passed the cap and the run was stopped"
        elif run.losses[-1] > run.losses[0]:
            end = f"diverging: the loss grows ({end})"
        self.headline.set_text(f"Learning rate {lr:.2f}, {epochs} epochs\n{end}")
        return self.fig
