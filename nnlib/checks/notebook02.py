"""Checks for notebook 02 (the loss curve): each reference answer, and the wrong answers it knows."""
import numpy as np

from ..datasets import reference_line
from ._core import build_cases, check, run_cases
from .questions import asked_in

__all__ = ["mse", "half_mse", "nudge_slope", "half_mse_grad", "line_gradients", "log_loss"]
QUESTIONS = asked_in("02")


def _prediction_cases(seed, first=(np.array([2.5, 0.0, 2.0]), np.array([3.0, -0.5, 2.0]))):
    """Small (y_pred, y) pairs: first (section 1's example), a seeded one, a single example."""
    rng = np.random.default_rng(seed)  # fixed seed: the same cases every run
    return [first,
            (rng.normal(size=5).round(2), rng.normal(size=5).round(2)),
            (np.array([3.0]), np.array([1.0]))]


def _mse(y_pred, y):
    """Exercise 2.1's reference answer."""
    return np.mean((y_pred - y) ** 2)


# typical wrong answers to exercise 2.1; the check pairs each with what it gets wrong
def _sum_of_squares(y_pred, y): return np.sum((y_pred - y) ** 2)
def _square_of_mean(y_pred, y): return np.mean(y_pred - y) ** 2
def _mean_size(y_pred, y): return np.mean(np.abs(y_pred - y))
def _root_mse(y_pred, y): return np.sqrt(np.mean((y_pred - y) ** 2))


@check
def mse(fn):
    """Check exercise 2.1: mse(y_pred, y) -> mean((y_pred - y)**2)."""
    mistakes = [(_sum_of_squares, "that is the sum of the squared errors; the MSE takes their *mean*."),
                (_square_of_mean, "square each error first, then average: the mean of the squares, "
                                  "not the square of the mean."),
                (_mean_size, "the errors' sizes are averaged, but each error should be squared."),
                (_root_mse, "that is the *root* mean squared error; leave out the square root.")]
    return run_cases("mse", fn, build_cases(_mse, _prediction_cases(201), mistakes), ["y_pred", "y"],
                     hint="the errors are y_pred - y; square them, then take the mean")


def _half_mse(y_pred, y):
    """Exercise 2.2's reference answer."""
    return np.mean((y_pred - y) ** 2) / 2


# typical wrong answers to exercise 2.2
def _half_sum(y_pred, y): return np.sum((y_pred - y) ** 2) / 2
def _half_mean_size(y_pred, y): return np.mean(np.abs(y_pred - y)) / 2


@check
def half_mse(fn):
    """Check exercise 2.2: half_mse(y_pred, y) -> mean((y_pred - y)**2) / 2."""
    # not section 1's example first: there mean(|error|) / 2 happens to equal the full MSE
    inputs = _prediction_cases(202, (np.array([1.0, 2.0, 4.0]), np.array([1.0, 1.0, 1.0])))
    mistakes = [(_mse, "that is the full MSE: the half-MSE halves it."),
                (_half_sum, "that is a sum; the loss is the *mean* over the batch."),
                (_half_mean_size, "square the errors rather than taking their size.")]
    return run_cases("half_mse", fn, build_cases(_half_mse, inputs, mistakes), ["y_pred", "y"],
                     hint="square each error, halve it, then take the mean")


def _nudge_slope(f, w, eps):
    """The slope exercise's reference answer: the change of f across w +- eps, per unit of w."""
    return (f(w + eps) - f(w - eps)) / (2 * eps)


# typical wrong answers to the slope exercise
def _one_sided(f, w, eps): return (f(w + eps) - f(w)) / eps
def _over_eps(f, w, eps): return (f(w + eps) - f(w - eps)) / eps
def _change_only(f, w, eps): return f(w + eps) - f(w - eps)
def _down_minus_up(f, w, eps): return (f(w - eps) - f(w + eps)) / (2 * eps)


def _cube(v):
    return v ** 3


def _bowl(v):
    return 1.5 * v ** 2


def _one_neuron_loss(v):
    return 0.5 * (v * 1.0 + 1.0 * 2.0 - 5.0) ** 2  # notebook 02's neuron, along w1 (w2 = 1, b = 0)


@check
def nudge_slope(fn):
    """Check the slope exercise: nudge_slope(f, w, eps) -> (f(w + eps) - f(w - eps)) / (2 eps)."""
    inputs = [(_one_neuron_loss, 1.0, 1e-3), (_cube, 1.0, 0.01), (_bowl, -2.0, 0.1)]
    mistakes = [(_one_sided, "that nudges only upwards, (f(w + eps) - f(w)) / eps: nudge both ways, to "
                             "w + eps and to w - eps, which is far more accurate."),
                (_over_eps, "the two nudged points are 2 * eps apart: divide by 2 * eps."),
                (_change_only, "that is the change in f; a slope is the change *per unit of w*: "
                               "divide by the distance between the two points."),
                (_down_minus_up, "the sign is flipped: take f at w + eps minus f at w - eps.")]
    return run_cases("nudge_slope", fn, build_cases(_nudge_slope, inputs, mistakes), ["f", "w", "eps"],
                     hint="evaluate f a little above and a little below w; divide the difference by "
                          "the distance between the two points")


def _half_mse_grad(y_pred, y):
    """Exercise 2.3's reference answer."""
    return (y_pred - y) / len(y)


# typical wrong answers to exercise 2.3
def _errors(y_pred, y): return y_pred - y
def _full_mse_grad(y_pred, y): return 2 * (y_pred - y) / len(y)
def _grad_flipped(y_pred, y): return (y - y_pred) / len(y)
def _mean_error(y_pred, y): return np.mean(y_pred - y)


@check
def half_mse_grad(fn):
    """Check exercise 2.3: half_mse_grad(y_pred, y) -> (y_pred - y) / n, shape (n,)."""
    mistakes = [(_errors, "the slope of a *mean* carries a 1/n: divide by the number of examples."),
                (_full_mse_grad, "that is the slope of the full MSE; in the half-MSE the ½ cancels "
                                 "the 2."),
                (_grad_flipped, "the sign is flipped: the slope is positive where y_pred is too big."),
                (_mean_error, "that is one number; the gradient has one slope per prediction, "
                              "shape (n,).")]
    return run_cases("half_mse_grad", fn, build_cases(_half_mse_grad, _prediction_cases(203), mistakes),
                     ["y_pred", "y"],
                     hint="one slope per prediction: its error, divided by the number of examples")


def _log_loss(p, y):
    """Exercise 2.4's reference answer."""
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


# typical wrong answers to exercise 2.4
def _log_loss_sum(p, y): return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
def _yes_only(p, y): return -np.mean(y * np.log(p))
def _p_of_no(p, y): return -np.mean(y * np.log(1 - p) + (1 - y) * np.log(p))
def _no_minus(p, y): return np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


@check
def log_loss(fn):
    """Check exercise 2.4: log_loss(p, y) -> -mean(y log p + (1 - y) log(1 - p))."""
    rng = np.random.default_rng(204)
    inputs = [(np.array([0.9, 0.2, 0.6, 0.4]), np.array([1.0, 0.0, 1.0, 0.0])),  # as in section 1
              (rng.uniform(0.05, 0.95, 5).round(2), np.array([1.0, 1.0, 0.0, 1.0, 0.0])),
              (np.array([0.25]), np.array([0.0]))]
    mistakes = [(_log_loss_sum, "that is a sum; the log loss is the *mean* over the examples."),
                (_yes_only, "only the 'yes' examples are charged; a 'no' example costs -log(1 - p)."),
                (_p_of_no, "p is the probability of *yes*: a 'yes' example costs -log p, a 'no' "
                           "example -log(1 - p)."),
                (_no_minus, "the logs of probabilities are negative: the loss needs a minus sign in "
                            "front.")]
    return run_cases("log_loss", fn, build_cases(_log_loss, inputs, mistakes), ["p", "y"],
                     hint="each example costs -log(p) if y is 1 and -log(1 - p) if y is 0; average them")


def _line_gradients(x, y, w, b):
    """Exercise 2.5's reference answer."""
    error = w * x + b - y  # (n,)
    return np.mean(error * x), np.mean(error)


# typical wrong answers to exercise 2.5
def _summed_gradients(x, y, w, b): return np.sum((w * x + b - y) * x), np.sum(w * x + b - y)
def _dw_without_x(x, y, w, b): return np.mean(w * x + b - y), np.mean(w * x + b - y)
def _full_mse_gradients(x, y, w, b): return 2 * np.mean((w * x + b - y) * x), 2 * np.mean(w * x + b - y)
def _gradients_flipped(x, y, w, b): return np.mean((y - w * x - b) * x), np.mean(y - w * x - b)


@check
def line_gradients(fn):
    """Check exercise 2.5: line_gradients(x, y, w, b) -> (dw, db) of the half-MSE of w*x + b."""
    rng = np.random.default_rng(205)
    x1 = rng.uniform(-2, 2, 4).round(2)
    # four points first: with two, a sum is exactly twice a mean and two mistakes look alike
    inputs = [(x1, 2 * x1 + 1 + rng.normal(0, 0.1, 4).round(2), -1.0, 0.5),
              reference_line(),  # the y = 2x + 1 run's start, as in section 3
              (np.array([2.0]), np.array([1.0]), 1.0, 0.0)]
    mistakes = [(_summed_gradients, "that is a sum over the examples; the slopes of a mean loss are "
                                    "means."),
                (_dw_without_x, "each error's share in dw is multiplied by its own input x."),
                (_full_mse_gradients, "that is the full MSE's slope; the half-MSE's ½ cancels the 2."),
                (_gradients_flipped, "the sign is flipped: take the error as y_pred - y.")]
    return run_cases("line_gradients", fn,
                     build_cases(_line_gradients, inputs, mistakes, names=("dw", "db")),
                     ["x", "y", "w", "b"],
                     hint="the error is w*x + b - y; dw averages error * x, db averages the error")
