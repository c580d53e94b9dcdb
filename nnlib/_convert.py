"""What a learner passed, turned into numbers or put into words: the two things every input check
in _validate.py needs. describe(value) says what a value is, for an error message; floats(value,
name) reads any array-like as a float ndarray, turning numpy's own errors into plain words.
"""
import numpy as np

REAL = (int, float, np.integer, np.floating)  # what counts as a real number; bool is excluded apart


def is_real(value):
    """True for a real number: an int, float or numpy number, but not a bool."""
    return isinstance(value, REAL) and not isinstance(value, (bool, np.bool_))


def parses(text):
    """True when text reads as a number ("2.5"): then the learner has only to drop the quotes."""
    try:
        float(text)
        return True
    except (TypeError, ValueError):
        return False


def describe(value):
    """What value is, in a few words: "None", "the text 'abc'", "an array of shape (2, 3)", ..."""
    try:
        return _describe(value)
    except Exception:  # noqa: BLE001 - an object whose len() or name breaks: say only its type
        return _a(type(value).__name__)


def _a(noun):
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _describe(value):
    if value is None:
        return "None"
    if isinstance(value, (bool, np.bool_)):
        return f"{bool(value)} (a bool)"
    if isinstance(value, (str, bytes)):
        return f"the text {value[:40]!r}" + ("..." if len(value) > 40 else "")
    if isinstance(value, (int, np.integer)) and abs(int(value)) >= 10 ** 15:
        digits = len(str(abs(int(value)))) if abs(int(value)) < 10 ** 4000 else "over 4000"
        return f"a whole number with {digits} digits"
    if isinstance(value, (complex, np.complexfloating)):
        return f"the complex number {complex(value)}"
    if isinstance(value, (int, float, np.number)):
        return repr(np.asarray(value).item())
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)} item{'s' * (len(value) != 1)}"
    if callable(value):
        return f"the function {getattr(value, '__name__', type(value).__name__)}"
    return _a(type(value).__name__)


def floats(value, name):
    """value (a list, nested lists, an array...) as a float ndarray, or TypeError/ValueError in plain words.

    Float arrays keep their dtype (float32 stays float32); ints and bools become float64.
    """
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value
    try:
        a = np.asarray(value)
    except ValueError:  # numpy cannot make one rectangular array of it
        raise ValueError(f"{name} is ragged: its rows have different lengths (or it mixes numbers and "
                         "lists); expected the same number of values in every row.") from None
    except Exception:  # noqa: BLE001 - an object numpy cannot read at all
        raise TypeError(f"{name} must be an array of numbers; got {describe(value)}.") from None
    kind = a.dtype.kind
    if kind in "fbiu":
        return a if kind == "f" else a.astype(float)
    if kind == "c":
        raise TypeError(f"{name} must hold real numbers; got complex numbers such as {complex(a.flat[0])}. "
                        "Use .real if the imaginary parts should be 0.")
    if kind == "O" and all(is_real(v) for v in a.flat):
        try:
            return a.astype(float)
        except OverflowError:
            raise ValueError(f"{name} holds a whole number too large to compute with (above about "
                             "1e308).") from None
    if kind in "US":  # text: point at a piece that is not a number, if there is one
        bad = next((v for v in a.flat if not parses(v)), a.flat[0] if a.size else value)
    else:
        bad = next((v for v in a.flat if not is_real(v)), value) if kind == "O" else value
    inside = " inside it" if a.ndim and bad is not value else ""
    hint = " - write numbers without quotes" if isinstance(bad, (str, np.str_)) and parses(bad) else ""
    raise TypeError(f"{name} must hold numbers; got {describe(bad)}{inside}{hint}.")
