"""Small data sets and the tools to prepare them: logic gates, toy leaves, two moons, Iris (notebooks 01-05)."""
import csv
from importlib import resources
from pathlib import Path

import numpy as np

from ._validate import array, as_2d, choice, describe, labels, number, positive_int, rng as as_rng

GATES = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "nand": [1, 1, 1, 0], "nor": [1, 0, 0, 0],
         "xor": [0, 1, 1, 0]}
IRIS_FEATURES = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
IRIS_SPECIES = ["setosa", "versicolor", "virginica"]
MAX_CLASSES = 10_000  # one_hot's columns: more classes than this is a mistake in y, not a data set


def logic_gate(name):
    """The truth table of a two-input gate ("and", "or", "nand", "nor", "xor") as X (4, 2), y (4,)."""
    y = GATES[choice(name, GATES, "name", what="gate")]
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return X, np.array(y, dtype=float)


LEAF_RULE = (0.8, 1.5)  # edible when length < 0.8 * width + 1.5 (cm): notebook 04 reveals it


def load_leaves(n_samples=40, rng=0):
    """Toy leaves: X (n, 2) = width and length in cm, y (n,) = 1 edible, 0 not.

    Edible leaves are short for their width: length < 0.8 * width + 1.5 (LEAF_RULE). Leaves
    closer than 0.4 cm to that frontier are redrawn, so a straight line can separate the two kinds.
    """
    n_samples, rng = positive_int(n_samples, "n_samples", high=1_000_000), as_rng(rng)
    slope, intercept = LEAF_RULE
    X = np.empty((0, 2))
    while len(X) < n_samples:
        batch = rng.uniform([1.0, 1.0], [9.0, 9.0], size=(n_samples, 2)).round(1)
        gap = (slope * batch[:, 0] + intercept - batch[:, 1]) / np.hypot(slope, 1.0)  # signed distance
        X = np.vstack([X, batch[np.abs(gap) > 0.4]])
    X = X[:n_samples]
    return X, (X[:, 1] < slope * X[:, 0] + intercept).astype(float)


def make_moons(n_samples=200, noise=0.2, rng=0):
    """Two interleaving half circles, X (n, 2) and y (n,) in 0..1: no straight line separates them.

    Class 0 is the upper half of the unit circle, class 1 the same arc flipped and shifted by
    (1, 0.5) into its hollow (as scikit-learn's make_moons); noise is the std of the jitter added.
    """
    n_samples, rng = positive_int(n_samples, "n_samples", high=1_000_000), as_rng(rng)
    noise = number(noise, "noise", low=0)
    y = np.arange(n_samples) % 2  # the classes alternate: half of each
    t = rng.uniform(0.0, np.pi, n_samples)  # where on its arc each point sits
    X = np.c_[np.cos(t), np.sin(t)]  # (n, 2)
    X[y == 1] = [1.0, 0.5] - X[y == 1]
    return X + rng.normal(0.0, noise, size=X.shape), y


def reference_line():
    """The published y = 2x + 1 run's start (notebooks 02 and 03): x (2,), y = 2x + 1 (2,), w0, b0.

    It was drawn with numpy's legacy generator seeded with 42: x = rand(2, 1), then w = randn(),
    b = randn(). A private RandomState, so numpy's global generator is left alone.
    """
    legacy = np.random.RandomState(42)
    x = legacy.rand(2, 1)[:, 0]
    w0, b0 = legacy.randn(), legacy.randn()
    return x, 2 * x + 1, float(w0), float(b0)


def data_path(filename):
    """Where a bundled data file lives: data/ in a checkout, or nnlib/data in an installed nnlib."""
    local = Path(__file__).resolve().parent.parent / "data" / filename
    if local.is_file():
        return local
    return Path(str(resources.files("nnlib.data").joinpath(filename)))


def load_iris(as_frame=False):
    """Fisher's Iris: X (150, 4) in cm and y (150,) in 0..2, or with as_frame=True a pandas DataFrame."""
    if not isinstance(as_frame, (bool, np.bool_)):
        raise TypeError(f"as_frame must be True or False; got {describe(as_frame)}.")
    path = data_path("iris.csv")
    if as_frame:
        import pandas as pd
        return pd.read_csv(path)
    with open(path, newline="") as f:
        rows = list(csv.reader(f))[1:]
    X = np.array([[float(v) for v in row[:4]] for row in rows])
    y = np.array([IRIS_SPECIES.index(row[4]) for row in rows])
    return X, y


def train_test_split(X, y, test_size=0.2, rng=None, stratify=True):
    """Shuffle and split into X_train, X_test, y_train, y_test (scikit-learn's order).

    With stratify=True each class keeps its share in both parts, so a small test set still holds
    every class in the right proportion.
    """
    X = as_2d(X, "X")
    array(y, "y", empty=True)  # real, finite numbers; y keeps its own dtype, so int labels stay int
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y has shape {y.shape}; expected ({X.shape[0]},), one label per row of X.")
    test_size = number(test_size, "test_size", 0, 1, strict=True)
    if not isinstance(stratify, (bool, np.bool_)):
        raise TypeError(f"stratify must be True or False; got {describe(stratify)}.")
    rng = as_rng(rng)
    groups = [np.flatnonzero(y == c) for c in np.unique(y)] if stratify else [np.arange(len(y))]
    test = []
    for idx in groups:
        idx = rng.permutation(idx)
        test.extend(idx[:int(round(test_size * len(idx)))])
    test = np.sort(np.array(test, dtype=int))
    if not 0 < len(test) < len(y):
        raise ValueError(f"test_size = {test_size:g} of {len(y)} samples leaves the "
                         f"{'test' if len(test) == 0 else 'training'} set empty; choose a test_size that "
                         "keeps at least one sample (of each class, with stratify=True) on each side.")
    train = rng.permutation(np.setdiff1d(np.arange(len(y)), test))
    test = rng.permutation(test)
    return X[train], X[test], y[train], y[test]


def one_hot(y, n_classes=None):
    """Integer labels y (n,) -> rows of zeros with a single 1 at the label, shape (n, n_classes)."""
    n_classes = None if n_classes is None else positive_int(n_classes, "n_classes", high=MAX_CLASSES)
    y = labels(y, "y", n_classes)
    if n_classes is None and y.max() >= MAX_CLASSES:
        raise ValueError(f"y holds the label {y.max()}, but one_hot makes a column per class, at most "
                         f"{MAX_CLASSES:,}: are these really class labels 0, 1, 2, ...?")
    n_classes = int(y.max()) + 1 if n_classes is None else n_classes
    Y = np.zeros((len(y), n_classes))
    Y[np.arange(len(y)), y] = 1.0
    return Y


def standardize(X_train, X_test=None):
    """Shift and scale each feature to mean 0, std 1 using the training set's statistics only.

    Returns X_train scaled, or (X_train, X_test) scaled with the same mean and std, so nothing
    about the test set leaks into training.
    """
    X_train = as_2d(X_train, "X_train")
    X_test = None if X_test is None else as_2d(X_test, "X_test", X_train.shape[1])
    size = np.abs(X_train).max(axis=0)  # a feature near 1e308 is divided down first, or its std overflows:
    size = np.where(size > 1e150, size, 1.0)  # the result is the same, as standardizing ignores scale
    X_train, X_test = X_train / size, None if X_test is None else X_test / size
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)  # a constant feature stays 0 rather than dividing by zero
    with np.errstate(over="ignore"):  # a test value far outside the training range may still be inf
        return (X_train - mean) / std if X_test is None else ((X_train - mean) / std, (X_test - mean) / std)
