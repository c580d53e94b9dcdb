"""The checks and concept questions of notebook 02: right answers pass, typical mistakes get their message."""
import numpy as np

from check_helpers import fails_with, passes
from nnlib import checks



def test_right_answers_pass_written_in_several_ways():
    assert passes(checks.mse(lambda y_pred, y: np.mean((y_pred - y) ** 2)))
    assert passes(checks.mse(lambda y_pred, y: (y_pred - y) @ (y_pred - y) / len(y)))
    assert passes(checks.half_mse(lambda y_pred, y: np.mean((y_pred - y) ** 2) / 2))
    assert passes(checks.half_mse(lambda y_pred, y: 0.5 * np.square(y - y_pred).sum() / y.size))
    assert passes(checks.half_mse_grad(lambda y_pred, y: (y_pred - y) / len(y)))
    assert passes(checks.half_mse_grad(lambda y_pred, y: [(a - b) / len(y) for a, b in zip(y_pred, y)]))
    assert passes(checks.log_loss(lambda p, y: -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))))
    assert passes(checks.log_loss(lambda p, y: -np.mean(np.log(np.where(y == 1, p, 1 - p)))))
    clipped = lambda p, y: -np.mean(y * np.log(np.clip(p, 1e-12, 1)) +  # noqa: E731
                                    (1 - y) * np.log(np.clip(1 - p, 1e-12, 1)))
    assert passes(checks.log_loss(clipped))

    def line_gradients(x, y, w, b):
        error = w * x + b - y
        return np.mean(error * x), np.mean(error)

    assert passes(checks.line_gradients(line_gradients))
    assert passes(checks.line_gradients(lambda x, y, w, b: [float(v) for v in line_gradients(x, y, w, b)]))
    assert passes(checks.line_gradients(
        lambda x, y, w, b: np.array([(w * x + b - y) @ x, (w * x + b - y).sum()]) / len(x)))


def test_the_section_3_start_gives_the_notebooks_chain_rule_numbers():
    seen = []

    def spy(x, y, w, b):
        seen.append((x.copy(), w, b))
        error = w * x + b - y
        return np.mean(error * x), np.mean(error)

    assert passes(checks.line_gradients(spy))
    (x, w, b), = [case for case in seen if len(case[0]) == 2]
    assert np.allclose(x, [0.3745, 0.9507], atol=1e-4) and round(w, 4) == 0.6477 and round(b, 4) == 1.5230
    error = w * x + b - (2 * x + 1)
    assert round(np.mean(error * x), 6) == -0.359426 and round(np.mean(error), 6) == -0.373049


def test_a_learner_editing_the_inputs_in_place_does_not_change_the_cases():
    def subtracts_in_place(y_pred, y):
        y_pred -= y  # a learner's shortcut that changes the caller's array
        return np.sum(y_pred ** 2)

    first = checks.mse(subtracts_in_place).message
    assert first == checks.mse(subtracts_in_place).message and "y_pred = [2.5, 0. , 2. ]" in first


def test_mse_mistakes():
    assert fails_with(checks.mse(lambda y_pred, y: np.sum((y_pred - y) ** 2)), "sum of the squared")
    assert fails_with(checks.mse(lambda y_pred, y: np.mean(y_pred - y) ** 2), "not the square of the mean")
    assert fails_with(checks.mse(lambda y_pred, y: np.mean(np.abs(y_pred - y))), "should be squared")
    assert fails_with(checks.mse(lambda y_pred, y: np.sqrt(np.mean((y_pred - y) ** 2))), "*root*")
    half = checks.mse(lambda y_pred, y: np.mean((y_pred - y) ** 2) / 2)
    assert fails_with(half, "0.5 times the expected one: a scale factor is off") and "expected: 0.1667" in half.message


def test_half_mse_mistakes():
    assert fails_with(checks.half_mse(lambda y_pred, y: np.mean((y_pred - y) ** 2)), "full MSE")
    assert fails_with(checks.half_mse(lambda y_pred, y: np.sum((y_pred - y) ** 2) / 2), "that is a sum")
    assert fails_with(checks.half_mse(lambda y_pred, y: np.mean(np.abs(y_pred - y)) / 2), "square the errors")
    assert fails_with(checks.half_mse(lambda y_pred, y: None), "returned None")


def test_half_mse_grad_mistakes():
    assert fails_with(checks.half_mse_grad(lambda y_pred, y: y_pred - y), "divide by the number")
    assert fails_with(checks.half_mse_grad(lambda y_pred, y: 2 * (y_pred - y) / len(y)), "full MSE")
    assert fails_with(checks.half_mse_grad(lambda y_pred, y: (y - y_pred) / len(y)), "sign is flipped")
    assert fails_with(checks.half_mse_grad(lambda y_pred, y: np.mean(y_pred - y)), "shape (n,)")


def test_log_loss_mistakes():
    def terms(p, y):
        return y * np.log(p) + (1 - y) * np.log(1 - p)

    assert fails_with(checks.log_loss(lambda p, y: -np.sum(terms(p, y))), "that is a sum")
    assert fails_with(checks.log_loss(lambda p, y: -np.mean(y * np.log(p))), "only the 'yes'")
    assert fails_with(checks.log_loss(lambda p, y: -np.mean(terms(1 - p, y))), "probability of *yes*")
    assert fails_with(checks.log_loss(lambda p, y: np.mean(terms(p, y))), "minus sign")
    log10 = checks.log_loss(lambda p, y: -np.mean(terms(p, y)) / np.log(10))
    assert fails_with(log10, "expected: 0.3375") and "received: 0.1466" in log10.message


def test_line_gradients_mistakes():
    def sums(x, y, w, b):
        error = w * x + b - y
        return np.sum(error * x), np.sum(error)

    def no_x(x, y, w, b):
        return np.mean(w * x + b - y), np.mean(w * x + b - y)

    def full_mse(x, y, w, b):
        error = w * x + b - y
        return 2 * np.mean(error * x), 2 * np.mean(error)

    def flipped(x, y, w, b):
        error = y - (w * x + b)
        return np.mean(error * x), np.mean(error)

    assert fails_with(checks.line_gradients(sums), "dw is wrong: that is a sum")
    assert fails_with(checks.line_gradients(no_x), "dw is wrong: each error's share")
    assert fails_with(checks.line_gradients(full_mse), "full MSE's slope")
    assert fails_with(checks.line_gradients(flipped), "sign is flipped")
    one = checks.line_gradients(lambda x, y, w, b: np.mean(w * x + b - y))
    assert fails_with(one, "expected 2 results (dw, db)")
