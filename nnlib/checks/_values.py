"""What a learner's function returned, read strictly as numbers, and any value shown safely as text.

Strict: "220" is not 220, a generator is not a list, a complex number is not a real one. Booleans
count as 0 and 1 (numpy's view: `X @ w + b > 0` is a right perceptron). Nothing here calls a
learner's object in a way that can run its code (no float() of unknown types, no iteration of
anything but lists, tuples and numpy arrays), and nothing raises: a value that is not numbers
gives a NotNumbers whose text says what it is instead.
"""
import numpy as np

from .._convert import describe, parses

MAX_DEPTH = 20  # nested lists deeper than this are a mistake (or a list that contains itself)


class NotNumbers(Exception):
    """A returned value that is not made of real numbers; str() says, for a learner, what it is."""


def numbers(value, _depth=0):
    """value as a float ndarray - a number, a numpy array, or (nested) lists/tuples of numbers.

    Raises NotNumbers(what it is instead) for anything else: text, None, complex numbers, generators,
    ragged lists, whole numbers too large for a float, objects of other types.
    """
    if value is None:
        raise NotNumbers("None")
    if isinstance(value, (bool, np.bool_, float, np.floating, np.integer)) or type(value) is int:
        try:
            return np.array(value, dtype=float)
        except OverflowError:
            raise NotNumbers(f"{describe(value)}, too large to compute with") from None
    if isinstance(value, (complex, np.complexfloating)):
        raise NotNumbers(f"{describe(value)} (real numbers have no imaginary part)")
    if isinstance(value, (str, bytes)):
        quoted = " - a number in quotes is text, not a number" if parses(value) else ""
        raise NotNumbers(describe(value) + quoted)
    if isinstance(value, np.ndarray):
        return _array(value, _depth)
    if isinstance(value, (list, tuple)):
        if _depth >= MAX_DEPTH:
            raise NotNumbers(f"lists nested more than {MAX_DEPTH} deep")
        parts = [numbers(v, _depth + 1) for v in value]
        if len({p.shape for p in parts}) > 1:
            raise NotNumbers(f"a ragged {type(value).__name__}: its items have different lengths "
                             f"({', '.join(str(p.shape) for p in parts[:4])}...)")
        return np.array(parts, dtype=float).reshape((len(parts),) + (parts[0].shape if parts else ()))
    if type(value).__name__ == "generator":
        raise NotNumbers("a generator - turn it into a list or array first, e.g. np.array(list(...))")
    raise NotNumbers(describe(value))


def _array(value, depth):
    kind = value.dtype.kind
    if kind in "biuf":
        return value.astype(float)
    if kind == "c":
        raise NotNumbers(f"an array of complex numbers, shape {value.shape}")
    if kind == "O" and value.size <= 100_000:
        items = list(value.flat)
        if any(isinstance(v, (list, tuple, np.ndarray)) for v in items):
            raise NotNumbers(f"an array of shape {value.shape} holding other arrays or lists")
        return np.array([numbers(v, depth + 1) for v in items], dtype=float).reshape(value.shape)
    what = {"U": "text", "S": "text", "O": "Python objects"}.get(kind, f"values of type {value.dtype}")
    raise NotNumbers(f"an array of {what}, shape {value.shape}")


def _repr(value):
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - a learner's __repr__ may fail
        return describe(value)


def safe_text(obj, limit=300):
    """str(obj), shortened; never raises, even for an exception whose __str__ does."""
    try:
        text = str(obj)
    except Exception:  # noqa: BLE001 - a learner's object may break anything
        return "(its message could not be shown)"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def show(value, indent=0):
    """A short, stable text form of a number, array or tuple of them (4 significant digits).

    indent: how far the caller's label pushes the first line, so rows of a matrix line up.
    Anything that is not numbers is described in words ("the text '220'", "None", "a generator").
    """
    if isinstance(value, (str, bytes)):
        return repr(value if len(value) <= 40 else value[:37] + type(value)("..."))
    if isinstance(value, (tuple, list)) and _not_numbers(value):
        return "(" + ", ".join(show(v, indent + 1) for v in value) + ")"
    try:
        array = numbers(value)
    except NotNumbers as why:  # an object with a repr of its own (a check's formula) shows that
        own = type(value).__repr__ is not object.__repr__ and type(value).__module__ not in ("builtins", "numpy")
        return safe_text(_repr(value) if own else why)
    if isinstance(value, (list, tuple, int, np.integer, bool, np.bool_, np.ndarray)):
        raw = np.asarray(value)  # safe now: value is made of real numbers only
        array = raw if raw.dtype.kind in "iub" else array  # labels and counts stay whole numbers
    if array.ndim == 0:
        return f"{array.item():.4g}" if array.dtype.kind == "f" else str(array.item())
    with np.errstate(all="ignore"):
        text = np.array2string(array, precision=4, suppress_small=True, separator=", ",
                               floatmode="maxprec", max_line_width=70, threshold=60)
    return text.replace("\n", "\n" + " " * indent)


def _not_numbers(value):
    try:
        numbers(value)
        return False
    except NotNumbers:
        return True
