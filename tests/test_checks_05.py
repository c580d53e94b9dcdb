"""The checks of notebook 05: right answers pass, and a learner's typical mistakes get their message."""
import warnings

import numpy as np
import pytest

from check_helpers import diagnosed, fails_with, passes
from nnlib import checks


def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


# right answers, written in more than one way
def test_dense_forward_right_answers_pass():
    assert passes(checks.dense_forward(lambda X, W, b: X @ W + b))
    assert passes(checks.dense_forward(lambda X, W, b: (np.dot(X, W) + b[None, :]).tolist()))


def test_accuracy_right_answers_pass():
    assert passes(checks.accuracy(lambda P, y: np.mean(np.argmax(P, axis=1) == y)))
    assert passes(checks.accuracy(lambda P, y: float(sum(int(np.argmax(p) == t)
                                                          for p, t in zip(P, y)) / len(y))))


def test_softmax_rows_right_answers_pass():
    assert passes(checks.softmax_rows(softmax))

    def in_place(Z):  # modifies its input: the check hands it a copy
        Z -= Z.max(axis=1, keepdims=True)
        np.exp(Z, out=Z)
        Z /= Z.sum(axis=1)[:, None]
        return Z

    assert passes(checks.softmax_rows(in_place))
    log_sum_exp = lambda Z: np.exp(Z - (Z.max(1, keepdims=True) + np.log(  # noqa: E731
        np.exp(Z - Z.max(1, keepdims=True)).sum(1, keepdims=True))))
    assert passes(checks.softmax_rows(log_sum_exp))


def test_sigmoid_backward_right_answers_pass():
    assert passes(checks.sigmoid_backward(lambda dA, A: dA * A * (1 - A)))
    assert passes(checks.sigmoid_backward(lambda dA, A: dA * (A - A ** 2)))


def test_dense_backward_right_answers_pass():
    assert passes(checks.dense_backward(lambda X, W, dZ: (X.T @ dZ, dZ.sum(axis=0), dZ @ W.T)))
    assert passes(checks.dense_backward(lambda X, W, dZ: [np.einsum("ni,no->io", X, dZ),
                                                          np.sum(dZ, 0).tolist(), dZ.dot(W.T)]))


# a learner's typical wrong answers, each with the diagnosis it must get
def forgets_the_bias(X, W, b):
    return X @ W


def subtracts_the_bias(X, W, b):
    return X @ W - b


def puts_samples_in_columns(X, W, b):
    return (X @ W + b).T


def activates(X, W, b):
    return 1 / (1 + np.exp(-(X @ W + b)))


def multiplies_elementwise(X, W, b):
    return X * W


DENSE_FORWARD_MISTAKES = {
    forgets_the_bias: "you left out the bias b: every row of Z gets b added.",
    subtracts_the_bias: "the bias is added to X @ W, not subtracted.",
    puts_samples_in_columns: "rows are samples: Z needs one row per sample, shape (n, n_out).",
    activates: "that is the activation A = σ(Z); the dense layer returns Z, before any activation.",
}


@pytest.mark.parametrize("wrong", DENSE_FORWARD_MISTAKES, ids=lambda fn: fn.__name__)
def test_dense_forward_mistakes(wrong):
    assert diagnosed(checks.dense_forward(wrong), DENSE_FORWARD_MISTAKES[wrong])


def test_a_crash_names_its_error():
    assert fails_with(checks.dense_forward(multiplies_elementwise), "calling it raised ValueError")


def counts_the_right_answers(P, y):
    return np.sum(np.argmax(P, axis=1) == y)


def gives_a_percentage(P, y):
    return 100 * np.mean(np.argmax(P, axis=1) == y)


def counts_the_wrong_answers(P, y):
    return np.mean(np.argmax(P, axis=1) != y)


def averages_the_top_probability(P, y):
    return np.mean(P.max(axis=1))


ACCURACY_MISTAKES = {
    counts_the_right_answers: "that is the number of right answers; divide by the number of samples "
                              "to get a fraction in [0, 1].",
    gives_a_percentage: "that is a percentage; return a fraction in [0, 1].",
    counts_the_wrong_answers: "that is the error rate, the share of wrong answers.",
    averages_the_top_probability: "that is the average top probability (how sure the network is); "
                                  "count how often the top class is y.",
}


@pytest.mark.parametrize("wrong", ACCURACY_MISTAKES, ids=lambda fn: fn.__name__)
def test_accuracy_mistakes(wrong):
    assert diagnosed(checks.accuracy(wrong), ACCURACY_MISTAKES[wrong])


def test_accuracy_over_the_wrong_axis_crashes_and_says_so():
    def argmax_of_columns(P, y):
        return np.mean(np.argmax(P, axis=0) == y)

    assert fails_with(checks.accuracy(argmax_of_columns), "could not be broadcast")


def naive(Z):
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def shifts_by_the_global_max(Z):
    return naive(Z - Z.max())  # one max for the whole array


def divides_by_the_total(Z):
    return np.exp(Z) / np.exp(Z).sum()


def normalises_the_columns(Z):
    return np.exp(Z) / np.exp(Z).sum(axis=0)


def forgets_to_divide(Z):
    return np.exp(Z - Z.max(axis=1, keepdims=True))


def takes_each_sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


SOFTMAX_ROWS_MISTAKES = {
    divides_by_the_total: "you divided by the sum of the whole array: each row (one sample) must add "
                          "up to 1 on its own.",
    normalises_the_columns: "each column adds up to 1 now; it is each row (one sample) that must add "
                            "up to 1.",
    forgets_to_divide: "each row must add up to 1: divide by the row's sum.",
    takes_each_sigmoid: "that is the sigmoid of each logit on its own; softmax makes the numbers of a "
                        "row share 1 between them.",
}


@pytest.mark.parametrize("wrong", SOFTMAX_ROWS_MISTAKES, ids=lambda fn: fn.__name__)
def test_softmax_rows_mistakes(wrong):
    assert diagnosed(checks.softmax_rows(wrong), SOFTMAX_ROWS_MISTAKES[wrong])


@pytest.mark.parametrize("unstable", [naive, shifts_by_the_global_max], ids=lambda fn: fn.__name__)
def test_softmax_rows_must_be_stable(unstable):
    result = checks.softmax_rows(unstable)
    assert fails_with(result, "softmax_rows: right on small logits, but not yet stable - with logits "
                              "like 1000, exp() overflows to inf")
    assert "Z = [[ 1000.,  1001.,  1002.]," in result.message


def test_softmax_rows_overflow_warnings_are_kept_out_of_the_notebook():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning that escaped the check would raise here
        assert not checks.softmax_rows(naive)


def forgets_dA(dA, A):
    return A * (1 - A)


def applies_the_sigmoid_again(dA, A):
    S = 1 / (1 + np.exp(-A))
    return dA * S * (1 - S)


def uses_a_matrix_product(dA, A):
    return dA @ (A * (1 - A)).T


def keeps_half_the_slope(dA, A):
    return dA * A


def flips_the_slope(dA, A):
    return dA * A * (A - 1)


SIGMOID_BACKWARD_MISTAKES = {
    forgets_dA: "that is σ'(Z) alone; the chain rule multiplies it by the incoming gradient dA.",
    applies_the_sigmoid_again: "A is already σ(Z): use A as it is, don't apply the sigmoid again.",
    uses_a_matrix_product: "multiply element by element (*), not with a matrix product (@): each Z "
                           "has its own slope.",
    keeps_half_the_slope: "only part of the sigmoid's slope: σ'(Z) = A (1 - A).",
    flips_the_slope: "the values have the wrong sign: check the direction of a subtraction.",
}


@pytest.mark.parametrize("wrong", SIGMOID_BACKWARD_MISTAKES, ids=lambda fn: fn.__name__)
def test_sigmoid_backward_mistakes(wrong):
    assert diagnosed(checks.sigmoid_backward(wrong), SIGMOID_BACKWARD_MISTAKES[wrong])


def averages_db(X, W, dZ):
    return X.T @ dZ, dZ.mean(axis=0), dZ @ W.T


def averages_dW(X, W, dZ):
    return X.T @ dZ / len(X), dZ.sum(axis=0), dZ @ W.T


def transposes_dW(X, W, dZ):
    return dZ.T @ X, dZ.sum(axis=0), dZ @ W.T


def sums_db_over_the_outputs(X, W, dZ):
    return X.T @ dZ, dZ.sum(axis=1), dZ @ W.T


def sums_db_over_everything(X, W, dZ):
    return X.T @ dZ, dZ.sum(), dZ @ W.T


def forgets_dX(X, W, dZ):
    return X.T @ dZ, dZ.sum(axis=0)


DENSE_BACKWARD_MISTAKES = {
    averages_db: "db is wrong: dZ already holds the loss's 1/n: sum over the batch, don't average "
                 "again.",
    averages_dW: "dW is wrong: dZ already holds the loss's 1/n: sum over the batch, don't average "
                 "again.",
    transposes_dW: "dW is wrong: dW must have the shape of W, (n_in, n_out).",
    sums_db_over_the_outputs: "db is wrong: db has one number per output neuron: sum over the "
                              "samples (axis 0).",
    sums_db_over_everything: "db is wrong: db has one number per output neuron, shape (n_out,), not "
                             "one number for the whole layer.",
}


@pytest.mark.parametrize("wrong", DENSE_BACKWARD_MISTAKES, ids=lambda fn: fn.__name__)
def test_dense_backward_mistakes(wrong):
    assert diagnosed(checks.dense_backward(wrong), DENSE_BACKWARD_MISTAKES[wrong])


def test_dense_backward_counts_its_results_and_reports_a_crash():
    def multiplies_by_W(X, W, dZ):
        return X.T @ dZ, dZ.sum(axis=0), dZ @ W

    assert fails_with(checks.dense_backward(multiplies_by_W), "calling it raised ValueError")
    assert fails_with(checks.dense_backward(forgets_dX), "not yet - expected 3 results (dW, db, dX), "
                                                         "received ([[")


def test_a_failure_shows_the_case_but_not_the_solution():
    message = checks.dense_forward(forgets_the_bias).message
    assert "X = " in message and "expected: " in message and "received: " in message
    assert "X @ W + b" not in message


def _backward(X, Y, A1, P, params):
    dZ2 = (P - Y) / len(X)
    dZ1 = (dZ2 @ params[1][0].T) * A1 * (1 - A1)
    return [(X.T @ dZ1, dZ1.sum(axis=0)), (A1.T @ dZ2, dZ2.sum(axis=0))]


def test_the_capstone_backward_passes_and_names_each_planted_mistake():
    result = checks.backward(_backward)
    assert passes(result) and "agrees with nudging every weight" in result.message
    assert passes(checks.backward(lambda *a: tuple(tuple(pair) for pair in _backward(*a))))

    def no_slope(X, Y, A1, P, params):
        dZ2 = (P - Y) / len(X)
        dZ1 = dZ2 @ params[1][0].T
        return [(X.T @ dZ1, dZ1.sum(axis=0)), (A1.T @ dZ2, dZ2.sum(axis=0))]

    def no_mean(X, Y, A1, P, params):
        return [tuple(g * len(X) for g in pair) for pair in _backward(X, Y, A1, P, params)]

    for wrong, text in [(no_slope, "dW1 is wrong: the hidden delta must pass through the sigmoid's slope"),
                        (no_mean, "the output delta is (P - Y) / n"),
                        (lambda *a: _backward(*a)[::-1], "in the wrong order: return them as [(dW1, db1), (dW2, db2)]"),
                        (lambda *a: _backward(*a)[0], "expected 4 results")]:
        result = checks.backward(wrong)
        assert not result and text in result.message, result.message


def test_the_gradient_check_exercise_must_flag_exactly_the_wrong_array():
    from nnlib.gradcheck import gradient_errors
    assert passes(checks.gradient_check(gradient_errors))
    assert passes(checks.gradient_check(lambda f, ps, gs: list(gradient_errors(f, ps, gs))))
    result = checks.gradient_check(lambda f, ps, gs: np.zeros(len(ps)))  # says every gradient is right
    assert not result and "flag the wrong arrays" in result.message, result.message
    result = checks.gradient_check(lambda f, ps, gs: np.full(len(ps), gradient_errors(f, ps, gs).max()))
    assert not result and "not the largest one repeated" in result.message, result.message
    result = checks.gradient_check(lambda f, ps, gs: gradient_errors(f, ps, gs)[:1])
    assert not result and "expected 2 relative errors" in result.message, result.message
