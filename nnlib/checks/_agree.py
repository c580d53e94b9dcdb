"""checks.agree: your function beside nnlib's, on the notebook's own numbers.

An exercise comes where its idea is taught, before nnlib's version of it is used. The cell after
its check runs both on the same arguments and prints one line: that they agree (np.allclose), that
yours is not written yet, or what each gave. It returns the value the rest of the notebook goes on
with - yours when it agrees with nnlib's, nnlib's otherwise - so an unfinished or wrong exercise
never stops the cells below it. Like a check it never raises and never hangs.
"""
import numpy as np

from . import _core
from ._guard import time_limit
from ._values import NotNumbers, numbers, show


def agree(yours, nnlib_version, *args):
    """Run yours(*args) and nnlib_version(*args); print whether they agree; return the value to use.

    For a function that returns several arrays (a tuple), each is compared in turn.
    """
    return _compare(yours, nnlib_version, args)[0]


def use(yours, nnlib_version, *args):
    """As agree, on these arguments; but return the *function* to go on with: yours when it agreed,
    nnlib's otherwise - for a loop below that calls it many times."""
    return yours if _compare(yours, nnlib_version, args)[1] else nnlib_version


def _compare(yours, nnlib_version, args):
    """(the value to go on with, whether yours agreed), after printing the one-line verdict."""
    expected = nnlib_version(*args)
    name = getattr(yours, "__name__", "function")
    if not callable(yours):
        print(f"{_core.FAILED} agree: pass your function itself, checks.agree(your_function, ...), not what it returned; "
              "going on with nnlib's.")
        return expected, False
    try:
        with time_limit(_core.TIME_LIMIT):
            got, _, failed = _core.attempt(name, yours, args)
        unfinished = failed is not None and failed.message.startswith(_core.WAITING)
    except KeyboardInterrupt:
        raise
    except BaseException:  # noqa: BLE001 - timed out, or worse: a line of text, not a traceback
        got, failed, unfinished = None, True, False
    if unfinished:
        print(f"{_core.WAITING} {name} is not written yet: going on with nnlib's answer, "
              f"{_brief(expected)}.")
        return expected, False
    if failed is None and _same(got, expected):
        print(f"{_core.PASSED} your {name} and nnlib's agree (np.allclose): {_brief(expected)}")
        return got, True
    received = _brief(got) if failed is None else "an error"
    print(f"{_core.FAILED} your {name} gives {received}, nnlib's {_brief(expected)}: going on with "
          f"nnlib's. The check above says what to change.")
    return expected, False


def _same(got, expected):
    if isinstance(expected, (tuple, list)):
        return isinstance(got, (tuple, list)) and len(got) == len(expected) and \
            all(_same(g, e) for g, e in zip(got, expected))
    return _core.close(got, expected)  # np.allclose, with the checks' tolerance


def _brief(value):
    """A few numbers in full; a bigger array as its shape (the check above shows the details)."""
    if isinstance(value, (tuple, list)) and any(isinstance(v, (tuple, list, np.ndarray)) for v in value):
        return "(" + ", ".join(_brief(v) for v in value) + ")"
    try:
        array = numbers(value)
    except NotNumbers:
        return show(value)
    return show(value) if array.size <= 6 else f"an array of shape {array.shape}"
