"""Gradient descent as a path of steps on a loss curve or surface (notebooks 02 and 03).

gradient_descent() records every point it visits, so a picture can draw the ball rolling downhill.
Two small landscapes come with it: the reference bowl of notebook 03, and the loss of a line
y_pred = w * x + b over its two parameters (the y = 2x + 1 problem of notebook 02).
Left out on purpose: momentum, adaptive rates, line searches.
"""
from typing import NamedTuple

import numpy as np

from ._validate import as_1d, positive, positive_int
from .losses import DIVERGED


class DescentPath(NamedTuple):
    """The points gradient descent visited: params (k + 1,) or (k + 1, d), losses (k + 1,), diverged."""
    params: np.ndarray
    losses: np.ndarray
    diverged: bool


def gradient_descent(loss, grad, start, lr, steps, max_loss=DIVERGED):
    """Up to `steps` updates p <- p - lr * grad(p) from start, recording each point and its loss.

    The run stops early, with diverged=True, at the first step whose loss is not finite or exceeds
    max_loss; that step is not recorded, so every loss after the start is <= max_loss. Overflow on
    the way is expected and stays silent (np.errstate): divergence is a result to show, not an error.
    """
    lr, steps, max_loss = positive(lr, "lr"), positive_int(steps, "steps"), positive(max_loss, "max_loss")
    p = np.asarray(start, dtype=float)
    diverged = False
    with np.errstate(over="ignore", invalid="ignore"):
        params, losses = [p], [float(loss(p))]
        for _ in range(steps):
            p = p - lr * np.asarray(grad(p), dtype=float)  # step downhill
            L = float(loss(p))
            if not (np.all(np.isfinite(p)) and L <= max_loss):  # also catches L = NaN
                diverged = True
                break
            params.append(p), losses.append(L)
    return DescentPath(np.array(params), np.array(losses), diverged)


class Bowl:
    """The reference bowl L(w) = curvature / 2 * w^2, with slope dL/dw = curvature * w (notebook 03).

    One step multiplies w by (1 - lr * curvature), so lr * curvature decides everything: below 1
    the ball slides in, at 1 it lands on the minimum, between 1 and 2 it bounces across with
    shrinking jumps, at 2 it bounces forever and above 2 every jump grows: it diverges.
    """

    def __init__(self, curvature=3.0):
        self.curvature = positive(curvature, "curvature")

    def loss(self, w):
        """L(w), element-wise for an array of w."""
        return 0.5 * self.curvature * np.asarray(w, dtype=float) ** 2

    def grad(self, w):
        """dL/dw = curvature * w."""
        return self.curvature * np.asarray(w, dtype=float)

    def descend(self, w0, lr, steps, max_loss=DIVERGED):
        """gradient_descent() on this bowl from w0; params has shape (k + 1,)."""
        return gradient_descent(self.loss, self.grad, float(w0), lr, steps, max_loss)

    def regime(self, lr):
        """In words, what gradient descent does at this learning rate."""
        r = positive(lr, "lr") * self.curvature
        if r < 0.1:
            return "barely moves"
        if r < 1 - 1e-9:
            return "slides in and settles"
        if r <= 1 + 1e-9:
            return "lands on the minimum in one step"
        if r < 2 - 1e-9:
            return "bounces across the minimum"
        return "bounces forever" if r <= 2 + 1e-9 else "diverges"

    def __repr__(self):
        return f"Bowl(curvature={self.curvature:g})"


def _line_data(x, y):
    x = as_1d(np.ravel(x), "x")
    return x, as_1d(np.ravel(y), "y", x.shape[0])


def line_loss(w, b, x, y):
    """Half-MSE of the line y_pred = w * x + b on data x, y (n,), for w, b of any (same) shape.

    With grids of w and b (as np.meshgrid gives) it returns the whole loss landscape at once.
    """
    x, y = _line_data(x, y)
    w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
    residual = w[..., None] * x + b[..., None] - y  # (..., n): one error per data point
    return 0.5 * np.mean(residual ** 2, axis=-1)


def line_grad(w, b, x, y):
    """The chain rule's (dC/dw, dC/db) of line_loss: mean(error * x) and mean(error)."""
    x, y = _line_data(x, y)
    error = w * x + b - y  # (n,)
    return float(np.mean(error * x)), float(np.mean(error))


def line_descent(x, y, w0, b0, lr, epochs, max_loss=DIVERGED):
    """Full-batch gradient descent for y_pred = w * x + b; params (k + 1, 2) holds (w, b) per epoch."""
    x, y = _line_data(x, y)

    def loss(p):  # line_loss and line_grad without their input checks: x, y were checked once
        return 0.5 * np.mean((p[0] * x + p[1] - y) ** 2)

    def grad(p):
        error = p[0] * x + p[1] - y  # (n,)
        return np.mean(error * x), np.mean(error)

    return gradient_descent(loss, grad, [w0, b0], lr, epochs, max_loss)


def loss_grid(x, y, w_range, b_range, resolution=100):
    """line_loss over a grid: W, B, L of shape (resolution, resolution); W varies along columns."""
    resolution = positive_int(resolution, "resolution")
    W, B = np.meshgrid(np.linspace(*w_range, resolution), np.linspace(*b_range, resolution))
    return W, B, line_loss(W, B, x, y)
