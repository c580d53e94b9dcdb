"""How good a classifier's answers are: counts of right and wrong per class (notebook 05)."""
import numpy as np

from ._validate import labels, positive_int


def confusion_matrix(y_true, y_pred, n_classes):
    """Counts (n_classes, n_classes): row = the true class, column = the predicted class."""
    n_classes = positive_int(n_classes, "n_classes")
    y_true = labels(y_true, "y_true", n_classes=n_classes)
    y_pred = labels(y_pred, "y_pred", n_classes=n_classes, n_samples=len(y_true))
    M = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(M, (y_true, y_pred), 1)  # one count per (true, predicted) pair
    return M
