"""Checks and concept questions for notebook 04 (a neuron learns the AND gate)."""
import numpy as np

from ..activations import sigmoid  # overflow-safe, even for a learner's huge weights
from ..datasets import logic_gate
from ._concepts import Question
from ._core import FAILED, PASSED, Result, close, gate_weights, run_cases, show

__all__ = ["predict_gate", "confident_and", "train_step", "train_neuron"]

GATE_X, AND_Y = logic_gate("and")  # (4, 2) truth table inputs, (4,) answers
OR_Y = logic_gate("or")[1]
SEED = 17  # the notebook's random start


def _start():
    rng = np.random.default_rng(SEED)  # drawn in the notebook's order: w, then b
    return rng.standard_normal(2), rng.standard_normal()


def predict_gate(fn):
    """Check exercise 4.1: predict_gate(X, w, b) -> labels 0/1, 1 where sigmoid(X @ w + b) > 0.5."""
    rng = np.random.default_rng(401)
    w17, b17 = _start()
    X5 = rng.normal(size=(5, 2)).round(2)
    cases = []
    for X, w, b in [(GATE_X, np.array([4.32, 4.32]), -6.67), (GATE_X, w17.round(2), round(b17, 2)),
                    (X5, np.array([1.5, -0.5]), 0.25)]:
        z = X @ w + b  # no case has z = 0, so > and >= agree
        labels = (z > 0).astype(float)
        cases.append(((X, w, b), labels,
                      [(sigmoid(z), "those are the outputs a; turn each into a label, 1 for "
                                     "yes and 0 for no."),
                       (1 - labels, "yes and no are swapped: the neuron says yes where a > 0.5."),
                       ((X @ w > 0).astype(float), "the bias b is missing from z.")]))
    return run_cases("predict_gate", fn, cases, ["X", "w", "b"], hint="z > 0 exactly when a > 0.5")


def confident_and(fn):
    """Check exercise 4.2: confident_and() -> (w1, w2, b) with outputs < 0.01 for no, > 0.99 for yes."""
    weights, problem = gate_weights("confident_and", fn,
                                    "how negative must z be for sigmoid(z) < 0.01?")
    if problem is not None:  # a Result that failed (its bool is False)
        return problem
    w1, w2, b = weights
    outputs = sigmoid(GATE_X @ np.array([w1, w2]) + b)
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


def _epoch(X, y, w, b, lr, mistake=None):
    """One epoch of the notebook's hand loop (log loss), or one of its typical mistakes."""
    a = sigmoid(X @ w + b)                                   # (n,)
    loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))  # before the update
    dz = a - y if mistake == "sum" else (a - y) / len(y)      # (n,)
    if mistake == "mse":
        dz = dz * a * (1 - a)
    step = -lr if mistake == "uphill" else lr
    w, b = w - step * (X.T @ dz), b - step * dz.sum()
    if mistake == "after":
        a = sigmoid(X @ w + b)
        loss = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return w, b, loss


def _cases():
    rng = np.random.default_rng(402)
    X5 = rng.normal(size=(5, 2)).round(2)
    w17, b17 = _start()
    return [(GATE_X, AND_Y, w17, b17, 1.0), (GATE_X, OR_Y, np.zeros(2), 0.0, 0.5),
            (X5, np.array([1.0, 0.0, 0.0, 1.0, 1.0]), np.array([0.5, -0.3]), 0.1, 2.0)]


STEP_MISTAKES = {
    "mse": "that gradient keeps the sigmoid's slope a(1 - a), as half MSE would; with log loss "
           "dL/dz is simply (a - y) / n.",
    "sum": "divide dL/dz by n: the loss is the mean over the examples.",
    "uphill": "the update went uphill: subtract lr times the gradient.",
    "after": "record the loss of the forward pass, before the update."}


def train_step(fn):
    """Check exercise 4.3: train_step(X, y, w, b, lr) -> (w, b, loss), one epoch with log loss."""
    cases = []
    for X, y, w, b, lr in _cases():
        args = (X, y, w, b, lr)
        names = ("w", "b", "loss")
        cases.append((args, dict(zip(names, _epoch(*args))),
                      [(dict(zip(names, _epoch(*args, m))), why) for m, why in STEP_MISTAKES.items()]))
    return run_cases("train_step", fn, cases, ["X", "y", "w", "b", "lr"],
                     hint="forward, loss, dz = (a - y) / n, dw and db, update")


def _train(X, y, w, b, lr, epochs, mistake=None):
    losses = []
    for _ in range(epochs):
        w, b, loss = _epoch(X, y, w, b, lr, mistake)
        losses.append(loss)
    if mistake == "extra":
        losses.append(_epoch(X, y, w, b, lr)[2])
    return {"w": w, "b": b, "losses": np.array(losses)}


def train_neuron(fn):
    """Check exercise 4.4: train_neuron(X, y, w, b, lr, epochs) -> (w, b, losses); learns AND."""
    mistakes = dict(STEP_MISTAKES, after="record each epoch's loss before its update, so "
                                         "losses[0] is the loss at the start.",
                    extra="keep one loss per epoch (epochs values).")
    cases = []
    for (X, y, w, b, lr), epochs in zip(_cases(), [3, 2, 4]):
        args = (X, y, w, b, lr, epochs)
        cases.append((args, _train(*args),
                      [(_train(*args, mistake=m), why) for m, why in mistakes.items()]))
    result = run_cases("train_neuron", fn, cases, ["X", "y", "w", "b", "lr", "epochs"],
                       hint="call train_step once per epoch and keep its losses")
    if not result:
        return result
    return _learns_and(fn, len(cases))


def _learns_and(fn, n_cases):
    """The notebook's reference run: AND from seed 17's start, lr 1, 200 epochs."""
    w0, b0 = _start()
    reference = _train(GATE_X, AND_Y, w0, b0, 1.0, 200)
    try:
        w, b, losses = fn(GATE_X.copy(), AND_Y.copy(), w0.copy(), b0, 1.0, 200)
    except Exception as error:  # noqa: BLE001 - report, never raise, in front of a room
        return Result(False, f"{FAILED} train_neuron: the 200-epoch run on AND raised "
                             f"{type(error).__name__}: {error}")
    right = int(np.sum((sigmoid(GATE_X @ np.asarray(w, float) + b) > 0.5) == AND_Y))
    if right < 4 or not (close(w, reference["w"]) and close(b, reference["b"])):
        return Result(False, f"{FAILED} train_neuron: the small cases pass, but 200 epochs on AND "
                             f"from the notebook's start (lr = 1) end at w = {show(w)}, "
                             f"b = {show(b)} with {right} of 4 answers right; the notebook's run "
                             f"ends at w = {show(reference['w'])}, b = {show(reference['b'])}.")
    return Result(True, f"{PASSED} train_neuron: correct on all {n_cases} test cases, and from "
                        f"the notebook's start it learns AND: 4 of 4 right after 200 epochs, "
                        f"last recorded loss {losses[-1]:.4f}. Well done!")


QUESTIONS = {q.key: q for q in [
    Question("04-push",
             "Mid-training, the neuron outputs a = 0.9 for the input (1, 0), whose right answer "
             "is 0. With log loss over the n = 4 AND examples, what is ∂L/∂z for that example?",
             ["-0.225", "0.9", "0.225", "0.02"], answer=2,
             explain="∂L/∂z = (a - y) / n = (0.9 - 0) / 4 = 0.225; it is positive, so the update "
                     "lowers z for this input and pushes its answer towards no.",
             nudges={0: "compare a with y: is the output too high or too low? The sign of "
                        "(a - y) says which.",
                     1: "the loss is a mean over the four examples: something is still to be "
                        "divided.",
                     3: "that keeps the sigmoid's slope a(1 - a), as half MSE would; with log "
                        "loss that factor cancels."}),
    Question("04-or-bias",
             "The trained AND neuron has w₁ = w₂ ≈ 4.3 and b ≈ -6.7. Which single change turns "
             "it into an OR neuron?",
             ["Make both weights negative", "Make b positive, about +6.7",
              "Make both weights smaller, about 2 each", "Make b less negative, about -2"], answer=3,
             explain="with b ≈ -2 the input (0, 0) still gives z < 0 (no), but one input alone "
                     "gives z ≈ 4.3 - 2 > 0 (yes): one input is now enough.",
             nudges={0: "work out z for (1, 1) with negative weights and a negative bias.",
                     1: "what would the neuron answer for (0, 0), where z = b?",
                     2: "with smaller weights, can even both inputs together lift z above zero?"}),
    Question("04-xor",
             "Why does a single neuron never learn XOR, however long it trains?",
             ["Its learning rate is too small",
              "Its yes-region is one side of a straight line, and no line puts XOR's two "
              "yes-examples on one side and its two no-examples on the other",
              "Log loss cannot be used for XOR",
              "XOR has too few examples to learn from"], answer=1,
             explain="a side of a line holding both yes-examples holds their midpoint (0.5, 0.5); "
                     "but that is also the no-examples' midpoint, so it would have to be on the "
                     "no side too.",
             nudges={0: "a bigger or smaller rate changes the route, not where the route can end.",
                     2: "the same loss learns AND, OR and NAND from four examples just as well.",
                     3: "AND has exactly as many examples, and the neuron learns it."}),
]}
