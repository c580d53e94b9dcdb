"""Checks and concept questions for notebook 01 (a single neuron)."""
import numpy as np

from ..activations import sigmoid
from ..datasets import logic_gate
from ._concepts import Question
from ._core import FAILED, PASSED, Result, gate_weights, run_cases

__all__ = ["weighted_sum", "perceptron", "or_weights", "neuron_forward"]


def weighted_sum(fn):
    """Check exercise 1.1: weighted_sum(x, w, b) -> z = x1*w1 + x2*w2 + ... + b for one sample."""
    rng = np.random.default_rng(101)  # fixed seed: the same cases every run
    cases = []
    for x, w, b in [(np.array([2.0, 3.0]), np.array([0.5, -1.0]), 1.0),
                    (rng.integers(-3, 4, 3).astype(float), rng.normal(size=3).round(2), -0.5),
                    (np.array([4.0]), np.array([1.5]), 2.0)]:
        cases.append(((x, w, b), x @ w + b,
                      [(x @ w, "the bias b is missing: it is added once, after the weighted inputs."),
                       (x @ w + len(x) * b, "the bias was added once per input; add it only once."),
                       (x @ w - b, "the bias is subtracted; z adds it."),
                       (x + w + b, "each input should be *multiplied* by its weight, then the "
                                   "products added up."),
                       (x * w + b, "you multiplied each input by its weight; now add the "
                                   "products up into a single number.")]))
    return run_cases("weighted_sum", fn, cases, ["x", "w", "b"],
                     hint="multiply each input by its weight, add the products, then add b")


def perceptron(fn):
    """Check exercise 1.2: perceptron(X, w, b) -> 1.0 where X @ w + b > 0, else 0.0; shape (n,)."""
    rng = np.random.default_rng(102)
    gates = logic_gate("nand")[0]  # (4, 2): the four input pairs
    cases = []
    for X, w, b in [(gates, np.array([-2.0, -2.0]), 3.0),      # NAND, as in section 2
                    (gates, np.array([1.0, 1.0]), -1.0),       # z = 0 on two rows: the step says 0
                    (rng.integers(0, 9, (5, 2)).astype(float), np.array([0.5, -1.0]), 1.0)]:
        z = X @ w + b
        cases.append(((X, w, b), (z > 0).astype(float),
                      [((z >= 0).astype(float), "where z is exactly 0 the step outputs 0: it says 1 "
                                                "only when z > 0."),
                       ((z < 0).astype(float), "the outputs are flipped: 1 belongs where z > 0."),
                       ((z <= 0).astype(float), "the outputs are flipped: 1 belongs where z > 0."),
                       (z, "these are the weighted sums z; pass them through the step (z > 0 -> 1)."),
                       (sigmoid(z), "that is the sigmoid; the perceptron uses the step (z > 0 -> 1).")]))
    return run_cases("perceptron", fn, cases, ["X", "w", "b"],
                     hint="compute z for every row with X @ w + b, then turn z > 0 into 1 and the rest into 0")


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


def neuron_forward(fn):
    """Check exercise 1.4: neuron_forward(X, w, b) -> sigmoid(X @ w + b), shape (n,)."""
    rng = np.random.default_rng(104)
    leaves = np.array([[6.1, 3.2], [1.3, 1.1], [7.5, 8.3]])  # the first three leaves of notebook 01
    cases = []
    for X, w, b in [(leaves, np.array([0.8, -1.0]), 1.5),
                    (rng.normal(size=(4, 3)).round(2), rng.normal(size=3).round(2), 0.25),
                    (np.array([[2.0]]), np.array([-1.0]), 2.0)]:  # z = 0: exactly 0.5
        z = X @ w + b
        cases.append(((X, w, b), sigmoid(z),
                      [(z, "these are the weighted sums z; the neuron passes them through the sigmoid."),
                       (sigmoid(X @ w), "the bias b is missing from z."),
                       (sigmoid(-z), "that is 1 - sigmoid(z): the exponent is e to the *minus* z."),
                       ((z > 0).astype(float), "that is the step; this neuron uses the smooth sigmoid."),
                       (np.exp(-z), "close: the sigmoid is 1 / (1 + e^-z), not e^-z alone.")]))
    return run_cases("neuron_forward", fn, cases, ["X", "w", "b"],
                     hint="z = X @ w + b gives one number per row; then apply 1 / (1 + e^-z)")


QUESTIONS = {q.key: q for q in [
    Question("01-bias", "A neuron has weights w = (3, -5) and bias b = 2. The input is x = (0, 0). "
                        "What is z?",
             ["0", "-2", "2", "-3"], answer=2,
             explain="both inputs are 0, so the weights contribute nothing and only the bias is "
                     "left: z = 3·0 - 5·0 + 2 = 2.",
             nudges={0: "the weights multiply zeros, but is every term of z multiplied by an input?",
                     1: "check the sign: which part of z is left when both inputs are 0?",
                     3: "the weights only count when they multiply an input; here both inputs are 0."}),
    Question("01-frontier-scale", "A step neuron's weights and bias are all multiplied by 10: "
                                  "(w₁, w₂, b) → (10·w₁, 10·w₂, 10·b). What happens to its frontier, "
                                  "the line where z = 0?",
             ["It stays exactly where it is",
              "It moves 10 times further from the origin",
              "It turns through a right angle",
              "It flips: the 'yes' side becomes the 'no' side"], answer=0,
             explain="10·z is zero exactly where z is zero, and has the same sign everywhere, so "
                     "the line and its sides do not change.",
             nudges={1: "the bias slides the line, but the weights were scaled too: where is 10·z = 0?",
                     2: "turning the line needs a change in the *ratio* of w₁ to w₂; did it change?",
                     3: "a flip needs a sign change; is 10·z ever of the opposite sign to z?"}),
    Question("01-sigmoid-zero", "A sigmoid neuron has w = (1, 1) and b = -3, and sees the input "
                                "x = (1, 2). What does it output?",
             ["0", "1", "-3", "0.5"], answer=3,
             explain="z = 1 + 2 - 3 = 0, and the sigmoid of 0 is 1 / (1 + 1) = 0.5: halfway between "
                     "no and yes.",
             nudges={0: "that is what a *step* would say at this z; the sigmoid is smooth.",
                     1: "work out z first: is it large and positive?",
                     2: "that is the bias alone; the sigmoid's output always lies between 0 and 1."}),
]}
