"""Numerical gradients by central differences, to prove a backward pass right (notebooks 02 and 05)."""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """Estimate df/dx for a scalar function f() of the array x, one element at a time.

    Central differences (f(x + eps) - f(x - eps)) / 2eps are accurate to O(eps^2); x is nudged
    in place and restored, so f may read x directly (e.g. a layer's W). x must be float64.
    """
    x = np.asarray(x)
    if x.dtype != np.float64:
        raise ValueError(f"x must be a float64 array for an accurate check; got dtype {x.dtype}.")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f()
        x[i] = old - eps
        down = f()
        x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad


def relative_error(a, b):
    """max |a - b| / max(|a| + |b|): about 1e-7 or less when two gradients agree in float64."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"gradients have different shapes: {a.shape} and {b.shape}.")
    scale = np.max(np.abs(a) + np.abs(b))
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


def check_gradient(f, x, analytic, eps=1e-6, tol=1e-6):
    """True when the analytic gradient of f() with respect to x matches central differences."""
    return relative_error(analytic, numerical_gradient(f, x, eps)) < tol
