"""A multi-layer perceptron: Dense layers with an activation between them, trained by mini-batch
gradient descent (notebook 05, which writes the same loop out by hand first).

Left out on purpose: momentum, Adam, regularisation and early stopping. Plain gradient descent
on a small network is the lesson; everything else is a refinement of this loop.
"""
import numpy as np

from ._validate import as_2d, labels, positive, positive_int
from .activations import get_activation, sigmoid
from .datasets import one_hot
from .layers import Dense
from .losses import DIVERGED, BCEWithLogitsLoss, CrossEntropyLoss, softmax


class MLP:
    """A classifier with layer_sizes = [n_features, hidden..., n_outputs], like scikit-learn's estimators.

    With n_outputs >= 2 the last layer's Z are logits turned into class probabilities by softmax and
    trained with cross-entropy; with n_outputs = 1 a sigmoid gives the probability of class 1, trained
    with log loss. Both pairs give the same clean output delta dZ = (P - Y) / n.
    """

    max_loss = DIVERGED

    def __init__(self, layer_sizes, activation="sigmoid", lr=0.5, epochs=200, batch_size=10, rng=None):
        sizes = list(layer_sizes) if np.ndim(layer_sizes) == 1 else []
        if len(sizes) < 2:
            raise ValueError(f"layer_sizes must list at least [n_features, n_outputs]; got {layer_sizes!r}.")
        self.layer_sizes = [positive_int(n, f"layer_sizes[{i}]") for i, n in enumerate(sizes)]
        self.lr, self.epochs = positive(lr, "lr"), positive_int(epochs, "epochs")
        self.batch_size = positive_int(batch_size, "batch_size")
        self.rng = np.random.default_rng(rng)
        self.layers = [Dense(n_in, n_out, self.rng) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        kind = type(get_activation(activation))
        self.activation = kind.name
        self.activations = [kind() for _ in self.layers[:-1]]  # one per hidden layer: each caches its Z, A
        self.binary = self.layer_sizes[-1] == 1
        self.n_classes = 2 if self.binary else self.layer_sizes[-1]
        self.output, self.loss = (sigmoid, BCEWithLogitsLoss()) if self.binary else (softmax, CrossEntropyLoss())

    def forward(self, X):
        """Every layer's Z and A for X (n, n_features): As[0] is X, As[-1] the output probabilities P."""
        Zs, As = [], [X]
        for layer, f in zip(self.layers, self.activations):
            Zs.append(layer.forward(As[-1]))  # (n, n_out)
            As.append(f.forward(Zs[-1]))
        Zs.append(self.layers[-1].forward(As[-1]))  # logits (n, n_outputs)
        As.append(self.output(Zs[-1]))
        return Zs, As

    def backward(self, dZ):
        """Backpropagate the output delta dZ (n, n_outputs); every Dense stores its dW and db."""
        for layer, f in zip(self.layers[:0:-1], self.activations[::-1]):
            dZ = f.backward(layer.backward(dZ))  # this layer's delta, from the next layer's
        self.layers[0].backward(dZ)

    def update(self):
        """One step downhill: W -= lr * dW and b -= lr * db in every layer."""
        for layer in self.layers:
            layer.W -= self.lr * layer.dW
            layer.b -= self.lr * layer.db

    def fit(self, X, y, X_val=None, y_val=None):
        """Train from the current weights; returns self.

        Records loss_curve_ and accuracy_curve_ on (X, y) after every epoch, and val_loss_curve_,
        val_accuracy_curve_ on (X_val, y_val) when given (else None). diverged_ says whether the
        run blew up; the curves then stop at the last finite epoch.
        """
        X, y = self._check(X, y)
        val = None if X_val is None and y_val is None else self._check(X_val, y_val, "X_val", "y_val")
        Y = y[:, None].astype(float) if self.binary else one_hot(y, self.n_classes)  # (n, n_outputs)
        curves, self.diverged_ = [], False
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for epoch in range(self.epochs):
                order = self.rng.permutation(len(X))  # a new order every epoch
                for start in range(0, len(X), self.batch_size):
                    batch = order[start:start + self.batch_size]
                    Zs, As = self.forward(X[batch])  # 1. forward, keeping every Z and A
                    self.backward((As[-1] - Y[batch]) / len(batch))  # 2-3. output delta, backprop
                    self.update()  # 4. update, with gradients averaged over the mini-batch
                scores = self.score(X, y) + (self.score(*val) if val else ())
                if not np.all(np.isfinite(scores)) or scores[0] > self.max_loss:
                    self.diverged_ = True
                    break
                curves.append(scores)
        curves = np.array(curves).reshape(-1, 4 if val else 2)
        self.loss_curve_, self.accuracy_curve_ = curves[:, 0], curves[:, 1]
        self.val_loss_curve_, self.val_accuracy_curve_ = (curves[:, 2], curves[:, 3]) if val else (None, None)
        return self

    def score(self, X, y):
        """(loss, accuracy) of the network on checked X, y; (nan, nan) if its outputs blew up."""
        Z = self.forward(X)[0][-1]  # logits (n, n_outputs)
        if not np.all(np.isfinite(Z)):
            return (np.nan, np.nan)
        predicted = (Z[:, 0] > 0) if self.binary else Z.argmax(axis=1)  # logit 0 is probability 0.5
        return self.loss(Z, y[:, None] if self.binary else y), float(np.mean(predicted == y))

    def predict_proba(self, X):
        """Class probabilities, shape (n, n_classes); each row sums to 1."""
        X = self._check(X)
        with np.errstate(over="ignore", invalid="ignore"):
            P = self.forward(X)[1][-1]
        return np.hstack([1 - P, P]) if self.binary else P

    def predict(self, X):
        """Class labels (n,): the most probable class of every row."""
        return self.predict_proba(X).argmax(axis=1)

    def evaluate(self, X, y):
        """Accuracy in [0, 1]: the fraction of rows whose predicted class is y."""
        X, y = self._check(X, y)
        return float(np.mean(self.predict(X) == y))

    def _check(self, X, y=None, x_name="X", y_name="y"):
        """X as a finite (n, layer_sizes[0]) array, and y as labels 0..n_classes-1 when given."""
        X = as_2d(X, x_name)
        if X.shape[1] != self.layer_sizes[0]:
            raise ValueError(f"{x_name} has {X.shape[1]} features (shape {X.shape}), but layer_sizes[0] "
                             f"is {self.layer_sizes[0]}; the input layer needs one neuron per column.")
        if y is None:
            return X
        return X, labels(y, y_name, n_classes=self.n_classes, n_samples=len(X))

    def __repr__(self):
        return (f"MLP({self.layer_sizes}, activation={self.activation!r}, lr={self.lr:g}, epochs={self.epochs}, "
                f"batch_size={self.batch_size})")
