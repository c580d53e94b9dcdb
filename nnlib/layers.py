"""A fully connected layer, Z = X @ W + b, the building block of the MLP (notebook 05)."""
import numpy as np

from ._validate import as_2d, positive_int, rng as as_rng
from .activations import upstream

MAX_WEIGHTS = 10_000_000  # 80 MB of float64: more weights than this do not fit a notebook's memory


class Dense:
    """Fully connected layer: forward caches X, backward stores dW, db and returns dX."""

    def __init__(self, n_in, n_out, rng=None):
        self.n_in, self.n_out = positive_int(n_in, "n_in"), positive_int(n_out, "n_out")
        if self.n_in * self.n_out > MAX_WEIGHTS:
            raise ValueError(f"Dense({self.n_in}, {self.n_out}) would hold {self.n_in * self.n_out:,} weights; "
                             f"at most {MAX_WEIGHTS:,} fit in memory here: make n_in or n_out smaller.")
        rng = as_rng(rng)
        # Weights ~ N(0, 1/n_in) keep Z's spread near 1 whatever the fan-in, so sigmoids start
        # in their sloped middle rather than saturated; biases start at zero.
        self.W = rng.normal(0.0, 1.0 / np.sqrt(self.n_in), size=(self.n_in, self.n_out))
        self.b = np.zeros(self.n_out)

    def forward(self, X, check=True):
        """Z = X @ W + b for X of shape (n, n_in); returns shape (n, n_out).

        check=False trusts X to be a finite float array of that shape: MLP.fit checks its data once.
        """
        if check:
            X = as_2d(X, "X")
            if X.shape[1] != self.n_in:
                raise ValueError(f"Dense({self.n_in}, {self.n_out}) expects X of shape (n, {self.n_in}); "
                                 f"got shape {X.shape}.")
        self.X = X
        if not check:
            return X @ self.W + self.b  # (n, n_out)
        with np.errstate(over="ignore", invalid="ignore"):  # inputs near 1e308 overflow to inf, silently
            return X @ self.W + self.b

    def backward(self, dZ, check=True):
        """Given dLoss/dZ (n, n_out): store dW (n_in, n_out) and db (n_out,), return dX (n, n_in)."""
        if check:
            dZ = upstream(self, dZ, "dZ", "X", (len(self.X), self.n_out) if hasattr(self, "X") else None)
        self.dW = self.X.T @ dZ  # sums over the batch; the loss already divided by n
        self.db = dZ.sum(axis=0)
        return dZ @ self.W.T

    def __repr__(self):
        return f"Dense({self.n_in}, {self.n_out})"
