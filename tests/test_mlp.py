"""nnlib.MLP: gradients against finite differences, a hand-worked step, XOR, Iris, seeds, bad input."""
import numpy as np
import pytest

import nnlib
from nnlib.gradcheck import numerical_gradient, relative_error

ACTIVATIONS = ["identity", "step", "sigmoid", "tanh", "relu"]
OUTPUTS = {"cross_entropy": 3, "log_loss": 1}  # softmax over 3 classes, or one sigmoid output


def _loss(net, X, y):
    """The training loss from the losses module: an oracle independent of net.backward."""
    Zs, As = net.forward(X)
    if net.layer_sizes[-1] == 1:
        return nnlib.BCELoss()(As[-1], y[:, None].astype(float))
    return nnlib.CrossEntropyLoss()(Zs[-1], y)


@pytest.mark.parametrize("loss", OUTPUTS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_backward_matches_finite_differences(activation, loss):
    rng = np.random.default_rng(3)
    net = nnlib.MLP([3, 5, 4, OUTPUTS[loss]], activation, rng=rng)
    for layer in net.layers:
        layer.b = rng.normal(size=layer.b.shape)  # non-zero biases exercise db fully
    X, y = rng.normal(size=(7, 3)), rng.integers(0, max(2, OUTPUTS[loss]), size=7)
    Y = nnlib.one_hot(y, 3) if OUTPUTS[loss] == 3 else y[:, None].astype(float)
    net.backward((net.forward(X)[1][-1] - Y) / len(X))  # the output delta fit() uses
    for layer in net.layers:
        for param, grad in ((layer.W, layer.dW), (layer.b, layer.db)):
            numeric = numerical_gradient(lambda: _loss(net, X, y), param)
            assert relative_error(grad, numeric) < 1e-6


def test_gradient_check_catches_a_wrong_backward():
    rng = np.random.default_rng(4)
    net = nnlib.MLP([3, 5, 3], "sigmoid", rng=rng)
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 3, size=6)
    net.activations[0].backward = lambda dA, check=True: dA  # forgets the sigmoid's slope
    net.backward((net.forward(X)[1][-1] - nnlib.one_hot(y, 3)) / len(X))
    numeric = numerical_gradient(lambda: _loss(net, X, y), net.layers[0].W)
    assert relative_error(net.layers[0].dW, numeric) > 1e-2


def test_one_sgd_step_by_hand():
    # x = 1 -> z1 = a1 = 1 (identity) -> logits z2 = (1, -1) -> p = (1 - s, s), s = 1 / (1 + e^2).
    # Label 0: dZ2 = p - (1, 0) = (-s, s); dW2 = a1 * dZ2; dA1 = dZ2 @ W2.T = -2s = dZ1 = dW1 = db1.
    net = nnlib.MLP([1, 1, 2], "identity", lr=1.0, epochs=1, batch_size=1, rng=0)
    net.layers[0].W[:], net.layers[1].W[:] = [[1.0]], [[1.0, -1.0]]
    net.fit([[1.0]], [0])
    s = 1 / (1 + np.e ** 2)
    assert np.allclose(net.layers[0].W, [[1 + 2 * s]]) and np.allclose(net.layers[0].b, [2 * s])
    assert np.allclose(net.layers[1].W, [[1 + s, -1 - s]]) and np.allclose(net.layers[1].b, [s, -s])


def test_fit_is_the_hand_written_loop():
    # Notebook 05's loop, written out with plain arrays for a 4-6-5-3 sigmoid net: a fresh shuffle per
    # epoch, forward, output delta (P - Y) / n, each earlier delta from the next, W -= lr * dW.
    X, y = nnlib.load_iris()
    X = nnlib.standardize(X)
    lr, epochs, batch_size, sizes = 0.3, 5, 16, [4, 6, 5, 3]
    net = nnlib.MLP(sizes, "sigmoid", lr=lr, epochs=epochs, batch_size=batch_size, rng=5).fit(X, y)
    rng = np.random.default_rng(5)
    params = [[rng.normal(0.0, 1 / np.sqrt(n_in), size=(n_in, n_out)), np.zeros(n_out)]
              for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    Y, losses = nnlib.one_hot(y, 3), []
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            As = [X[batch]]
            for W, b in params[:-1]:
                As.append(nnlib.sigmoid(As[-1] @ W + b))
            dZ = (nnlib.softmax(As[-1] @ params[-1][0] + params[-1][1]) - Y[batch]) / len(batch)
            for (W, b), A in reversed(list(zip(params, As))):
                dW, db, dA = A.T @ dZ, dZ.sum(axis=0), dZ @ W.T
                W -= lr * dW
                b -= lr * db
                dZ = dA * A * (1 - A)  # sigmoid'(Z) = A (1 - A); unused after the first layer
        A = X
        for W, b in params[:-1]:
            A = nnlib.sigmoid(A @ W + b)
        losses.append(nnlib.CrossEntropyLoss()(A @ params[-1][0] + params[-1][1], y))
    assert np.allclose(net.loss_curve_, losses, rtol=1e-12, atol=0)
    for layer, (W, b) in zip(net.layers, params):
        assert np.allclose(layer.W, W, rtol=1e-12, atol=1e-15) and np.allclose(layer.b, b, rtol=1e-12, atol=1e-15)


def test_log_loss_from_logits_is_log_loss_of_the_sigmoid_even_for_huge_logits():
    rng = np.random.default_rng(7)
    Z, y = rng.normal(size=(9, 1)), rng.integers(0, 2, size=(9, 1))
    from_logits = nnlib.losses.BCEWithLogitsLoss()
    assert from_logits(Z, y) == pytest.approx(nnlib.BCELoss()(nnlib.sigmoid(Z), y), rel=1e-12)
    assert np.allclose(from_logits.backward(), (nnlib.sigmoid(Z) - y) / 9, rtol=1e-12)
    # sigmoid(40) rounds to 1 in float64, so BCELoss would see log(1 - 1); from logits it is finite:
    # -log(1 - sigmoid(40)) = -log(sigmoid(-40)) = 40 + log(1 + e^-40), about 40.
    assert from_logits(np.array([[40.0]]), np.array([[0.0]])) == pytest.approx(40.0, rel=1e-12)


@pytest.mark.parametrize("sizes", [[2, 2, 1], [2, 4, 1], [2, 4, 2]])
def test_xor_is_learned_perfectly(sizes):
    X, y = nnlib.logic_gate("xor")
    net = nnlib.MLP(sizes, "sigmoid", lr=2.0, epochs=2000, batch_size=4, rng=0).fit(X, y)
    assert net.evaluate(X, y) == 1.0
    assert net.loss_curve_[-1] < 0.1 < net.loss_curve_[0]


def stratified_folds(y, n_folds, rng):
    """Fold number (n,) for every sample: each class dealt out evenly over the folds, in a seeded order."""
    fold = np.empty(len(y), dtype=int)
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        fold[members] = np.arange(len(members)) % n_folds
    return fold


def test_iris_held_out_accuracy_matches_the_published_961_within_two_flowers():
    # Notebook 05's protocol: 10 stratified folds, each held out once (every flower is tested once).
    X, y = nnlib.load_iris()
    fold, accuracies = stratified_folds(y, 10, np.random.default_rng(0)), []
    for k in range(10):
        X_train, X_test = nnlib.standardize(X[fold != k], X[fold == k])
        net = nnlib.MLP([4, 8, 3], "sigmoid", lr=0.5, epochs=200, batch_size=10, rng=k)
        accuracies.append(net.fit(X_train, y[fold != k]).evaluate(X_test, y[fold == k]))
    # One fold, one seed: a check that nothing regressed, not a claim to beat it (notebook 05 has the CV).
    assert np.mean(accuracies) >= 0.961 - 2 / 150, f"held-out accuracy {np.mean(accuracies):.3f}"


def test_same_seed_gives_the_same_loss_curve():
    X, y = nnlib.load_iris()
    curves = [nnlib.MLP([4, 5, 3], epochs=20, rng=seed).fit(X, y).loss_curve_ for seed in (7, 7, 8)]
    assert np.array_equal(curves[0], curves[1]) and not np.allclose(curves[0], curves[2])


def test_fit_records_curves_and_predicts_probabilities():
    X, y = nnlib.load_iris()
    net = nnlib.MLP([4, 6, 3], epochs=15, rng=0).fit(X[::2], y[::2], X_val=X[1::2], y_val=y[1::2])
    for curve in (net.loss_curve_, net.accuracy_curve_, net.val_loss_curve_, net.val_accuracy_curve_):
        assert curve.shape == (15,) and np.all(np.isfinite(curve))
    assert np.all((net.accuracy_curve_ >= 0) & (net.accuracy_curve_ <= 1))
    assert np.isclose(net.val_accuracy_curve_[-1], net.evaluate(X[1::2], y[1::2]))
    P = net.predict_proba(X)
    assert P.shape == (150, 3) and np.allclose(P.sum(axis=1), 1)
    assert np.array_equal(net.predict(X), P.argmax(axis=1))
    binary = nnlib.MLP([2, 3, 1], rng=0).fit(*nnlib.logic_gate("and"))
    assert binary.predict_proba(np.zeros((5, 2))).shape == (5, 2) and binary.val_loss_curve_ is None


def test_divergence_is_reported_not_crashed():
    X, y = nnlib.load_iris()
    for lr in (10.0, 1e3):  # raw centimetres, no squashing activation: every step overshoots more
        net = nnlib.MLP([4, 16, 3], "identity", lr=lr, epochs=50, rng=0).fit(X, y)
        assert net.diverged_ and len(net.loss_curve_) < 50
        assert np.all(net.loss_curve_ <= net.max_loss)


@pytest.mark.parametrize("y, match", [([0, 1, 2, 3], r"class labels 0\.\.2; got 3"),
                                      ([1, 2, 3, 1], r"class labels 0\.\.2"),
                                      ([0, 0.5, 1, 1], r"class labels 0\.\.2; got 0\.5"),
                                      ([0, 1, -1, 2], r"got -1")])
def test_bad_labels(y, match):
    with pytest.raises(ValueError, match=match):
        nnlib.MLP([2, 3, 3], rng=0).fit(np.zeros((4, 2)), y)


def test_labels_that_are_not_numbers_are_a_type_error():
    with pytest.raises(TypeError, match=r"y must hold class labels, whole numbers 0\.\.2; got a list"):
        nnlib.MLP([2, 3, 3], rng=0).fit(np.zeros((4, 2)), ["a", "b", "a", "b"])


def test_bad_labels_for_a_single_sigmoid_output():
    with pytest.raises(ValueError, match=r"class labels 0\.\.1; got 2"):
        nnlib.MLP([2, 3, 1], rng=0).fit(np.zeros((3, 2)), [0, 1, 2])


def test_layer_size_must_match_X():
    net = nnlib.MLP([4, 3, 3], rng=0)
    with pytest.raises(ValueError, match=r"X has 5 features .* layer_sizes\[0\] is 4"):
        net.fit(np.zeros((6, 5)), np.zeros(6, dtype=int))
    with pytest.raises(ValueError, match=r"^X has 2 features \(shape \(6, 2\)\), but layer_sizes\[0\] is 4; the input "
                                         r"layer needs one neuron per column\.$"):
        net.predict(np.zeros((6, 2)))
    with pytest.raises(ValueError, match=r"y has 5 labels; expected 6"):
        net.fit(np.zeros((6, 4)), np.zeros(5, dtype=int))


def test_nan_in_X():
    X = np.ones((4, 2))
    X[1, 0] = np.nan
    with pytest.raises(ValueError, match="X contains 1 NaN"):
        nnlib.MLP([2, 2, 2], rng=0).fit(X, [0, 1, 0, 1])
    with pytest.raises(ValueError, match="X_val contains 1 NaN"):
        nnlib.MLP([2, 2, 2], rng=0).fit(np.ones((4, 2)), [0, 1, 0, 1], X_val=X, y_val=[0, 1, 0, 1])
    with pytest.raises(ValueError, match="X contains 1 NaN"):
        nnlib.MLP([2, 2, 2], rng=0).predict(X)


def test_empty_batches_and_bad_settings():
    with pytest.raises(ValueError, match="X is empty"):
        nnlib.MLP([2, 2, 2], rng=0).fit(np.zeros((0, 2)), [])
    with pytest.raises(ValueError, match=r"batch_size must be a whole number >= 1; got 0"):
        nnlib.MLP([2, 2, 2], batch_size=0)
    with pytest.raises(ValueError, match=r"layer_sizes\[1\] must be a whole number >= 1; got 0"):
        nnlib.MLP([2, 0, 2])
    with pytest.raises(ValueError, match=r"^layer_sizes must list at least \[n_features, n_outputs\], such as "
                                         r"\[4, 8, 3\]; got a list of 1 item\.$"):
        nnlib.MLP([4])
    with pytest.raises(ValueError, match=r"^lr must be a positive number \(> 0\); got -0\.1\.$"):
        nnlib.MLP([2, 2], lr=-0.1)
    with pytest.raises(ValueError, match=r"^unknown activation 'swish'; expected one of \['identity', 'relu', "
                                         r"'sigmoid', 'step', 'tanh'\]\.$"):
        nnlib.MLP([2, 2, 2], activation="swish")
