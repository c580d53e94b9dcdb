"""Losses: one number for how wrong the predictions are (notebook 02).

Definitions follow PyTorch's defaults (MSELoss, BCELoss, CrossEntropyLoss), so a learner who moves
on sees the same numbers. ``forward`` returns the batch mean; ``backward`` returns the gradient with
respect to the predictions, already divided by n, so the learning rate does not depend on batch size.
"""
import numpy as np

from ._validate import array, choice, labels
from .activations import _sigmoid

DIVERGED = 1e8  # a training loss past this means the learning rate blew the run up: stop, say "diverged"
GROWTH = 100  # an MLP's loss past 100 x its start has blown up too: cross-entropy grows only in step with
#               the weights, so it may never reach DIVERGED (squared losses grow geometrically: they do)


def diverged(loss, start=None, max_loss=DIVERGED, growth=None):  # the rule every training loop stops on
    """True when a run has blown up: its loss is not finite, past max_loss or past growth x its start."""
    limit = max_loss if growth is None else min(max_loss, growth * max(start, 1.0))
    return not loss <= limit  # also True for NaN


class _Loss:
    """What every loss shares: ``loss(pred, y)`` is ``loss.forward(pred, y)``; backward needs forward."""

    def __call__(self, pred, y):
        return self.forward(pred, y)

    def _cached(self):
        if not hasattr(self, "y"):
            raise ValueError(f"{type(self).__name__}.backward() gives the gradient of the last loss computed: "
                             "call forward(pred, y) first.")


def _pair(pred, y, pred_name="pred"):
    pred, y = array(pred, pred_name), array(y, "y")
    if pred.shape != y.shape:
        raise ValueError(f"{pred_name} has shape {pred.shape} but y has shape {y.shape}; "
                         "expected the same shape (one target per prediction).")
    return pred, y


class MSELoss(_Loss):
    """Mean squared error: mean((pred - y)^2) over all elements."""

    scale = 1.0  # HalfMSELoss sets 0.5: the 1/2 cancels the 2 from the derivative

    def forward(self, pred, y):
        """Return the loss (a float) and cache what backward needs."""
        self.pred, self.y = _pair(pred, y)
        with np.errstate(over="ignore"):  # a blown-up run's huge errors square to inf: its caller stops it
            return float(self.scale * np.mean((self.pred - self.y) ** 2))

    def backward(self):
        """dLoss/dpred, shape of pred: 2 (pred - y) / n for MSE."""
        self._cached()
        return self.scale * 2.0 * (self.pred - self.y) / self.pred.size


class HalfMSELoss(MSELoss):
    """Half the mean squared error, mean((pred - y)^2) / 2: its gradient is simply (pred - y) / n."""

    scale = 0.5


class BCELoss(_Loss):
    """Binary cross-entropy (log loss) on probabilities: -mean(y log p + (1 - y) log(1 - p))."""

    log_floor = -100.0  # as PyTorch: log(0) counts as -100, so p = 0 or 1 gives a large, finite loss
    eps = 1e-12  # keeps the gradient's division by p (1 - p) finite at p = 0 or 1

    def forward(self, pred, y):
        """Return the loss for probabilities pred in [0, 1] and targets y in [0, 1]."""
        self.pred, self.y = _pair(pred, y)
        for name, a in (("pred", self.pred), ("y", self.y)):
            if a.min() < 0 or a.max() > 1:
                raise ValueError(f"{name} must lie in [0, 1] for BCELoss; got values from "
                                 f"{a.min():.4g} to {a.max():.4g}. (Did you pass logits? Apply sigmoid first.)")
        with np.errstate(divide="ignore"):
            log_p = np.maximum(np.log(self.pred), self.log_floor)
            log_1p = np.maximum(np.log1p(-self.pred), self.log_floor)
        return float(-np.mean(self.y * log_p + (1 - self.y) * log_1p))

    def backward(self):
        """dLoss/dpred = (p - y) / (p (1 - p)) / n."""
        self._cached()
        p = self.pred
        return (p - self.y) / np.maximum(p * (1 - p), self.eps) / p.size


class BCEWithLogitsLoss(_Loss):
    """Log loss from logits z (n, 1) and targets y: BCELoss(sigmoid(z), y), computed without overflow."""

    def forward(self, Z, y):
        """Return the loss; log(sigmoid(z)) = -log(1 + e^-z) is written so that no exponent is positive."""
        self.Z, self.y = _pair(Z, y, "Z")
        log_p = -np.logaddexp(0.0, -self.Z)  # log sigmoid(z)
        log_1p = -np.logaddexp(0.0, self.Z)  # log (1 - sigmoid(z)) = log sigmoid(-z)
        with np.errstate(over="ignore"):  # a sum of losses near 1e308 is inf: so is its mean
            return float(-np.mean(self.y * log_p + (1 - self.y) * log_1p))

    def backward(self):
        """dLoss/dz = (sigmoid(z) - y) / n: the sigmoid's slope cancels against the log loss's."""
        self._cached()
        return (_sigmoid(self.Z) - self.y) / self.Z.size


def softmax(Z):
    """Row-wise softmax of logits Z (n, k), or of one sample's logits (k,); each row sums to 1."""
    Z = array(Z, "Z")
    if Z.ndim not in (1, 2):
        raise ValueError(f"Z must hold logits, 1-D (k,) or 2-D (n_samples, k); got shape {Z.shape}.")
    return _softmax(Z)


def _softmax(Z):
    with np.errstate(over="ignore"):  # Z - max may overflow to -inf for logits near 1e308: exp(-inf) = 0
        E = np.exp(Z - Z.max(axis=-1, keepdims=True))  # (n, k); subtracting the row max keeps exp() finite
    E /= E.sum(axis=-1, keepdims=True)
    return E


def log_softmax(Z):
    """Row-wise log(softmax(Z)) of logits Z (n, k), stable for huge logits (the row max taken out)."""
    with np.errstate(over="ignore"):  # as in _softmax: a -inf here is a probability of 0
        shifted = Z - Z.max(axis=1, keepdims=True)  # (n, k)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class CrossEntropyLoss(_Loss):
    """Softmax cross-entropy from logits Z (n, k) and integer labels y (n,): -mean(log softmax(Z)[y])."""

    def forward(self, Z, y):
        """Return the loss; stable for huge logits (log-sum-exp with the row max taken out)."""
        Z = array(Z, "Z")
        if Z.ndim != 2 or Z.shape[1] < 2:
            raise ValueError(f"Z (the logits) must be 2-D, a column per class (at least 2); got shape {Z.shape}.")
        self.y = labels(y, "y", n_classes=Z.shape[1], n_samples=Z.shape[0], per="row of Z")
        log_probs = log_softmax(Z)  # (n, k)
        self.probs = np.exp(log_probs)
        with np.errstate(over="ignore"):  # as in BCEWithLogitsLoss
            return float(-np.mean(log_probs[np.arange(len(self.y)), self.y]))

    def backward(self):
        """dLoss/dZ = (softmax(Z) - one_hot(y)) / n: softmax and log fused into one clean gradient."""
        self._cached()
        dZ = self.probs.copy()
        dZ[np.arange(len(self.y)), self.y] -= 1.0
        return dZ / len(self.y)


LOSSES = {"mse": MSELoss, "half_mse": HalfMSELoss, "log_loss": BCELoss, "bce": BCELoss,
          "cross_entropy": CrossEntropyLoss}


def get_loss(loss):
    """Return a loss object from a name ("half_mse", "mse", "log_loss", "cross_entropy") or pass one through."""
    if hasattr(loss, "forward") and hasattr(loss, "backward"):
        return loss
    return LOSSES[choice(loss, LOSSES, "loss")]()
