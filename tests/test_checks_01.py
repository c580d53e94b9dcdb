"""The checks and concept questions of notebook 01: right answers pass, typical mistakes get their message."""
import numpy as np

from check_helpers import fails_with, passes
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


def test_weighted_sum_mistakes():
    assert fails_with(checks.weighted_sum(lambda x, w, b: x @ w), "the bias b is missing")
    assert fails_with(checks.weighted_sum(lambda x, w, b: np.sum(x * w + b)), "once per input")
    assert fails_with(checks.weighted_sum(lambda x, w, b: x @ w - b), "subtracted")
    assert fails_with(checks.weighted_sum(lambda x, w, b: x * w + b), "add the products up")
    shape = checks.weighted_sum(lambda x, w, b: np.array([x @ w + b, 0.0]))
    assert fails_with(shape, "expected a single number, received an array of shape (2,)")


def test_perceptron_mistakes():
    def z_only(X, w, b):
        return X @ w + b

    assert fails_with(checks.perceptron(lambda X, w, b: (X @ w + b >= 0) * 1.0), "exactly 0")
    assert fails_with(checks.perceptron(lambda X, w, b: (X @ w + b < 0) * 1.0), "flipped")
    assert fails_with(checks.perceptron(z_only), "these are the weighted sums z")
    sigmoid = checks.perceptron(lambda X, w, b: 1 / (1 + np.exp(-(X @ w + b))))
    assert fails_with(sigmoid, "that is the sigmoid")
    assert "expected: [1., 1., 1., 0.]" in sigmoid.message  # the NAND case, inputs shown


def test_or_weights_reports_wrong_rows_without_the_answer():
    and_gate = checks.or_weights(lambda: (1, 1, -1.5))
    assert fails_with(and_gate, "2 of the 4 rows wrong") and "compute AND" in and_gate.message
    assert "x = (0, 1): z = -0.5, so it outputs 0; OR says 1" in and_gate.message
    nand = checks.or_weights(lambda: (-2, -2, 3))
    assert fails_with(nand, "NAND") and "x = (0, 0): z = 3" in nand.message
    edge = checks.or_weights(lambda: (1, 1, -1))  # z = 0 on the single-1 rows
    assert fails_with(edge, "only when z > 0")
    assert fails_with(checks.or_weights(lambda: (-1, -1, 0.5)), "NOR")
    assert fails_with(checks.or_weights(lambda: (np.array([1.0, 1.0]), -0.5)), "three numbers")
    assert fails_with(checks.or_weights(lambda: (1, 1)), "three numbers")
    assert fails_with(checks.or_weights(lambda: (1, np.nan, 0)), "finite")
    assert fails_with(checks.or_weights(lambda: None), "returned None")


def test_neuron_forward_mistakes():
    assert fails_with(checks.neuron_forward(lambda X, w, b: X @ w + b), "weighted sums z")
    assert fails_with(checks.neuron_forward(lambda X, w, b: 1 / (1 + np.exp(-(X @ w)))),
                      "the bias b is missing")
    assert fails_with(checks.neuron_forward(lambda X, w, b: 1 / (1 + np.exp(X @ w + b))),
                      "1 - sigmoid(z)")
    assert fails_with(checks.neuron_forward(lambda X, w, b: (X @ w + b > 0) * 1.0), "that is the step")
    column = checks.neuron_forward(lambda X, w, b: 1 / (1 + np.exp(-(X @ w[:, None] + b))))
    assert fails_with(column, "the shape is not") and "(3, 1)" in column.message
