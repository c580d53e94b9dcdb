"""The single neuron: the published y = 2x + 1 run, one hand-worked step, determinism, bad input."""
import numpy as np
import pytest

import nnlib


def reference_start():
    """The published run's start: legacy seed 42, x = rand(2, 1), then w = randn(), b = randn()."""
    legacy = np.random.RandomState(42)
    x = legacy.rand(2, 1)
    return x, 2 * x[:, 0] + 1, legacy.randn(), legacy.randn()


def test_reproduces_the_published_y_equals_2x_plus_1_table():
    x, y, w0, b0 = reference_start()
    assert np.allclose(x[:, 0], [0.3745, 0.9507], atol=5e-5)
    neuron = nnlib.Neuron(1, w=[w0], b=b0).fit(x, y, lr=0.1, epochs=1001, loss="half_mse")
    table = [f"{loss:.4f}" for loss in neuron.loss_curve_[::100]]
    assert table[:8] == ["0.1455", "0.0180", "0.0058", "0.0019", "0.0006", "0.0002", "0.0001",
                         "0.0000"]
    assert len(neuron.loss_curve_) == 1001
    assert (round(neuron.w[0], 4), round(neuron.b, 4)) == (1.9961, 1.0027)


def test_one_gradient_step_by_hand():
    # X = [[1, 2]], y = [5], w = [0.5, -1], b = 1, identity, half-MSE, lr = 0.1.
    # z = 0.5 - 2 + 1 = -0.5; error = z - y = -5.5; loss = 5.5^2 / 2 = 15.125
    # dL/dw = error * x = [-5.5, -11]; dL/db = -5.5
    # w <- [0.5 + 0.55, -1 + 1.1] = [1.05, 0.1]; b <- 1 + 0.55 = 1.55
    neuron = nnlib.Neuron(2, w=[0.5, -1.0], b=1.0).fit([[1.0, 2.0]], [5.0], lr=0.1, epochs=1)
    assert neuron.loss_curve_[0] == pytest.approx(15.125)
    assert np.allclose(neuron.w, [1.05, 0.1]) and neuron.b == pytest.approx(1.55)
    assert np.allclose(neuron.w_path_[0], [0.5, -1.0]) and neuron.b_path_[0] == 1.0


def test_same_seed_same_numbers_and_different_seed_different_numbers():
    X, y = nnlib.logic_gate("and")

    def curve(seed):
        return nnlib.Neuron(2, "sigmoid", rng=seed).fit(X, y, lr=1.0, epochs=50,
                                                        loss="log_loss").loss_curve_

    assert np.array_equal(curve(7), curve(7))
    assert not np.allclose(curve(7), curve(8))


def test_import_does_not_touch_global_random_state():
    np.random.seed(123)
    expected = np.random.rand()
    np.random.seed(123)
    nnlib.Neuron(3, rng=None)
    nnlib.load_leaves(rng=5)
    assert np.random.rand() == expected


def test_divergence_is_flagged_without_warnings():
    x, y, w0, b0 = reference_start()
    neuron = nnlib.Neuron(1, w=[w0], b=b0).fit(x, y, lr=50.0, epochs=500)  # far too large a step
    assert neuron.diverged_
    assert len(neuron.loss_curve_) < 500
    assert np.all(np.isfinite(neuron.loss_curve_)) and neuron.loss_curve_.max() <= neuron.max_loss


def test_step_neuron_computes_nand_by_hand():
    X, y = nnlib.logic_gate("nand")
    assert np.array_equal(nnlib.Neuron(2, "step", w=[-2, -2], b=3).forward(X), y)


@pytest.mark.parametrize("call, message", [
    (lambda: nnlib.Neuron(2).forward(np.zeros(2)), r"X must be 2-D.*got shape \(2,\)"),
    (lambda: nnlib.Neuron(2).forward(np.zeros((4, 3))), r"X has 3 features.*expected 2"),
    (lambda: nnlib.Neuron(2).fit(np.zeros((4, 2)), np.zeros(3)), r"y has 3 values; expected 4"),
    (lambda: nnlib.Neuron(2).fit([[np.nan, 1.0]], [1.0]), r"X contains 1 NaN"),
    (lambda: nnlib.Neuron(2).fit(np.zeros((4, 2)), np.zeros(4), epochs=0), r"epochs must be.*got 0"),
    (lambda: nnlib.Neuron(2).fit(np.zeros((4, 2)), np.zeros(4), lr=-1), r"lr must be a positive"),
    (lambda: nnlib.Neuron(2, activation="softsign"), r"unknown activation 'softsign'"),
    (lambda: nnlib.Neuron(2, w=[1.0, 2.0, 3.0]), r"w has 3 values; expected 2"),
    (lambda: nnlib.Neuron(2).fit(np.zeros((4, 2)), np.zeros(4), loss="log_loss"),
     r"log_loss' needs outputs in \[0, 1\].*'identity'"),
])
def test_bad_input_gives_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
