"""How good a classifier's answers are: counts of right and wrong per class, and repeated
stratified cross-validation, the fair way to score a model on a small data set (notebook 05)."""
import numpy as np

from ._validate import as_2d, callable_, labels, positive_int, rng as as_rng
from .datasets import standardize

MAX_CLASSES = 1_000  # a confusion matrix of more classes than this is neither readable nor small


def confusion_matrix(y_true, y_pred, n_classes):
    """Counts (n_classes, n_classes): row = the true class, column = the predicted class."""
    n_classes = positive_int(n_classes, "n_classes", high=MAX_CLASSES)
    y_true = labels(y_true, "y_true", n_classes=n_classes)
    y_pred = labels(y_pred, "y_pred", n_classes=n_classes, n_samples=len(y_true), per="label in y_true")
    M = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(M, (y_true, y_pred), 1)  # one count per (true, predicted) pair
    return M


def stratified_folds(y, n_folds, rng=None):
    """A fold number 0..n_folds-1 for every sample (n,): each class dealt out over the folds in a
    shuffled order, so every fold holds each class in about its share of the whole."""
    y, n_folds, rng = labels(y, "y"), positive_int(n_folds, "n_folds"), as_rng(rng)
    if n_folds > len(y):
        raise ValueError(f"n_folds must be at most the number of samples, {len(y)}; got {n_folds}.")
    fold, dealt = np.empty(len(y), dtype=int), 0
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        fold[members] = (dealt + np.arange(len(members))) % n_folds  # go on where the last class stopped
        dealt += len(members)
    return fold


def cross_validate(make_model, X, y, n_folds=10, n_repeats=1, rng=None):
    """Held-out accuracies (n_repeats, n_folds) of repeated stratified cross-validation.

    Each repeat deals new folds, and every sample is held out once per repeat: for each fold,
    make_model(seed) gives a fresh model (a seed of its own, drawn from rng) that is fitted on the
    other folds, standardised with their mean and std only, and scored on the held-out fold.
    """
    make_model, X, y = callable_(make_model, "make_model"), as_2d(X, "X"), labels(y, "y", n_samples=len(X))
    n_repeats, rng = positive_int(n_repeats, "n_repeats"), as_rng(rng)
    scores = np.empty((n_repeats, n_folds))
    for r in range(n_repeats):
        fold = stratified_folds(y, n_folds, rng)
        for k in range(n_folds):
            held = fold == k
            X_fit, X_held = standardize(X[~held], X[held])
            model = make_model(int(rng.integers(2**31))).fit(X_fit, y[~held])
            scores[r, k] = np.mean(model.predict(X_held) == y[held])
    return scores
