"""What every exercise check shares: run the learner's function on small seeded cases and explain.

A check never shows the answer's code. It says what passed, or what is wrong on one small case:
the shape, the sign, the scale, or the values expected and received. Every public check is wrapped
in @check, so whatever the learner's function does - returns text, a generator or a number too big
for a float, raises an exception that cannot even print itself, or loops for ever - the cell
prints a verdict, never a traceback, and shows it even when the check is not the cell's last line.
"""
import functools
import os
import traceback
from itertools import permutations

import numpy as np

from ._guard import TimedOut, call, explain, time_limit
from ._values import NotNumbers, numbers, safe_text, show

PASSED, FAILED, WAITING = "✓", "✗", "…"
TOLERANCE = 1e-6  # relative and absolute: loose enough for any correct order of float operations
TIME_LIMIT = 5.0  # seconds for one whole check (see _guard); the course's answers take milliseconds


class Result:
    """A check's verdict: shows as a friendly message, and ``bool(result)`` is True when it passed."""

    def __init__(self, passed, message):
        self.passed, self.message, self.shown = bool(passed), str(message), False

    def __bool__(self):
        return self.passed

    def __repr__(self):
        self.shown = True  # the cell's last line, print(result) or a list of results: it was seen
        return self.message

    def show_at_cell_end(self):
        """In Jupyter or Colab: display this verdict when the cell ends, unless it was shown by then
        (as the cell's last line, whose value Jupyter shows itself). So a check anywhere in a cell -
        in a loop, before a print, assigned to a name - still shows its verdict."""
        shell = _shell()
        if shell is not None:
            if _show_pending not in shell.events.callbacks.get("post_execute", []):
                shell.events.register("post_execute", _show_pending)
            _pending.append(self)


_pending = []  # verdicts of this cell not yet shown


def _shell():
    """The running IPython shell (a Jupyter or Colab kernel, or IPython), or None outside one."""
    import sys
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    return shell if hasattr(shell, "events") else None


def _show_pending():
    from IPython.display import display
    results = _pending[:]
    _pending.clear()
    for result in results:
        if not result.shown:
            display(result)


def check(check_function):
    """Make a check safe: it returns a Result whatever the learner's function does, in TIME_LIMIT s."""
    @functools.wraps(check_function)
    def safe(fn=None, *args, **kwargs):
        name = check_function.__name__
        try:
            if not callable(fn):
                result = Result(False, f"{FAILED} {name}: pass your function itself, without calling it: "
                                       f"checks.{name}(your_function); received {show(fn)}.")
            else:
                with time_limit(TIME_LIMIT):
                    result = check_function(fn, *args, **kwargs)
        except TimedOut:
            result = Result(False, f"{FAILED} {name}: your function did not finish in {TIME_LIMIT:g} s - an "
                                   "endless loop? Check the condition that should end each loop.")
        except KeyboardInterrupt:  # the learner pressed stop: let it stop
            raise
        except BaseException as error:  # noqa: BLE001 - whatever happens, a verdict, not a traceback
            result = Result(False, f"{FAILED} {name}: your answer could not be checked: "
                                   f"{type(error).__name__}: {safe_text(error)}")
        result.show_at_cell_end()
        return result
    return safe


def close(got, expected):
    """True when got has expected's shape and values (within float rounding)."""
    try:
        got = numbers(got)
    except NotNumbers:
        return False
    expected = np.asarray(expected, dtype=float)
    with np.errstate(all="ignore"):
        return got.shape == expected.shape and bool(np.allclose(got, expected, rtol=TOLERANCE, atol=TOLERANCE))


def diagnose(got, expected, mistakes=()):
    """Why ``got`` is not ``expected`` in one sentence, or None when it is right.

    mistakes: (wrong_value, explanation) pairs - typical wrong answers for this very case; a
    received value equal to one of them gets its explanation.
    """
    if got is None:
        return "your function returned None - did you forget the `return`?"
    try:
        got_array = numbers(got)
    except NotNumbers as what:
        return f"expected numbers, received {what}."
    expected = np.asarray(expected, dtype=float)
    if close(got_array, expected):
        return None
    for wrong, explanation in mistakes:
        if close(got_array, wrong):
            return explanation
    if got_array.shape != expected.shape:
        if expected.shape == ():
            return f"expected a single number, received an array of shape {got_array.shape}."
        if got_array.size == expected.size:
            return (f"the numbers may be right but the shape is not: expected shape "
                    f"{expected.shape}, received shape {got_array.shape}.")
        return f"expected shape {expected.shape}, received shape {got_array.shape}."
    if not np.all(np.isfinite(got_array)):
        return "some values are NaN or infinite - look for a division by zero or an overflow."
    if close(-got_array, expected):
        return "the values have the wrong sign: check the direction of a subtraction."
    with np.errstate(all="ignore"):
        ratio = _constant_ratio(got_array, expected)
    if ratio is not None:
        which = "every value is" if expected.size > 1 else "the value is"
        return f"{which} {ratio:.4g} times the expected one: a scale factor is off."
    return "the values differ from the expected ones."


def _constant_ratio(got, expected):
    """got / expected when that is one number everywhere (not 1 or -1), else None.

    For a single value any two numbers have a ratio, so only a whole number or its inverse (2, 1/2,
    n for a sum instead of a mean...) counts as a telling scale factor there.
    """
    mask = np.abs(expected) > 1e-12
    if not mask.any() or np.any(np.abs(got[~mask]) > TOLERANCE):
        return None
    ratios = got[mask] / expected[mask]
    ratio = float(ratios[0])
    if not np.isfinite(ratio) or not np.allclose(ratios, ratio, rtol=1e-6) or np.isclose(abs(ratio), 1.0):
        return None
    if mask.sum() == 1:
        whole = max(abs(ratio), 1 / abs(ratio)) if ratio else 0.0
        return ratio if whole >= 2 and np.isclose(whole, round(whole), rtol=1e-6) else None
    return ratio


def build_cases(reference, inputs, mistakes=(), names=None):
    """run_cases' (args, expected, mistakes) triples: the reference answer and the wrong ones on inputs.

    inputs: argument tuples. mistakes: (wrong_answer, explanation) pairs, each wrong_answer a small
    function with the learner's signature. names: the names of the results, for an exercise that
    returns several things (they are then compared one by one).
    """
    triples = []
    for args in inputs:
        expected, wrong = reference(*args), [(answer(*args), why) for answer, why in mistakes]
        if names:
            expected = dict(zip(names, expected))
            wrong = [(dict(zip(names, value)), why) for value, why in wrong]
        triples.append((args, expected, wrong))
    return triples


def attempt(name, fn, args, arg_names=(), hint=""):
    """Call the learner's fn(*args) on copies of the arrays: (value, notes, None), or (None, None, a
    failing Result) when it raised - saying where in their code, or that it is not started yet."""
    try:  # on copies: a learner's in-place edit must not change the case shown below
        value, notes = call(fn, [np.copy(a) if isinstance(a, np.ndarray) else a for a in args])
        return value, notes, None
    except NotImplementedError as error:
        unfinished = _unfinished_helper(error)
        if unfinished is None:
            return None, None, not_started(name, hint)
        return None, None, Result(False, f"{WAITING} {name}: your function calls `{unfinished}`, which is "
                                         f"not written yet - finish that exercise first, then come back.")
    except (KeyboardInterrupt, TimedOut):
        raise
    except BaseException as error:  # noqa: BLE001 - the learner's code crashed: say where, keep going
        return None, None, Result(False, f"{FAILED} {name}: {explain(error)}\n{_inputs(arg_names, args)}")


def run_cases(name, fn, cases, arg_names, hint=""):
    """Check ``fn`` on every case; the first failing case is reported with its inputs.

    cases: (args, expected, mistakes) triples, args a tuple in the order of ``arg_names``. For a
    function that returns several things, expected is a dict {name: value} and fn's tuple is
    compared item by item.
    """
    for args, expected, mistakes in cases:
        got, notes, failed = attempt(name, fn, args, arg_names, hint)
        if failed is not None:
            return failed
        problem = compare(got, expected, mistakes)
        if problem:
            wanted = tuple(expected.values()) if isinstance(expected, dict) else expected
            warned = f"\n  numpy reported: {', '.join(notes)}" if notes else ""
            return Result(False, f"{FAILED} {name}: not yet - {problem}\n{_inputs(arg_names, args)}"
                                 f"  expected: {show(wanted, 12)}\n  received: {show(got, 12)}{warned}")
    return Result(True, f"{PASSED} {name}: correct on all {len(cases)} test cases. Well done!")


def compare(got, expected, mistakes=()):
    """diagnose() for one value, or for a tuple of named values (expected a dict)."""
    if not isinstance(expected, dict):
        return diagnose(got, expected, mistakes)
    names = list(expected)
    if got is None:
        return diagnose(got, None)
    if not isinstance(got, (tuple, list, np.ndarray)) or getattr(got, "ndim", 1) == 0 or len(got) != len(names):
        return f"expected {len(names)} results ({', '.join(names)}), received {show(got)}."
    got = list(got)
    if len(names) > 1 and not any(diagnose(v, w) is None for v, w in zip(got, expected.values())):
        for order in permutations(range(len(names))):
            if order != tuple(range(len(names))) and \
                    all(diagnose(got[i], w) is None for i, w in zip(order, expected.values())):
                return (f"the results are right but in the wrong order: return them as "
                        f"({', '.join(names)}).")
    for name, value, wanted in zip(names, got, expected.values()):
        if value is None:
            return f"{name} is None - did you forget to compute it, or to return it?"
        own = [(wrong[name], why) for wrong, why in mistakes if name in wrong]
        problem = diagnose(value, wanted, own)
        if problem:
            return f"{name} is wrong: {problem}"
    return None


def gate_weights(name, fn, hint=""):
    """Call fn() for a gate's (w1, w2, b): ((w1, w2, b) as floats, None), or (None, a failing Result)."""
    got, _, failed = attempt(name, fn, (), hint=hint)
    if failed is not None:
        return None, failed
    if got is None:
        return None, Result(False, f"{FAILED} {name}: not yet - {diagnose(None, 0)}")
    try:
        weights = numbers(got) if isinstance(got, (tuple, list, np.ndarray)) else None
    except NotNumbers:
        weights = None
    if weights is None or weights.shape != (3,) or not np.all(np.isfinite(weights)):
        return None, Result(False, f"{FAILED} {name}: not yet - return three numbers, "
                                   f"(w1, w2, b), all finite; received {show(got)}.")
    return tuple(float(v) for v in weights), None


def _unfinished_helper(error):
    """None when the learner's function itself raised error; else the name of the function it
    called that did (another exercise still to be written)."""
    here = os.path.dirname(os.path.abspath(__file__))
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if os.path.dirname(os.path.abspath(f.filename)) != here]  # skip the checks' own frames
    return frames[-1].name if len(frames) > 1 else None


def not_started(name, hint=""):
    """The message for an exercise still raising NotImplementedError."""
    tip = f" Hint: {hint}" if hint else ""
    return Result(False, f"{WAITING} {name}: not started yet - replace the "
                         f"`raise NotImplementedError` line with your code, then run this cell "
                         f"again.{tip}")


def _inputs(names, args):
    return "".join(f"  {n} = {show(a, len(n) + 5)}\n" for n, a in zip(names, args))
