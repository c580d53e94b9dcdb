"""Notebook 05's checks and concept questions: right answers pass, typical mistakes get their message."""
import warnings

import numpy as np

from check_helpers import fails_with, passes
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


# typical mistakes, each with its own message
def test_dense_forward_mistakes():
    assert fails_with(checks.dense_forward(lambda X, W, b: X @ W), "left out the bias")
    assert fails_with(checks.dense_forward(lambda X, W, b: X @ W - b), "not subtracted")
    assert fails_with(checks.dense_forward(lambda X, W, b: (X @ W + b).T), "rows are samples")
    assert fails_with(checks.dense_forward(lambda X, W, b: 1 / (1 + np.exp(-(X @ W + b)))),
                      "before any activation")
    assert fails_with(checks.dense_forward(lambda X, W, b: X * W), "raised ValueError")


def test_accuracy_mistakes():
    right = lambda P, y: np.argmax(P, axis=1) == y  # noqa: E731
    assert fails_with(checks.accuracy(lambda P, y: np.sum(right(P, y))), "number of right answers")
    assert fails_with(checks.accuracy(lambda P, y: 100 * np.mean(right(P, y))), "percentage")
    assert fails_with(checks.accuracy(lambda P, y: np.mean(~right(P, y))), "error rate")
    assert fails_with(checks.accuracy(lambda P, y: np.mean(P.max(axis=1))), "top probability")
    assert fails_with(checks.accuracy(lambda P, y: np.mean(np.argmax(P, axis=0) == y)),
                      "could not be broadcast")


def test_softmax_rows_mistakes():
    naive = lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)  # noqa: E731
    result = checks.softmax_rows(naive)
    assert fails_with(result, "right on small logits, but not yet stable") and "1000" in result.message
    shift_global = lambda Z: naive(Z - Z.max())  # noqa: E731 - one max for the whole array
    assert fails_with(checks.softmax_rows(shift_global), "not yet stable")
    assert fails_with(checks.softmax_rows(lambda Z: np.exp(Z) / np.exp(Z).sum()),
                      "sum of the whole array")
    assert fails_with(checks.softmax_rows(lambda Z: np.exp(Z) / np.exp(Z).sum(axis=0)),
                      "each column adds up to 1")
    assert fails_with(checks.softmax_rows(lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True))),
                      "divide by the row's sum")
    assert fails_with(checks.softmax_rows(lambda Z: 1 / (1 + np.exp(-Z))), "sigmoid of each logit")


def test_softmax_rows_overflow_warnings_are_kept_out_of_the_notebook():
    naive = lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)  # noqa: E731
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning that escaped the check would raise here
        assert not checks.softmax_rows(naive)


def test_sigmoid_backward_mistakes():
    sig = lambda Z: 1 / (1 + np.exp(-Z))  # noqa: E731
    assert fails_with(checks.sigmoid_backward(lambda dA, A: A * (1 - A)), "incoming gradient dA")
    assert fails_with(checks.sigmoid_backward(lambda dA, A: dA * sig(A) * (1 - sig(A))),
                      "don't apply the sigmoid again")
    assert fails_with(checks.sigmoid_backward(lambda dA, A: dA @ (A * (1 - A)).T),
                      "element by element")
    assert fails_with(checks.sigmoid_backward(lambda dA, A: dA * A), "A (1 - A)")
    assert fails_with(checks.sigmoid_backward(lambda dA, A: dA * A * (A - 1)), "wrong sign")


def test_dense_backward_mistakes():
    def with_(dW=None, db=None, dX=None):
        return lambda X, W, dZ: (X.T @ dZ if dW is None else dW(X, W, dZ),
                                 dZ.sum(axis=0) if db is None else db(X, W, dZ),
                                 dZ @ W.T if dX is None else dX(X, W, dZ))

    result = checks.dense_backward(with_(db=lambda X, W, dZ: dZ.mean(axis=0)))
    assert fails_with(result, "db is wrong: dZ already holds the loss's 1/n")
    assert fails_with(checks.dense_backward(with_(dW=lambda X, W, dZ: X.T @ dZ / len(X))),
                      "dW is wrong: dZ already holds the loss's 1/n")
    assert fails_with(checks.dense_backward(with_(dW=lambda X, W, dZ: dZ.T @ X)), "shape of W")
    assert fails_with(checks.dense_backward(with_(db=lambda X, W, dZ: dZ.sum(axis=1))),
                      "sum over the samples")
    assert fails_with(checks.dense_backward(with_(db=lambda X, W, dZ: dZ.sum())),
                      "one number per output neuron")
    assert fails_with(checks.dense_backward(with_(dX=lambda X, W, dZ: dZ @ W)), "raised ValueError")
    assert fails_with(checks.dense_backward(lambda X, W, dZ: (X.T @ dZ, dZ.sum(axis=0))),
                      "expected 3 results (dW, db, dX)")


def test_a_failure_shows_the_case_but_not_the_solution():
    message = checks.dense_forward(lambda X, W, b: X @ W).message
    assert "X = " in message and "expected: " in message and "received: " in message
    assert "X @ W + b" not in message
