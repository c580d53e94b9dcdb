"""Every activation, loss and Dense gradient against central differences in float64."""
import numpy as np
import pytest

import nnlib
from nnlib.gradcheck import check_gradient, numerical_gradient, relative_error

ACTIVATIONS = [nnlib.Identity, nnlib.Sigmoid, nnlib.Tanh, nnlib.ReLU]


@pytest.mark.parametrize("Act", ACTIVATIONS)
def test_activation_backward_matches_finite_differences(Act):
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(5, 3))
    Z[np.abs(Z) < 0.05] += 0.2  # keep ReLU's kink away from the finite-difference stencil
    weights = rng.normal(size=Z.shape)  # the loss sum(weights * f(Z)) has dL/dA = weights
    act = Act()
    act.forward(Z)
    analytic = act.backward(weights)
    numeric = numerical_gradient(lambda: float(np.sum(weights * act.f(Z))), Z)
    assert relative_error(analytic, numeric) < 1e-7


def test_step_has_zero_gradient_where_it_is_flat():
    act = nnlib.Step()
    act.forward(np.array([-2.0, -0.5, 0.5, 2.0]))
    assert np.all(act.backward(np.ones(4)) == 0)


def test_sigmoid_is_stable_and_exact_for_huge_inputs():
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        out = nnlib.sigmoid(np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0]))
    assert out[0] == 0.0 and out[-1] == 1.0 and out[2] == 0.5
    assert np.isclose(out[1], 1 / (1 + np.exp(30.0)), rtol=1e-12)


def _loss_case(name, rng):
    if name == "cross_entropy":
        return rng.normal(size=(6, 3)), rng.integers(0, 3, size=6)
    if name == "log_loss":
        return rng.uniform(0.05, 0.95, size=(6, 1)), rng.integers(0, 2, size=(6, 1)).astype(float)
    return rng.normal(size=(6, 2)), rng.normal(size=(6, 2))


@pytest.mark.parametrize("name", ["mse", "half_mse", "log_loss", "cross_entropy"])
def test_loss_backward_matches_finite_differences(name):
    pred, y = _loss_case(name, np.random.default_rng(1))
    loss = nnlib.losses.get_loss(name)
    loss.forward(pred, y)
    analytic = loss.backward()
    assert check_gradient(lambda: loss.forward(pred, y), pred, analytic)


def test_dense_gradients_match_finite_differences():
    rng = np.random.default_rng(2)
    layer, X = nnlib.Dense(4, 3, rng=rng), rng.normal(size=(5, 4))
    layer.b = rng.normal(size=3)
    upstream = rng.normal(size=(5, 3))  # L = sum(upstream * Z), so dL/dZ = upstream

    def loss():
        return float(np.sum(upstream * layer.forward(X)))

    layer.forward(X)
    dX = layer.backward(upstream)
    assert check_gradient(loss, layer.W, layer.dW)
    assert check_gradient(loss, layer.b, layer.db)
    assert check_gradient(loss, X, dX)


def test_checker_catches_a_wrong_gradient():
    rng = np.random.default_rng(3)
    layer, X = nnlib.Dense(3, 2, rng=rng), rng.normal(size=(4, 3))
    upstream = rng.normal(size=(4, 2))
    layer.forward(X)
    layer.backward(upstream)
    wrong = layer.X.T @ upstream / len(X)  # a classic bug: dividing by n twice
    assert not check_gradient(lambda: float(np.sum(upstream * layer.forward(X))), layer.W, wrong)
    assert relative_error(wrong, layer.dW) > 0.1


def test_sigmoid_neuron_with_log_loss_has_gradient_p_minus_y():
    # For a sigmoid output and log loss the chain rule collapses to dL/dz = (p - y) / n.
    X, y = nnlib.logic_gate("and")
    neuron = nnlib.Neuron(2, "sigmoid", w=[0.3, -0.2], b=0.1)
    p = neuron.forward(X)
    loss = nnlib.BCELoss()
    loss.forward(p, y)
    dz = neuron.activation.backward(loss.backward())
    assert np.allclose(dz, (p - y) / 4)


def test_gradient_errors_flags_exactly_the_wrong_array():
    from nnlib.gradcheck import gradient_errors
    rng = np.random.default_rng(7)
    a, p, q, c = rng.uniform(1, 2, 3), rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    loss = lambda: float(np.sum(a * p ** 2) / 2 + c @ q)  # noqa: E731
    right = gradient_errors(loss, [p, q], [a * p, c])
    assert right.shape == (2,) and np.all(right < 1e-8), right
    wrong = gradient_errors(loss, [p, q], [a * p, 2 * c])
    assert wrong[0] < 1e-8 and wrong[1] > 0.1, wrong


@pytest.mark.parametrize("params, grads, error, words", [
    (np.ones(2), [np.ones(2)], TypeError, "params must be a list of arrays, one per parameter; got"),
    ([np.ones(2)], np.ones(2), TypeError, "grads must be a list of arrays, one per parameter; got"),
    ([np.ones(2)], [np.ones(2), np.ones(2)], ValueError, "params has 1, grads has 2"),
])
def test_gradient_errors_explains_bad_lists(params, grads, error, words):
    from nnlib.gradcheck import gradient_errors
    with pytest.raises(error, match=words):
        gradient_errors(lambda: 0.0, params, grads)
