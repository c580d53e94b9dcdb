"""Try nnlib's public API and its exercise checks the way learners do - with typos, half-finished
answers and edge cases - and count what happens, by kind of input. It prints; it asserts nothing.

    python benchmarks/bad_input.py                 # the nnlib beside this script (or on PYTHONPATH)
    python benchmarks/bad_input.py --show          # also list every call that was not handled well
    python -W error::RuntimeWarning benchmarks/bad_input.py   # a RuntimeWarning then counts as raw
    PYTHONPATH=/path/to/other/checkout python benchmarks/bad_input.py   # another copy, e.g. git HEAD

Outcomes of a bad call:  clear   a TypeError/ValueError that names the argument, in plain words
                         unclear a TypeError/ValueError that does not name it, or speaks numpy
                         raw     any other exception (AttributeError, numpy's AxisError, ...)
                         silent  no error: a result (NaN, a warning, or a wrong answer accepted)
                         hang    still running after HANG seconds (stopped by SIGALRM)
Valid edge cases (one sample, float32, lists...) should give: works (no warning, finite result).
A check on a learner's function should give a verdict (a Result that did not pass); a pass of a
wrong answer counts as silent. Checks run with RuntimeWarnings as errors, as pytest runs them.
"""
import re
import signal
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH: another copy can win
import nnlib  # noqa: E402
from nnlib import checks  # noqa: E402
from nnlib.descent import Bowl, line_descent, line_grad, line_loss, loss_grid  # noqa: E402
from nnlib.metrics import confusion_matrix  # noqa: E402

HANG = 3.0  # seconds
NUMPY_WORDS = re.compile(r"ufunc|could not convert|inhomogeneous|SeedSequence|ndarray|dtype\(|"
                         r"broadcast|float\(\) argument|int\(\) argument|NoneType|has no attribute|"
                         r"values to unpack|truth value|object of type|not supported between|"
                         r"unhashable|out of bounds|AxisError|axis \d|numpy\.|setting an array element")


class Hung(BaseException):
    """Raised by SIGALRM in a call that ran past HANG seconds (a BaseException, so no check catches it)."""


def _on_alarm(signum, frame):
    raise Hung


SHOW = "--show" in sys.argv
STRICT = any(option.startswith("error::RuntimeWarning") for option in sys.warnoptions)
GOOD = ("clear", "verdict", "works")


def outcome(thunk, arg=None, valid=False, accept=None, label=""):
    """Run thunk() and name what happened (see the module docstring); with --show, print the bad ones."""
    kind, said = _outcome(thunk, arg, valid, accept)
    if SHOW and kind not in GOOD:
        print(f"{kind:8} {label}: {said}"[:300])
    return kind


def _outcome(thunk, arg, valid, accept):
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG)
    try:
        with warnings.catch_warnings(record=True) as caught:  # numpy's own error settings, as a learner has
            warnings.simplefilter("always")
            if STRICT:
                warnings.simplefilter("error", RuntimeWarning)
            result = thunk()
        warned = any(issubclass(w.category, RuntimeWarning) for w in caught)
    except Hung:
        return "hang", ""
    except (TypeError, ValueError) as error:
        said = f"{type(error).__name__}: {error}"
        if valid:
            return "wrongly rejected", said
        names = arg is None or re.search(rf"(?<![\w.]){re.escape(arg)}(?!\w)", str(error))
        return ("clear" if names and not NUMPY_WORDS.search(str(error)) else "unclear"), said
    except (Exception, SystemExit) as error:  # noqa: BLE001 - that is what is being counted
        return ("raw" if not valid else "wrongly rejected"), f"{type(error).__name__}: {error}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    said = f"returned {type(result).__name__}" + (" with a RuntimeWarning" if warned else "")
    if accept is not None:
        return ("works" if accept(result) and not warned else "silent"), said
    if valid:
        return ("works" if not warned and _finite(result) else "silent"), said
    return "silent", said


def _finite(result):
    try:
        parts = result if isinstance(result, tuple) else (result,)
        return all(np.all(np.isfinite(np.asarray(p, dtype=float))) for p in parts if not hasattr(p, "__dict__"))
    except (TypeError, ValueError):
        return True


# -- bad values, by kind ------------------------------------------------------------------------

def gen():
    return (v for v in [1.0, 2.0])


NUMBER = {"None": None, "text": "0.1", "bool": True, "complex": 1 + 2j, "list": [0.1],
          "array": np.array([0.1, 0.2]), "nan/inf": float("nan"), "inf": float("inf"),
          "huge int": 10 ** 400, "other": {}}
POSITIVE = {**NUMBER, "negative": -1.0, "zero": 0}
FRACTION = {**NUMBER, "zero": 0, "one": 1, "negative": -0.5, "above 1": 1.5, "tiny": 0.001}
COUNT = {"None": None, "text": "10", "bool": True, "fraction": 2.5, "negative": -1, "zero": 0,
         "list": [3], "complex": 1 + 0j, "nan/inf": float("nan"), "huge int": 10 ** 400}
STEPS = {**COUNT, "too many": 10 ** 12}
RNG = {"text": "abc", "fraction": 1.5, "negative": -1, "bool": True, "list": [1, 2],
       "RandomState": np.random.RandomState(0), "other": {}, "complex": 1 + 1j}
CHOICE = {"None": None, "number": 3, "unknown name": "nope", "bool": True, "list": ["sigmoid"], "empty": ""}
FLAG = {"text": "yes", "number": 1, "None": None, "fraction": 0.5}


def arrays(valid, shape_matters=True, empty_ok=False, length_matters=True):
    """Bad arrays shaped like the valid one: of the wrong kind, not finite, and of the wrong shape."""
    v = np.asarray(valid, dtype=float)
    bad = {"None": None, "text": "abc", "text array": v.astype(str), "ragged": [[1.0, 2.0], [3.0]],
           "nan/inf": np.full_like(v, np.nan), "inf": np.full_like(v, np.inf), "complex": v + 1j,
           "objects": np.array([None] * v.size, dtype=object).reshape(v.shape), "huge int": [10 ** 400],
           "other": {"a": 1}, "generator": gen()}
    if not empty_ok:
        bad["empty"] = np.zeros((0,) + v.shape[1:])
    if shape_matters:
        bad["shape"] = v[..., None]
    if shape_matters and length_matters:
        bad["length"] = v[:-1] if len(v) > 1 else np.concatenate([v, v])
    return bad


def label_values(valid, n_classes, length_matters=True):
    return {**arrays(valid, length_matters=length_matters), "negative": [-1] + list(valid)[1:], "too big": [n_classes] + list(valid)[1:],
            "fraction": [0.5] + list(valid)[1:]}


def callables(returns_shape=()):
    return {"None": None, "number": 3, "text": "f", "returns text": lambda *a: "abc",
            "returns None": lambda *a: None, "returns complex": lambda *a: 1j,
            "returns wrong shape": lambda *a: np.ones(returns_shape + (3,)), "returns generator": lambda *a: gen()}


# -- the public API: (label, function, valid arguments, {argument: its bad values}) ---------------

def without(values, *kinds):
    """values less those kinds, which are valid for this argument."""
    return {kind: v for kind, v in values.items() if kind not in kinds}


X4, y4, Xi, yi = *nnlib.logic_gate("and"), *nnlib.load_iris()
ANY_ROWS = arrays(X4, length_matters=False)  # for an X of any number of samples
TARGETS = []
for f in (nnlib.step, nnlib.sigmoid, nnlib.tanh, nnlib.relu):
    TARGETS.append((f.__name__, lambda z, f=f: f(z), {"z": np.array([-1.0, 0.0, 2.0])},
                    {"z": arrays([-1.0, 0.0, 2.0], shape_matters=False, empty_ok=True)}))
for cls in (nnlib.Identity, nnlib.Step, nnlib.Sigmoid, nnlib.Tanh, nnlib.ReLU):
    TARGETS.append((f"{cls.__name__}.forward", lambda Z, c=cls: c().forward(Z), {"Z": np.ones((2, 3))},
                    {"Z": arrays(np.ones((2, 3)), shape_matters=False, empty_ok=True)}))
    TARGETS.append((f"{cls.__name__}.backward", lambda dA, c=cls: _forward(c(), np.ones((2, 3))).backward(dA),
                    {"dA": np.ones((2, 3))}, {"dA": arrays(np.ones((2, 3)))}))
for cls, pred, y in ((nnlib.MSELoss, np.ones(3), np.zeros(3)), (nnlib.HalfMSELoss, np.ones(3), np.zeros(3)),
                     (nnlib.BCELoss, np.full(3, 0.5), np.zeros(3))):
    TARGETS.append((f"{cls.__name__}.forward", lambda pred, y, c=cls: c().forward(pred, y), {"pred": pred, "y": y},
                    {"pred": arrays(pred), "y": arrays(y)}))
TARGETS += [
    ("CrossEntropyLoss.forward", lambda Z, y: nnlib.CrossEntropyLoss().forward(Z, y),
     {"Z": np.zeros((3, 2)), "y": [0, 1, 1]}, {"Z": arrays(np.zeros((3, 2))), "y": label_values([0, 1, 1], 2)}),
    ("softmax", nnlib.softmax, {"Z": np.zeros((2, 3))}, {"Z": arrays(np.zeros((2, 3)), shape_matters=False)}),
    ("Dense", nnlib.Dense, {"n_in": 2, "n_out": 3, "rng": 0},
     {"n_in": COUNT, "n_out": COUNT, "rng": RNG}),
    ("Dense.forward", lambda X: nnlib.Dense(2, 3, rng=0).forward(X), {"X": X4}, {"X": ANY_ROWS}),
    ("Dense.backward", lambda dZ: _forward(nnlib.Dense(2, 3, rng=0), X4).backward(dZ), {"dZ": np.ones((4, 3))},
     {"dZ": arrays(np.ones((4, 3)))}),
    ("Neuron", nnlib.Neuron, {"n_inputs": 2, "activation": "sigmoid", "w": [1.0, 1.0], "b": 0.0, "rng": 0},
     {"n_inputs": COUNT, "activation": CHOICE, "w": without(arrays([1.0, 1.0]), "None"),
      "b": without(NUMBER, "None"), "rng": RNG}),
    ("Neuron.forward", lambda X: nnlib.Neuron(2, rng=0).forward(X), {"X": X4}, {"X": ANY_ROWS}),
    ("Neuron.predict", lambda X, threshold: nnlib.Neuron(2, rng=0).predict(X, threshold),
     {"X": X4, "threshold": 0.5}, {"X": ANY_ROWS, "threshold": NUMBER}),
    ("Neuron.fit", lambda X, y, lr, epochs, loss: nnlib.Neuron(2, "sigmoid", rng=0).fit(X, y, lr, epochs, loss),
     {"X": X4, "y": y4, "lr": 0.1, "epochs": 5, "loss": "half_mse"},
     {"X": arrays(X4), "y": arrays(y4), "lr": POSITIVE, "epochs": STEPS,
      "loss": {**CHOICE, "for several classes": "cross_entropy"}}),
    ("MLP", nnlib.MLP, {"layer_sizes": [2, 3, 1], "activation": "sigmoid", "lr": 0.5, "epochs": 5,
                        "batch_size": 2, "rng": 0},
     {"layer_sizes": {"None": None, "number": 3, "text": "2,3,1", "too short": [2], "text inside": [2, "3", 1],
                      "zero inside": [2, 0, 1], "fraction inside": [2, 2.5, 1]},
      "activation": CHOICE, "lr": POSITIVE, "epochs": STEPS, "batch_size": COUNT, "rng": RNG}),
    ("MLP.fit", lambda X, y: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(X, y), {"X": X4, "y": y4},
     {"X": arrays(X4), "y": label_values(y4.astype(int), 2)}),
    ("MLP.fit validation", lambda X_val, y_val: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(X4, y4, X_val, y_val),
     {"X_val": X4, "y_val": y4}, {"X_val": without(arrays(X4), "None"),
                                  "y_val": without(label_values(y4.astype(int), 2), "None")}),
    ("MLP.predict", lambda X: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(X4, y4).predict(X), {"X": X4},
     {"X": ANY_ROWS}),
    ("MLP.evaluate", lambda X, y: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(X4, y4).evaluate(X, y),
     {"X": X4, "y": y4}, {"X": arrays(X4), "y": label_values(y4.astype(int), 2)}),
    ("gradient_descent", nnlib.gradient_descent,
     {"loss": lambda p: float(p @ p), "grad": lambda p: 2 * p, "start": [1.0, 2.0], "lr": 0.1, "steps": 5},
     {"loss": callables(), "grad": callables((2,)), "start": arrays([1.0, 2.0], shape_matters=False),
      "lr": POSITIVE, "steps": STEPS}),
    ("Bowl.descend", lambda w0, lr, steps: Bowl().descend(w0, lr, steps), {"w0": 2.0, "lr": 0.1, "steps": 5},
     {"w0": NUMBER, "lr": POSITIVE, "steps": STEPS}),
    ("Bowl", Bowl, {"curvature": 3.0}, {"curvature": POSITIVE}),
    ("line_loss", line_loss, {"w": 1.0, "b": 0.0, "x": [1.0, 2.0], "y": [3.0, 5.0]},  # w, b: numbers or grids
     {"w": without(NUMBER, "list", "array"), "b": without(NUMBER, "list", "array"),
      "x": without(arrays([1.0, 2.0]), "shape"), "y": without(arrays([3.0, 5.0]), "shape")}),
    ("line_grad", line_grad, {"w": 1.0, "b": 0.0, "x": [1.0, 2.0], "y": [3.0, 5.0]},
     {"w": NUMBER, "b": NUMBER, "x": without(arrays([1.0, 2.0]), "shape"),
      "y": without(arrays([3.0, 5.0]), "shape")}),  # x may be a column, (n, 1), as in notebook 03
    ("line_descent", line_descent, {"x": [1.0, 2.0], "y": [3.0, 5.0], "w0": 0.0, "b0": 0.0, "lr": 0.1, "epochs": 5},
     {"x": without(arrays([1.0, 2.0]), "shape"), "y": without(arrays([3.0, 5.0]), "shape"), "w0": NUMBER,
      "b0": NUMBER, "lr": POSITIVE, "epochs": STEPS}),
    ("loss_grid", loss_grid, {"x": [1.0, 2.0], "y": [3.0, 5.0], "w_range": (0, 4), "b_range": (-1, 3),
                              "resolution": 5},
     {"w_range": {"None": None, "text": "0,4", "one number": 4, "three": (0, 1, 2), "nan/inf": (0, np.nan)},
      "resolution": {**COUNT, "too many": 10 ** 6}}),
    ("numerical_gradient", lambda f, x, eps: nnlib.numerical_gradient(f, x, eps),
     {"f": lambda: 1.0, "x": np.ones(2), "eps": 1e-6},
     {"f": callables(), "x": {"list": [1.0, 2.0], "None": None, "ints": np.ones(2, dtype=int), "text": "ab",
                               "nan/inf": np.array([np.nan, 1.0])}, "eps": POSITIVE}),
    ("relative_error", nnlib.relative_error, {"a": np.ones(2), "b": np.ones(2)},
     {"a": arrays(np.ones(2)), "b": arrays(np.ones(2))}),
    ("check_gradient", lambda analytic, tol: nnlib.check_gradient(lambda: 1.0, np.ones(2), analytic, tol=tol),
     {"analytic": np.zeros(2), "tol": 1e-6}, {"analytic": arrays(np.zeros(2)), "tol": POSITIVE}),
    ("logic_gate", nnlib.logic_gate, {"name": "and"}, {"name": CHOICE}),
    ("load_leaves", nnlib.load_leaves, {"n_samples": 10, "rng": 0},
     {"n_samples": {**COUNT, "too many": 10 ** 12}, "rng": RNG}),
    ("load_iris", nnlib.load_iris, {"as_frame": False}, {"as_frame": FLAG}),
    ("train_test_split", nnlib.train_test_split, {"X": Xi, "y": yi, "test_size": 0.2, "rng": 0, "stratify": True},
     {"X": arrays(Xi), "y": arrays(yi), "test_size": FRACTION, "rng": RNG, "stratify": FLAG}),
    ("one_hot", nnlib.one_hot, {"y": [0, 1, 2], "n_classes": 3},
     {"y": label_values([0, 1, 2], 3, length_matters=False), "n_classes": without(COUNT, "None")}),
    ("standardize", nnlib.standardize, {"X_train": X4, "X_test": X4},
     {"X_train": ANY_ROWS, "X_test": without(ANY_ROWS, "None")}),
    ("confusion_matrix", confusion_matrix, {"y_true": [0, 1, 2], "y_pred": [0, 2, 1], "n_classes": 3},
     {"y_true": label_values([0, 1, 2], 3), "y_pred": label_values([0, 2, 1], 3), "n_classes": COUNT}),
    ("Question.answer", lambda choice: checks.concept("01-bias").answer(choice), {"choice": "a"},
     {"choice": {"None": None, "fraction": 1.7, "bool": True, "unknown letter": "z", "two letters": "ab",
                 "negative": -1, "too big": 10, "list": ["a"]}}),
]


def _forward(layer, A):
    layer.forward(A)
    return layer


def order_cases():
    """Calls in the wrong order, and runs that blow up: (kind, label, thunk, argument, accept)."""
    net = lambda **kw: nnlib.MLP([4, 8, 3], rng=0, **kw)  # noqa: E731
    cases = [("order", f"{c.__name__}.backward before forward", lambda c=c: c().backward(np.ones(3)), "dA", None)
             for c in (nnlib.Identity, nnlib.Step, nnlib.Sigmoid, nnlib.Tanh, nnlib.ReLU)]
    cases += [("order", f"{c.__name__}.backward before forward", lambda c=c: c().backward(), None, None)
              for c in (nnlib.MSELoss, nnlib.HalfMSELoss, nnlib.BCELoss, nnlib.CrossEntropyLoss)]
    cases += [("order", "Dense.backward before forward", lambda: nnlib.Dense(2, 3).backward(np.ones((4, 3))), "dZ", None),
              ("order", "MLP.predict before fit", lambda: net().predict(Xi), None, None),
              ("order", "MLP.predict_proba before fit", lambda: net().predict_proba(Xi), None, None),
              ("order", "MLP.evaluate before fit", lambda: net().evaluate(Xi, yi), None, None),
              ("shape", "MLP.predict with other features", lambda: net(epochs=2).fit(Xi, yi).predict(X4), "X", None)]
    cases.append(("order", "MLP.fit with X_val but no y_val",
                  lambda: nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(X4, y4, X_val=X4), "y_val", None))
    for lr in (100.0, 1e3, 1e4):
        cases.append(("divergence", f"MLP lr={lr:g} on raw Iris", lambda lr=lr: net(lr=lr, epochs=50).fit(Xi, yi),
                      None, lambda m: m.diverged_))
    cases += [("divergence", "Neuron lr=50 on y = 2x + 1", lambda: nnlib.Neuron(1, rng=0).fit(
        [[0.4], [0.9]], [1.8, 2.8], lr=50.0, epochs=500), None, lambda m: m.diverged_),
        ("divergence", "gradient_descent uphill", lambda: nnlib.gradient_descent(
            lambda p: float(p @ p), lambda p: -2 * p, [1.0], lr=0.5, steps=200), None, lambda r: r.diverged),
        ("divergence", "a diverged MLP's predictions", lambda: net(lr=1e4, epochs=50).fit(Xi, yi).predict(Xi),
         None, lambda p: False)]
    return cases


def edge_cases():
    """Valid calls at the edges: each should simply work."""
    one, f32 = X4[:1], X4.astype(np.float32)
    return [("edge", name, thunk) for name, thunk in [
        ("one sample", lambda: nnlib.Neuron(2, rng=0).fit(one, y4[:1], epochs=3)),
        ("one feature", lambda: nnlib.Neuron(1, rng=0).fit([[1.0], [2.0]], [3.0, 5.0], epochs=3)),
        ("float32", lambda: nnlib.Neuron(2, rng=0).fit(f32, y4.astype(np.float32), epochs=3).forward(f32)),
        ("float32 MLP", lambda: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(f32, y4).predict(f32)),
        ("lists of lists", lambda: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(X4.tolist(), [0, 0, 0, 1])),
        ("numpy ints", lambda: nnlib.MLP([np.int64(2), 3, 1], epochs=np.int64(3), batch_size=np.int32(2),
                                         rng=np.int64(0)).fit(X4, y4)),
        ("numpy floats", lambda: nnlib.Neuron(2, rng=0).fit(X4, y4, lr=np.float32(0.1), epochs=3.0)),
        ("0-d arrays", lambda: nnlib.Neuron(2, b=np.array(0.5), rng=0).fit(X4, y4, lr=np.array(0.1))),
        ("a Generator", lambda: nnlib.load_leaves(5, rng=np.random.default_rng(1))),
        ("ints into sigmoid", lambda: nnlib.sigmoid([[1, 2], [3, 4]])),
        ("an empty z", lambda: nnlib.sigmoid([])),
        ("a 1-D softmax", lambda: nnlib.softmax([1.0, 2.0, 3.0])),
        ("float labels", lambda: nnlib.one_hot(np.array([0.0, 2.0]))),
        ("one-row gradient", lambda: nnlib.numerical_gradient(lambda: 1.0, np.ones((1, 1)))),
        ("huge logits", lambda: nnlib.CrossEntropyLoss()(np.array([[1e300, -1e300]]), [0])),
        ("bool y", lambda: nnlib.MLP([2, 2, 1], epochs=2, rng=0).fit(X4, y4 > 0)),
    ]]


LEARNER = {"huge int": lambda *a: 10 ** 400, "0-d array": lambda *a: np.array(1.0), "complex": lambda *a: 1 + 2j,
           "text '220'": lambda *a: "220", "generator": lambda *a: gen(), "None": lambda *a: None,
           "bad __float__": lambda *a: BadFloat(), "unprintable error": lambda *a: _raise(Unprintable()),
           "mutates inputs": lambda *a: [x.fill(7) for x in a if isinstance(x, np.ndarray)] and 1.0,
           "endless loop": lambda *a: _loop(), "shape error": lambda *a: np.ones(2) @ np.ones((3, 2)),
           "texts": lambda *a: ("2", "2", "0"), "not callable": 3, "recursion": lambda *a: _recurse(),
           "exit()": lambda *a: sys.exit(), "nan": lambda *a: float("nan"), "dict": lambda *a: {"w": 1}}


class BadFloat:
    def __float__(self):
        raise ZeroDivisionError("no float for you")

    def __array__(self, *args, **kwargs):
        raise ZeroDivisionError("no array for you")


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("cannot print this")


def _raise(error):
    raise error


def _loop():
    while True:
        pass


def _recurse():
    return _recurse()


def check_outcome(check, learner):
    """What a check made of a learner's function: a verdict, a wrong pass (silent), raw or hang."""
    def thunk():
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)  # as pytest runs them
            return check(learner)
    kind = outcome(thunk, accept=lambda verdict: not verdict, label=f"{check.__name__} on a learner's function")
    return {"works": "verdict", "clear": "raw", "unclear": "raw"}.get(kind, kind)


def main():
    rows = Counter()
    for label, function, valid, bad in TARGETS:
        for arg, values in bad.items():
            for kind, value in values.items():
                rows[kind, outcome(lambda: function(**{**valid, arg: value}), arg,
                                   label=f"{label}({arg}=<{kind}>)")] += 1
    for kind, label, thunk, arg, accept in order_cases():
        rows[kind, outcome(thunk, arg, accept=accept, label=label)] += 1
    for kind, label, thunk in edge_cases():
        rows[kind, outcome(thunk, valid=True, label=label)] += 1
    if hasattr(checks, "_core") and hasattr(checks._core, "TIME_LIMIT"):
        checks._core.TIME_LIMIT = 1.0  # the checks' own limit, well inside HANG
    names = [name for module in checks._MODULES for name in module.__all__]
    for kind, learner in LEARNER.items():
        for name in names:
            rows["check: " + kind, check_outcome(getattr(checks, name), learner)] += 1
    report(rows)


def report(rows):
    columns = ["clear", "verdict", "works", "unclear", "raw", "silent", "hang", "wrongly rejected"]
    kinds = sorted({kind for kind, _ in rows}, key=lambda k: (k.startswith("check"), k))
    print(f"nnlib {nnlib.__version__} from {Path(nnlib.__file__).parent}"
          + (", RuntimeWarnings as errors" if STRICT else ""))
    print(f"{'kind of input':28}" + "".join(f"{c:>9}" for c in columns[:-1]) + "  rejected")
    for kind in kinds:
        print(f"{kind:28}" + "".join(f"{rows[kind, c] or '':>9}" for c in columns))
    totals = Counter()
    for (kind, result), n in rows.items():
        totals[result] += n
    print(f"{'total (' + str(sum(totals.values())) + ' calls)':28}" + "".join(f"{totals[c] or '':>9}" for c in columns))


if __name__ == "__main__":
    started = time.time()
    main()
    print(f"({time.time() - started:.0f} s)")
