"""Plot helpers draw what they are given, label it, and leave matplotlib's global state alone."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import nnlib  # noqa: E402
from nnlib import datasets, viz  # noqa: E402
from nnlib.viz import iris as iris_views  # noqa: E402
from nnlib.viz import plots as plotting  # noqa: E402


def teardown_function():
    plt.close("all")


def test_decision_boundary_shades_the_classifier_output_with_points_on_top():
    X, y = nnlib.logic_gate("and")
    neuron = nnlib.Neuron(2, "sigmoid", w=[4.0, 4.0], b=-6.0)
    rc_before = dict(matplotlib.rcParams)
    ax = plotting.plot_decision_boundary(neuron.forward, X, y, resolution=50)
    shade = ax.images[0].get_array()
    assert shade.shape == (50, 50)
    assert shade[0, 0] < 0.01 and shade[-1, -1] > 0.99  # "no" at bottom left, "yes" at top right
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["no", "yes"] and ax.get_title() == "Decision boundary"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("$x_1$", "$x_2$")
    assert len(ax.collections) >= 2  # the 0.5 contour and one scatter per class
    assert dict(matplotlib.rcParams) == rc_before


def test_decision_boundary_with_three_classes_shades_labels():
    X, y = nnlib.load_iris()
    X2 = X[:, 2:]
    ax = plotting.plot_decision_boundary(lambda P: (P[:, 0] > 2.5).astype(int) + (P[:, 0] > 5),
                                         X2, y, names=nnlib.datasets.IRIS_SPECIES, resolution=40)
    assert set(np.unique(ax.images[0].get_array())) == {0, 1, 2}


def test_loss_curve_draws_the_losses_it_is_given():
    _, ax = plt.subplots()
    assert plotting.plot_loss_curve([3.0, 2.0, 1.5], ax=ax, log=True) is ax
    assert np.array_equal(ax.lines[0].get_ydata(), [3.0, 2.0, 1.5])
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "epoch"


def test_loss_vs_param_and_contours_show_the_path():
    w = np.linspace(-1, 3, 41)
    ax = plotting.plot_loss_vs_param(w, (w - 1) ** 2, path=([3, 2, 1.5], [4, 1, 0.25]))
    assert np.array_equal(ax.lines[1].get_xdata(), [3, 2, 1.5])
    W, B = np.meshgrid(w, w)
    path = np.array([[3.0, -1.0], [2.0, 0.0], [1.0, 1.0]])
    ax = plotting.plot_loss_contours(W, B, (W - 1) ** 2 + (B - 1) ** 2, path=path)
    assert np.array_equal(np.c_[ax.lines[0].get_xdata(), ax.lines[0].get_ydata()], path)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["path", "start"]


def test_classes_differ_by_colour_blind_safe_colour_and_by_marker_shape():
    X, y = nnlib.load_iris()
    for draw in (lambda: plotting.scatter_classes(X[:, :2], y, names=("a", "b", "c")).collections,
                 lambda: [c for c in iris_views.plot_scatter_matrix(
                     X, y, list(datasets.IRIS_FEATURES), ["a", "b", "c"])[0, 1].collections]):
        points = draw()
        colours = [tuple(np.round(c.get_facecolor()[0], 3)) for c in points]
        shapes = [c.get_paths()[0].vertices.round(3).tobytes() for c in points]
        safe = {tuple(np.round(matplotlib.colors.to_rgba(c), 3)) for c in viz.OKABE_ITO.values()}
        assert len(points) == 3 and set(colours) <= safe
        assert len(set(colours)) == 3 and len(set(shapes)) == 3  # no class told by colour alone


def test_the_backprop_picture_titles_every_array_with_its_shape_and_draws_both_directions():
    import matplotlib.pyplot as plt
    from matplotlib.patches import ConnectionPatch
    from nnlib.viz.backprop import ARROWS, PLACES, draw_backprop
    rng = np.random.default_rng(3)
    arrays = {"X": np.eye(4, 2), "A1": rng.uniform(size=(4, 2)), "y_hat": rng.uniform(size=(4, 1)),
              "W2": rng.normal(size=(2, 1)), "dW1": rng.normal(size=(2, 2)), "dZ1": rng.normal(size=(4, 2)),
              "dZ2": rng.normal(size=(4, 1)), "dW2": rng.normal(size=(2, 1))}
    fig = plt.figure(figsize=(13, 5.6))
    axes = draw_backprop(fig, arrays)
    for name, (row, col) in PLACES.items():
        ax = axes[row, col]
        assert ax.get_title().endswith(f"shape {arrays[name].shape}"), ax.get_title()
        shown = [t.get_text() for t in ax.texts]
        assert len(shown) == arrays[name].size  # one number per entry
    drawn = [a for a in fig.artists if isinstance(a, ConnectionPatch)]
    assert len(drawn) == len(ARROWS) == 6
    labels = {t.get_text() for t in fig.texts}
    assert {"forward", "compare with y"} <= labels
    plt.close(fig)
