"""A fully connected layer, Z = X @ W + b, the building block of the MLP (notebook 05)."""
import numpy as np

from ._validate import positive_int


class Dense:
    """Fully connected layer: forward caches X, backward stores dW, db and returns dX."""

    def __init__(self, n_in, n_out, rng=None):
        self.n_in, self.n_out = positive_int(n_in, "n_in"), positive_int(n_out, "n_out")
        rng = np.random.default_rng(rng)
        # Weights ~ N(0, 1/n_in) keep Z's spread near 1 whatever the fan-in, so sigmoids start
        # in their sloped middle rather than saturated; biases start at zero.
        self.W = rng.normal(0.0, 1.0 / np.sqrt(self.n_in), size=(self.n_in, self.n_out))
        self.b = np.zeros(self.n_out)

    def forward(self, X):
        """Z = X @ W + b for X of shape (n, n_in); returns shape (n, n_out)."""
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_in:
            raise ValueError(f"Dense({self.n_in}, {self.n_out}) expects X of shape (n, {self.n_in}); "
                             f"got shape {X.shape}.")
        self.X = X
        return X @ self.W + self.b  # (n, n_out)

    def backward(self, dZ):
        """Given dLoss/dZ (n, n_out): store dW (n_in, n_out) and db (n_out,), return dX (n, n_in)."""
        self.dW = self.X.T @ dZ  # sums over the batch; the loss already divided by n
        self.db = dZ.sum(axis=0)
        return dZ @ self.W.T

    def __repr__(self):
        return f"Dense({self.n_in}, {self.n_out})"
