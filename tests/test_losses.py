"""Loss values follow PyTorch's definitions, stay finite at the edges and match hand-worked numbers."""
import numpy as np
import pytest

import nnlib


def test_mse_and_half_mse_by_hand():
    pred, y = np.array([1.0, 2.0, 4.0]), np.array([1.0, 0.0, 1.0])
    # squared errors 0, 4, 9 -> mean 13/3; half of it 13/6
    assert nnlib.MSELoss().forward(pred, y) == pytest.approx(13 / 3)
    half = nnlib.HalfMSELoss()
    assert half.forward(pred, y) == pytest.approx(13 / 6)
    assert np.allclose(half.backward(), (pred - y) / 3)


def test_bce_by_hand_and_finite_at_zero_and_one():
    loss = nnlib.BCELoss()
    assert loss.forward(np.array([0.8, 0.1]), np.array([1.0, 0.0])) == \
        pytest.approx(-(np.log(0.8) + np.log(0.9)) / 2)
    # p = 0 for a "yes": PyTorch clamps log(0) to -100, so the loss is 100 / 2, not infinity
    assert loss.forward(np.array([0.0, 1.0]), np.array([1.0, 1.0])) == pytest.approx(50.0)
    assert np.all(np.isfinite(loss.backward()))


def test_cross_entropy_by_hand_and_stable_for_huge_logits():
    loss = nnlib.CrossEntropyLoss()
    Z = np.array([[2.0, 1.0, 0.1]])
    expected = -np.log(np.exp(2.0) / np.exp(Z).sum())
    assert loss.forward(Z, [0]) == pytest.approx(expected)
    huge = np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 0.0]])
    assert loss.forward(huge, [0, 2]) == pytest.approx(1000.0 / 2)
    assert np.allclose(nnlib.softmax(huge).sum(axis=1), 1.0)


@pytest.mark.parametrize("name", ["mse", "half_mse", "log_loss"])
def test_losses_reject_mismatched_shapes(name):
    with pytest.raises(ValueError, match=r"^pred has shape \(3,\) but y has shape \(2,\); expected the same shape "
                                         r"\(one target per prediction\)\.$"):
        nnlib.losses.get_loss(name).forward(np.full(3, 0.5), np.zeros(2))


def test_bce_rejects_logits():
    with pytest.raises(ValueError, match="pred must lie in \\[0, 1\\].*sigmoid"):
        nnlib.BCELoss().forward(np.array([2.5, -1.0]), np.array([1.0, 0.0]))


def test_cross_entropy_rejects_labels_out_of_range():
    with pytest.raises(ValueError, match="class labels 0..2; got 3"):
        nnlib.CrossEntropyLoss().forward(np.zeros((2, 3)), [0, 3])


def test_unknown_loss_name_lists_the_choices():
    with pytest.raises(ValueError, match="unknown loss 'hinge'.*half_mse"):
        nnlib.losses.get_loss("hinge")
