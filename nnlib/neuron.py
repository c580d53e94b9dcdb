"""One neuron: z = X @ w + b, a = f(z), trained by full-batch gradient descent (notebooks 01-04)."""
import numpy as np

from ._validate import as_1d, as_2d, epochs as as_epochs, number, positive, positive_int, rng as as_rng
from .activations import get_activation
from .losses import DIVERGED, BCELoss, CrossEntropyLoss, diverged, get_loss


class Neuron:
    """A single neuron with n_inputs weights w (n_inputs,), a bias b and an activation f."""

    max_loss = DIVERGED

    def __init__(self, n_inputs, activation="identity", w=None, b=None, rng=None):
        self.n_inputs = positive_int(n_inputs, "n_inputs")
        self.activation = get_activation(activation)
        rng = as_rng(rng)
        self.w = rng.standard_normal(self.n_inputs) if w is None else \
            as_1d(w, "w", self.n_inputs, per="input (column of X)").astype(float)
        self.b = float(rng.standard_normal()) if b is None else number(b, "b")
        self.diverged_ = False

    def forward(self, X):
        """The neuron's output a = f(X @ w + b) for X (n, n_inputs); returns shape (n,)."""
        if self.diverged_:
            raise ValueError("this neuron diverged during fit (its loss blew up), so its outputs mean "
                             "nothing: fit it again with a smaller lr, or make a new Neuron.")
        X = as_2d(X, "X", self.n_inputs)
        with np.errstate(over="ignore", invalid="ignore"):  # inputs near 1e308: z is inf, as it truly is
            return self.activation.forward(X @ self.w + self.b, check=False)  # (n,)

    __call__ = forward

    def predict(self, X, threshold=0.5):
        """Class labels 0/1: 1 where the output is above threshold."""
        threshold = number(threshold, "threshold")
        return (self.forward(X) > threshold).astype(int)

    def fit(self, X, y, lr=0.1, epochs=100, loss="half_mse"):
        """Full-batch gradient descent; records loss_curve_, w_path_, b_path_ and diverged_. Returns self.

        Entry k of loss_curve_ (and of w_path_, b_path_) is measured before epoch k's update. The run
        stops, with diverged_ = True, once the loss is not finite or passes max_loss (nnlib.losses.diverged).
        """
        X = as_2d(X, "X", self.n_inputs)
        y = as_1d(y, "y", X.shape[0])
        lr, epochs = positive(lr, "lr"), as_epochs(epochs)
        loss = get_loss(loss)
        if isinstance(loss, CrossEntropyLoss):
            raise ValueError("loss 'cross_entropy' is for several classes at once (an MLP with one output "
                             "per class); a neuron has one output: use 'half_mse', 'mse' or 'log_loss'.")
        if isinstance(loss, BCELoss) and self.activation.name not in ("sigmoid", "step"):
            raise ValueError(f"loss 'log_loss' needs outputs in [0, 1]; got activation "
                             f"{self.activation.name!r}. Use activation='sigmoid'.")
        if isinstance(loss, BCELoss) and (y.min() < 0 or y.max() > 1):
            raise ValueError(f"y must lie in [0, 1] for loss 'log_loss'; got values from {y.min():.4g} to "
                             f"{y.max():.4g}.")
        losses, ws, bs = [], [], []
        self.diverged_ = False
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(epochs):
                y_pred = self.activation.forward(X @ self.w + self.b, check=False)  # 1. forward pass
                L = loss.forward(y_pred, y) if np.isfinite(y_pred).all() else np.inf  # 2. loss
                if diverged(L, max_loss=self.max_loss):
                    self.diverged_ = True
                    break
                losses.append(L), ws.append(self.w.copy()), bs.append(self.b)
                dZ = self.activation.backward(loss.backward(), check=False)  # 3. backpropagation, (n,)
                self.w = self.w - lr * (X.T @ dZ)              # 4. update: step downhill
                self.b = self.b - lr * float(dZ.sum())
        self.loss_curve_ = np.array(losses)
        self.w_path_, self.b_path_ = np.array(ws).reshape(-1, self.n_inputs), np.array(bs)
        return self

    def __repr__(self):
        w = ", ".join(f"{v:.4g}" for v in self.w)
        return f"Neuron(w=[{w}], b={self.b:.4g}, activation={self.activation.name!r})"
