"""Checks for notebook 03 (gradient descent): each reference answer, and the wrong answers it knows."""
import numpy as np

from ..datasets import reference_line
from ._core import build_cases, check, run_cases
from .questions import asked_in

__all__ = ["gd_step", "descend", "stable_rate_limit", "fit_line"]
QUESTIONS = asked_in("03")


def _gd_step(w, grad, lr):
    """Exercise 3.1's reference answer."""
    return w - lr * grad


# typical wrong answers to exercise 3.1; the check pairs each with what it gets wrong
def _uphill_step(w, grad, lr): return w + lr * grad
def _step_without_rate(w, grad, lr): return w - grad
def _step_alone(w, grad, lr): return -lr * grad


@check
def gd_step(fn):
    """Check exercise 3.1: gd_step(w, grad, lr) -> w - lr * grad."""
    rng = np.random.default_rng(301)
    inputs = [(2.0, 6.0, 0.1), (np.array([1.0, -2.0]), np.array([0.5, -1.0]), 0.5),
              (rng.normal(size=3).round(2), rng.normal(size=3).round(2), 0.3)]
    mistakes = [(_uphill_step, "that step goes uphill: move *against* the gradient."),
                (_step_without_rate, "the learning rate is missing: it scales the gradient."),
                (_step_alone, "that is only the step itself; add it to the current w.")]
    return run_cases("gd_step", fn, build_cases(_gd_step, inputs, mistakes), ["w", "grad", "lr"],
                     hint="one subtraction")


class _Slope:
    """A gradient function that prints as its formula (a check shows its inputs to the learner)."""

    def __init__(self, formula, fn):
        self.formula, self.fn = formula, fn

    def __call__(self, w):
        return self.fn(w)

    def __repr__(self):
        return f"the slope dL/dw = {self.formula}"


def _descend(grad, w0, lr, steps):
    """Exercise 3.2's reference answer."""
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - lr * grad(path[-1]))
    return np.array(path)


# typical wrong answers to exercise 3.2
def _path_without_start(grad, w0, lr, steps): return _descend(grad, w0, lr, steps)[1:]
def _last_position(grad, w0, lr, steps): return _descend(grad, w0, lr, steps)[-1]
def _climbs(grad, w0, lr, steps): return _descend(lambda w: -grad(w), w0, lr, steps)
def _slope_of_start(grad, w0, lr, steps): return w0 - lr * grad(w0) * np.arange(steps + 1)


@check
def descend(fn):
    """Check exercise 3.2: descend(grad, w0, lr, steps) -> the steps + 1 positions visited."""
    bowl = _Slope("3 * w", lambda w: 3 * w)
    shifted = _Slope("2 * (w - 1)", lambda w: 2 * (w - 1))
    inputs = [(bowl, 2.0, 0.1, 5), (shifted, -1.0, 0.25, 4), (bowl, 2.0, 0.75, 3)]
    mistakes = [(_path_without_start, "the list should start with w0 itself: steps + 1 positions."),
                (_last_position, "return every position visited, not only the last one."),
                (_climbs, "the ball climbs: each step must go *against* the gradient."),
                (_slope_of_start, "call grad at the *current* position on every step, not once at w0.")]
    return run_cases("descend", fn, build_cases(_descend, inputs, mistakes),
                     ["grad", "w0", "lr", "steps"], hint="start a list with w0, append one gd step per loop")


def _stable_rate_limit(curvatures):
    """Exercise 3.3's reference answer."""
    return 2 / np.max(curvatures)


# typical wrong answers to exercise 3.3
def _flattest_limit(curvatures): return 2 / np.min(curvatures)
def _no_overshoot_limit(curvatures): return 1 / np.max(curvatures)
def _limit_multiplied(curvatures): return 2 * np.max(curvatures)


@check
def stable_rate_limit(fn):
    """Check exercise 3.3: stable_rate_limit(curvatures) -> 2 / max(curvatures)."""
    inputs = [(np.array([3.0]),), (np.array([1.47, 0.06]),), (np.array([0.5, 4.0, 2.0]),)]
    mistakes = [(_flattest_limit, "that is the limit of the flattest direction; a steeper one "
                                  "diverges long before it."),
                (_no_overshoot_limit, "below that rate the ball never overshoots, but shrinking bounces "
                                      "still settle: look for where the bounces stop shrinking."),
                (_limit_multiplied, "lr × curvature must stay below 2: divide rather than multiply.")]
    return run_cases("stable_rate_limit", fn, build_cases(_stable_rate_limit, inputs, mistakes),
                     ["curvatures"], hint="the steepest direction sets the limit")


def _fit_line(x, y, w, b, lr, epochs):
    """Exercise 3.4's reference answer: notebook 02's loop, each half-MSE taken before its update."""
    losses = []
    for _ in range(epochs):
        error = w * x + b - y  # (n,)
        losses.append(np.mean(error ** 2) / 2)
        w, b = w - lr * np.mean(error * x), b - lr * np.mean(error)
    return w, b, np.array(losses)


# typical wrong answers to exercise 3.4
def _loss_after_update(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        w, b = w - lr * np.mean(error * x), b - lr * np.mean(error)
        losses.append(np.mean((w * x + b - y) ** 2) / 2)
    return w, b, np.array(losses)


def _full_mse_descent(x, y, w, b, lr, epochs):
    # the full MSE and its slopes are twice the half-MSE's: the same path as with lr doubled
    w, b, losses = _fit_line(x, y, w, b, 2 * lr, epochs)
    return w, b, 2 * losses


# a sum of slopes is n times their mean: every step n times too big
def _summed_slopes(x, y, w, b, lr, epochs): return _fit_line(x, y, w, b, len(x) * lr, epochs)


def _slope_without_x(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        losses.append(np.mean(error ** 2) / 2)
        w, b = w - lr * np.mean(error), b - lr * np.mean(error)
    return w, b, np.array(losses)


def _b_after_new_w(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        losses.append(np.mean((w * x + b - y) ** 2) / 2)
        w = w - lr * np.mean((w * x + b - y) * x)
        b = b - lr * np.mean(w * x + b - y)  # an error measured with the new w
    return w, b, np.array(losses)


def _one_loss_too_many(x, y, w, b, lr, epochs):
    w, b, losses = _fit_line(x, y, w, b, lr, epochs)
    return w, b, np.append(losses, np.mean((w * x + b - y) ** 2) / 2)


@check
def fit_line(fn):
    """Check exercise 3.4: fit_line(x, y, w, b, lr, epochs) -> (w, b, losses), half-MSE descent."""
    x0, y0, w0, b0 = reference_line()  # the published start of notebooks 02 and 03
    # three examples first: with two, summing the slopes would look like the full MSE's factor 2
    inputs = [(np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), 0.0, 0.0, 0.1, 3),
              (x0, y0, w0, b0, 0.1, 4),
              (np.array([1.0, 2.0]), np.array([3.0, 5.0]), 0.5, -0.5, 0.5, 1)]
    mistakes = [(_loss_after_update, "record each epoch's loss *before* its update, so losses[0] is "
                                     "the loss at the start."),
                (_full_mse_descent, "that is descent on the full MSE; use the half-MSE, whose slopes "
                                    "are mean(error * x) and mean(error)."),
                (_summed_slopes, "average the slopes over the examples (np.mean), rather than "
                                 "summing them."),
                (_slope_without_x, "the slope along w is mean(error * x): each error is weighted by "
                                   "its input."),
                (_b_after_new_w, "compute both slopes from the same error, before you change w."),
                (_one_loss_too_many, "keep one loss per epoch (epochs values), each measured before "
                                     "that epoch's update.")]
    return run_cases("fit_line", fn, build_cases(_fit_line, inputs, mistakes, names=("w", "b", "losses")),
                     ["x", "y", "w", "b", "lr", "epochs"],
                     hint="the loop of notebook 02, section 4, with a list for the losses")
