"""Notebook 05's Play buttons: the 2-2-1 XOR net and the Iris playground, frame by frame."""
import nnlib
from nnlib.datasets import IRIS_SPECIES
from nnlib.viz.iris_training import IrisTrainingView
from nnlib.viz.mlp_training import XorTrainingView

SEED = 0
PETALS = [2, 3]  # petal length and petal width, as in the notebook's playground


def make_iris_playground():
    """The notebook's view: 90 training and 30 validation flowers in cm (the test flowers left out)."""
    X, y = nnlib.load_iris()
    X_rest, _, y_rest, _ = nnlib.train_test_split(X, y, test_size=0.2, rng=SEED)
    X_train, X_val, y_train, y_val = nnlib.train_test_split(X_rest, y_rest, test_size=0.25, rng=SEED)
    return IrisTrainingView(X_train[:, PETALS], y_train, X_val[:, PETALS], y_val,
                            ["petal length (cm)", "petal width (cm)"], IRIS_SPECIES)


CASES = []  # no sliders here: notebook 05's slider is in cases_05.py
LIVE_CASES = [
    # (label, make_view, settings for view.reset, frames): a whole run of each, as Play shows it
    ("05 XOR 2-2-1: Play (500 epochs)", XorTrainingView, {"lr": 4.0, "seed": 0}, 100),
    ("05 XOR 2-2-1: Play, a stuck start", XorTrainingView, {"lr": 4.0, "seed": 6}, 100),
    ("05 Iris playground: Play (200 epochs)", make_iris_playground, {"hidden": 8, "lr": 0.5, "seed": 0}, 100),
    ("05 Iris playground: Play, 16 neurons, lr 3", make_iris_playground,
     {"hidden": 16, "lr": 3.0, "seed": 0}, 100),
]
