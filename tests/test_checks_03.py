"""The checks of notebook 03: right answers pass, and a learner's typical mistakes get their message."""
import numpy as np
import pytest

from check_helpers import diagnosed, passes
from nnlib import checks
from nnlib.datasets import reference_line


# right answers, written in more than one way
def gd_step(w, grad, lr):
    return w - lr * grad


def descend(grad, w0, lr, steps):
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - lr * grad(path[-1]))
    return path  # a list is fine


def stable_rate_limit(curvatures):
    return 2 / max(curvatures)


def fit_line(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        losses.append(0.5 * (error @ error) / len(x))
        dw, db = (error * x).mean(), error.mean()
        w -= lr * dw
        b -= lr * db
    return w, b, losses


def test_right_answers_pass():
    assert passes(checks.gd_step(gd_step))
    assert passes(checks.gd_step(lambda w, grad, lr: np.subtract(w, np.multiply(lr, grad))))
    assert passes(checks.descend(descend))
    assert passes(checks.stable_rate_limit(stable_rate_limit))
    assert passes(checks.stable_rate_limit(lambda c: 2 / np.max(c)))
    assert passes(checks.fit_line(fit_line))


# a learner's typical wrong answers, each with the diagnosis it must get
def steps_uphill(w, grad, lr):
    return w + lr * grad


def forgets_the_rate(w, grad, lr):
    return w - grad


def returns_the_step(w, grad, lr):
    return -lr * grad


GD_STEP_MISTAKES = {
    steps_uphill: "that step goes uphill: move *against* the gradient.",
    forgets_the_rate: "the learning rate is missing: it scales the gradient.",
    returns_the_step: "that is only the step itself; add it to the current w.",
}


@pytest.mark.parametrize("wrong", GD_STEP_MISTAKES, ids=lambda fn: fn.__name__)
def test_gd_step_mistakes(wrong):
    assert diagnosed(checks.gd_step(wrong), GD_STEP_MISTAKES[wrong])


def leaves_out_the_start(grad, w0, lr, steps):
    path, w = [], w0
    for _ in range(steps):
        w = w - lr * grad(w)
        path.append(w)
    return path


def returns_the_last(grad, w0, lr, steps):
    w = w0
    for _ in range(steps):
        w = w - lr * grad(w)
    return w


def climbs(grad, w0, lr, steps):
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] + lr * grad(path[-1]))
    return path


def measures_the_slope_once(grad, w0, lr, steps):
    slope = grad(w0)
    return [w0 - k * lr * slope for k in range(steps + 1)]


DESCEND_MISTAKES = {
    leaves_out_the_start: "the list should start with w0 itself: steps + 1 positions.",
    returns_the_last: "return every position visited, not only the last one.",
    climbs: "the ball climbs: each step must go *against* the gradient.",
    measures_the_slope_once: "call grad at the *current* position on every step, not once at w0.",
}


@pytest.mark.parametrize("wrong", DESCEND_MISTAKES, ids=lambda fn: fn.__name__)
def test_descend_mistakes(wrong):
    assert diagnosed(checks.descend(wrong), DESCEND_MISTAKES[wrong])


def test_a_failure_shows_the_gradient_as_its_formula_not_a_memory_address():
    assert "grad = the slope dL/dw = 3 * w" in checks.descend(returns_the_last).message


def takes_the_flattest(curvatures):
    return 2 / np.min(curvatures)


def stops_at_no_overshoot(curvatures):
    return 1 / max(curvatures)


def multiplies(curvatures):
    return 2 * np.max(curvatures)


STABLE_RATE_LIMIT_MISTAKES = {
    takes_the_flattest: "that is the limit of the flattest direction; a steeper one diverges long "
                        "before it.",
    stops_at_no_overshoot: "below that rate the ball never overshoots, but shrinking bounces still "
                           "settle: look for where the bounces stop shrinking.",
    multiplies: "lr × curvature must stay below 2: divide rather than multiply.",
}


@pytest.mark.parametrize("wrong", STABLE_RATE_LIMIT_MISTAKES, ids=lambda fn: fn.__name__)
def test_stable_rate_limit_mistakes(wrong):
    assert diagnosed(checks.stable_rate_limit(wrong), STABLE_RATE_LIMIT_MISTAKES[wrong])


def records_the_loss_after_the_update(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        w -= lr * np.mean(error * x)
        b -= lr * np.mean(error)
        losses.append(np.mean((w * x + b - y) ** 2) / 2)
    return w, b, losses


def descends_the_full_mse(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        losses.append(np.mean(error ** 2))
        w, b = w - lr * 2 * np.mean(error * x), b - lr * 2 * np.mean(error)
    return w, b, losses


def sums_the_slopes(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        losses.append(np.mean(error ** 2) / 2)
        w, b = w - lr * np.sum(error * x), b - lr * np.sum(error)
    return w, b, losses


def forgets_the_x(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        losses.append(np.mean(error ** 2) / 2)
        w, b = w - lr * np.mean(error), b - lr * np.mean(error)
    return w, b, losses


def updates_b_with_the_new_w(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs):
        error = w * x + b - y
        losses.append(np.mean(error ** 2) / 2)
        w = w - lr * np.mean(error * x)
        error = w * x + b - y  # recomputed: b's slope now sees the new w
        b = b - lr * np.mean(error)
    return w, b, losses


def records_one_loss_too_many(x, y, w, b, lr, epochs):
    losses = []
    for _ in range(epochs + 1):
        error = w * x + b - y
        losses.append(np.mean(error ** 2) / 2)
        if len(losses) <= epochs:
            w, b = w - lr * np.mean(error * x), b - lr * np.mean(error)
    return w, b, losses


def returns_no_losses(x, y, w, b, lr, epochs):
    return fit_line(x, y, w, b, lr, epochs)[:2]


FIT_LINE_MISTAKES = {
    records_the_loss_after_the_update: "losses is wrong: record each epoch's loss *before* its "
                                       "update, so losses[0] is the loss at the start.",
    descends_the_full_mse: "w is wrong: that is descent on the full MSE; use the half-MSE, whose "
                           "slopes are mean(error * x) and mean(error).",
    sums_the_slopes: "w is wrong: average the slopes over the examples (np.mean), rather than "
                     "summing them.",
    forgets_the_x: "w is wrong: the slope along w is mean(error * x): each error is weighted by its "
                   "input.",
    updates_b_with_the_new_w: "w is wrong: compute both slopes from the same error, before you "
                              "change w.",  # w, compared first, is off too after two epochs
    records_one_loss_too_many: "losses is wrong: keep one loss per epoch (epochs values), each "
                               "measured before that epoch's update.",
    returns_no_losses: "expected 3 results (w, b, losses), received [1.0177, 0.6976].",
}


@pytest.mark.parametrize("wrong", FIT_LINE_MISTAKES, ids=lambda fn: fn.__name__)
def test_fit_line_mistakes(wrong):
    assert diagnosed(checks.fit_line(wrong), FIT_LINE_MISTAKES[wrong])


def test_fit_line_matches_the_published_run():
    x, y, w0, b0 = reference_line()
    w, b, losses = fit_line(x, y, w0, b0, 0.1, 1001)
    assert (round(w, 4), round(b, 4)) == (1.9961, 1.0027)
    assert [round(v, 4) for v in losses[:300:100]] == [0.1455, 0.0180, 0.0058]
