"""nnlib.metrics: stratified folds and repeated cross-validation, checked against hand counts."""
import numpy as np
import pytest

import nnlib
from nnlib.metrics import cross_validate, stratified_folds


class Majority:
    """A model that always answers the most common class of its training labels (the smallest on a tie)."""

    seen = []  # every fit's (seed, number of rows, column means, column stds), across instances

    def __init__(self, seed):
        self.seed = seed

    def fit(self, X, y):
        Majority.seen.append((self.seed, len(X), X.mean(axis=0), X.std(axis=0)))
        self.answer = int(np.argmax(np.bincount(y)))
        return self

    def predict(self, X):
        return np.full(len(X), self.answer)


def test_majority_class_scores_match_a_hand_count():
    # y = 0 0 0 0 1 1 in 2 stratified folds: each fold holds two 0s and one 1. Trained on the other
    # fold (two 0s, one 1), the model answers 0: right on the two 0s, wrong on the 1, so 2/3 per fold.
    X, y = np.arange(6.0)[:, None], np.array([0, 0, 0, 0, 1, 1])
    assert np.allclose(cross_validate(Majority, X, y, n_folds=2, n_repeats=3, rng=0), 2 / 3)


def test_unequal_folds_match_a_hand_count():
    # y = 0 0 0 1 1 in 2 folds: the three 0s are dealt 0, 1, 0 and the two 1s go on where they stopped
    # (1, 0), so fold 0 holds two 0s and a 1, fold 1 one 0 and one 1. Fold 0 held out: the rest (a 0
    # and a 1) is a tie, answered 0: 2 of 3 right. Fold 1 held out: the rest says 0: 1 of 2 right.
    X, y = np.arange(5.0)[:, None], np.array([0, 0, 0, 1, 1])
    assert np.allclose(cross_validate(Majority, X, y, n_folds=2, n_repeats=4, rng=1), [[2 / 3, 1 / 2]] * 4)


def test_every_fit_is_fresh_standardised_on_its_own_rows_and_seeded_apart():
    Majority.seen.clear()
    X = np.random.default_rng(0).normal(5.0, 3.0, size=(30, 2))
    cross_validate(Majority, X, np.arange(30) % 3, n_folds=5, n_repeats=2, rng=0)
    seeds, rows, means, stds = zip(*Majority.seen)
    assert len(seeds) == 10 and len(set(seeds)) == 10  # a model of its own, with a seed of its own, per fold
    assert set(rows) == {24}  # trained on the other four folds of 6
    assert np.allclose(means, 0) and np.allclose(stds, 1)  # scaled with its training part's statistics


def test_folds_are_stratified_and_hold_every_sample_once():
    y = np.repeat([0, 1, 2], [50, 50, 50])
    fold = stratified_folds(y, 10, rng=0)
    counts = np.array([[np.sum((fold == k) & (y == c)) for c in range(3)] for k in range(10)])
    assert fold.shape == (150,) and set(fold) == set(range(10))
    assert np.all(counts == 5)  # 5 flowers of each species in each fold
    uneven = stratified_folds(np.repeat([0, 1], [7, 4]), 3, rng=0)
    sizes = np.bincount(uneven)
    assert sizes.max() - sizes.min() <= 1  # dealing goes on where the last class stopped


def test_the_same_rng_gives_the_same_folds_and_another_a_new_deal():
    y = np.arange(40) % 2
    assert np.array_equal(stratified_folds(y, 4, rng=3), stratified_folds(y, 4, rng=3))
    assert not np.array_equal(stratified_folds(y, 4, rng=3), stratified_folds(y, 4, rng=4))


def test_with_an_mlp_it_is_reproducible_and_the_repeats_differ():
    X, y = nnlib.load_iris()
    make = lambda seed: nnlib.MLP([4, 3], lr=2.0, epochs=10, batch_size=30, rng=seed)  # noqa: E731
    scores = cross_validate(make, X, y, n_folds=5, n_repeats=2, rng=0)
    assert scores.shape == (2, 5) and np.all((scores >= 0) & (scores <= 1)) and scores.mean() > 0.8
    assert np.array_equal(scores, cross_validate(make, X, y, n_folds=5, n_repeats=2, rng=0))
    assert not np.array_equal(scores[0], scores[1])  # new folds and new seeds each repeat


def test_bad_arguments_are_clear_errors():
    X, y = np.zeros((4, 1)), np.array([0, 1, 0, 1])
    with pytest.raises(ValueError, match="n_folds must be at most the number of samples, 4; got 5"):
        cross_validate(Majority, X, y, n_folds=5)
    with pytest.raises(TypeError, match="make_model must be a function"):
        cross_validate(nnlib.MLP([1, 2]), X, y, n_folds=2)
    with pytest.raises(ValueError, match="y has 3 labels; expected 4"):
        cross_validate(Majority, X, y[:3], n_folds=2)
