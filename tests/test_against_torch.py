"""nnlib against PyTorch's autograd, micrograd-style: the same numbers in, the same numbers out.

PyTorch is not a course requirement: these tests run where it is installed and are skipped elsewhere.
"""
import numpy as np
import pytest

import nnlib
from nnlib.losses import BCEWithLogitsLoss

torch = pytest.importorskip("torch")


def grad_of(loss_fn, pred, *rest):
    """(loss, d loss / d pred) from PyTorch's autograd, in float64."""
    p = torch.tensor(pred, dtype=torch.float64, requires_grad=True)
    loss = loss_fn(p, *(torch.as_tensor(r) for r in rest))
    loss.backward()
    return loss.item(), p.grad.numpy()


CASES = {
    "mse": (nnlib.MSELoss, lambda p, y: torch.nn.functional.mse_loss(p, y), "probabilities"),
    "half_mse": (nnlib.HalfMSELoss, lambda p, y: 0.5 * torch.nn.functional.mse_loss(p, y), "probabilities"),
    "bce": (nnlib.BCELoss, lambda p, y: torch.nn.functional.binary_cross_entropy(p, y), "probabilities"),
    "bce_logits": (BCEWithLogitsLoss, lambda z, y: torch.nn.functional.binary_cross_entropy_with_logits(z, y),
                   "logits"),
}


@pytest.mark.parametrize("name", CASES)
def test_every_loss_and_its_gradient_match_pytorch(name):
    ours, theirs, kind = CASES[name]
    rng = np.random.default_rng(11)
    pred = rng.uniform(0.02, 0.98, size=(7, 2)) if kind == "probabilities" else 4 * rng.normal(size=(7, 2))
    y = rng.integers(0, 2, size=(7, 2)).astype(float)
    loss = ours()
    value, grad = grad_of(theirs, pred, y)
    assert loss(pred, y) == pytest.approx(value, rel=1e-12)
    assert np.allclose(loss.backward(), grad, rtol=1e-10, atol=1e-15)


def test_cross_entropy_from_logits_matches_pytorch_even_for_huge_logits():
    rng = np.random.default_rng(12)
    for scale in (1.0, 300.0):
        Z, y = scale * rng.normal(size=(9, 3)), rng.integers(0, 3, size=9)
        loss = nnlib.CrossEntropyLoss()
        value, grad = grad_of(torch.nn.functional.cross_entropy, Z, y)
        assert loss(Z, y) == pytest.approx(value, rel=1e-12)
        assert np.allclose(loss.backward(), grad, rtol=1e-10, atol=1e-15)


@pytest.mark.parametrize("name, theirs", [("sigmoid", torch.sigmoid), ("tanh", torch.tanh),
                                          ("relu", torch.relu)])
def test_activation_backward_matches_pytorch(name, theirs):
    rng = np.random.default_rng(13)
    Z, dA = 3 * rng.normal(size=(5, 4)), rng.normal(size=(5, 4))
    layer = nnlib.activations.get_activation(name)
    A = layer.forward(Z)
    z = torch.tensor(Z, requires_grad=True)
    out = theirs(z)
    out.backward(torch.tensor(dA))
    assert np.allclose(A, out.detach().numpy(), rtol=1e-12)
    assert np.allclose(layer.backward(dA), z.grad.numpy(), rtol=1e-10, atol=1e-15)


def test_one_mlp_step_matches_pytorch_sgd():
    rng = np.random.default_rng(14)
    X, y = rng.normal(size=(6, 4)), rng.integers(0, 3, size=6)
    net = nnlib.MLP([4, 5, 3], "sigmoid", lr=0.5, rng=3)
    model = torch.nn.Sequential(torch.nn.Linear(4, 5), torch.nn.Sigmoid(), torch.nn.Linear(5, 3)).double()
    with torch.no_grad():  # nn.Linear keeps W as (n_out, n_in): ours transposed
        for linear, dense in zip(model[::2], net.layers):
            linear.weight.copy_(torch.from_numpy(dense.W.T)), linear.bias.copy_(torch.from_numpy(dense.b))
    # One mini-batch step, as fit() takes it: forward, output delta, backward, update.
    Zs, As = net.forward(X)
    net.backward((As[-1] - nnlib.one_hot(y, 3)) / len(X))
    net.update()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    torch.nn.functional.cross_entropy(model(torch.from_numpy(X)), torch.from_numpy(y)).backward()
    optimizer.step()
    for linear, dense in zip(model[::2], net.layers):
        assert np.allclose(dense.W, linear.weight.detach().numpy().T, rtol=1e-12, atol=1e-14)
        assert np.allclose(dense.b, linear.bias.detach().numpy(), rtol=1e-12, atol=1e-14)
