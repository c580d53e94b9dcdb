"""Hypothesis strategies for the values learners pass by mistake, and the property every public
function must keep: a TypeError/ValueError that names the argument in plain words, or a correct
result - nothing else, and no RuntimeWarning (pytest turns those into errors).

Profiles: the default "dev" runs few, fixed examples per test so the suite stays fast;
HYPOTHESIS_PROFILE=ci runs many more, freshly drawn.
"""
import os
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

settings.register_profile("dev", max_examples=15, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=300, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# what numpy or Python would say from deep inside: none of it may reach a learner
NUMPY_WORDS = re.compile(r"ufunc|could not convert|inhomogeneous|SeedSequence|ndarray|dtype\(|"
                         r"float\(\) argument|int\(\) argument|NoneType|has no attribute|values to unpack|"
                         r"truth value|object of type|not supported between|unhashable|out of bounds|"
                         r"AxisError|axis \d|setting an array element|Traceback")


def clear_error(call, name):
    """call() raises a TypeError or ValueError whose message names `name` and speaks no numpy."""
    with pytest.raises((TypeError, ValueError)) as info:
        call()
    message = str(info.value)
    assert re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", message), f"{name!r} not named in: {message}"
    assert not NUMPY_WORDS.search(message), f"numpy's words in: {message}"
    return message


def result_or_clear_error(call, name):
    """call()'s result, or None after a clear error naming `name` (see clear_error)."""
    try:
        return call()
    except (TypeError, ValueError) as error:
        message = str(error)
        assert re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", message), f"{name!r} not named in: {message}"
        assert not NUMPY_WORDS.search(message), f"numpy's words in: {message}"
        return None


# -- junk: things that are not numbers at all ------------------------------------------------------
junk = st.one_of(st.none(), st.text(max_size=5), st.booleans(), st.complex_numbers(allow_nan=False),
                 st.dictionaries(st.text(max_size=2), st.integers(), max_size=2), st.just(object()),
                 st.lists(st.text(max_size=2), min_size=1, max_size=3), st.just(lambda x: x))
huge_ints = st.integers(min_value=10 ** 309, max_value=10 ** 400) | st.integers(max_value=-10 ** 309,
                                                                                 min_value=-10 ** 400)
not_finite = st.sampled_from([np.nan, np.inf, -np.inf])

# -- numbers -----------------------------------------------------------------------------------------
bad_numbers = st.one_of(junk, not_finite, huge_ints, st.lists(st.floats(-5, 5), min_size=2, max_size=3),
                        st.just(np.array([0.5, 0.25])))
any_number = st.one_of(bad_numbers, st.floats(allow_nan=True, allow_infinity=True), st.integers(-10 ** 6, 10 ** 6),
                       st.floats(-1e3, 1e3).map(np.float32), st.integers(-50, 50).map(np.int64))
bad_counts = st.one_of(junk, not_finite, huge_ints, st.integers(max_value=0),
                       st.floats(0.01, 1e3).filter(lambda v: not v.is_integer()), st.integers(10 ** 7 + 1, 10 ** 15))
bad_rngs = st.one_of(st.text(max_size=4), st.booleans(), st.floats(allow_nan=True), st.integers(max_value=-1),
                     st.lists(st.integers(0, 9), min_size=1, max_size=2), st.just(np.random.RandomState(0)),
                     st.complex_numbers(), st.dictionaries(st.text(max_size=1), st.integers(), max_size=1))
bad_choices = st.one_of(junk.filter(lambda v: not isinstance(v, str)), st.text(max_size=8).filter(
    lambda t: t.lower() not in {"identity", "step", "sigmoid", "tanh", "relu", "mse", "half_mse", "log_loss",
                                "bce", "cross_entropy", "and", "or", "nand", "nor", "xor"}))
bad_flags = st.one_of(st.none(), st.text(max_size=3), st.integers(), st.floats())


# -- arrays ------------------------------------------------------------------------------------------
def data(shape, low=-1e6, high=1e6):
    """Valid data: finite float arrays of the shape (None: any length), as lists or arrays."""
    shape = st.tuples(*(st.integers(1, 5) if n is None else st.just(n) for n in shape))
    arrays = shape.flatmap(lambda s: hnp.arrays(np.float64, s, elements=st.floats(low, high)))
    return st.one_of(arrays, arrays.map(lambda a: a.tolist()), arrays.map(lambda a: a.astype(np.float32)))


def bad_arrays(shape, empty_ok=False, shape_matters=True):
    """Arrays a learner might pass where `shape` (None: any length) of finite numbers is meant."""
    size = int(np.prod([3 if n is None else n for n in shape])) or 1
    ragged = st.lists(st.lists(st.floats(-5, 5), min_size=1, max_size=4), min_size=2, max_size=4).filter(
        lambda rows: len({len(r) for r in rows}) > 1)
    kinds = [junk, huge_ints.map(lambda v: [v] * size), ragged,
             hnp.arrays(np.complex128, size, elements=st.complex_numbers(max_magnitude=5).filter(lambda c: c.imag != 0)),
             hnp.arrays("U3", size, elements=st.sampled_from(["1", "a", "2.5", ""])),
             st.just(np.array([None] * size, dtype=object)),
             st.builds(lambda bad, i: _with(np.ones(size), i % size, bad), not_finite, st.integers(0, 99))]
    if not empty_ok:
        kinds.append(st.just(np.zeros((0,) + tuple(1 if n is None else n for n in shape[1:]))))
    if shape_matters:
        wrong = hnp.array_shapes(min_dims=0, max_dims=3, max_side=4).filter(
            lambda s: len(s) != len(shape) or any(n is not None and m != n for m, n in zip(s, shape)))
        kinds.append(wrong.map(lambda s: np.ones(s)))
    return st.one_of(*kinds)


def _with(a, index, value):
    a = a.copy()
    a[index] = value
    return a


def bad_labels(n, n_classes):
    """Class labels that are not 0..n_classes-1, or not n of them."""
    wrong_values = st.lists(st.one_of(st.integers(max_value=-1), st.integers(n_classes, 10 ** 6),
                                      st.floats(0.01, n_classes - 0.01).filter(lambda v: not v.is_integer())),
                            min_size=n, max_size=n)
    wrong_length = st.integers(1, 8).filter(lambda k: k != n).map(lambda k: [0] * k)
    return st.one_of(bad_arrays((n,)), wrong_values, wrong_length)


def bad_functions(returns=()):
    """Things passed as a function: not callable, or returning the wrong thing."""
    returned = st.one_of(junk, not_finite.map(lambda v: np.full(returns + (2,), v)),
                         st.just(np.ones(returns + (3,))), st.just(1j))
    return st.one_of(junk.filter(lambda v: not callable(v)), returned.map(lambda r: (lambda *args: r)))
