"""What every exercise check shares: run the learner's function on small seeded cases and explain.

A check never shows the answer's code. It says what passed, or what is wrong on one small case:
the shape, the sign, the scale, or the values expected and received.
"""
import os
import traceback

import numpy as np

PASSED, FAILED, WAITING = "✓", "✗", "…"
TOLERANCE = 1e-6  # relative and absolute: loose enough for any correct order of float operations


class Result:
    """A check's verdict: shows as a friendly message, and ``bool(result)`` is True when it passed."""

    def __init__(self, passed, message):
        self.passed, self.message = passed, message

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return self.message


def show(value, indent=0):
    """A short, stable text form of a number, array or tuple of them (4 significant digits).

    indent: how far the caller's label pushes the first line, so rows of a matrix line up.
    """
    if isinstance(value, (tuple, list)) and not _is_numeric(value):
        return "(" + ", ".join(show(v, indent + 1) for v in value) + ")"
    try:
        array = np.asarray(value)
        if array.dtype.kind not in "iub":  # labels and counts stay whole numbers
            array = array.astype(float)
    except (TypeError, ValueError):
        return repr(value)
    if array.dtype.kind not in "iubf":
        return repr(value)
    if array.ndim == 0:
        return f"{array.item():.4g}" if array.dtype.kind == "f" else str(array.item())
    text = np.array2string(array, precision=4, suppress_small=True, separator=", ",
                           floatmode="maxprec", max_line_width=70)
    return text.replace("\n", "\n" + " " * indent)


def _is_numeric(value):
    try:
        np.asarray(value, dtype=float)
        return True
    except (TypeError, ValueError):
        return False


def close(got, expected):
    """True when got has expected's shape and values (within float rounding)."""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    expected = np.asarray(expected, dtype=float)
    return got.shape == expected.shape and np.allclose(got, expected, rtol=TOLERANCE,
                                                       atol=TOLERANCE)


def diagnose(got, expected, mistakes=()):
    """Why ``got`` is not ``expected`` in one sentence, or None when it is right.

    mistakes: (wrong_value, explanation) pairs - typical wrong answers for this very case; a
    received value equal to one of them gets its explanation.
    """
    if got is None:
        return "your function returned None - did you forget the `return`?"
    try:
        got_array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"expected numbers, received {type(got).__name__} {got!r}."
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
    if not np.allclose(ratios, ratio, rtol=1e-6) or np.isclose(abs(ratio), 1.0):
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


def run_cases(name, fn, cases, arg_names, hint=""):
    """Check ``fn`` on every case; the first failing case is reported with its inputs.

    cases: (args, expected, mistakes) triples, args a tuple in the order of ``arg_names``. For a
    function that returns several things, expected is a dict {name: value} and fn's tuple is
    compared item by item.
    """
    for args, expected, mistakes in cases:
        try:  # on copies: a learner's in-place edit must not change the case shown below
            got = fn(*(np.copy(a) if isinstance(a, np.ndarray) else a for a in args))
        except NotImplementedError as error:
            unfinished = _unfinished_helper(error)
            if unfinished is None:
                return not_started(name, hint)
            return Result(False, f"{WAITING} {name}: your function calls `{unfinished}`, which is "
                                 f"not written yet - finish that exercise first, then come back.")
        except Exception as error:  # the learner's code crashed: say where, keep the notebook going
            return Result(False, f"{FAILED} {name}: calling it raised {type(error).__name__}: "
                                 f"{error}\n{_inputs(arg_names, args)}")
        problem = compare(got, expected, mistakes)
        if problem:
            wanted = tuple(expected.values()) if isinstance(expected, dict) else expected
            return Result(False, f"{FAILED} {name}: not yet - {problem}\n{_inputs(arg_names, args)}"
                                 f"  expected: {show(wanted, 12)}\n  received: {show(got, 12)}")
    return Result(True, f"{PASSED} {name}: correct on all {len(cases)} test cases. Well done!")


def compare(got, expected, mistakes=()):
    """diagnose() for one value, or for a tuple of named values (expected a dict)."""
    if not isinstance(expected, dict):
        return diagnose(got, expected, mistakes)
    names = list(expected)
    if got is None:
        return diagnose(got, None)
    if not isinstance(got, (tuple, list, np.ndarray)) or len(got) != len(names):
        return f"expected {len(names)} results ({', '.join(names)}), received {show(got)}."
    if len(names) > 1 and not any(diagnose(v, w) is None for v, w in zip(got, expected.values())):
        for order in _reorderings(len(names)):
            if all(diagnose(got[i], w) is None for i, w in zip(order, expected.values())):
                return (f"the results are right but in the wrong order: return them as "
                        f"({', '.join(names)}).")
    for name, value, wanted in zip(names, got, expected.values()):
        own = [(wrong[name], why) for wrong, why in mistakes if name in wrong]
        problem = diagnose(value, wanted, own)
        if problem:
            return f"{name} is wrong: {problem}"
    return None


def gate_weights(name, fn, hint=""):
    """Call fn() for a gate's (w1, w2, b): ((w1, w2, b) as floats, None), or (None, a failing Result)."""
    try:
        got = fn()
    except NotImplementedError:
        return None, not_started(name, hint)
    except Exception as error:  # the learner's code crashed: say so, keep the notebook going
        return None, Result(False, f"{FAILED} {name}: calling it raised {type(error).__name__}: "
                                   f"{error}")
    if got is None:
        return None, Result(False, f"{FAILED} {name}: not yet - {diagnose(None, 0)}")
    try:
        weights = tuple(float(v) for v in got)
    except (TypeError, ValueError):
        weights = ()
    if len(weights) != 3 or not np.all(np.isfinite(weights)):
        return None, Result(False, f"{FAILED} {name}: not yet - return three numbers, "
                                   f"(w1, w2, b), all finite; received {show(got)}.")
    return weights, None


def _unfinished_helper(error):
    """None when the learner's function itself raised error; else the name of the function it
    called that did (another exercise still to be written)."""
    here = os.path.dirname(os.path.abspath(__file__))
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if os.path.dirname(os.path.abspath(f.filename)) != here]  # skip the checks' own frames
    return frames[-1].name if len(frames) > 1 else None


def _reorderings(k):
    """Every order of k results but the given one."""
    from itertools import permutations
    return [p for p in permutations(range(k)) if p != tuple(range(k))]


def not_started(name, hint=""):
    """The message for an exercise still raising NotImplementedError."""
    tip = f" Hint: {hint}" if hint else ""
    return Result(False, f"{WAITING} {name}: not started yet - replace the "
                         f"`raise NotImplementedError` line with your code, then run this cell "
                         f"again.{tip}")


def _inputs(names, args):
    return "".join(f"  {n} = {show(a, len(n) + 5)}\n" for n, a in zip(names, args))
