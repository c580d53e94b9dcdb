"""Checks and concept questions for notebook 02 (the loss curve)."""
import numpy as np

from ._concepts import Question
from ._core import run_cases

__all__ = ["mse", "half_mse", "half_mse_grad", "log_loss", "line_gradients"]


def _prediction_cases(seed, first=(np.array([2.5, 0.0, 2.0]), np.array([3.0, -0.5, 2.0]))):
    """Small (y_pred, y) pairs: first (section 1's example), a seeded one, a single example."""
    rng = np.random.default_rng(seed)  # fixed seed: the same cases every run
    return [first,
            (rng.normal(size=5).round(2), rng.normal(size=5).round(2)),
            (np.array([3.0]), np.array([1.0]))]


def mse(fn):
    """Check exercise 2.1: mse(y_pred, y) -> mean((y_pred - y)**2)."""
    cases = []
    for y_pred, y in _prediction_cases(201):
        err = y_pred - y
        cases.append(((y_pred, y), np.mean(err ** 2),
                      [(np.sum(err ** 2), "that is the sum of the squared errors; the MSE takes "
                                          "their *mean*."),
                       (np.mean(err) ** 2, "square each error first, then average: the mean of "
                                           "the squares, not the square of the mean."),
                       (np.mean(np.abs(err)), "the errors' sizes are averaged, but each error "
                                              "should be squared."),
                       (np.sqrt(np.mean(err ** 2)), "that is the *root* mean squared error; leave "
                                                    "out the square root.")]))
    return run_cases("mse", fn, cases, ["y_pred", "y"],
                     hint="the errors are y_pred - y; square them, then take the mean")


def half_mse(fn):
    """Check exercise 2.2: half_mse(y_pred, y) -> mean((y_pred - y)**2) / 2."""
    cases = []
    # not section 1's example first: there mean(|error|) / 2 happens to equal the full MSE
    for y_pred, y in _prediction_cases(202, (np.array([1.0, 2.0, 4.0]), np.array([1.0, 1.0, 1.0]))):
        err = y_pred - y
        cases.append(((y_pred, y), np.mean(err ** 2) / 2,
                      [(np.mean(err ** 2), "that is the full MSE: the half-MSE halves it."),
                       (np.sum(err ** 2) / 2, "that is a sum; the loss is the *mean* over the batch."),
                       (np.mean(np.abs(err)) / 2, "square the errors rather than taking their size.")]))
    return run_cases("half_mse", fn, cases, ["y_pred", "y"],
                     hint="square each error, halve it, then take the mean")


def half_mse_grad(fn):
    """Check exercise 2.3: half_mse_grad(y_pred, y) -> (y_pred - y) / n, shape (n,)."""
    cases = []
    for y_pred, y in _prediction_cases(203):
        err, n = y_pred - y, len(y)
        cases.append(((y_pred, y), err / n,
                      [(err, "the slope of a *mean* carries a 1/n: divide by the number of "
                             "examples."),
                       (2 * err / n, "that is the slope of the full MSE; in the half-MSE the ½ "
                                     "cancels the 2."),
                       (-err / n, "the sign is flipped: the slope is positive where y_pred is "
                                  "too big."),
                       (np.mean(err), "that is one number; the gradient has one slope per "
                                      "prediction, shape (n,).")]))
    return run_cases("half_mse_grad", fn, cases, ["y_pred", "y"],
                     hint="one slope per prediction: its error, divided by the number of examples")


def log_loss(fn):
    """Check exercise 2.4: log_loss(p, y) -> -mean(y log p + (1 - y) log(1 - p))."""
    rng = np.random.default_rng(204)
    cases = []
    for p, y in [(np.array([0.9, 0.2, 0.6, 0.4]), np.array([1.0, 0.0, 1.0, 0.0])),  # as in section 1
                 (rng.uniform(0.05, 0.95, 5).round(2), np.array([1.0, 1.0, 0.0, 1.0, 0.0])),
                 (np.array([0.25]), np.array([0.0]))]:
        yes, no = y * np.log(p), (1 - y) * np.log(1 - p)
        cases.append(((p, y), -np.mean(yes + no),
                      [(-np.sum(yes + no), "that is a sum; the log loss is the *mean* over the "
                                           "examples."),
                       (-np.mean(yes), "only the 'yes' examples are charged; a 'no' example costs "
                                       "-log(1 - p)."),
                       (-np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)),
                        "p is the probability of *yes*: a 'yes' example costs -log p, a 'no' "
                        "example -log(1 - p)."),
                       (np.mean(yes + no), "the logs of probabilities are negative: the loss "
                                           "needs a minus sign in front.")]))
    return run_cases("log_loss", fn, cases, ["p", "y"],
                     hint="each example costs -log(p) if y is 1 and -log(1 - p) if y is 0; average them")


def line_gradients(fn):
    """Check exercise 2.5: line_gradients(x, y, w, b) -> (dw, db) of the half-MSE of w*x + b."""
    rng = np.random.default_rng(205)
    legacy = np.random.RandomState(42)  # the y = 2x + 1 run's start, as in section 3
    x0 = legacy.rand(2, 1)[:, 0]
    w0, b0 = legacy.randn(), legacy.randn()
    x1 = rng.uniform(-2, 2, 4).round(2)
    cases = []
    # four points first: with two, a sum is exactly twice a mean and two mistakes look alike
    for x, y, w, b in [(x1, 2 * x1 + 1 + rng.normal(0, 0.1, 4).round(2), -1.0, 0.5),
                       (x0, 2 * x0 + 1, w0, b0),
                       (np.array([2.0]), np.array([1.0]), 1.0, 0.0)]:
        err = w * x + b - y
        dw, db = np.mean(err * x), np.mean(err)
        cases.append(((x, y, w, b), {"dw": dw, "db": db},
                      [({"dw": np.sum(err * x), "db": np.sum(err)},
                        "that is a sum over the examples; the slopes of a mean loss are means."),
                       ({"dw": db}, "each error's share in dw is multiplied by its own input x."),
                       ({"dw": 2 * dw, "db": 2 * db}, "that is the full MSE's slope; the half-MSE's "
                                                      "½ cancels the 2."),
                       ({"dw": -dw, "db": -db}, "the sign is flipped: take the error as "
                                                "y_pred - y.")]))
    return run_cases("line_gradients", fn, cases, ["x", "y", "w", "b"],
                     hint="the error is w*x + b - y; dw averages error * x, db averages the error")


QUESTIONS = {q.key: q for q in [
    Question("02-why-half", "Why do we often use the half-MSE instead of the MSE?",
             ["It is always smaller, so training is faster",
              "Its slope is the plain error (ŷ - y)/n, without a stray factor 2",
              "Its lowest point is at better weights than the MSE's",
              "It punishes big errors less, compared with small ones, than the MSE"], answer=1,
             explain="the ½ cancels the 2 that the derivative of the square brings down; the "
                     "best weights are the same for both losses.",
             nudges={0: "halving a loss changes its size, but does it change which weights are best?",
                     2: "if one loss is always half the other, where are their lowest points?",
                     3: "both square the errors; does halving change how big errors compare "
                        "to small ones?"}),
    Question("02-lr-factor", "In the 'output 5' loop one correction multiplies the error by "
                             "1 - lr·(x₁² + x₂² + 1) = 1 - 6·lr. With lr = 0.2 instead of 0.1, "
                             "what happens to the error at each step?",
             ["It is multiplied by 0.8, so it shrinks more slowly",
              "It is multiplied by 0.16, the square of 0.4",
              "It is multiplied by -0.2: it flips sign and shrinks faster",
              "It grows, because the steps are too big"], answer=2,
             explain="1 - 6·0.2 = -0.2: each correction overshoots 5 and lands on the other side, "
                     "with an error five times smaller than before.",
             nudges={0: "put lr = 0.2 into 1 - 6·lr and work it out carefully.",
                     1: "the factor comes from the formula 1 - 6·lr, not from squaring the old one.",
                     3: "the error grows only when the factor is bigger than 1 in size; "
                        "is it here?"}),
    Question("02-slope-direction", "At the start of the y = 2x + 1 run the chain rule gives "
                                   "dC/dw ≈ -0.36. Which way does the next correction move w?",
             ["Up, against the slope",
              "Down, because the slope is negative",
              "It does not move, because the slope is small",
              "It depends on b, so we cannot tell"], answer=0,
             explain="the correction subtracts lr times the slope, and subtracting a negative "
                     "number makes w bigger: uphill is towards smaller w, so w goes up.",
             nudges={1: "the correction goes *against* the slope; which way is against a "
                        "negative slope?",
                     2: "a small slope makes a small step, but is it zero?",
                     3: "b is already inside the slope's value; the sign of dC/dw alone decides."}),
]}
