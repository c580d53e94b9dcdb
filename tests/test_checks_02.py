"""The checks of notebook 02: right answers pass, and a learner's typical mistakes get their message."""
import numpy as np
import pytest

from check_helpers import diagnosed, passes
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


# a learner's typical wrong answers, each with the diagnosis it must get
def sums_the_squares(y_pred, y):
    return np.sum((y_pred - y) ** 2)


def squares_the_mean(y_pred, y):
    return np.mean(y_pred - y) ** 2


def averages_the_sizes(y_pred, y):
    return np.mean(np.abs(y_pred - y))


def takes_the_root(y_pred, y):
    return np.sqrt(np.mean((y_pred - y) ** 2))


def halves_it(y_pred, y):
    return np.mean((y_pred - y) ** 2) / 2


MSE_MISTAKES = {
    sums_the_squares: "that is the sum of the squared errors; the MSE takes their *mean*.",
    squares_the_mean: "square each error first, then average: the mean of the squares, not the "
                      "square of the mean.",
    averages_the_sizes: "the errors' sizes are averaged, but each error should be squared.",
    takes_the_root: "that is the *root* mean squared error; leave out the square root.",
    halves_it: "the value is 0.5 times the expected one: a scale factor is off.",
}


@pytest.mark.parametrize("wrong", MSE_MISTAKES, ids=lambda fn: fn.__name__)
def test_mse_mistakes(wrong):
    assert diagnosed(checks.mse(wrong), MSE_MISTAKES[wrong])


def test_a_failure_shows_its_case():
    assert "expected: 0.1667" in checks.mse(halves_it).message


def forgets_the_half(y_pred, y):
    return np.mean((y_pred - y) ** 2)


def halves_the_sum(y_pred, y):
    return 0.5 * np.sum((y_pred - y) ** 2)


def halves_the_sizes(y_pred, y):
    return np.mean(np.abs(y_pred - y)) / 2


HALF_MSE_MISTAKES = {
    forgets_the_half: "that is the full MSE: the half-MSE halves it.",
    halves_the_sum: "that is a sum; the loss is the *mean* over the batch.",
    halves_the_sizes: "square the errors rather than taking their size.",
}


@pytest.mark.parametrize("wrong", HALF_MSE_MISTAKES, ids=lambda fn: fn.__name__)
def test_half_mse_mistakes(wrong):
    assert diagnosed(checks.half_mse(wrong), HALF_MSE_MISTAKES[wrong])


def forgets_the_n(y_pred, y):
    return y_pred - y


def keeps_the_two(y_pred, y):
    return 2 * (y_pred - y) / len(y)


def flips_the_error(y_pred, y):
    return (y - y_pred) / len(y)


def averages_the_slopes(y_pred, y):
    return np.mean(y_pred - y)


HALF_MSE_GRAD_MISTAKES = {
    forgets_the_n: "the slope of a *mean* carries a 1/n: divide by the number of examples.",
    keeps_the_two: "that is the slope of the full MSE; in the half-MSE the ½ cancels the 2.",
    flips_the_error: "the sign is flipped: the slope is positive where y_pred is too big.",
    averages_the_slopes: "that is one number; the gradient has one slope per prediction, shape (n,).",
}


@pytest.mark.parametrize("wrong", HALF_MSE_GRAD_MISTAKES, ids=lambda fn: fn.__name__)
def test_half_mse_grad_mistakes(wrong):
    assert diagnosed(checks.half_mse_grad(wrong), HALF_MSE_GRAD_MISTAKES[wrong])


def sums_the_costs(p, y):
    return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


def charges_only_yes(p, y):
    return -np.mean(y * np.log(p))


def swaps_p_and_1_minus_p(p, y):
    return -np.mean(y * np.log(1 - p) + (1 - y) * np.log(p))


def forgets_the_minus(p, y):
    return np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def uses_log10(p, y):
    return -np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p))


LOG_LOSS_MISTAKES = {
    sums_the_costs: "that is a sum; the log loss is the *mean* over the examples.",
    charges_only_yes: "only the 'yes' examples are charged; a 'no' example costs -log(1 - p).",
    swaps_p_and_1_minus_p: "p is the probability of *yes*: a 'yes' example costs -log p, a 'no' "
                           "example -log(1 - p).",
    forgets_the_minus: "the logs of probabilities are negative: the loss needs a minus sign in front.",
    uses_log10: "the values differ from the expected ones.",  # no telling factor: no guess
}


@pytest.mark.parametrize("wrong", LOG_LOSS_MISTAKES, ids=lambda fn: fn.__name__)
def test_log_loss_mistakes(wrong):
    assert diagnosed(checks.log_loss(wrong), LOG_LOSS_MISTAKES[wrong])


def test_a_wrong_value_is_shown_beside_the_expected_one():
    log10 = checks.log_loss(uses_log10)
    assert "expected: 0.3375" in log10.message and "received: 0.1466" in log10.message


def sums_over_the_examples(x, y, w, b):
    error = w * x + b - y
    return np.sum(error * x), np.sum(error)


def forgets_the_x(x, y, w, b):
    error = w * x + b - y
    return np.mean(error), np.mean(error)


def keeps_the_mse_two(x, y, w, b):
    error = w * x + b - y
    return 2 * np.mean(error * x), 2 * np.mean(error)


def takes_y_minus_y_pred(x, y, w, b):
    error = y - (w * x + b)
    return np.mean(error * x), np.mean(error)


def returns_one_slope(x, y, w, b):
    return np.mean(w * x + b - y)


LINE_GRADIENTS_MISTAKES = {
    sums_over_the_examples: "dw is wrong: that is a sum over the examples; the slopes of a mean loss "
                            "are means.",
    forgets_the_x: "dw is wrong: each error's share in dw is multiplied by its own input x.",
    keeps_the_mse_two: "dw is wrong: that is the full MSE's slope; the half-MSE's ½ cancels the 2.",
    takes_y_minus_y_pred: "dw is wrong: the sign is flipped: take the error as y_pred - y.",
    returns_one_slope: "expected 2 results (dw, db), received -0.9925.",
}


@pytest.mark.parametrize("wrong", LINE_GRADIENTS_MISTAKES, ids=lambda fn: fn.__name__)
def test_line_gradients_mistakes(wrong):
    assert diagnosed(checks.line_gradients(wrong), LINE_GRADIENTS_MISTAKES[wrong])


def test_a_slope_by_nudging_passes_however_it_is_written_and_each_mistake_is_named():
    assert passes(checks.nudge_slope(lambda f, w, eps: (f(w + eps) - f(w - eps)) / (2 * eps)))
    assert passes(checks.nudge_slope(lambda f, w, eps: 0.5 * (f(w + eps) - f(w - eps)) / eps))
    for wrong, diagnosis in [
            (lambda f, w, eps: (f(w + eps) - f(w)) / eps, "that nudges only upwards"),
            (lambda f, w, eps: (f(w + eps) - f(w - eps)) / eps, "the two nudged points are 2 * eps apart"),
            (lambda f, w, eps: f(w + eps) - f(w - eps), "that is the change in f; a slope is the change"),
            (lambda f, w, eps: (f(w - eps) - f(w + eps)) / (2 * eps), "the sign is flipped")]:
        result = checks.nudge_slope(wrong)
        assert not result and f"not yet - {diagnosis}" in result.message, result.message
