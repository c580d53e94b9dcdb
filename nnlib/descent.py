"""Gradient descent as a path of steps on a loss curve or surface (notebooks 02 and 03).

gradient_descent() records every point it visits, so a picture can draw the ball rolling downhill.
Two small landscapes come with it: the reference bowl of notebook 03, and the loss of a line
y_pred = w * x + b over its two parameters (the y = 2x + 1 problem of notebook 02).
Left out on purpose: momentum, adaptive rates, line searches.
"""
from typing import NamedTuple

import numpy as np

from ._validate import array, as_1d, callable_, describe, epochs as as_epochs, number, positive, positive_int
from .losses import DIVERGED, diverged


class DescentPath(NamedTuple):
    """The points gradient descent visited: params (k + 1,) or (k + 1, d), losses (k + 1,), diverged."""
    params: np.ndarray
    losses: np.ndarray
    diverged: bool


def _called(f, name, p, shape=()):
    """f(p), checked to be real numbers of the given shape (() for one number); inf and NaN may pass."""
    value = f(p)
    try:
        if value is None or isinstance(value, (bool, np.bool_, str, bytes)) or np.iscomplexobj(value):
            raise TypeError
        value = np.asarray(value, dtype=float)
    except Exception:  # noqa: BLE001 - whatever the learner's function returned, say what it was
        raise TypeError(f"{name}(p) must return {'a number' if shape == () else 'numbers'}; it returned "
                        f"{describe(value)}.") from None
    if value.shape != shape and not (shape == () and value.size == 1):
        want = "one number" if shape == () else f"one slope per parameter, shape {shape}"
        raise ValueError(f"{name}(p) must return {want}; it returned an array of shape {value.shape}.")
    return value.reshape(shape)


def gradient_descent(loss, grad, start, lr, steps, max_loss=DIVERGED):
    """Up to `steps` updates p <- p - lr * grad(p) from start, recording each point and its loss.

    The run stops early, with diverged=True, at the first step whose loss is not finite or exceeds
    max_loss (nnlib.losses.diverged); that step is not recorded, so every later loss is <= max_loss.
    Overflow on the way is expected and stays silent (np.errstate): divergence is a result to show.
    """
    loss, grad = callable_(loss, "loss"), callable_(grad, "grad")
    lr, steps, max_loss = positive(lr, "lr"), as_epochs(steps, "steps"), positive(max_loss, "max_loss")
    p = array(start, "start").astype(float)
    diverged_ = False
    with np.errstate(over="ignore", invalid="ignore"):
        params, losses = [p], [number(_called(loss, "loss", p), "loss(start)")]
        for _ in range(steps):
            p = p - lr * _called(grad, "grad", p, p.shape)  # step downhill
            L = float(_called(loss, "loss", p)) if np.all(np.isfinite(p)) else np.inf
            if diverged(L, max_loss=max_loss):
                diverged_ = True
                break
            params.append(p), losses.append(L)
    return DescentPath(np.array(params), np.array(losses), diverged_)


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
        return 0.5 * self.curvature * array(w, "w", empty=True) ** 2

    def grad(self, w):
        """dL/dw = curvature * w."""
        return self.curvature * array(w, "w", empty=True)

    def descend(self, w0, lr, steps, max_loss=DIVERGED):
        """gradient_descent() on this bowl from w0; params has shape (k + 1,)."""
        return gradient_descent(self.loss, self.grad, number(w0, "w0"), lr, steps, max_loss)

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
    x = as_1d(np.ravel(array(x, "x")), "x")
    return x, as_1d(np.ravel(array(y, "y")), "y", x.shape[0], per="value of x")


def line_loss(w, b, x, y):
    """Half-MSE of the line y_pred = w * x + b on data x, y (n,), for w, b of any (broadcastable) shapes.

    With grids of w and b (as np.meshgrid gives) it returns the whole loss landscape at once.
    """
    x, y = _line_data(x, y)
    w, b = array(w, "w"), array(b, "b")
    try:
        np.broadcast_shapes(w.shape, b.shape)
    except ValueError:
        raise ValueError(f"w and b must have matching shapes (one line per pair, or one of them a single "
                         f"number); got shapes {w.shape} and {b.shape}.") from None
    with np.errstate(over="ignore", invalid="ignore"):  # numbers near 1e308: the loss is inf, as it truly is
        residual = w[..., None] * x + b[..., None] - y  # (..., n): one error per data point
        return 0.5 * np.mean(residual ** 2, axis=-1)


def line_grad(w, b, x, y):
    """The chain rule's (dC/dw, dC/db) of line_loss: mean(error * x) and mean(error)."""
    x, y = _line_data(x, y)
    with np.errstate(over="ignore", invalid="ignore"):  # as in line_loss
        error = number(w, "w") * x + number(b, "b") - y  # (n,)
        return float(np.mean(error * x)), float(np.mean(error))


def line_descent(x, y, w0, b0, lr, epochs, max_loss=DIVERGED):
    """Full-batch gradient descent for y_pred = w * x + b; params (k + 1, 2) holds (w, b) per epoch."""
    x, y = _line_data(x, y)
    w0, b0 = number(w0, "w0"), number(b0, "b0")

    def loss(p):  # line_loss and line_grad without their input checks: x, y were checked once
        return 0.5 * np.mean((p[0] * x + p[1] - y) ** 2)

    def grad(p):
        error = p[0] * x + p[1] - y  # (n,)
        return np.mean(error * x), np.mean(error)

    return gradient_descent(loss, grad, [w0, b0], lr, as_epochs(epochs), max_loss)


def loss_grid(x, y, w_range, b_range, resolution=100):
    """line_loss over a grid: W, B, L of shape (resolution, resolution); W varies along columns."""
    resolution = positive_int(resolution, "resolution", high=2000)  # 4 million points is plenty
    ranges = [array(r, name, ndim=1) for r, name in ((w_range, "w_range"), (b_range, "b_range"))]
    for r, name in zip(ranges, ("w_range", "b_range")):
        if r.shape != (2,):
            raise ValueError(f"{name} must be a pair (low, high); got {describe(r)}.")
    W, B = np.meshgrid(np.linspace(*ranges[0], resolution), np.linspace(*ranges[1], resolution))
    return W, B, line_loss(W, B, x, y)
