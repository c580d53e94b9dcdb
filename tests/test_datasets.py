"""Bundled and generated data sets, and the tools that prepare them."""
import numpy as np
import pytest

import nnlib


def test_gates_truth_tables():
    X, y = nnlib.logic_gate("XOR")
    assert X.shape == (4, 2) and np.array_equal(y, [0, 1, 1, 0])
    assert np.array_equal(nnlib.logic_gate("and")[1], (X[:, 0] * X[:, 1]))
    with pytest.raises(ValueError, match=r"^unknown gate 'xnor'; name must be one of \['and', 'nand', 'nor', 'or', "
                                         r"'xor'\]\.$"):
        nnlib.logic_gate("xnor")


def test_leaves_are_seeded_and_linearly_separable():
    X, y = nnlib.load_leaves(40, rng=0)
    assert X.shape == (40, 2) and set(np.unique(y)) == {0.0, 1.0}
    assert np.array_equal(X, nnlib.load_leaves(40, rng=0)[0])
    assert not np.array_equal(X, nnlib.load_leaves(40, rng=1)[0])
    # Separable with room to spare: every leaf lies at least 0.4 cm from the frontier
    # x2 = 0.8 x1 + 1.5, on the side its label says (the generator redraws leaves nearer than that).
    gap = (0.8 * X[:, 0] + 1.5 - X[:, 1]) / np.hypot(0.8, 1.0)  # signed distance, > 0 for edible
    assert np.all(np.abs(gap) > 0.4) and np.array_equal(gap > 0, y == 1)
    assert 10 <= y.sum() <= 30  # both kinds are well represented


def test_iris_has_150_flowers_50_per_species():
    X, y = nnlib.load_iris()
    assert X.shape == (150, 4) and np.array_equal(np.bincount(y), [50, 50, 50])
    assert np.allclose(X.mean(axis=0), [5.843, 3.057, 3.758, 1.199], atol=1e-3)
    frame = nnlib.load_iris(as_frame=True)
    assert list(frame.columns[:4]) == nnlib.datasets.IRIS_FEATURES and len(frame) == 150


def test_stratified_split_keeps_class_shares_and_is_seeded():
    X, y = nnlib.load_iris()
    X_train, X_test, y_train, y_test = nnlib.train_test_split(X, y, test_size=0.2, rng=0)
    assert np.array_equal(np.bincount(y_test), [10, 10, 10])
    assert len(X_train) == 120 and len(X_test) == 30
    assert sorted(map(tuple, np.vstack([X_train, X_test]))) == sorted(map(tuple, X))
    again = nnlib.train_test_split(X, y, test_size=0.2, rng=0)
    assert np.array_equal(again[1], X_test)


def test_one_hot_and_bad_labels():
    assert np.array_equal(nnlib.one_hot([2, 0]), [[0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError, match="class labels 0..2; got 3"):
        nnlib.one_hot([0, 3], n_classes=3)
    with pytest.raises(ValueError, match=r"^y must hold class labels 0, 1, 2, \.\.\.; got -1\.$"):
        nnlib.one_hot([0, -1])


def test_standardize_uses_training_statistics_only():
    X_train, X_test = np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([[5.0, 7.0]])
    train, test = nnlib.standardize(X_train, X_test)
    assert np.allclose(train, [[-1, 0], [1, 0]])  # the constant column stays 0
    assert np.allclose(test, [[3, 2]])  # (5 - 2) / 1 and (7 - 5) / 1
    with pytest.raises(ValueError, match="X_test has 1 features"):
        nnlib.standardize(X_train, np.zeros((2, 1)))
