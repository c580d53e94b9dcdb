"""Checks for notebook 04 (a neuron learns AND): each reference answer, and the wrong answers it knows."""
import numpy as np

from ..activations import _sigmoid, sigmoid  # both overflow-safe, even for a learner's huge weights
from ..datasets import logic_gate
from ..neuron import Neuron
from ._core import FAILED, PASSED, Result, attempt, build_cases, check, close, gate_weights, run_cases, show
from ._values import NotNumbers, numbers
from .questions import asked_in

__all__ = ["predict_gate", "train_step", "train_neuron", "confident_and"]
QUESTIONS = asked_in("04")

GATE_X, AND_Y = logic_gate("and")  # (4, 2) truth table inputs, (4,) answers
OR_Y = logic_gate("or")[1]
SEED = 17  # the notebook's random start


def _start():
    """The notebook's random start: the w and b that nnlib's Neuron draws from seed 17."""
    neuron = Neuron(2, activation="sigmoid", rng=SEED)
    return neuron.w, neuron.b


def _predict_gate(X, w, b):
    """Exercise 4.1's reference answer: a > 0.5 exactly where z > 0."""
    return (X @ w + b > 0).astype(float)


# typical wrong answers to exercise 4.1; the check pairs each with what it gets wrong
def _outputs_not_labels(X, w, b): return sigmoid(X @ w + b)
def _labels_swapped(X, w, b): return (X @ w + b <= 0).astype(float)
def _labels_without_bias(X, w, b): return (X @ w > 0).astype(float)


@check
def predict_gate(fn):
    """Check exercise 4.1: predict_gate(X, w, b) -> labels 0/1, 1 where sigmoid(X @ w + b) > 0.5."""
    rng = np.random.default_rng(401)
    w17, b17 = _start()
    X5 = rng.normal(size=(5, 2)).round(2)
    # no case has z = 0, so > and >= agree
    inputs = [(GATE_X, np.array([4.32, 4.32]), -6.67), (GATE_X, w17.round(2), round(b17, 2)),
              (X5, np.array([1.5, -0.5]), 0.25)]
    mistakes = [(_outputs_not_labels, "those are the outputs a; turn each into a label, 1 for yes and "
                                      "0 for no."),
                (_labels_swapped, "yes and no are swapped: the neuron says yes where a > 0.5."),
                (_labels_without_bias, "the bias b is missing from z.")]
    return run_cases("predict_gate", fn, build_cases(_predict_gate, inputs, mistakes), ["X", "w", "b"],
                     hint="z > 0 exactly when a > 0.5")


@check
def confident_and(fn):
    """Check exercise 4.2: confident_and() -> (w1, w2, b) with outputs < 0.01 for no, > 0.99 for yes."""
    weights, problem = gate_weights("confident_and", fn,
                                    "how negative must z be for sigmoid(z) < 0.01?")
    if problem is not None:  # a Result that failed (its bool is False)
        return problem
    w1, w2, b = weights
    with np.errstate(all="ignore"):  # weights near 1e308 overflow z to inf: sigmoid(inf) is still 1
        outputs = _sigmoid(GATE_X @ np.array([w1, w2]) + b)
    wrong = []
    for (x1, x2), target, a in zip(GATE_X, AND_Y, outputs):
        if target == 1 and not a > 0.99:
            wrong.append(f"  input ({x1:.0f}, {x2:.0f}): output {a:.4f}, should be above 0.99")
        if target == 0 and not a < 0.01:
            wrong.append(f"  input ({x1:.0f}, {x2:.0f}): output {a:.4f}, should be below 0.01")
    if wrong:
        return Result(False, f"{FAILED} confident_and: not yet - {len(wrong)} of 4 answers are "
                             "not confident enough (or are wrong):\n" + "\n".join(wrong))
    return Result(True, f"{PASSED} confident_and: all four answers right and confident "
                        f"(outputs {show(outputs)}). Well done!")


def _train_step(X, y, w, b, lr):
    """Exercise 4.3's reference answer: one epoch of the notebook's hand loop, with log loss."""
    a = sigmoid(X @ w + b)                                    # (n,)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))  # before the update
    dz = (a - y) / len(y)                                     # (n,)
    return w - lr * (X.T @ dz), b - lr * dz.sum(), loss


# typical wrong answers to exercise 4.3
def _half_mse_slope(X, y, w, b, lr):
    a = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    dz = (a - y) * a * (1 - a) / len(y)  # half MSE's dL/dz, not log loss's
    return w - lr * (X.T @ dz), b - lr * dz.sum(), loss


# without the 1/n every step is n times too big; an uphill step is a step of -lr
def _slope_without_the_n(X, y, w, b, lr): return _train_step(X, y, w, b, len(y) * lr)
def _uphill_update(X, y, w, b, lr): return _train_step(X, y, w, b, -lr)


def _loss_after_update(X, y, w, b, lr):
    w, b, _ = _train_step(X, y, w, b, lr)
    a = sigmoid(X @ w + b)
    return w, b, -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))


STEP_MISTAKES = {
    _half_mse_slope: "that gradient keeps the sigmoid's slope a(1 - a), as half MSE would; with log "
                     "loss dL/dz is simply (a - y) / n.",
    _slope_without_the_n: "divide dL/dz by n: the loss is the mean over the examples.",
    _uphill_update: "the update went uphill: subtract lr times the gradient.",
    _loss_after_update: "record the loss of the forward pass, before the update."}


def _cases():
    rng = np.random.default_rng(402)
    X5 = rng.normal(size=(5, 2)).round(2)
    w17, b17 = _start()
    return [(GATE_X, AND_Y, w17, b17, 1.0), (GATE_X, OR_Y, np.zeros(2), 0.0, 0.5),
            (X5, np.array([1.0, 0.0, 0.0, 1.0, 1.0]), np.array([0.5, -0.3]), 0.1, 2.0)]


@check
def train_step(fn):
    """Check exercise 4.3: train_step(X, y, w, b, lr) -> (w, b, loss), one epoch with log loss."""
    return run_cases("train_step", fn,
                     build_cases(_train_step, _cases(), STEP_MISTAKES.items(), names=("w", "b", "loss")),
                     ["X", "y", "w", "b", "lr"], hint="forward, loss, dz = (a - y) / n, dw and db, update")


def _train_neuron(X, y, w, b, lr, epochs):
    """Exercise 4.4's reference answer: exercise 4.3's step, once per epoch."""
    losses = []
    for _ in range(epochs):
        w, b, loss = _train_step(X, y, w, b, lr)
        losses.append(loss)
    return w, b, np.array(losses)


# typical wrong answers to exercise 4.4: the right loop around a wrong step, or one loss too many
def _looping(step):
    """The train_neuron a learner writes around their own train_step, here step."""
    def train_neuron(X, y, w, b, lr, epochs):
        losses = []
        for _ in range(epochs):
            w, b, loss = step(X, y, w, b, lr)
            losses.append(loss)
        return w, b, np.array(losses)
    return train_neuron


def _one_loss_too_many(X, y, w, b, lr, epochs):
    w, b, losses = _train_neuron(X, y, w, b, lr, epochs)
    return w, b, np.append(losses, _train_step(X, y, w, b, lr)[2])


@check
def train_neuron(fn):
    """Check exercise 4.4: train_neuron(X, y, w, b, lr, epochs) -> (w, b, losses); learns AND."""
    mistakes = [(_looping(step), STEP_MISTAKES[step])
                for step in (_half_mse_slope, _slope_without_the_n, _uphill_update)]
    mistakes += [(_looping(_loss_after_update), "record each epoch's loss before its update, so "
                                                "losses[0] is the loss at the start."),
                 (_one_loss_too_many, "keep one loss per epoch (epochs values).")]
    inputs = [args + (epochs,) for args, epochs in zip(_cases(), [3, 2, 4])]
    result = run_cases("train_neuron", fn,
                       build_cases(_train_neuron, inputs, mistakes, names=("w", "b", "losses")),
                       ["X", "y", "w", "b", "lr", "epochs"],
                       hint="call train_step once per epoch and keep its losses")
    if not result:
        return result
    return _learns_and(fn, len(inputs))


def _learns_and(fn, n_cases):
    """The notebook's reference run: nnlib's Neuron learns AND from seed 17's start, lr 1, 200 epochs."""
    w0, b0 = _start()
    reference = Neuron(2, activation="sigmoid", rng=SEED).fit(GATE_X, AND_Y, lr=1.0, epochs=200,
                                                              loss="log_loss")
    run, _, failed = attempt("train_neuron", fn, (GATE_X, AND_Y, w0, b0, 1.0, 200))
    if failed is not None:
        return Result(False, failed.message.replace("calling it raised", "the 200-epoch run on AND raised", 1))
    w = b = losses = None  # the small cases passed, so run is (w, b, losses) - unless fn now differs
    if isinstance(run, (tuple, list)) and len(run) == 3:
        try:
            w, b, losses = (numbers(v) for v in run)
        except NotNumbers:
            pass
    shaped = w is not None and w.shape == (2,) and b.shape == ()
    with np.errstate(all="ignore"):
        right = int(np.sum((_sigmoid(GATE_X @ w + b) > 0.5) == AND_Y)) if shaped else 0
    if right < 4 or not (close(w, reference.w) and close(b, reference.b)):
        return Result(False, f"{FAILED} train_neuron: the small cases pass, but 200 epochs on AND "
                             f"from the notebook's start (lr = 1) end at w = {show(w)}, "
                             f"b = {show(b)} with {right} of 4 answers right; the notebook's run "
                             f"ends at w = {show(reference.w)}, b = {show(reference.b)}.")
    last = f", last recorded loss {losses[-1]:.4f}" if losses.ndim == 1 and len(losses) else ""
    return Result(True, f"{PASSED} train_neuron: correct on all {n_cases} test cases, and from "
                        f"the notebook's start it learns AND: 4 of 4 right after 200 epochs{last}. Well done!")
