"""Checks and concept questions for notebook 05 (a multi-layer perceptron on Iris)."""
import numpy as np

from ..activations import sigmoid
from ..losses import softmax
from ._concepts import Question
from ._core import FAILED, Result, _inputs, run_cases, show

__all__ = ["dense_forward", "accuracy", "softmax_rows", "sigmoid_backward", "dense_backward"]


def dense_forward(fn):
    """Check exercise 5.1: dense_forward(X, W, b) -> Z = X @ W + b, shape (n, n_out)."""
    rng = np.random.default_rng(501)
    cases = []
    for X, W, b in [(np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),
                     np.array([[1.0, 0.0], [0.5, -1.0], [2.0, 1.0]]), np.array([0.5, -0.5])),
                    (rng.normal(size=(4, 3)).round(2), rng.normal(size=(3, 2)).round(2),
                     rng.normal(size=2).round(2))]:
        Z = X @ W + b
        cases.append(((X, W, b), Z,
                      [(X @ W, "you left out the bias b: every row of Z gets b added."),
                       (X @ W - b, "the bias is added to X @ W, not subtracted."),
                       (Z.T, "rows are samples: Z needs one row per sample, shape (n, n_out)."),
                       (sigmoid(Z), "that is the activation A = σ(Z); the dense layer "
                                              "returns Z, before any activation.")]))
    return run_cases("dense_forward", fn, cases, ["X", "W", "b"],
                     hint="a matrix product of X and W, then add the bias")


def accuracy(fn):
    """Check exercise 5.2: accuracy(P, y) -> mean(argmax(P, axis=1) == y), a float in [0, 1]."""
    rng = np.random.default_rng(502)
    cases = []
    for P, y in [(np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3], [0.4, 0.1, 0.5]]),
                  np.array([0, 2, 1, 0])),
                 (softmax(rng.normal(size=(6, 3)) * 2).round(3), rng.integers(0, 3, size=6)),
                 (np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6]]), np.array([0, 1, 2]))]:
        right = np.argmax(P, axis=1) == y
        cases.append(((P, y), np.mean(right),
                      [(np.sum(right), "that is the number of right answers; divide by the number "
                                       "of samples to get a fraction in [0, 1]."),
                       (100 * np.mean(right), "that is a percentage; return a fraction in [0, 1]."),
                       (np.mean(~right), "that is the error rate, the share of wrong answers."),
                       (np.mean(P.max(axis=1)), "that is the average top probability (how sure the "
                                                "network is); count how often the top class is y.")]))
    return run_cases("accuracy", fn, cases, ["P", "y"],
                     hint="the predicted class of each row is the column with the largest probability")


def softmax_rows(fn):
    """Check exercise 5.3: softmax_rows(Z), each row exp(Z - row max) / its sum, stable for huge Z."""
    rng = np.random.default_rng(503)
    cases = []
    for Z in [np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]), rng.normal(size=(3, 4)).round(2)]:
        E = np.exp(Z)
        cases.append(((Z,), softmax(Z),
                      [(E / E.sum(), "you divided by the sum of the whole array: each row (one "
                                     "sample) must add up to 1 on its own."),
                       (E / E.sum(axis=0), "each column adds up to 1 now; it is each row (one "
                                           "sample) that must add up to 1."),
                       (E / E.max(axis=1, keepdims=True), "each row must add up to 1: divide by "
                                                          "the row's sum."),
                       (1 / (1 + E ** -1), "that is the sigmoid of each logit on its own; softmax "
                                           "makes the numbers of a row share 1 between them.")]))
    result = run_cases("softmax_rows", fn, cases, ["Z"],
                       hint="make every exponent at most 0, exponentiate, then divide each row "
                            "by its own sum")
    if not result:
        return result
    Z = np.array([[1000.0, 1001.0, 1002.0], [-1002.0, -1001.0, -1000.0], [-1000.0, 0.0, 1000.0]])
    try:
        with np.errstate(all="ignore"):  # a naive exp(1000) overflows: say so once, not in warnings
            got = fn(np.copy(Z))
        finite = np.all(np.isfinite(np.asarray(got, dtype=float)))
    except Exception:  # noqa: BLE001 - run_cases below reports the crash itself
        finite = True
    if not finite:
        return Result(False, f"{FAILED} softmax_rows: right on small logits, but not yet stable - "
                             f"with logits like 1000, exp() overflows to inf (or exp(-1000) "
                             f"underflows to 0) and you get NaN. Subtracting a number from a row "
                             f"does not change its softmax: which number keeps exp() safe?\n"
                             f"{_inputs(['Z'], [Z])}  expected: {show(softmax(Z))}\n"
                             f"  received: {show(got)}")
    return run_cases("softmax_rows", fn, cases + [((Z,), softmax(Z), [])], ["Z"])


def sigmoid_backward(fn):
    """Check exercise 5.4: sigmoid_backward(dA, A) -> dZ = dA * A * (1 - A)."""
    rng = np.random.default_rng(504)
    cases = []
    for dA, A in [(np.array([[1.0, -2.0], [0.5, 1.0], [0.0, 3.0]]),
                   np.array([[0.5, 0.9], [0.2, 0.5], [0.7, 0.1]])),
                  (rng.normal(size=(3, 2)).round(2), rng.uniform(0.05, 0.95, size=(3, 2)).round(2))]:
        slope = A * (1 - A)
        cases.append(((dA, A), dA * slope,
                      [(slope, "that is σ'(Z) alone; the chain rule multiplies it by the "
                               "incoming gradient dA."),
                       (dA * A, "only part of the sigmoid's slope: σ'(Z) = A (1 - A)."),
                       (dA, "the gradient has to pass through the sigmoid's slope on its way back."),
                       (dA * sigmoid(A) * (1 - sigmoid(A)),
                        "A is already σ(Z): use A as it is, don't apply the sigmoid again."),
                       (dA @ slope.T, "multiply element by element (*), not with a matrix "
                                      "product (@): each Z has its own slope.")]))
    return run_cases("sigmoid_backward", fn, cases, ["dA", "A"],
                     hint="the chain rule: incoming gradient times the sigmoid's slope at A")


def dense_backward(fn):
    """Check exercise 5.5: dense_backward(X, W, dZ) -> (dW, db, dX)."""
    rng = np.random.default_rng(505)
    cases = []
    for X, W, dZ in [(np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),
                      np.array([[1.0, 0.0], [0.5, -1.0], [2.0, 1.0]]),
                      np.array([[0.1, -0.2], [0.3, 0.4]])),
                     (rng.normal(size=(4, 3)).round(2), rng.normal(size=(3, 2)).round(2),
                      rng.normal(size=(4, 2)).round(2) / 4)]:
        n = len(X)
        expected = {"dW": X.T @ dZ, "db": dZ.sum(axis=0), "dX": dZ @ W.T}
        cases.append(((X, W, dZ), expected,
                      [({"dW": X.T @ dZ / n}, "dZ already holds the loss's 1/n: sum over the "
                                              "batch, don't average again."),
                       ({"dW": dZ.T @ X}, "dW must have the shape of W, (n_in, n_out)."),
                       ({"db": dZ.mean(axis=0)}, "dZ already holds the loss's 1/n: sum over the "
                                                 "batch, don't average again."),
                       ({"db": dZ.sum(axis=1)}, "db has one number per output neuron: sum over "
                                                "the samples (axis 0)."),
                       ({"db": dZ.sum()}, "db has one number per output neuron, shape (n_out,), "
                                          "not one number for the whole layer.")]))
    return run_cases("dense_backward", fn, cases, ["X", "W", "dZ"],
                     hint="every gradient has the shape of its variable: dW like W, db like b, "
                          "dX like X")


QUESTIONS = {q.key: q for q in [
    Question("05-xor-hidden-layer",
             "Why can the 2-2-1 network solve XOR when a single neuron cannot?",
             ["Each hidden neuron draws its own line, and the output neuron combines their two "
              "answers into a region no single line could cut out.",
              "It trains for more epochs, so it has time to find the answer.",
              "Its sigmoid is curved, so one neuron's boundary bends around the corners.",
              "It has enough weights to memorise the four corners without any pattern."],
             answer=0,
             explain="one line cannot separate XOR's corners, but two lines can cut out a band, "
                     "and a hidden layer gives the network two lines to combine.",
             nudges={1: "notebook 04's neuron never solved XOR, however long it trained: what "
                        "does a single neuron's boundary always look like?",
                     2: "a single sigmoid neuron's boundary, where its output is 0.5, is still a "
                        "straight line. Look at the two hidden-neuron panels.",
                     3: "the hidden activations table shows each hidden neuron doing a readable "
                        "job. What does each one draw over the plane?"}),
    Question("05-standardise-train-only",
             "Why are the mean μ and spread s for standardising computed from the training set "
             "only, then reused on the test set?",
             ["The test set is too small to compute a mean and a spread.",
              "Standardising the test set on its own would change its labels.",
              "The test set stands for new flowers: nothing about it may leak into training.",
              "It is faster to compute the statistics once."],
             answer=2,
             explain="the test score is only honest if the test flowers play the part of new "
                     "flowers, which we would scale with the numbers we already had.",
             nudges={0: "30 flowers give a perfectly usable mean. Think about what the test set "
                        "is there to imitate.",
                     1: "standardising touches only the measurements X, never the species y.",
                     3: "speed is not the reason: computing a mean is instant either way. Why "
                        "must the test flowers stay untouched?"}),
    Question("05-hidden-delta-shape",
             "In backward, dZ1 = (dZ2 @ W2.T) * A1 * (1 - A1). For a mini-batch of 10 flowers "
             "in the 4-8-3 network, what shape is dZ1?",
             ["(10, 3)", "(10, 8)", "(8, 3)", "(4, 8)"],
             answer=1,
             explain="a delta has the shape of its Z: one row per flower, one column per hidden "
                     "neuron, like Z1 = X @ W1 + b1.",
             nudges={0: "that is the output layer's delta; dZ1 belongs to the hidden layer.",
                     2: "that is a weight matrix's shape; how many rows does a delta have?",
                     3: "that is a weight matrix's shape; how many rows does a delta have?"}),
]}
