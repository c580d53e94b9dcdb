"""Notebook 03's "Drop the Ball": gradient descent rolls a ball down the bowl L(w), step by step.

BowlView is a LiveTraining: reset(lr, steps) puts the ball back at the start, step(n) takes n
gradient steps, draw() shows the ball, its trail, the tangent whose slope gives the step and the
step it will take next (left), and the loss per step (right). update() is the whole run, as the
sliders and the notebook's still picture show it. A run that leaves the picture is stopped and
labelled "diverged", with the real numbers of the step that escaped.
"""
import numpy as np

from .._validate import positive, positive_int
from ..descent import Bowl
from .live import LiveTraining
from .style import BALL, OKABE_ITO, PATH

LOSS_FLOOR = 1e-10  # the loss axes' bottom: below it the loss counts as zero on these pictures
TANGENT_HALF_WIDTH = 0.9  # how far the tangent line reaches either side of the ball, in w


def loss_axes(ax, n_steps, cap, xlabel="step"):
    """Log-scale loss against step, with a dashed line at the cap where a run counts as diverged."""
    ax.set(yscale="log", xlim=(0, n_steps), ylim=(LOSS_FLOOR, cap * 30), xlabel=xlabel,
           ylabel="loss (log scale)", title="Loss per step")
    ax.axhline(cap, color="black", ls="--", lw=1)
    ax.text(0.98, 0.9, "cap: above it the run is stopped", transform=ax.transAxes, ha="right", fontsize=8)
    ax.grid(alpha=0.3, which="major")
    (line,) = ax.plot([], [], "o-", color=PATH, ms=3, lw=1.5)
    return line


def draw_bowl(ax, bowl, w_range=(-4.0, 4.0)):
    """The bowl's curve on ax, titled with its formula (from the bowl itself); returns ax."""
    w = np.linspace(*w_range, 200)
    ax.plot(w, bowl.loss(w), color=OKABE_ITO["blue"], lw=2.5)
    ax.set(xlim=w_range, ylim=(-0.05 * bowl.loss(w_range[1]), 1.3 * bowl.loss(max(np.abs(w_range)))),
           xlabel="weight $w$", ylabel="loss $L(w)$",
           title=f"The bowl $L(w) = {bowl.curvature / 2:g}\\,w^2$")
    ax.grid(alpha=0.3)
    return ax


class BowlView(LiveTraining):
    """The bowl with the ball, its trail, the tangent and the next step (left); loss per step (right)."""

    live = ("lr",)

    def __init__(self, bowl=None, w0=2.0, w_range=(-4.0, 4.0), max_steps=100, figsize=(10, 4.2)):
        super().__init__(figsize)
        self.bowl, self.w0, self.w_range = bowl or Bowl(), float(w0), w_range
        self.max_steps = positive_int(max_steps, "max_steps")
        self.cap = float(self.bowl.loss(max(np.abs(w_range))))  # the loss at the picture's edge
        self.ax, self.ax_loss = self.fig.subplots(1, 2, width_ratios=[1.2, 1])
        draw_bowl(self.ax, self.bowl, w_range)
        (self.tangent,) = self.ax.plot([], [], "--", color="black", lw=1.5, label="slope $dL/dw$ at the ball")
        (self.path,) = self.ax.plot([], [], "o-", color=PATH, ms=5, lw=1.2, label="steps so far")
        self.arrow = self.ax.annotate("", xy=(0, 0), xytext=(0, 0), arrowprops=dict(
            arrowstyle="-|>", color=OKABE_ITO["green"], lw=2.5, mutation_scale=18))
        self.ax.plot([], [], color=OKABE_ITO["green"], lw=2.5, label="next step: $-lr \\cdot dL/dw$")
        (self.ball,) = self.ax.plot([], [], "o", color=BALL, mec="black", ms=14, label="the ball now")
        self.ax.plot(self.w0, self.bowl.loss(self.w0), "s", color="black", ms=7, label="start")
        self.fig.legend(loc="outside lower center", ncol=5, fontsize=9, frameon=False)
        self.loss_line = loss_axes(self.ax_loss, 30, self.cap)
        self.status = self.ax.text(0.5, 0.6, "", transform=self.ax.transAxes, ha="center",
                                   fontsize=20, fontweight="bold", color=PATH,
                                   bbox=dict(fc="white", ec=PATH, alpha=0.9))
        self.freeze(self.tangent, self.path, self.arrow, self.ball, self.loss_line, self.status,
                    headline_lines=2)

    def reset(self, lr=0.1, steps=10):
        """The ball back at w0, for a run of `steps` steps at learning rate lr; the loss axis spans them."""
        self.lr, self.steps = positive(lr, "lr"), positive_int(steps, "steps")
        if self.steps > self.max_steps:
            raise ValueError(f"steps must be at most {self.max_steps}; got {steps}.")
        self.w, self.losses, self.escaped = [self.w0], [float(self.bowl.loss(self.w0))], None
        if self.ax_loss.get_xlim()[1] != self.steps:
            self.ax_loss.set_xlim(0, self.steps)
            self.invalidate()
        return self

    def step(self, n=1):
        """n more gradient steps (fewer at the run's end, or when the ball leaves the picture)."""
        n = min(positive_int(n, "n"), self.steps - (len(self.w) - 1))
        if n > 0 and not self.finished:
            run = self.bowl.descend(self.w[-1], self.lr, n, max_loss=self.cap)
            self.w += list(run.params[1:])
            self.losses += list(run.losses[1:])
            if run.diverged:  # keep the escaping step's real numbers for the label
                w_out = self.w[-1] - self.lr * float(self.bowl.grad(self.w[-1]))
                self.escaped = (w_out, float(self.bowl.loss(w_out)))
        return self

    @property
    def finished(self):
        return self.escaped is not None or len(self.w) - 1 >= self.steps

    def draw(self):
        """Show the ball now; returns the figure."""
        w, L, k = np.array(self.w), np.array(self.losses), len(self.w) - 1
        trail_w, trail_L = w, L
        if self.escaped:  # the trail ends at the picture's edge, where the ball left it
            edge = float(np.clip(self.escaped[0], *self.w_range))
            trail_w, trail_L = np.append(w, edge), np.append(L, self.cap)
        self.path.set_data(trail_w, trail_L)
        self.ball.set_data(trail_w[-1:], trail_L[-1:])
        slope = float(self.bowl.grad(w[-1]))
        ends = w[-1] + np.array([-1.0, 1.0]) * TANGENT_HALF_WIDTH
        self.tangent.set_data(ends, L[-1] + slope * (ends - w[-1]))
        nxt = float(np.clip(w[-1] - self.lr * slope, *self.w_range))
        self.arrow.xy, self.arrow.xyann = (nxt, L[-1]), (w[-1], L[-1])
        self.arrow.set_visible(not self.finished)
        self.loss_line.set_data(np.arange(k + 1), L)
        self.status.set_text("diverged!" if self.escaped else "")
        if self.escaped:
            end = (f"step {k + 1} of {self.steps} left the picture (w = {self.escaped[0]:.3g}, "
                   f"loss = {self.escaped[1]:.3g}), so the run stopped there")
        else:
            end = f"step {k} of {self.steps}: w = {w[-1]:.3f}, loss = {L[-1]:.2g}, slope = {slope:.3g}"
        self.headline.set_text(f"Learning rate {self.lr:.2f} on {self._bowl_text()}: "
                               f"{'diverges' if self.escaped else self.bowl.regime(self.lr)}\n{end}")
        return self.fig

    def _bowl_text(self):
        return f"L = {self.bowl.curvature / 2:g} w²"
