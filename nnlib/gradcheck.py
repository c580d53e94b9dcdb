"""Numerical gradients by central differences, to prove a backward pass right (notebooks 02 and 05)."""
import numpy as np

from ._validate import array, callable_, describe, positive

MAX_CHECKED = 100_000  # two calls of f per value: more values than this would take minutes; check a slice


def _value(f):
    """f(), checked to be one real number (a float, a numpy number or a one-element array)."""
    value = f()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number, np.ndarray)) or \
            np.iscomplexobj(value) or np.size(value) != 1:
        raise TypeError(f"f() must return the loss, one real number; it returned {describe(value)}.")
    return float(np.asarray(value, dtype=float).item())


def numerical_gradient(f, x, eps=1e-6):
    """Estimate df/dx for a scalar function f() of the array x, one element at a time.

    Central differences (f(x + eps) - f(x - eps)) / 2eps are accurate to O(eps^2); x is nudged
    in place and restored, so f must read x itself (e.g. a layer's W). x must be a float64 array.
    """
    f, eps = callable_(f, "f"), positive(eps, "eps")
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x must be the numpy array that f() reads, so that nudging it changes f(); got "
                        f"{describe(x)}. Make it an array first (x = np.array(...)) and let f read that x.")
    if x.dtype != np.float64:
        raise ValueError(f"x must be a float64 array for an accurate check; got dtype {x.dtype}.")
    if not x.flags.writeable or x.size > MAX_CHECKED:
        raise ValueError(f"x must be a writeable array of at most {MAX_CHECKED:,} values (numerical_gradient "
                         f"nudges each in turn); got {describe(x)}{'' if x.flags.writeable else ', read-only'}.")
    array(x, "x", empty=True)  # finite numbers
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        try:
            x[i] = old + eps
            up = _value(f)
            x[i] = old - eps
            down = _value(f)
        finally:
            x[i] = old  # restored even if f fails
        grad[i] = (up - down) / (2 * eps)
    return grad


def relative_error(a, b):
    """max |a - b| / max(|a| + |b|): about 1e-7 or less when two gradients agree in float64."""
    a, b = array(a, "a"), array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must be gradients of the same shape; got shapes {a.shape} and {b.shape}.")
    a, b = a / 2, b / 2  # exact in binary, and keeps |a| + |b| from overflowing for huge gradients
    scale = np.max(np.abs(a) + np.abs(b))
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


def check_gradient(f, x, analytic, eps=1e-6, tol=1e-6):
    """True when the analytic gradient of f() with respect to x matches central differences."""
    tol, analytic = positive(tol, "tol"), array(analytic, "analytic", empty=True)
    if isinstance(x, np.ndarray) and analytic.shape != x.shape:
        raise ValueError(f"analytic must have the shape of x, one slope per value; got {analytic.shape}, "
                         f"x has {x.shape}.")
    return relative_error(analytic, numerical_gradient(f, x, eps)) < tol


def gradient_errors(f, params, grads, eps=1e-6):
    """relative_error of each analytic gradient in grads against f()'s central differences with
    respect to the array of params at the same place: one number per parameter array."""
    for name, value in (("params", params), ("grads", grads)):
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"{name} must be a list of arrays, one per parameter; got {describe(value)}.")
    if len(params) != len(grads):
        raise ValueError(f"grads must hold one gradient per array of params: params has {len(params)}, "
                         f"grads has {len(grads)}.")
    return np.array([relative_error(g, numerical_gradient(f, p, eps)) for p, g in zip(params, grads)])
