"""MLP.fit(..., patience=): early stopping keeps the weights of the best validation epoch (notebook 05)."""
import numpy as np
import pytest

import nnlib

# A constructed case: logistic regression (no hidden layer, one sigmoid output) on four separable
# points, started from w = 0, b = 0. Training drives w up for ever. The validation set holds four
# points on the right sides and one, x = 2, labelled 0: its loss grows like 2 w, the others' loss
# shrinks, so the validation loss falls from log 2 while w is small, then turns up for good.
X, y = np.array([[-2.0], [-1.0], [1.0], [2.0]]), np.array([0, 0, 1, 1])
X_VAL, Y_VAL = np.array([[-1.0], [1.0], [-0.5], [0.5], [2.0]]), np.array([0, 1, 0, 1, 0])


def fresh(epochs):
    net = nnlib.MLP([1, 1], lr=0.1, epochs=epochs, batch_size=4, rng=0)
    net.layers[0].W[:] = 0.0
    return net


def test_the_constructed_validation_loss_falls_then_rises():
    curve = fresh(100).fit(X, y, X_val=X_VAL, y_val=Y_VAL).val_loss_curve_
    best = int(np.argmin(curve))
    assert 0 < best < 20 and curve[-1] > curve[0] > curve[best]
    assert np.all(np.diff(curve[:best + 1]) < 0) and np.all(np.diff(curve[best:]) > 0)


@pytest.mark.parametrize("patience", [1, 5, 30])
def test_it_stops_patience_epochs_after_the_best_epoch_with_that_epochs_weights(patience):
    best = int(np.argmin(fresh(100).fit(X, y, X_val=X_VAL, y_val=Y_VAL).val_loss_curve_)) + 1
    net = fresh(100).fit(X, y, X_val=X_VAL, y_val=Y_VAL, patience=patience)
    assert net.best_epoch_ == best
    assert len(net.loss_curve_) == len(net.val_loss_curve_) == best + patience  # the curves up to the stop
    same = fresh(best).fit(X, y)  # trained for exactly the best number of epochs, no validation at all
    for mine, theirs in zip(net.layers, same.layers):
        assert np.array_equal(mine.W, theirs.W) and np.array_equal(mine.b, theirs.b)
    assert net.score(X_VAL, Y_VAL)[0] == pytest.approx(net.val_loss_curve_[best - 1])


def test_a_run_shorter_than_its_patience_still_ends_at_the_best_epoch():
    net = fresh(12).fit(X, y, X_val=X_VAL, y_val=Y_VAL, patience=50)
    assert len(net.loss_curve_) == 12 and net.best_epoch_ == np.argmin(net.val_loss_curve_) + 1 < 12
    assert np.array_equal(net.layers[0].W, fresh(net.best_epoch_).fit(X, y).layers[0].W)


def test_early_stopping_is_off_by_default():
    plain, again = fresh(40).fit(X, y, X_val=X_VAL, y_val=Y_VAL), fresh(40).fit(X, y)
    assert len(plain.loss_curve_) == 40 and plain.best_epoch_ == 40
    assert np.array_equal(plain.layers[0].W, again.layers[0].W)  # watching validation changes nothing


def test_on_iris_it_stops_where_the_validation_loss_is_lowest():
    X_iris, y_iris = nnlib.load_iris()
    X_fit, X_held, y_fit, y_held = nnlib.train_test_split(X_iris, y_iris, test_size=0.25, rng=0)
    X_fit, X_held = nnlib.standardize(X_fit, X_held)
    make = lambda: nnlib.MLP([4, 8, 3], lr=2.0, epochs=400, batch_size=30, rng=0)  # noqa: E731
    full = make().fit(X_fit, y_fit, X_val=X_held, y_val=y_held)
    stopped = make().fit(X_fit, y_fit, X_val=X_held, y_val=y_held, patience=40)
    seen = full.val_loss_curve_[:len(stopped.loss_curve_)]  # (a lower point may come later: it gave up first)
    assert stopped.best_epoch_ == np.argmin(seen) + 1 and len(seen) == stopped.best_epoch_ + 40
    assert stopped.score(X_held, y_held)[0] == pytest.approx(seen.min())
    assert full.val_loss_curve_[-1] > seen.min()  # and the full run did overfit afterwards


@pytest.mark.parametrize("patience, error, match", [(0, ValueError, "patience"), (2.5, ValueError, "patience"),
                                                    ("5", TypeError, "patience")])
def test_bad_patience_is_a_clear_error(patience, error, match):
    with pytest.raises(error, match=match):
        fresh(5).fit(X, y, X_val=X_VAL, y_val=Y_VAL, patience=patience)


def test_patience_without_a_validation_set_says_what_it_needs():
    with pytest.raises(ValueError, match="patience needs X_val and y_val"):
        fresh(5).fit(X, y, patience=5)
