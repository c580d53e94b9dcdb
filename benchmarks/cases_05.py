"""Notebook 05's slider: hidden-layer size and learning rate retrain an Iris MLP and redraw its curves."""
import nnlib
from nnlib.viz.iris import CurvesView

SEED = 0
# As in the notebook: the slider retrains a lighter run (50 epochs, batches of 30) to answer fast.
EPOCHS, BATCH_SIZE = 50, 30


def make_curves():
    X, y = nnlib.load_iris()
    X_train, X_test, y_train, y_test = nnlib.train_test_split(X, y, test_size=0.2, rng=SEED)
    X_train, X_test = nnlib.standardize(X_train, X_test)
    view = CurvesView(X_train, y_train, X_test, y_test, epochs=EPOCHS, batch_size=BATCH_SIZE, rng=SEED)
    return view


CASES = [
    ("05 Iris curves: hidden neurons", make_curves, [{"hidden": h, "lr": 1.0} for h in range(1, 17)]),
    ("05 Iris curves: learning rate", make_curves,
     [{"hidden": 8, "lr": round(0.1 * i, 1)} for i in range(1, 31)]),
]
