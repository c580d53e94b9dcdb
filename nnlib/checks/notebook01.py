"""Checks for notebook 01 (a single neuron): each reference answer, and the wrong answers it knows."""
import numpy as np

from ..activations import sigmoid
from ..datasets import logic_gate
from ._core import FAILED, PASSED, Result, build_cases, check, gate_weights, run_cases
from .questions import asked_in

__all__ = ["weighted_sum", "perceptron", "or_weights", "neuron_forward"]
QUESTIONS = asked_in("01")


def _weighted_sum(x, w, b):
    """Exercise 1.1's reference answer."""
    return x @ w + b


# typical wrong answers to exercise 1.1; the check pairs each with what it gets wrong
def _sum_without_bias(x, w, b): return x @ w
def _bias_per_input(x, w, b): return x @ w + len(x) * b
def _bias_subtracted(x, w, b): return x @ w - b
def _inputs_added(x, w, b): return x + w + b
def _products_not_added(x, w, b): return x * w + b


@check
def weighted_sum(fn):
    """Check exercise 1.1: weighted_sum(x, w, b) -> z = x1*w1 + x2*w2 + ... + b for one sample."""
    rng = np.random.default_rng(101)  # fixed seed: the same cases every run
    inputs = [(np.array([2.0, 3.0]), np.array([0.5, -1.0]), 1.0),
              (rng.integers(-3, 4, 3).astype(float), rng.normal(size=3).round(2), -0.5),
              (np.array([4.0]), np.array([1.5]), 2.0)]
    mistakes = [(_sum_without_bias, "the bias b is missing: it is added once, after the weighted inputs."),
                (_bias_per_input, "the bias was added once per input; add it only once."),
                (_bias_subtracted, "the bias is subtracted; z adds it."),
                (_inputs_added, "each input should be *multiplied* by its weight, then the products "
                                "added up."),
                (_products_not_added, "you multiplied each input by its weight; now add the products "
                                      "up into a single number.")]
    return run_cases("weighted_sum", fn, build_cases(_weighted_sum, inputs, mistakes), ["x", "w", "b"],
                     hint="multiply each input by its weight, add the products, then add b")


def _perceptron(X, w, b):
    """Exercise 1.2's reference answer."""
    return (X @ w + b > 0).astype(float)


# typical wrong answers to exercise 1.2
def _step_at_zero(X, w, b): return (X @ w + b >= 0).astype(float)
def _flipped(X, w, b): return (X @ w + b < 0).astype(float)
def _flipped_with_zero(X, w, b): return (X @ w + b <= 0).astype(float)
def _no_step(X, w, b): return X @ w + b
def _sigmoid_for_step(X, w, b): return sigmoid(X @ w + b)


@check
def perceptron(fn):
    """Check exercise 1.2: perceptron(X, w, b) -> 1.0 where X @ w + b > 0, else 0.0; shape (n,)."""
    rng = np.random.default_rng(102)
    gates = logic_gate("nand")[0]  # (4, 2): the four input pairs
    inputs = [(gates, np.array([-2.0, -2.0]), 3.0),      # NAND, as in section 2
              (gates, np.array([1.0, 1.0]), -1.0),       # z = 0 on two rows: the step says 0
              (rng.integers(0, 9, (5, 2)).astype(float), np.array([0.5, -1.0]), 1.0)]
    mistakes = [(_step_at_zero, "where z is exactly 0 the step outputs 0: it says 1 only when z > 0."),
                (_flipped, "the outputs are flipped: 1 belongs where z > 0."),
                (_flipped_with_zero, "the outputs are flipped: 1 belongs where z > 0."),
                (_no_step, "these are the weighted sums z; pass them through the step (z > 0 -> 1)."),
                (_sigmoid_for_step, "that is the sigmoid; the perceptron uses the step (z > 0 -> 1).")]
    return run_cases("perceptron", fn, build_cases(_perceptron, inputs, mistakes), ["X", "w", "b"],
                     hint="compute z for every row with X @ w + b, then turn z > 0 into 1 and the "
                          "rest into 0")


@check
def or_weights(fn):
    """Check exercise 1.3: or_weights() -> (w1, w2, b) for which a step perceptron computes OR.

    Any weights that give the OR truth table pass; a failure lists the rows that are wrong, never
    weights that would work.
    """
    name, hint = "or_weights", "(0, 0) must give z <= 0, and a single 1 must be enough to push z above 0"
    weights, problem = gate_weights(name, fn, hint)
    if problem is not None:  # a Result that failed (its bool is False)
        return problem
    w1, w2, b = weights
    rows = [(0, 0), (0, 1), (1, 0), (1, 1)]
    z = [w1 * x1 + w2 * x2 + b for x1, x2 in rows]
    out = [int(v > 0) for v in z]
    want = [0, 1, 1, 1]
    given = f"w1 = {w1:.4g}, w2 = {w2:.4g}, b = {b:.4g}"
    if out == want:
        return Result(True, f"{PASSED} {name}: with {given} the perceptron gives OR on all 4 rows. "
                            "Well done!")
    gate = {(0, 0, 0, 1): "AND (1 only when both inputs are 1)", (1, 1, 1, 0): "NAND, as in section 2",
            (1, 0, 0, 0): "NOR, the exact opposite of OR"}.get(tuple(out))
    lines = [f"{FAILED} {name}: not yet - with {given} the perceptron gets "
             f"{sum(o != t for o, t in zip(out, want))} of the 4 rows wrong:"]
    lines += [f"  x = {row}: z = {v:.4g}, so it outputs {o}; OR says {t}"
              for row, v, o, t in zip(rows, z, out, want) if o != t]
    if gate:
        lines.append(f"  These weights compute {gate}.")
    if any(v == 0 and t == 1 for v, t in zip(z, want)):
        lines.append("  Remember: the step outputs 1 only when z > 0; z = 0 gives 0.")
    return Result(False, "\n".join(lines))


def _neuron_forward(X, w, b):
    """Exercise 1.4's reference answer."""
    return sigmoid(X @ w + b)


# typical wrong answers to exercise 1.4
def _weighted_sums(X, w, b): return X @ w + b
def _sigmoid_without_bias(X, w, b): return sigmoid(X @ w)
def _sigmoid_of_minus_z(X, w, b): return sigmoid(-(X @ w + b))
def _step_for_sigmoid(X, w, b): return (X @ w + b > 0).astype(float)
def _exp_alone(X, w, b): return np.exp(-(X @ w + b))


@check
def neuron_forward(fn):
    """Check exercise 1.4: neuron_forward(X, w, b) -> sigmoid(X @ w + b), shape (n,)."""
    rng = np.random.default_rng(104)
    leaves = np.array([[6.1, 3.2], [1.3, 1.1], [7.5, 8.3]])  # the first three leaves of notebook 01
    inputs = [(leaves, np.array([0.8, -1.0]), 1.5),
              (rng.normal(size=(4, 3)).round(2), rng.normal(size=3).round(2), 0.25),
              (np.array([[2.0]]), np.array([-1.0]), 2.0)]  # z = 0: exactly 0.5
    mistakes = [(_weighted_sums, "these are the weighted sums z; the neuron passes them through the "
                                 "sigmoid."),
                (_sigmoid_without_bias, "the bias b is missing from z."),
                (_sigmoid_of_minus_z, "that is 1 - sigmoid(z): the exponent is e to the *minus* z."),
                (_step_for_sigmoid, "that is the step; this neuron uses the smooth sigmoid."),
                (_exp_alone, "close: the sigmoid is 1 / (1 + e^-z), not e^-z alone.")]
    return run_cases("neuron_forward", fn, build_cases(_neuron_forward, inputs, mistakes),
                     ["X", "w", "b"], hint="z = X @ w + b gives one number per row; then apply "
                                           "1 / (1 + e^-z)")
