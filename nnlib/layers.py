"""A fully connected layer, Z = X @ W + b, the building block of the MLP (notebook 05)."""
import numpy as np

from ._checks import positive_int


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
        # A.dot(B) is A @ B; on arrays this small it skips ~0.6 us of call overhead per product.
        return X.dot(self.W) + self.b  # (n, n_out)

    def backward(self, dZ, need_dX=True):
        """Given dLoss/dZ (n, n_out): store dW (n_in, n_out) and db (n_out,), return dX (n, n_in).

        need_dX=False skips dX and returns None: the first layer's X is the data, which needs no gradient.
        """
        self.dW = self.X.T.dot(dZ)  # X^T @ dZ sums over the batch; the loss already divided by n
        self.db = dZ.sum(axis=0)
        return dZ.dot(self.W.T) if need_dX else None  # dX = dZ @ W^T

    def __repr__(self):
        return f"Dense({self.n_in}, {self.n_out})"
