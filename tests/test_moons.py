"""nnlib.datasets.make_moons: two interleaving half circles, seeded, that no straight line separates."""
import numpy as np
import pytest

import nnlib
from nnlib.datasets import make_moons


def test_two_moons_without_noise_lie_on_their_arcs():
    X, y = make_moons(101, noise=0.0, rng=0)
    assert X.shape == (101, 2) and np.array_equal(np.bincount(y), [51, 50])
    upper, lower = X[y == 0], X[y == 1] - [1.0, 0.5]  # the lower moon, moved back onto the unit circle
    assert np.allclose(np.hypot(*upper.T), 1) and np.all(upper[:, 1] >= 0)
    assert np.allclose(np.hypot(*lower.T), 1) and np.all(lower[:, 1] <= 0)


def test_the_same_seed_gives_the_same_moons():
    assert np.array_equal(make_moons(50, rng=3)[0], make_moons(50, rng=3)[0])
    assert not np.array_equal(make_moons(50, rng=3)[0], make_moons(50, rng=4)[0])
    assert np.std(make_moons(400, noise=0.3, rng=0)[0] - make_moons(400, noise=0.0, rng=0)[0]) > 0.2


def test_a_hidden_layer_separates_them_and_a_straight_line_cannot():
    X, y = make_moons(200, noise=0.1, rng=0)
    X = nnlib.standardize(X)
    line = nnlib.MLP([2, 2], lr=4.0, epochs=100, batch_size=40, rng=0).fit(X, y)
    bent = nnlib.MLP([2, 8, 2], lr=4.0, epochs=100, batch_size=40, rng=0).fit(X, y)
    assert line.evaluate(X, y) < 0.9 < 0.97 < bent.evaluate(X, y)


@pytest.mark.parametrize("kwargs, error", [({"noise": -0.1}, ValueError), ({"noise": "a lot"}, TypeError),
                                           ({"n_samples": 0}, ValueError)])
def test_bad_arguments_are_clear_errors(kwargs, error):
    with pytest.raises(error, match=next(iter(kwargs))):
        make_moons(**kwargs)
