"""The checks of notebook 01: right answers pass, and a learner's typical mistakes get their message."""
import numpy as np
import pytest

from check_helpers import diagnosed, fails_with, passes
from nnlib import checks


def test_right_answers_pass_written_in_several_ways():
    assert passes(checks.weighted_sum(lambda x, w, b: x @ w + b))
    assert passes(checks.weighted_sum(lambda x, w, b: b + sum(xi * wi for xi, wi in zip(x, w))))
    assert passes(checks.perceptron(lambda X, w, b: (X @ w + b > 0).astype(float)))
    assert passes(checks.perceptron(lambda X, w, b: X @ w > -b))  # booleans are fine
    assert passes(checks.perceptron(lambda X, w, b: [int(row @ w + b > 0) for row in X]))
    assert passes(checks.or_weights(lambda: (1.0, 1.0, -0.5)))
    assert passes(checks.or_weights(lambda: [2, 3, 0]))  # z = 0 on (0, 0) gives 0: still OR
    assert passes(checks.or_weights(lambda: np.array([5.0, 5.0, -1.0])))
    assert passes(checks.neuron_forward(lambda X, w, b: 1 / (1 + np.exp(-(X @ w + b)))))
    assert passes(checks.neuron_forward(lambda X, w, b: np.exp(X @ w + b) / (1 + np.exp(X @ w + b))))


def test_a_learner_editing_the_inputs_in_place_does_not_change_the_cases():
    def scales_in_place(X, w, b):
        X *= 0  # a learner's bug; the next cases must be unaffected
        return X @ w + b

    first = checks.neuron_forward(scales_in_place).message
    again = checks.neuron_forward(scales_in_place).message
    assert first == again and "[6.1, 3.2]" in first


# a learner's typical wrong answers, each with the diagnosis it must get
def forgets_the_bias(x, w, b):
    return x @ w


def adds_the_bias_to_each_product(x, w, b):
    return np.sum(x * w + b)


def subtracts_the_bias(x, w, b):
    return np.dot(x, w) - b


def adds_the_inputs_to_the_weights(x, w, b):
    return x + w + b


def keeps_the_products_apart(x, w, b):
    return x * w + b


def returns_two_numbers(x, w, b):
    return np.array([x @ w + b, 0.0])


WEIGHTED_SUM_MISTAKES = {
    forgets_the_bias: "the bias b is missing: it is added once, after the weighted inputs.",
    adds_the_bias_to_each_product: "the bias was added once per input; add it only once.",
    subtracts_the_bias: "the bias is subtracted; z adds it.",
    adds_the_inputs_to_the_weights: "each input should be *multiplied* by its weight, then the "
                                    "products added up.",
    keeps_the_products_apart: "you multiplied each input by its weight; now add the products up "
                              "into a single number.",
    returns_two_numbers: "expected a single number, received an array of shape (2,).",
}


@pytest.mark.parametrize("wrong", WEIGHTED_SUM_MISTAKES, ids=lambda fn: fn.__name__)
def test_weighted_sum_mistakes(wrong):
    assert diagnosed(checks.weighted_sum(wrong), WEIGHTED_SUM_MISTAKES[wrong])


def says_yes_at_zero(X, w, b):
    return (X @ w + b >= 0) * 1.0


def says_no_above_zero(X, w, b):
    return np.where(X @ w + b > 0, 0.0, 1.0)


def returns_z(X, w, b):
    z = X @ w + b
    return z


def uses_the_sigmoid(X, w, b):
    return 1 / (1 + np.exp(-(X @ w + b)))


PERCEPTRON_MISTAKES = {
    says_yes_at_zero: "where z is exactly 0 the step outputs 0: it says 1 only when z > 0.",
    says_no_above_zero: "the outputs are flipped: 1 belongs where z > 0.",
    returns_z: "these are the weighted sums z; pass them through the step (z > 0 -> 1).",
    uses_the_sigmoid: "that is the sigmoid; the perceptron uses the step (z > 0 -> 1).",
}


@pytest.mark.parametrize("wrong", PERCEPTRON_MISTAKES, ids=lambda fn: fn.__name__)
def test_perceptron_mistakes(wrong):
    assert diagnosed(checks.perceptron(wrong), PERCEPTRON_MISTAKES[wrong])


def test_a_failure_shows_its_case():
    result = checks.perceptron(uses_the_sigmoid)
    assert "expected: [1., 1., 1., 0.]" in result.message  # the NAND case, inputs shown


def test_or_weights_reports_wrong_rows_without_the_answer():
    and_gate = checks.or_weights(lambda: (1, 1, -1.5))
    assert fails_with(and_gate, "2 of the 4 rows wrong") and "compute AND" in and_gate.message
    assert "x = (0, 1): z = -0.5, so it outputs 0; OR says 1" in and_gate.message
    nand = checks.or_weights(lambda: (-2, -2, 3))
    assert fails_with(nand, "These weights compute NAND, as in section 2.")
    assert "x = (0, 0): z = 3, so it outputs 1; OR says 0" in nand.message
    edge = checks.or_weights(lambda: (1, 1, -1))  # z = 0 on the single-1 rows
    assert fails_with(edge, "Remember: the step outputs 1 only when z > 0; z = 0 gives 0.")
    assert fails_with(checks.or_weights(lambda: (-1, -1, 0.5)), "NOR, the exact opposite of OR")
    assert fails_with(checks.or_weights(lambda: (np.array([1.0, 1.0]), -0.5)), "three numbers")
    assert fails_with(checks.or_weights(lambda: (1, 1)), "three numbers")
    assert fails_with(checks.or_weights(lambda: (1, np.nan, 0)), "all finite")


def returns_the_weighted_sums(X, w, b):
    return X @ w + b


def leaves_out_the_bias(X, w, b):
    return 1 / (1 + np.exp(-(X @ w)))


def drops_the_minus(X, w, b):
    return 1 / (1 + np.exp(X @ w + b))


def uses_the_step(X, w, b):
    return (X @ w + b > 0) * 1.0


def stops_at_the_exponential(X, w, b):
    return np.exp(-(X @ w + b))


def returns_a_column(X, w, b):
    return 1 / (1 + np.exp(-(X @ w[:, None] + b)))


NEURON_FORWARD_MISTAKES = {
    returns_the_weighted_sums: "these are the weighted sums z; the neuron passes them through the "
                               "sigmoid.",
    leaves_out_the_bias: "the bias b is missing from z.",
    drops_the_minus: "that is 1 - sigmoid(z): the exponent is e to the *minus* z.",
    uses_the_step: "that is the step; this neuron uses the smooth sigmoid.",
    stops_at_the_exponential: "close: the sigmoid is 1 / (1 + e^-z), not e^-z alone.",
    returns_a_column: "the numbers may be right but the shape is not: expected shape (3,), received "
                      "shape (3, 1).",
}


@pytest.mark.parametrize("wrong", NEURON_FORWARD_MISTAKES, ids=lambda fn: fn.__name__)
def test_neuron_forward_mistakes(wrong):
    assert diagnosed(checks.neuron_forward(wrong), NEURON_FORWARD_MISTAKES[wrong])
