"""A multi-layer perceptron: Dense layers with an activation between them, trained by mini-batch
gradient descent (notebook 05, which writes the same loop out by hand first).

Left out on purpose: momentum, Adam and regularisation (early stopping is one option, patience=).
Plain gradient descent on a small network is the lesson; everything else refines this loop.
"""
import numpy as np

from ._validate import as_2d, describe, epochs as as_epochs, labels, positive, positive_int, rng as as_rng
from .activations import _sigmoid, get_activation
from .datasets import one_hot
from .layers import Dense
from .losses import DIVERGED, GROWTH, BCEWithLogitsLoss, CrossEntropyLoss, _softmax, diverged


class MLP:
    """A classifier with layer_sizes = [n_features, hidden..., n_outputs], like scikit-learn's estimators.

    With n_outputs >= 2 the last layer's Z are logits turned into class probabilities by softmax and
    trained with cross-entropy; with n_outputs = 1 a sigmoid gives the probability of class 1, trained
    with log loss. Both pairs give the same clean output delta dZ = (P - Y) / n.
    """

    max_loss, max_growth = DIVERGED, GROWTH  # when fit() calls a run diverged: nnlib.losses.diverged

    def __init__(self, layer_sizes, activation="sigmoid", lr=0.5, epochs=200, batch_size=10, rng=None):
        listed = isinstance(layer_sizes, (list, tuple)) or getattr(layer_sizes, "ndim", None) == 1  # or an array
        if not listed or len(layer_sizes) < 2:
            raise (ValueError if listed else TypeError)("layer_sizes must list at least [n_features, n_outputs], "
                                                        f"such as [4, 8, 3]; got {describe(layer_sizes)}.")
        self.layer_sizes = sizes = [positive_int(n, f"layer_sizes[{i}]") for i, n in enumerate(layer_sizes)]
        self.lr, self.epochs = positive(lr, "lr"), as_epochs(epochs)
        self.batch_size = positive_int(batch_size, "batch_size")
        self.rng = as_rng(rng)
        kind = type(get_activation(activation))
        self.layers = [Dense(n_in, n_out, self.rng) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self.activation = kind.name
        self.activations = [kind() for _ in self.layers[:-1]]  # one per hidden layer: each caches its Z, A
        self.binary = self.layer_sizes[-1] == 1
        self.n_classes = 2 if self.binary else self.layer_sizes[-1]
        self.output, self.loss = (_sigmoid, BCEWithLogitsLoss()) if self.binary else (_softmax, CrossEntropyLoss())

    def forward(self, X, check=True):
        """Every layer's Z and A for X (n, n_features): As[0] is X, As[-1] the output probabilities P.
        check=False trusts X to be checked already: fit() checks its data once, not every batch."""
        if check:  # a learner's call: checked, and inputs near 1e308 overflow to inf silently, as in fit
            with np.errstate(over="ignore", invalid="ignore"):
                return self.forward(self._check(X), check=False)
        Zs, As = [], [X]
        for layer, f in zip(self.layers, self.activations):
            Zs.append(layer.forward(As[-1], check=False))  # (n, n_out)
            As.append(f.forward(Zs[-1], check=False))
        Zs.append(self.layers[-1].forward(As[-1], check=False))  # logits (n, n_outputs)
        As.append(self.output(Zs[-1]))
        return Zs, As

    def backward(self, dZ, check=True):
        """Backpropagate the output delta dZ (n, n_outputs); every Dense stores its dW and db.
        check=False trusts dZ to be the delta of the last forward(), as fit() computes it."""
        for layer, f in zip(self.layers[:0:-1], self.activations[::-1]):
            dZ = f.backward(layer.backward(dZ, check), check=False)  # this layer's delta, from the next's
            check = False  # only the delta given from outside needs a check
        self.layers[0].backward(dZ, check)

    def update(self):
        """One step downhill: W -= lr * dW and b -= lr * db in every layer."""
        for layer in self.layers:
            layer.W -= self.lr * layer.dW
            layer.b -= self.lr * layer.db

    def fit(self, X, y, X_val=None, y_val=None, patience=None):
        """Train from the current weights; returns self.

        Records loss_curve_ and accuracy_curve_ on (X, y) after every epoch, and val_loss_curve_,
        val_accuracy_curve_ on (X_val, y_val) when given (else None). diverged_ says whether the
        run blew up (nnlib.losses.diverged: the loss not finite, past max_loss or grown past GROWTH
        times its start); the curves then stop at the last epoch before that.
        patience (needs X_val): early stopping, back at the best validation epoch's weights (best_epoch_).
        """
        X, y = self._check_pair(X, y)  # checked once, here: the loop below trusts its arrays
        if (X_val is None) != (y_val is None):
            raise ValueError("X_val and y_val go together: give both (a validation set and its labels) "
                             f"or neither; got X_val = {describe(X_val)}, y_val = {describe(y_val)}.")
        val = None if X_val is None else self._check_pair(X_val, y_val, "X_val", "y_val")
        if patience is not None and positive_int(patience, "patience") and val is None:  # (checks it too)
            raise ValueError("patience needs X_val and y_val: early stopping watches the validation loss.")
        Y = y[:, None].astype(float) if self.binary else one_hot(y, self.n_classes)  # (n, n_outputs)
        curves, self.diverged_, best = [], False, None  # best: (validation loss, epoch, weights)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            first_loss = self.score(X, y)[0]  # before training: diverged() compares with it
            for epoch in range(self.epochs):
                order = self.rng.permutation(len(X))  # a new order every epoch
                for start in range(0, len(X), self.batch_size):
                    batch = order[start:start + self.batch_size]
                    Zs, As = self.forward(X[batch], check=False)  # 1. forward, keeping every Z and A
                    self.backward((As[-1] - Y[batch]) / len(batch), check=False)  # 2-3. output delta, backprop
                    self.update()  # 4. update, with gradients averaged over the mini-batch
                scores = self.score(X, y) + (self.score(*val) if val else ())
                self.diverged_ = diverged(scores[0], first_loss, self.max_loss, self.max_growth)
                if self.diverged_ or not np.all(np.isfinite(scores)):  # (the validation set's too)
                    self.diverged_ = True
                    break
                curves.append(scores)
                if patience and (best is None or scores[2] < best[0]):  # early stopping: the best epoch yet
                    best = (scores[2], len(curves), [(layer.W.copy(), layer.b.copy()) for layer in self.layers])
                elif patience and len(curves) - best[1] >= patience:
                    break  # patience epochs in a row without a better validation loss
        for layer, (W, b) in zip(self.layers, best[2] if best else []):  # back to the best epoch's weights
            layer.W, layer.b = W, b
        self.best_epoch_ = best[1] if best else len(curves)
        curves = np.array(curves).reshape(-1, 4 if val else 2)
        self.loss_curve_, self.accuracy_curve_ = curves[:, 0], curves[:, 1]
        self.val_loss_curve_, self.val_accuracy_curve_ = (curves[:, 2], curves[:, 3]) if val else (None, None)
        return self

    def score(self, X, y):
        """(loss, accuracy) of the network on checked X, y; (inf, nan) if its outputs blew up."""
        Z = self.forward(X, check=False)[0][-1]  # logits (n, n_outputs)
        if not np.all(np.isfinite(Z)):
            return (np.inf, np.nan)
        predicted = (Z[:, 0] > 0) if self.binary else Z.argmax(axis=1)  # logit 0 is probability 0.5
        return self.loss(Z, y[:, None] if self.binary else y), float(np.mean(predicted == y))

    def predict_proba(self, X):
        """Class probabilities, shape (n, n_classes); each row sums to 1."""
        X = self._check(X)
        if getattr(self, "diverged_", True):
            raise ValueError("this MLP diverged during fit (its loss blew up), so its predictions mean "
                             "nothing: fit a new MLP with a smaller lr." if hasattr(self, "diverged_") else
                             "this MLP has not been trained yet: call fit(X, y) first (forward(X) shows "
                             "what the untrained network computes).")
        with np.errstate(over="ignore", invalid="ignore"):
            P = self.forward(X, check=False)[1][-1]
        return np.hstack([1 - P, P]) if self.binary else P

    def predict(self, X):
        """Class labels (n,): the most probable class of every row."""
        return self.predict_proba(X).argmax(axis=1)

    def evaluate(self, X, y):
        """Accuracy in [0, 1]: the fraction of rows whose predicted class is y."""
        X, y = self._check_pair(X, y)
        return float(np.mean(self.predict(X) == y))

    def _check(self, X, x_name="X"):
        """X as a finite (n, layer_sizes[0]) array."""
        X = as_2d(X, x_name)
        if X.shape[1] != self.layer_sizes[0]:
            raise ValueError(f"{x_name} has {X.shape[1]} features (shape {X.shape}), but layer_sizes[0] "
                             f"is {self.layer_sizes[0]}; the input layer needs one neuron per column.")
        return X

    def _check_pair(self, X, y, x_name="X", y_name="y"):
        """X checked as _check does, and y as labels 0..n_classes-1, one per row of X."""
        X = self._check(X, x_name)
        return X, labels(y, y_name, self.n_classes, len(X), per=f"row of {x_name}")

    def __repr__(self):
        return (f"MLP({self.layer_sizes}, activation={self.activation!r}, lr={self.lr:g}, epochs={self.epochs}, "
                f"batch_size={self.batch_size})")
