"""Input checks shared by nnlib, each rule written once (nnlib.viz uses them too):

    number(v, name, low=None, high=None, strict=False) -> float   one real, finite number
    whole_number(v, name, low=None, high=None) -> int             10, np.int64(10), 1e3; not 2.5, True
    epochs(v, name="epochs") -> int                               1..MAX_EPOCHS, for epochs or steps
    positive(v, name) -> float; positive_int(v, name) -> int      > 0; 1..MAX_SIZE
    array(v, name, ndim=None, empty=False) -> float ndarray       real, finite numbers, any shape
    as_2d(X, name, n_features), as_1d(y, name, n_samples), labels(y, name, n_classes, n_samples)
    choice(v, options, name) -> str; rng(v, name="rng") -> Generator; callable_(v, name) -> v

A bad argument raises a TypeError when it is the wrong kind of thing (None, text, a bool where a
number is meant) and a ValueError when it is the right kind with a wrong value, shape or size. The
message names the argument, says what it got (describe) and what was expected, never numpy's words.
"""
import numpy as np

from ._convert import describe, floats, is_real, parses

MAX_EPOCHS = 1_000_000  # more epochs or steps than this keep a notebook busy for hours
MAX_SIZE = 10_000_000  # more neurons, samples or grid points than this do not fit in memory here


def _real(value, name, kind):
    """value unwrapped from a 0-d array; TypeError unless it is a real number (a bool is not)."""
    value = value[()] if isinstance(value, np.ndarray) and value.ndim == 0 else value
    if not is_real(value):
        hint = " - write it without quotes" if isinstance(value, str) and parses(value) else ""
        raise TypeError(f"{name} must be {kind}; got {describe(value)}{hint}.")
    return value


def number(value, name, low=None, high=None, strict=False):
    """value as a finite float in [low, high] (strict: the ends excluded), or TypeError/ValueError."""
    given = value = _real(value, name, "a number")
    value = float(value) if isinstance(value, (float, np.floating)) or abs(value) < 1e308 else np.inf
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {describe(given)}.")
    too_low = low is not None and (value < low or strict and value == low)
    if too_low or high is not None and (value > high or strict and value == high):
        if low is not None and high is not None:
            want = f"a number between {low:g} and {high:g}" + (" (not the ends themselves)" if strict else "")
        elif low == 0 and strict:
            want = "a positive number (> 0)"
        else:
            want = f"a number {'>' if too_low else '<'}{'' if strict else '='} {low if too_low else high:g}"
        raise ValueError(f"{name} must be {want}; got {value:g}.")
    return value


def whole_number(value, name, low=None, high=None, why=""):
    """value as an int in [low, high] (10, np.int64(10) and 10.0 all count), or TypeError/ValueError."""
    value = _real(value, name, "a whole number")
    if isinstance(value, (float, np.floating)) and not (np.isfinite(value) and value == int(value)):
        raise ValueError(f"{name} must be a whole number; got {describe(value)}.")
    if low is not None and value < low:
        raise ValueError(f"{name} must be a whole number >= {low:,}; got {describe(value)}.")
    if high is not None and value > high:
        raise ValueError(f"{name} must be a whole number <= {high:,}; got {describe(value)}.{why}")
    return int(value)


def epochs(value, name="epochs"):
    """A count of epochs or steps, 1..MAX_EPOCHS, as an int."""
    return whole_number(value, name, 1, MAX_EPOCHS, " More would keep the notebook busy for hours; "
                                                    "nothing in this course needs more than a few thousand.")


def positive(value, name):
    """value as a finite float > 0."""
    return number(value, name, low=0, strict=True)


def positive_int(value, name, high=MAX_SIZE):
    """value as an int from 1 to high (MAX_SIZE unless told: more would not fit in memory)."""
    return whole_number(value, name, 1, high, " More would not fit in memory.")


def array(value, name, ndim=None, empty=False):
    """value as a float ndarray of real, finite numbers (float32 stays float32), or TypeError/ValueError."""
    if isinstance(value, (bool, np.bool_)):  # True alone is a slip; an array of booleans counts as 0s and 1s
        raise TypeError(f"{name} must be numbers; got {describe(value)}.")
    a = floats(value, name)
    if ndim is not None and a.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D; got {describe(a)}.")
    if a.size == 0 and not empty:
        raise ValueError(f"{name} is empty (shape {a.shape}); expected at least one number.")
    if not np.isfinite(a).all():
        n_bad = int(a.size - np.count_nonzero(np.isfinite(a)))
        raise ValueError(f"{name} contains {n_bad} NaN or infinite value(s); expected finite numbers.")
    return a


def as_2d(X, name="X", n_features=None):
    """X as a finite float array of shape (n_samples, n_features), or TypeError/ValueError."""
    X = array(X, name, empty=True)
    if X.ndim != 2:
        raise ValueError(f"{name} must be 2-D, shape (n_samples, n_features); got shape {X.shape}. "
                         "Rows are samples: reshape a single sample with X.reshape(1, -1).")
    if X.shape[0] == 0:
        raise ValueError(f"{name} is empty (shape {X.shape}); expected at least one sample (row).")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(f"{name} has {X.shape[1]} features (shape {X.shape}); expected {n_features}.")
    return X


def as_1d(y, name="y", n_samples=None, what="values", per="row of X"):
    """y as a finite float array of shape (n_samples,), or TypeError/ValueError (per: what y matches)."""
    y = array(y, name, empty=True)
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D, shape (n_samples,); got shape {y.shape}.")
    if n_samples is not None and y.shape[0] != n_samples:
        raise ValueError(f"{name} has {y.shape[0]} {what}; expected {n_samples}, one per {per}.")
    if y.size == 0:
        raise ValueError(f"{name} is empty; expected at least one value.")
    return y


def labels(y, name="y", n_classes=None, n_samples=None, per="row of X"):
    """y as class labels 0..n_classes-1, an int array of shape (n_samples,), or TypeError/ValueError."""
    want = f"0..{n_classes - 1}" if n_classes else "0, 1, 2, ..."
    try:
        y = as_1d(y, name, n_samples, "labels", per)
    except TypeError:
        raise TypeError(f"{name} must hold class labels, whole numbers {want}; got {describe(y)}.") from None
    bad = (y != np.round(y)) | (y < 0) | (y >= (n_classes or 2 ** 31))  # a label counts classes: an int
    if bad.any():
        raise ValueError(f"{name} must hold class labels {want}; got {y[bad][0].item():g}.")
    return y.astype(int)


def choice(value, options, name, what=None):
    """value lower-cased, if it is one of the names in options; else TypeError/ValueError listing them.

    what: the kind of thing named, when the argument's name does not say it (logic_gate's name: "gate").
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {sorted(options)} (a name in quotes); got {describe(value)}.")
    if value.lower() not in options:
        expected = f"{name} must be one of" if what else "expected one of"
        raise ValueError(f"unknown {what or name} {value!r}; {expected} {sorted(options)}.")
    return value.lower()


def rng(value, name="rng"):
    """A numpy Generator from None (fresh randomness), a seed >= 0, or a Generator (used as it is)."""
    if value is None or isinstance(value, (np.random.Generator, np.random.BitGenerator, np.random.SeedSequence)):
        return np.random.default_rng(value)
    if not isinstance(value, (int, np.integer)) or not is_real(value) or value < 0:
        problem = ValueError if is_real(value) and isinstance(value, (int, np.integer)) else TypeError
        raise problem(f"{name} must be None, a whole-number seed >= 0 such as 0, or a numpy Generator "
                      f"(np.random.default_rng(0)); got {describe(value)}.")
    return np.random.default_rng(int(value))


def callable_(value, name):
    """value, if it can be called like a function; else TypeError."""
    if not callable(value):
        raise TypeError(f"{name} must be a function (something to call, like {name}(x)); got {describe(value)}.")
    return value
