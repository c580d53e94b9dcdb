"""Input checks shared by nnlib: every bad input becomes a ValueError that says what was expected."""
import numpy as np


def as_2d(X, name="X", n_features=None):
    """Return X as a finite float array of shape (n_samples, n_features), or raise ValueError."""
    X = np.asarray(X, dtype=float) if not _is_float(X) else np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"{name} must be 2-D, shape (n_samples, n_features); got shape {X.shape}. "
                         "Rows are samples: reshape a single sample with X.reshape(1, -1).")
    if X.shape[0] == 0:
        raise ValueError(f"{name} is empty (shape {X.shape}); expected at least one sample (row).")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(f"{name} has {X.shape[1]} features (shape {X.shape}); expected {n_features}.")
    finite(X, name)
    return X


def as_1d(y, name="y", n_samples=None):
    """Return y as a finite float array of shape (n_samples,), or raise ValueError."""
    y = np.asarray(y, dtype=float) if not _is_float(y) else np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D, shape (n_samples,); got shape {y.shape}.")
    if n_samples is not None and y.shape[0] != n_samples:
        raise ValueError(f"{name} has {y.shape[0]} values; expected {n_samples}, one per row of X.")
    finite(y, name)
    return y


def labels(y, name="y", n_classes=None, n_samples=None):
    """Return integer class labels 0..k-1 as an int array of shape (n_samples,), or raise ValueError."""
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D class labels, shape (n_samples,); got shape {y.shape}.")
    if n_samples is not None and y.shape[0] != n_samples:
        raise ValueError(f"{name} has {y.shape[0]} labels; expected {n_samples}, one per row of X.")
    if y.dtype.kind not in "biuf" or (y.dtype.kind == "f" and not np.all(np.isfinite(y))):
        raise ValueError(f"{name} must hold whole numbers 0..k-1; got dtype {y.dtype}.")
    top = n_classes if n_classes else np.inf
    if y.size and (y.min() < 0 or y.max() >= top or (y.dtype.kind == "f" and np.any(y != np.round(y)))):
        bad = y[(y != np.round(y)) | (y < 0) | (y >= top)]
        want = f"0..{n_classes - 1}" if n_classes else "0, 1, 2, ..."
        raise ValueError(f"{name} must hold class labels {want}; got {bad[0].item()!r}.")
    return y.astype(int, copy=False)


def finite(A, name):
    """Raise ValueError if A holds NaN or infinity."""
    if not np.all(np.isfinite(A)):
        n_bad = int(np.size(A) - np.count_nonzero(np.isfinite(A)))
        raise ValueError(f"{name} contains {n_bad} NaN or infinite value(s); expected finite numbers.")


def positive_int(value, name):
    """Return value as an int >= 1, or raise ValueError."""
    if isinstance(value, bool) or not float(value).is_integer() or value < 1:
        raise ValueError(f"{name} must be a whole number >= 1; got {value!r}.")
    return int(value)


def positive(value, name):
    """Return value as a finite float > 0, or raise ValueError."""
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number; got {value!r}.")
    return value


def choice(value, options, name):
    """Return value (lower-cased) if it is one of options, or raise ValueError listing them."""
    key = str(value).lower()
    if key not in options:
        raise ValueError(f"unknown {name} {value!r}; expected one of {sorted(options)}.")
    return key


def _is_float(a):
    return isinstance(a, np.ndarray) and a.dtype.kind == "f"
