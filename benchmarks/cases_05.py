"""Notebook 05's slider: hidden-layer size and learning rate retrain an Iris MLP and redraw its
training and validation curves (CurvesView), on the notebook's split."""
import nnlib
from nnlib.viz.iris import CurvesView

SEED = 0
# As in the notebook: the slider retrains a lighter run (50 epochs, batches of 30) to answer fast.
EPOCHS, BATCH_SIZE = 50, 30


def iris_split():
    """The notebook's 90 training and 30 validation flowers, standardised (the 30 test flowers left out)."""
    X, y = nnlib.load_iris()
    X_rest, _, y_rest, _ = nnlib.train_test_split(X, y, test_size=0.2, rng=SEED)
    X_train, X_val, y_train, y_val = nnlib.train_test_split(X_rest, y_rest, test_size=0.25, rng=SEED)
    return (*nnlib.standardize(X_train, X_val), y_train, y_val)


def make_curves():
    X_train, X_val, y_train, y_val = iris_split()
    return CurvesView(X_train, y_train, X_val, y_val, epochs=EPOCHS, batch_size=BATCH_SIZE, rng=SEED)


CASES = [
    ("05 Iris curves: hidden neurons", make_curves, [{"hidden": h, "lr": 1.0} for h in range(1, 17)]),
    ("05 Iris curves: learning rate", make_curves,
     [{"hidden": 8, "lr": round(0.1 * i, 1)} for i in range(1, 31)]),
]
