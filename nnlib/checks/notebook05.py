"""Checks for notebook 05 (an MLP on Iris): each reference answer, and the wrong answers it knows."""
import numpy as np

from ..activations import sigmoid
from ..losses import softmax
from ._core import FAILED, Result, _inputs, attempt, build_cases, check, run_cases, show
from ._values import NotNumbers, numbers
from .questions import asked_in

from .notebook05_backprop import backward, gradient_check  # the backprop ladder's capstone and bug hunt

# in the notebook's order
__all__ = ["softmax_rows", "dense_forward", "sigmoid_backward", "dense_backward", "backward", "gradient_check",
           "accuracy"]
QUESTIONS = asked_in("05")


def _dense_forward(X, W, b):
    """Exercise 5.1's reference answer."""
    return X @ W + b


# typical wrong answers to exercise 5.1; the check pairs each with what it gets wrong
def _z_without_bias(X, W, b): return X @ W
def _bias_subtracted(X, W, b): return X @ W - b
def _z_transposed(X, W, b): return (X @ W + b).T
def _activated(X, W, b): return sigmoid(X @ W + b)


@check
def dense_forward(fn):
    """Check exercise 5.1: dense_forward(X, W, b) -> Z = X @ W + b, shape (n, n_out)."""
    rng = np.random.default_rng(501)
    inputs = [(np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),
               np.array([[1.0, 0.0], [0.5, -1.0], [2.0, 1.0]]), np.array([0.5, -0.5])),
              (rng.normal(size=(4, 3)).round(2), rng.normal(size=(3, 2)).round(2),
               rng.normal(size=2).round(2))]
    mistakes = [(_z_without_bias, "you left out the bias b: every row of Z gets b added."),
                (_bias_subtracted, "the bias is added to X @ W, not subtracted."),
                (_z_transposed, "rows are samples: Z needs one row per sample, shape (n, n_out)."),
                (_activated, "that is the activation A = σ(Z); the dense layer returns Z, before any "
                             "activation.")]
    return run_cases("dense_forward", fn, build_cases(_dense_forward, inputs, mistakes), ["X", "W", "b"],
                     hint="a matrix product of X and W, then add the bias")


def _accuracy(P, y):
    """Exercise 5.2's reference answer."""
    return np.mean(np.argmax(P, axis=1) == y)


# typical wrong answers to exercise 5.2
def _right_count(P, y): return np.sum(np.argmax(P, axis=1) == y)
def _percentage(P, y): return 100 * np.mean(np.argmax(P, axis=1) == y)
def _error_rate(P, y): return np.mean(np.argmax(P, axis=1) != y)
def _mean_top_probability(P, y): return np.mean(P.max(axis=1))


@check
def accuracy(fn):
    """Check exercise 5.2: accuracy(P, y) -> mean(argmax(P, axis=1) == y), a float in [0, 1]."""
    rng = np.random.default_rng(502)
    inputs = [(np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3], [0.4, 0.1, 0.5]]),
               np.array([0, 2, 1, 0])),
              (softmax(rng.normal(size=(6, 3)) * 2).round(3), rng.integers(0, 3, size=6)),
              (np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6]]), np.array([0, 1, 2]))]
    mistakes = [(_right_count, "that is the number of right answers; divide by the number of samples "
                               "to get a fraction in [0, 1]."),
                (_percentage, "that is a percentage; return a fraction in [0, 1]."),
                (_error_rate, "that is the error rate, the share of wrong answers."),
                (_mean_top_probability, "that is the average top probability (how sure the network "
                                        "is); count how often the top class is y.")]
    return run_cases("accuracy", fn, build_cases(_accuracy, inputs, mistakes), ["P", "y"],
                     hint="the predicted class of each row is the column with the largest probability")


# exercise 5.3's reference answer is nnlib's own softmax; typical wrong answers:
def _shares_of_the_array(Z): return np.exp(Z) / np.exp(Z).sum()
def _shares_of_each_column(Z): return np.exp(Z) / np.exp(Z).sum(axis=0)
def _divided_by_row_max(Z): return np.exp(Z) / np.exp(Z).max(axis=1, keepdims=True)
def _sigmoid_of_each(Z): return 1 / (1 + np.exp(-Z))


@check
def softmax_rows(fn):
    """Check exercise 5.3: softmax_rows(Z), each row exp(Z - row max) / its sum, stable for huge Z."""
    rng = np.random.default_rng(503)
    inputs = [(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]),), (rng.normal(size=(3, 4)).round(2),)]
    mistakes = [(_shares_of_the_array, "you divided by the sum of the whole array: each row (one "
                                       "sample) must add up to 1 on its own."),
                (_shares_of_each_column, "each column adds up to 1 now; it is each row (one sample) "
                                         "that must add up to 1."),
                (_divided_by_row_max, "each row must add up to 1: divide by the row's sum."),
                (_sigmoid_of_each, "that is the sigmoid of each logit on its own; softmax makes the "
                                   "numbers of a row share 1 between them.")]
    cases = build_cases(softmax, inputs, mistakes)
    result = run_cases("softmax_rows", fn, cases, ["Z"],
                       hint="make every exponent at most 0, exponentiate, then divide each row "
                            "by its own sum")
    if not result:
        return result
    Z = np.array([[1000.0, 1001.0, 1002.0], [-1002.0, -1001.0, -1000.0], [-1000.0, 0.0, 1000.0]])
    got, _, failed = attempt("softmax_rows", fn, (Z,))  # a naive exp(1000) overflows: said once below
    try:
        finite = failed is not None or bool(np.all(np.isfinite(numbers(got))))
    except NotNumbers:  # run_cases below says what is wrong with it
        finite = True
    if not finite:
        return Result(False, f"{FAILED} softmax_rows: right on small logits, but not yet stable - "
                             f"with logits like 1000, exp() overflows to inf (or exp(-1000) "
                             f"underflows to 0) and you get NaN. Subtracting a number from a row "
                             f"does not change its softmax: which number keeps exp() safe?\n"
                             f"{_inputs(['Z'], [Z])}  expected: {show(softmax(Z))}\n"
                             f"  received: {show(got)}")
    return run_cases("softmax_rows", fn, cases + [((Z,), softmax(Z), [])], ["Z"])


def _sigmoid_backward(dA, A):
    """Exercise 5.4's reference answer."""
    return dA * A * (1 - A)


# typical wrong answers to exercise 5.4
def _slope_alone(dA, A): return A * (1 - A)
def _half_the_slope(dA, A): return dA * A
def _slope_left_out(dA, A): return dA
def _sigmoid_applied_again(dA, A): return dA * sigmoid(A) * (1 - sigmoid(A))
def _matrix_product(dA, A): return dA @ (A * (1 - A)).T


@check
def sigmoid_backward(fn):
    """Check exercise 5.4: sigmoid_backward(dA, A) -> dZ = dA * A * (1 - A)."""
    rng = np.random.default_rng(504)
    inputs = [(np.array([[1.0, -2.0], [0.5, 1.0], [0.0, 3.0]]),
               np.array([[0.5, 0.9], [0.2, 0.5], [0.7, 0.1]])),
              (rng.normal(size=(3, 2)).round(2), rng.uniform(0.05, 0.95, size=(3, 2)).round(2))]
    mistakes = [(_slope_alone, "that is σ'(Z) alone; the chain rule multiplies it by the incoming "
                               "gradient dA."),
                (_half_the_slope, "only part of the sigmoid's slope: σ'(Z) = A (1 - A)."),
                (_slope_left_out, "the gradient has to pass through the sigmoid's slope on its way back."),
                (_sigmoid_applied_again, "A is already σ(Z): use A as it is, don't apply the sigmoid "
                                         "again."),
                (_matrix_product, "multiply element by element (*), not with a matrix product (@): "
                                  "each Z has its own slope.")]
    return run_cases("sigmoid_backward", fn, build_cases(_sigmoid_backward, inputs, mistakes),
                     ["dA", "A"], hint="the chain rule: incoming gradient times the sigmoid's slope at A")


def _dense_backward(X, W, dZ):
    """Exercise 5.5's reference answer."""
    return X.T @ dZ, dZ.sum(axis=0), dZ @ W.T


# typical wrong answers to exercise 5.5, each with one of the three gradients wrong
def _dW_averaged(X, W, dZ): return X.T @ dZ / len(X), dZ.sum(axis=0), dZ @ W.T
def _dW_transposed(X, W, dZ): return dZ.T @ X, dZ.sum(axis=0), dZ @ W.T
def _db_averaged(X, W, dZ): return X.T @ dZ, dZ.mean(axis=0), dZ @ W.T
def _db_per_sample(X, W, dZ): return X.T @ dZ, dZ.sum(axis=1), dZ @ W.T
def _db_one_number(X, W, dZ): return X.T @ dZ, dZ.sum(), dZ @ W.T


@check
def dense_backward(fn):
    """Check exercise 5.5: dense_backward(X, W, dZ) -> (dW, db, dX)."""
    rng = np.random.default_rng(505)
    inputs = [(np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),
               np.array([[1.0, 0.0], [0.5, -1.0], [2.0, 1.0]]),
               np.array([[0.1, -0.2], [0.3, 0.4]])),
              (rng.normal(size=(4, 3)).round(2), rng.normal(size=(3, 2)).round(2),
               rng.normal(size=(4, 2)).round(2) / 4)]
    mistakes = [(_dW_averaged, "dZ already holds the loss's 1/n: sum over the batch, don't average "
                               "again."),
                (_dW_transposed, "dW must have the shape of W, (n_in, n_out)."),
                (_db_averaged, "dZ already holds the loss's 1/n: sum over the batch, don't average "
                               "again."),
                (_db_per_sample, "db has one number per output neuron: sum over the samples (axis 0)."),
                (_db_one_number, "db has one number per output neuron, shape (n_out,), not one number "
                                 "for the whole layer.")]
    return run_cases("dense_backward", fn,
                     build_cases(_dense_backward, inputs, mistakes, names=("dW", "db", "dX")),
                     ["X", "W", "dZ"],
                     hint="every gradient has the shape of its variable: dW like W, db like b, "
                          "dX like X")
