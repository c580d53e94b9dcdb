"""The checks and concept questions of notebook 03: right answers pass, typical mistakes get their message."""
import numpy as np
import pytest

from check_helpers import fails_with, passes
from nnlib import checks


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


def test_gd_step_mistakes():
    assert fails_with(checks.gd_step(lambda w, grad, lr: w + lr * grad), "goes uphill")
    assert fails_with(checks.gd_step(lambda w, grad, lr: w - grad), "learning rate is missing")
    assert fails_with(checks.gd_step(lambda w, grad, lr: -lr * grad), "add it to the current w")


def test_descend_mistakes():
    def without_start(grad, w0, lr, steps):
        return descend(grad, w0, lr, steps)[1:]

    def last_only(grad, w0, lr, steps):
        return descend(grad, w0, lr, steps)[-1]

    def climbs(grad, w0, lr, steps):
        return descend(lambda w: -grad(w), w0, lr, steps)

    def slope_once(grad, w0, lr, steps):
        slope = grad(w0)
        return [w0 - k * lr * slope for k in range(steps + 1)]

    assert fails_with(checks.descend(without_start), "start with w0 itself")
    assert fails_with(checks.descend(last_only), "not only the last one")
    assert fails_with(checks.descend(climbs), "against* the gradient")
    assert fails_with(checks.descend(slope_once), "*current* position")
    # the failure shows the gradient as a formula, not as a memory address
    assert "the slope dL/dw = 3 * w" in checks.descend(last_only).message


def test_stable_rate_limit_mistakes():
    assert fails_with(checks.stable_rate_limit(lambda c: 2 / np.min(c)), "flattest direction")
    assert fails_with(checks.stable_rate_limit(lambda c: 1 / np.max(c)), "never overshoots")
    assert fails_with(checks.stable_rate_limit(lambda c: 2 * np.max(c)), "divide rather")


def fit_line_variant(mistake):
    def fit(x, y, w, b, lr, epochs):
        losses = []
        for _ in range(epochs):
            error = w * x + b - y
            if mistake != "after":
                losses.append(np.mean(error ** 2) / 2)
            dw = np.sum(error * x) if mistake == "sum" else np.mean(error * x)
            w = w - lr * dw
            if mistake == "stale":
                error = w * x + b - y
            b = b - lr * (np.sum(error) if mistake == "sum" else np.mean(error))
            if mistake == "after":
                losses.append(np.mean((w * x + b - y) ** 2) / 2)
        if mistake == "extra":
            losses.append(np.mean((w * x + b - y) ** 2) / 2)
        return w, b, losses
    return fit


@pytest.mark.parametrize("mistake, message", [
    ("after", "losses is wrong: record each epoch's loss *before*"),
    ("sum", "w is wrong: average the slopes"),
    ("stale", "w is wrong: compute both slopes from the same error"),
    ("extra", "losses is wrong: keep one loss per epoch")])
def test_fit_line_mistakes(mistake, message):
    assert fails_with(checks.fit_line(fit_line_variant(mistake)), message)


def test_fit_line_full_mse_and_forgotten_x():
    def full_mse(x, y, w, b, lr, epochs):
        losses = []
        for _ in range(epochs):
            error = w * x + b - y
            losses.append(np.mean(error ** 2))
            w, b = w - lr * 2 * np.mean(error * x), b - lr * 2 * np.mean(error)
        return w, b, losses

    def no_x(x, y, w, b, lr, epochs):
        losses = []
        for _ in range(epochs):
            error = w * x + b - y
            losses.append(np.mean(error ** 2) / 2)
            w, b = w - lr * np.mean(error), b - lr * np.mean(error)
        return w, b, losses

    assert fails_with(checks.fit_line(full_mse), "full MSE")
    assert fails_with(checks.fit_line(no_x), "weighted by its input")
    assert fails_with(checks.fit_line(lambda *args: fit_line(*args)[:2]), "expected 3 results")


def test_fit_line_matches_the_published_run():
    legacy = np.random.RandomState(42)
    x = legacy.rand(2, 1)[:, 0]
    w, b, losses = fit_line(x, 2 * x + 1, legacy.randn(), legacy.randn(), 0.1, 1001)
    assert (round(w, 4), round(b, 4)) == (1.9961, 1.0027)
    assert [round(v, 4) for v in losses[:300:100]] == [0.1455, 0.0180, 0.0058]
