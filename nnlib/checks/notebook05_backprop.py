"""Checks for notebook 05's backpropagation ladder: the capstone (a whole two-layer `backward`)
and the gradient check that finds a planted bug. Each reference answer sits beside the typical
wrong answers it recognises, as in notebook05.py."""
import numpy as np

from ..activations import sigmoid
from ..gradcheck import gradient_errors, numerical_gradient
from ..losses import softmax
from ._core import FAILED, PASSED, Result, attempt, build_cases, check, diagnose, run_cases
from ._values import NotNumbers, numbers

__all__ = ["backward", "gradient_check"]
NAMES = ("dW1", "db1", "dW2", "db2")


def _backward(X, Y, A1, P, params):
    """The capstone's reference answer: [(dW1, db1), (dW2, db2)] of the mean cross-entropy."""
    (W1, b1), (W2, b2) = params
    dZ2 = (P - Y) / len(X)  # (n, k): the output delta
    dZ1 = (dZ2 @ W2.T) * A1 * (1 - A1)  # (n, h): the hidden delta
    return [(X.T @ dZ1, dZ1.sum(axis=0)), (A1.T @ dZ2, dZ2.sum(axis=0))]


# typical wrong answers, each with one planted mistake
def _no_sigmoid_slope(X, Y, A1, P, params):
    dZ2 = (P - Y) / len(X)
    dZ1 = dZ2 @ params[1][0].T
    return [(X.T @ dZ1, dZ1.sum(axis=0)), (A1.T @ dZ2, dZ2.sum(axis=0))]


def _no_mean(X, Y, A1, P, params):
    dZ2 = P - Y
    dZ1 = (dZ2 @ params[1][0].T) * A1 * (1 - A1)
    return [(X.T @ dZ1, dZ1.sum(axis=0)), (A1.T @ dZ2, dZ2.sum(axis=0))]


def _flipped(X, Y, A1, P, params):
    return [tuple(-g for g in pair) for pair in _backward(X, Y, A1, P, params)]


def _flat(fn):
    """fn with its [(dW1, db1), (dW2, db2)] read as four results (anything else passed on as it is,
    for the check to describe)."""
    def flat(*args):
        got = fn(*args)
        pairs = isinstance(got, (list, tuple)) and len(got) == 2 and \
            all(isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in got)
        return (*got[0], *got[1]) if pairs else got
    flat.__name__ = getattr(fn, "__name__", "backward")
    return flat


def _network(seed, sizes, n):
    """A small network's (X, Y, A1, P, params) after a forward pass, drawn from a fixed seed."""
    rng = np.random.default_rng(seed)
    params = [(rng.normal(0, 1 / np.sqrt(a), (a, b)).round(3), rng.normal(0, 0.1, b).round(3))
              for a, b in zip(sizes[:-1], sizes[1:])]
    X = rng.normal(size=(n, sizes[0])).round(2)
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    A1 = sigmoid(X @ params[0][0] + params[0][1])
    return X, Y, A1, softmax(A1 @ params[1][0] + params[1][1]), params


@check
def backward(fn):
    """Check the capstone: backward(X, Y, A1, P, params) -> [(dW1, db1), (dW2, db2)]."""
    # the smallest first: a wrong answer is shown on a case small enough to read
    inputs = [_network(551, [2, 2, 2], 2), _network(552, [3, 2, 4], 1), _network(553, [4, 8, 3], 10)]
    mistakes = [(_flat(_no_sigmoid_slope), "the hidden delta must pass through the sigmoid's slope, "
                                           "A1 * (1 - A1)."),
                (_flat(_no_mean), "the loss is a mean over the batch: the output delta is (P - Y) / n."),
                (_flat(_flipped), "the sign is flipped: the output delta is P - Y, not Y - P.")]
    cases = build_cases(_flat(_backward), inputs, mistakes, names=NAMES)
    result = run_cases("backward", _flat(fn), cases, ["X", "Y", "A1", "P", "params"],
                       hint="first the output delta dZ2, then every gradient of layer 2, then the "
                            "hidden delta dZ1 from dZ2, then layer 1's gradients")
    if not result:  # the results are compared as four: say the order as the learner writes it
        return Result(False, result.message.replace("(dW1, db1, dW2, db2)", "[(dW1, db1), (dW2, db2)]"))
    return Result(True, f"{PASSED} backward: correct on all {len(cases)} test cases, and each of "
                        f"dW1, db1, dW2, db2 agrees with nudging every weight (the gradient check). "
                        f"You have written backpropagation.")


def _gradient_check(loss_fn, params, grads):
    """The gradient-check exercise's reference answer: one relative error per parameter array."""
    return gradient_errors(loss_fn, params, grads)


def _max_error(loss_fn, params, grads):
    return np.full(len(params), _gradient_check(loss_fn, params, grads).max())


def _absolute_errors(loss_fn, params, grads):
    return np.array([np.max(np.abs(g - numerical_gradient(loss_fn, p))) for p, g in zip(params, grads)])


def _quadratic(seed):
    """(loss_fn, params, grads): a loss sum(a * p**2) / 2 + c @ q over two arrays, right gradients
    except one entry planted wrong in the second array when seed is odd."""
    rng = np.random.default_rng(seed)
    p, q, a, c = rng.normal(size=(2, 3)), rng.normal(size=4), rng.uniform(1, 3, (2, 3)), rng.normal(size=4)
    grads = [a * p, c.copy()]
    if seed % 2:
        grads[1][2] += 1.0
    return (lambda: float(np.sum(a * p ** 2) / 2 + c @ q)), [p, q], grads


@check
def gradient_check(fn):
    """Check the bug-finding exercise: gradient_check(loss_fn, params, grads) -> relative errors."""
    cases = []
    for seed in (561, 562, 563):
        loss_fn, params, grads = _quadratic(seed)
        expected = _gradient_check(loss_fn, params, grads)
        wrong = [(_max_error(loss_fn, params, grads), "one relative error per parameter array, not the "
                                                      "largest one repeated."),
                 (_absolute_errors(loss_fn, params, grads), "use nnlib.relative_error, so that small and "
                                                            "large gradients are judged alike.")]
        cases.append(((loss_fn, params, grads), expected, wrong))
    for args, expected, mistakes in cases:
        got, _, failed = attempt("gradient_check", fn, args, ["loss_fn", "params", "grads"])
        if failed is not None:
            return failed
        if got is None:
            return Result(False, f"{FAILED} gradient_check: not yet - {diagnose(None, 0)}")
        try:
            got = numbers(got)
        except NotNumbers as what:
            return Result(False, f"{FAILED} gradient_check: not yet - expected one number per parameter "
                                 f"array, received {what}.")
        if got.shape != expected.shape:
            return Result(False, f"{FAILED} gradient_check: not yet - expected {len(expected)} relative "
                                 f"errors, one per parameter array; received shape {got.shape}.")
        for wrong, why in mistakes:
            if np.allclose(got, wrong, rtol=1e-3, atol=1e-9) and not np.allclose(got, expected, rtol=1e-3):
                return Result(False, f"{FAILED} gradient_check: not yet - {why}")
        # the verdict that matters: tiny where the gradient is right, large where it is wrong
        if not np.array_equal(got > 1e-4, expected > 1e-4):
            return Result(False, f"{FAILED} gradient_check: not yet - on a case with gradients "
                                 f"{'one of them wrong' if expected.max() > 1e-4 else 'all right'}, "
                                 f"your relative errors {np.round(got, 6).tolist()} flag the wrong arrays.")
    return Result(True, f"{PASSED} gradient_check: correct on all {len(cases)} test cases: it finds the "
                        "one wrong gradient and passes the right ones. Well done!")
