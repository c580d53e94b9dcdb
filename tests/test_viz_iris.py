"""Notebook 05's Iris pictures: the validation curves, the cross-validation strip plot, the playground."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnlib  # noqa: E402
from nnlib.datasets import IRIS_SPECIES  # noqa: E402
from nnlib.viz.iris import CurvesView, plot_cv_scores  # noqa: E402
from nnlib.viz.iris_training import IrisTrainingView  # noqa: E402

PETALS = [2, 3]


def teardown_function():
    plt.close("all")


def split():
    """The notebook's split: 90 training and 30 validation flowers in cm; the 30 test flowers left out."""
    X, y = nnlib.load_iris()
    X_rest, _, y_rest, _ = nnlib.train_test_split(X, y, test_size=0.2, rng=0)
    return nnlib.train_test_split(X_rest, y_rest, test_size=0.25, rng=0)


@pytest.fixture(scope="module")
def playground():
    X_train, X_val, y_train, y_val = split()
    return IrisTrainingView(X_train[:, PETALS], y_train, X_val[:, PETALS], y_val,
                            ["petal length (cm)", "petal width (cm)"], IRIS_SPECIES)


def test_curves_watch_the_validation_set_on_an_axis_that_shows_the_action():
    X_train, X_val, y_train, y_val = split()
    X_train, X_val = nnlib.standardize(X_train, X_val)
    view = CurvesView(X_train, y_train, X_val, y_val, epochs=30, batch_size=30, rng=0)
    view.update(hidden=4, lr=1.0)
    net = nnlib.MLP([4, 4, 3], lr=1.0, epochs=30, batch_size=30, rng=0)
    net.fit(X_train, y_train, X_val=X_val, y_val=y_val)
    assert np.allclose(view.lines["loss", "validation"].get_ydata(), net.val_loss_curve_)
    assert [t.get_text() for t in view.ax_acc.get_legend().get_texts()] == ["training set", "validation set"]
    assert view.ax_acc.get_title() == f"Accuracy: {net.val_accuracy_curve_[-1]:.1%} of the validation set right"
    assert view.ax_acc.get_ylim()[0] >= 0.5  # not 0 to 1: the runs differ near the top


@pytest.mark.parametrize("steps", [[1] * 6, [2, 4], [6]])
def test_after_k_epochs_the_playground_holds_mlp_fit_of_k_epochs(playground, steps):
    playground.reset(hidden=5, lr=0.8, seed=2)
    for n in steps:
        playground.step(n)
    reference = nnlib.MLP([2, 5, 3], "sigmoid", lr=0.8, epochs=6, batch_size=10, rng=2).fit(*playground.data)
    assert playground.epoch == 6
    assert all(np.array_equal(a.W, b.W) for a, b in zip(playground.net.layers, reference.layers))
    assert np.allclose(playground.curves["loss", "val"][1:], reference.val_loss_curve_)
    assert np.allclose(playground.curves["accuracy", "train"][1:], reference.accuracy_curve_)


def test_the_network_learns_on_training_flowers_scaled_by_their_own_statistics(playground):
    X_train, X_val, y_train, y_val = split()
    X_fit, y_fit, X_held, y_held = playground.data
    scaled_train, scaled_val = nnlib.standardize(X_train[:, PETALS], X_val[:, PETALS])
    assert np.allclose(X_fit, scaled_train) and np.allclose(X_held, scaled_val)
    assert np.array_equal(y_fit, y_train) and np.array_equal(y_held, y_val) and len(y_held) == 30


def test_the_regions_are_the_predicted_species_and_the_readout_counts_validation_flowers(playground):
    playground.update(hidden=8, lr=0.5, seed=0)
    regions = playground.regions.get_array()
    assert np.array_equal(regions.ravel(), playground.net.predict(playground.grid))
    assert regions[0, 0] == 0 and regions[-1, -1] == 2  # small petals setosa, large ones virginica
    right = round(playground.net.evaluate(*playground.data[2:]) * 30)
    assert playground.readout.get_text() == f"epoch 200 of 200: {right} of 30 validation flowers right"
    assert playground.fig._suptitle.get_text() == \
        "A 2-8-3 MLP learns Iris from two measurements: learning rate 0.5, seed 0"
    assert [len(p.get_offsets()) for p in playground.points] == [40, 40, 40]  # training and validation
    assert playground.png()[:4] == b"\x89PNG"


def test_the_epoch_axes_follow_the_run(playground):
    playground.reset(epochs=60)
    assert playground.ax_loss.get_xlim()[1] == playground.ax_acc.get_xlim()[1] == pytest.approx(61.2)
    playground.reset()


def test_cv_strip_plot_shows_every_fold_every_repeat_and_the_reference():
    scores = {"a": np.array([[1.0, 0.8, 0.9], [0.9, 0.9, 1.0]]),
              "b": np.array([[0.7, 0.8, 0.9], [0.8, 0.8, 0.8]])}
    ax = plot_cv_scores(scores, reference=("published: 85%", 0.85))
    folds, repeats = ax.collections[0], ax.collections[1]
    assert np.allclose(sorted(folds.get_offsets()[:, 0]), sorted(100 * scores["a"].ravel()))
    assert np.allclose(repeats.get_offsets()[:, 0], [90, 100 * 2.8 / 3])  # one dot per repeat: its mean
    texts = [t.get_text() for t in ax.texts]
    sd = np.std(100 * scores["a"].mean(axis=1), ddof=1)
    assert f"mean {100 * scores['a'].mean():.1f}% ± {sd:.1f}" in texts
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert "published: 85%" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_xlabel() == "held-out accuracy (%)"
