"""The checks and concept questions of notebook 04: right answers pass, typical mistakes get their message."""
import numpy as np
import pytest

import nnlib
from check_helpers import fails_with, passes
from nnlib import checks
from nnlib.checks import notebook04


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# right answers, written in more than one way
def predict_gate(X, w, b):
    return np.where(sigmoid(X @ w + b) >= 0.5, 1, 0)  # >= or >: no case sits on the boundary


def train_step(X, y, w, b, lr, mistake=None):
    a = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    dz = a - y if mistake == "sum" else (a - y) / len(y)
    if mistake == "mse":
        dz = dz * a * (1 - a)
    dw, db = dz @ X, np.sum(dz)
    if mistake == "uphill":
        return w + lr * dw, b + lr * db, loss
    w, b = w - lr * dw, b - lr * db
    if mistake == "after":
        a = sigmoid(X @ w + b)
        loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return w, b, loss


def train_neuron(X, y, w, b, lr, epochs, mistake=None):
    losses = []
    for _ in range(epochs):
        w, b, loss = train_step(X, y, w, b, lr, mistake)
        losses.append(loss)
    if mistake == "extra":
        losses.append(train_step(X, y, w, b, lr)[2])
    return w, b, losses  # a list is fine


def with_mistake(fn, mistake):
    return lambda *args: fn(*args, mistake=mistake)


def test_right_answers_pass():
    assert passes(checks.predict_gate(predict_gate))
    assert passes(checks.predict_gate(lambda X, w, b: list(X @ w + b > 0)))  # booleans in a list
    for weights in [(10, 10, -15), (20.0, 20.0, -30.0), np.array([10.0, 11.0, -16.0])]:
        assert passes(checks.confident_and(lambda: weights)), weights
    assert passes(checks.train_step(train_step))
    result = checks.train_neuron(train_neuron)
    assert passes(result) and "4 of 4 right" in result.message


def test_train_neuron_agrees_with_nnlib():
    """The check's reference run is the notebook's: nnlib.Neuron from seed 17, lr 1, 200 epochs."""
    X, y = nnlib.logic_gate("and")
    neuron = nnlib.Neuron(2, activation="sigmoid", rng=17).fit(X, y, lr=1.0, epochs=200,
                                                               loss="log_loss")
    w0, b0 = notebook04._start()
    w, b, losses = train_neuron(X, y, w0, b0, 1.0, 200)
    assert np.allclose(losses, neuron.loss_curve_) and np.allclose(w, neuron.w)
    assert np.isclose(b, neuron.b) and (neuron.predict(X) == y).all()


def test_predict_gate_mistakes():
    assert fails_with(checks.predict_gate(lambda X, w, b: sigmoid(X @ w + b)), "outputs a")
    assert fails_with(checks.predict_gate(lambda X, w, b: (X @ w + b < 0).astype(int)),
                      "yes and no are swapped")
    assert fails_with(checks.predict_gate(lambda X, w, b: (X @ w > 0).astype(int)),
                      "bias b is missing")


def test_confident_and_reports_rows_not_the_answer():
    trained = checks.confident_and(lambda: (4.32, 4.32, -6.67))  # right, but not sure enough
    assert fails_with(trained, "3 of 4 answers") and "input (1, 1): output 0.8776" in trained.message
    assert "input (0, 0)" not in trained.message
    backwards = checks.confident_and(lambda: (-10, -10, 15))  # NAND: every answer wrong
    assert fails_with(backwards, "4 of 4 answers")
    assert fails_with(checks.confident_and(lambda: (10, 10)), "return three numbers")
    assert fails_with(checks.confident_and(lambda: None), "forget the `return`")


@pytest.mark.parametrize("mistake, message", [
    ("mse", "w is wrong: that gradient keeps the sigmoid's slope"),
    ("sum", "w is wrong: divide dL/dz by n"),
    ("uphill", "w is wrong: the update went uphill"),
    ("after", "loss is wrong: record the loss of the forward pass")])
def test_train_step_mistakes(mistake, message):
    assert fails_with(checks.train_step(with_mistake(train_step, mistake)), message)


@pytest.mark.parametrize("mistake, message", [
    ("mse", "w is wrong: that gradient keeps the sigmoid's slope"),
    ("sum", "w is wrong: divide dL/dz by n"),
    ("after", "losses is wrong: record each epoch's loss before its update"),
    ("extra", "losses is wrong: keep one loss per epoch")])
def test_train_neuron_mistakes(mistake, message):
    assert fails_with(checks.train_neuron(with_mistake(train_neuron, mistake)), message)


def test_train_neuron_must_learn_and():
    """Right on the short cases but wrong over a long run: the 200-epoch run on AND catches it."""
    def gives_up(X, y, w, b, lr, epochs):
        return train_neuron(X, y, w, b, lr, min(epochs, 10))[:2] + (
            train_neuron(X, y, w, b, lr, epochs)[2],)

    result = checks.train_neuron(gives_up)
    assert fails_with(result, "the small cases pass, but 200 epochs on AND")
    assert "end at w = [1.151, 0.724], b = -1.803 with 4 of 4 answers right" in result.message
    assert "the notebook's run ends at w = [4.3184, 4.3175], b = -6.668" in result.message
