"""The checks of notebook 04: right answers pass, and a learner's typical mistakes get their message."""
import numpy as np
import pytest

import nnlib
from check_helpers import diagnosed, fails_with, passes
from nnlib import checks


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# right answers, written in more than one way
def predict_gate(X, w, b):
    return np.where(sigmoid(X @ w + b) >= 0.5, 1, 0)  # >= or >: no case sits on the boundary


def train_step(X, y, w, b, lr):
    a = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    dz = (a - y) / len(y)
    dw, db = dz @ X, np.sum(dz)
    return w - lr * dw, b - lr * db, loss


def trains_with(step):
    """A learner's train_neuron, right itself, around their own train_step."""
    def train_neuron(X, y, w, b, lr, epochs):
        losses = []
        for _ in range(epochs):
            w, b, loss = step(X, y, w, b, lr)
            losses.append(loss)
        return w, b, losses  # a list is fine
    train_neuron.__name__ = f"train_neuron_around_{step.__name__}"  # a readable test id
    return train_neuron


train_neuron = trains_with(train_step)


def test_right_answers_pass():
    assert passes(checks.predict_gate(predict_gate))
    assert passes(checks.predict_gate(lambda X, w, b: list(X @ w + b > 0)))  # booleans in a list
    for weights in [(10, 10, -15), (20.0, 20.0, -30.0), np.array([10.0, 11.0, -16.0])]:
        assert passes(checks.confident_and(lambda: weights)), weights
    assert passes(checks.train_step(train_step))
    result = checks.train_neuron(train_neuron)
    assert passes(result) and "4 of 4 right" in result.message


def test_train_neuron_agrees_with_nnlib():
    """The check's 200-epoch run is nnlib.Neuron's, from seed 17; a learner's loop must agree with it."""
    X, y = nnlib.logic_gate("and")
    neuron = nnlib.Neuron(2, activation="sigmoid", rng=17)
    w0, b0 = neuron.w.copy(), neuron.b
    neuron.fit(X, y, lr=1.0, epochs=200, loss="log_loss")
    w, b, losses = train_neuron(X, y, w0, b0, 1.0, 200)
    assert np.allclose(losses, neuron.loss_curve_, rtol=1e-9) and np.allclose(w, neuron.w, rtol=1e-9)
    assert np.isclose(b, neuron.b, rtol=1e-9) and (neuron.predict(X) == y).all()


# a learner's typical wrong answers, each with the diagnosis it must get
def returns_the_outputs(X, w, b):
    return sigmoid(X @ w + b)


def swaps_yes_and_no(X, w, b):
    return (X @ w + b < 0).astype(int)


def forgets_the_bias(X, w, b):
    return (sigmoid(X @ w) > 0.5).astype(int)


PREDICT_GATE_MISTAKES = {
    returns_the_outputs: "those are the outputs a; turn each into a label, 1 for yes and 0 for no.",
    swaps_yes_and_no: "yes and no are swapped: the neuron says yes where a > 0.5.",
    forgets_the_bias: "the bias b is missing from z.",
}


@pytest.mark.parametrize("wrong", PREDICT_GATE_MISTAKES, ids=lambda fn: fn.__name__)
def test_predict_gate_mistakes(wrong):
    assert diagnosed(checks.predict_gate(wrong), PREDICT_GATE_MISTAKES[wrong])


def test_confident_and_reports_rows_not_the_answer():
    trained = checks.confident_and(lambda: (4.32, 4.32, -6.67))  # right, but not sure enough
    assert fails_with(trained, "not yet - 3 of 4 answers are not confident enough (or are wrong):")
    assert "input (1, 1): output 0.8776, should be above 0.99" in trained.message
    assert "input (0, 0)" not in trained.message
    backwards = checks.confident_and(lambda: (-10, -10, 15))  # NAND: every answer wrong
    assert fails_with(backwards, "4 of 4 answers")
    assert fails_with(checks.confident_and(lambda: (10, 10)), "return three numbers")


def keeps_the_sigmoid_slope(X, y, w, b, lr):
    a = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    dz = (a - y) * a * (1 - a) / len(y)  # the half-MSE's dL/dz
    return w - lr * (X.T @ dz), b - lr * dz.sum(), loss


def forgets_the_n(X, y, w, b, lr):
    a = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    dz = a - y
    return w - lr * (X.T @ dz), b - lr * dz.sum(), loss


def steps_uphill(X, y, w, b, lr):
    a = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    dz = (a - y) / len(y)
    return w + lr * (X.T @ dz), b + lr * dz.sum(), loss


def measures_the_loss_after_the_update(X, y, w, b, lr):
    a = sigmoid(X @ w + b)
    dz = (a - y) / len(y)
    w, b = w - lr * (X.T @ dz), b - lr * dz.sum()
    a = sigmoid(X @ w + b)
    return w, b, -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))


SLOPE_MISTAKE = "w is wrong: that gradient keeps the sigmoid's slope a(1 - a), as half MSE would; " \
                "with log loss dL/dz is simply (a - y) / n."
TRAIN_STEP_MISTAKES = {
    keeps_the_sigmoid_slope: SLOPE_MISTAKE,
    forgets_the_n: "w is wrong: divide dL/dz by n: the loss is the mean over the examples.",
    steps_uphill: "w is wrong: the update went uphill: subtract lr times the gradient.",
    measures_the_loss_after_the_update: "loss is wrong: record the loss of the forward pass, before "
                                        "the update.",
}


@pytest.mark.parametrize("wrong", TRAIN_STEP_MISTAKES, ids=lambda fn: fn.__name__)
def test_train_step_mistakes(wrong):
    assert diagnosed(checks.train_step(wrong), TRAIN_STEP_MISTAKES[wrong])


def records_one_loss_too_many(X, y, w, b, lr, epochs):
    w, b, losses = train_neuron(X, y, w, b, lr, epochs)
    return w, b, losses + [train_step(X, y, w, b, lr)[2]]


TRAIN_NEURON_MISTAKES = {
    trains_with(keeps_the_sigmoid_slope): SLOPE_MISTAKE,
    trains_with(forgets_the_n): "w is wrong: divide dL/dz by n: the loss is the mean over the examples.",
    trains_with(steps_uphill): "w is wrong: the update went uphill: subtract lr times the gradient.",
    trains_with(measures_the_loss_after_the_update): "losses is wrong: record each epoch's loss before "
                                                     "its update, so losses[0] is the loss at the start.",
    records_one_loss_too_many: "losses is wrong: keep one loss per epoch (epochs values).",
}


@pytest.mark.parametrize("wrong", TRAIN_NEURON_MISTAKES, ids=lambda fn: fn.__name__)
def test_train_neuron_mistakes(wrong):
    assert diagnosed(checks.train_neuron(wrong), TRAIN_NEURON_MISTAKES[wrong])


def test_train_neuron_must_learn_and():
    """Right on the short cases but wrong over a long run: the 200-epoch run on AND catches it."""
    def gives_up(X, y, w, b, lr, epochs):
        return train_neuron(X, y, w, b, lr, min(epochs, 10))[:2] + (
            train_neuron(X, y, w, b, lr, epochs)[2],)

    result = checks.train_neuron(gives_up)
    assert fails_with(result, "the small cases pass, but 200 epochs on AND")
    assert "end at w = [1.151, 0.724], b = -1.803 with 4 of 4 answers right" in result.message
    assert "the notebook's run ends at w = [4.3184, 4.3175], b = -6.668" in result.message
