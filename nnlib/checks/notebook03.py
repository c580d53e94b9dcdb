"""Checks and concept questions for notebook 03 (gradient descent and the learning rate)."""
import numpy as np

from ._concepts import Question
from ._core import run_cases

__all__ = ["gd_step", "descend", "stable_rate_limit", "fit_line"]


class _Slope:
    """A gradient function that prints as its formula (a check shows its inputs to the learner)."""

    def __init__(self, formula, fn):
        self.formula, self.fn = formula, fn

    def __call__(self, w):
        return self.fn(w)

    def __repr__(self):
        return f"the slope dL/dw = {self.formula}"


def gd_step(fn):
    """Check exercise 3.1: gd_step(w, grad, lr) -> w - lr * grad."""
    rng = np.random.default_rng(301)
    cases = []
    for w, grad, lr in [(2.0, 6.0, 0.1), (np.array([1.0, -2.0]), np.array([0.5, -1.0]), 0.5),
                        (rng.normal(size=3).round(2), rng.normal(size=3).round(2), 0.3)]:
        cases.append(((np.copy(w), np.copy(grad), lr), w - lr * grad,
                      [(w + lr * grad, "that step goes uphill: move *against* the gradient."),
                       (w - grad, "the learning rate is missing: it scales the gradient."),
                       (-lr * grad, "that is only the step itself; add it to the current w.")]))
    return run_cases("gd_step", fn, cases, ["w", "grad", "lr"], hint="one subtraction")


def _descend(grad, w0, lr, steps):
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - lr * grad(path[-1]))
    return np.array(path)


def descend(fn):
    """Check exercise 3.2: descend(grad, w0, lr, steps) -> the steps + 1 positions visited."""
    bowl = _Slope("3 * w", lambda w: 3 * w)
    shifted = _Slope("2 * (w - 1)", lambda w: 2 * (w - 1))
    cases = []
    for grad, w0, lr, steps in [(bowl, 2.0, 0.1, 5), (shifted, -1.0, 0.25, 4), (bowl, 2.0, 0.75, 3)]:
        right = _descend(grad, w0, lr, steps)
        cases.append(((grad, w0, lr, steps), right,
                      [(right[1:], "the list should start with w0 itself: steps + 1 positions."),
                       (right[-1], "return every position visited, not only the last one."),
                       (_descend(lambda w: -grad(w), w0, lr, steps),
                        "the ball climbs: each step must go *against* the gradient."),
                       (w0 - lr * grad(w0) * np.arange(steps + 1),
                        "call grad at the *current* position on every step, not once at w0.")]))
    return run_cases("descend", fn, cases, ["grad", "w0", "lr", "steps"],
                     hint="start a list with w0, append one gd step per loop")


def stable_rate_limit(fn):
    """Check exercise 3.3: stable_rate_limit(curvatures) -> 2 / max(curvatures)."""
    cases = []
    for curvatures in [np.array([3.0]), np.array([1.47, 0.06]), np.array([0.5, 4.0, 2.0])]:
        steep, flat = curvatures.max(), curvatures.min()
        cases.append(((curvatures,), 2 / steep,
                      [(2 / flat, "that is the limit of the flattest direction; a steeper one "
                                  "diverges long before it."),
                       (1 / steep, "below that rate the ball never overshoots, but shrinking "
                                   "bounces still settle: look for where the bounces stop shrinking."),
                       (2 * steep, "lr × curvature must stay below 2: divide rather than multiply.")]))
    return run_cases("stable_rate_limit", fn, cases, ["curvatures"],
                     hint="the steepest direction sets the limit")


def _fit_line(x, y, w, b, lr, epochs, mistake=None):
    """The reference loop of notebook 02, or one of its typical mistakes."""
    losses = []
    for _ in range(epochs):
        error = w * x + b - y  # (n,)
        scale = 2 if mistake == "mse" else 1
        if mistake != "after":
            losses.append(scale * np.mean(error ** 2) / 2)
        mean = np.sum if mistake == "sum" else np.mean
        dw = scale * mean(error if mistake == "no x" else error * x)
        w = w - lr * dw
        if mistake == "stale":  # b's slope from an error recomputed with the new w
            error = w * x + b - y
        b = b - lr * scale * mean(error)
        if mistake == "after":
            losses.append(np.mean((w * x + b - y) ** 2) / 2)
    if mistake == "extra":  # the loss after the last update as well
        losses.append(np.mean((w * x + b - y) ** 2) / 2)
    return {"w": w, "b": b, "losses": np.array(losses)}


def fit_line(fn):
    """Check exercise 3.4: fit_line(x, y, w, b, lr, epochs) -> (w, b, losses), half-MSE descent."""
    legacy = np.random.RandomState(42)  # the published start of notebooks 02 and 03
    x0 = legacy.rand(2, 1)[:, 0]
    w0, b0 = legacy.randn(), legacy.randn()
    why = {"after": "record each epoch's loss *before* its update, so losses[0] is the loss at "
                    "the start.",
           "mse": "that is descent on the full MSE; use the half-MSE, whose slopes are "
                  "mean(error * x) and mean(error).",
           "sum": "average the slopes over the examples (np.mean), rather than summing them.",
           "no x": "the slope along w is mean(error * x): each error is weighted by its input.",
           "stale": "compute both slopes from the same error, before you change w.",
           "extra": "keep one loss per epoch (epochs values), each measured before that "
                    "epoch's update."}
    cases = []
    # three examples first: with two, summing the slopes would look like the full MSE's factor 2
    for x, y, w, b, lr, epochs in [(np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), 0.0, 0.0,
                                    0.1, 3),
                                   (x0, 2 * x0 + 1, w0, b0, 0.1, 4),
                                   (np.array([1.0, 2.0]), np.array([3.0, 5.0]), 0.5, -0.5, 0.5, 1)]:
        args = (x, y, w, b, lr, epochs)
        cases.append((args, _fit_line(*args),
                      [(_fit_line(*args, mistake=m), text) for m, text in why.items()]))
    return run_cases("fit_line", fn, cases, ["x", "y", "w", "b", "lr", "epochs"],
                     hint="the loop of notebook 02, section 3, with a list for the losses")


QUESTIONS = {q.key: q for q in [
    Question("03-one-step",
             "A bowl has curvature 4, so dL/dw = 4w. You start at w = 1 with lr = 0.4. "
             "Where is w after one step?",
             ["0.6", "1.6", "0", "-0.6"], answer=3,
             explain="w ← w - lr · 4w = (1 - 1.6) · 1 = -0.6: lr × curvature is 1.6, between 1 "
                     "and 2, so the ball jumps across the minimum and lands closer on the other side.",
             nudges={0: "work out the factor 1 - lr × curvature first; is it positive?",
                     1: "that step went uphill: gradient descent subtracts lr · dL/dw.",
                     2: "landing exactly on the minimum needs lr × curvature = 1; here it is 1.6."}),
    Question("03-log-axis",
             "After the first few epochs the loss on a log axis is a straight line going down. "
             "What does that tell you?",
             ["Each epoch removes the same amount of loss",
              "Each epoch removes the same fraction of the loss that is left",
              "Training has stopped making progress",
              "The learning rate is too high"], answer=1,
             explain="equal steps on a log axis are equal ratios, so every epoch multiplies the "
                     "loss by the same factor below 1: fast progress early, tiny amounts later.",
             nudges={0: "a steady drop by the same amount would be a straight line on an "
                        "ordinary axis; what do equal steps mean on a log axis?",
                     2: "the line keeps going down: look at the numbers on the axis.",
                     3: "a rate that is too high shows as a loss that jumps or rises."}),
    Question("03-steep-direction",
             "In the long, narrow (w, b) valley, what decides the largest learning rate that "
             "does not diverge?",
             ["The steep direction across the valley",
              "The flat direction along the valley floor",
              "The starting point",
              "The number of epochs"], answer=0,
             explain="each direction needs lr × curvature below 2, so the steepest one (about "
                     "1.47) sets the limit: lr below about 1.36.",
             nudges={1: "the flat direction makes small rates crawl; which direction blows up "
                        "first as lr grows?",
                     2: "the start changes where the path goes, not whether each step shrinks "
                        "or grows the distance to the minimum.",
                     3: "more epochs cannot rescue steps that grow every time."}),
]}
