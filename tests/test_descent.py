"""Gradient-descent paths, the divergence cap, the (w, b) landscape and the sliders of notebooks 02-03."""
import warnings

import matplotlib
import numpy as np
import pytest

import nnlib
from nnlib.descent import Bowl, gradient_descent, line_descent, line_grad, line_loss, loss_grid
from nnlib.viz.descent import BowlView
from nnlib.viz.landscape import LineFitView, SurfaceView
from view_helpers import render

matplotlib.use("Agg")


reference_start = nnlib.datasets.reference_line


def test_bowl_path_by_hand():
    # L(w) = 1.5 w^2, dL/dw = 3w; from w0 = 2 with lr = 0.1 each step multiplies w by 1 - 0.3 = 0.7:
    # w = 2, 1.4, 0.98, 0.686 and L = 1.5 w^2 = 6, 2.94, 1.4406, 0.705894.
    run = Bowl(3.0).descend(2.0, lr=0.1, steps=3)
    assert np.allclose(run.params, [2.0, 1.4, 0.98, 0.686])
    assert np.allclose(run.losses, [6.0, 2.94, 1.4406, 0.705894])
    assert not run.diverged


def test_bowl_bounces_across_the_minimum_at_lr_one_half():
    # lr * curvature = 1.5: w is multiplied by 1 - 1.5 = -0.5, so w = 2, -1, 0.5, -0.25.
    run = Bowl(3.0).descend(2.0, lr=0.5, steps=3)
    assert np.allclose(run.params, [2.0, -1.0, 0.5, -0.25])
    assert np.all(np.diff(np.sign(run.params)) != 0)  # the sign flips every step: it bounces


def test_reference_rates_behave_as_the_notebook_says():
    bowl, w0, steps = Bowl(3.0), 2.0, 20
    final = {lr: bowl.descend(w0, lr, steps, max_loss=bowl.loss(4.0)) for lr in (0.01, 0.1, 0.5, 0.75)}
    assert abs(final[0.01].params[-1]) > 0.5 * w0  # barely moves
    assert abs(final[0.1].params[-1]) < 1e-2 and np.all(final[0.1].params > 0)  # settles, no overshoot
    assert abs(final[0.5].params[-1]) < 1e-4  # bounces in
    assert final[0.75].diverged
    regimes = [bowl.regime(lr) for lr in (0.01, 0.1, 1 / 3, 0.5, 2 / 3, 0.75)]
    assert regimes == ["barely moves", "slides in and settles", "lands on the minimum in one step",
                       "bounces across the minimum", "bounces forever", "diverges"]


def test_divergence_stops_at_the_cap_without_warnings():
    # lr = 1 on 1.5 w^2: w doubles and flips each step, so L = 6 * 4^k; the cap 1000 stops it after
    # L = 6, 24, 96, 384 (the next, 1536, is over the cap and is not recorded).
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # overflow, divide, invalid
        run = Bowl(3.0).descend(2.0, lr=1.0, steps=50, max_loss=1000.0)
        # L = p^4 from p = 1e30: one step lands near -4e90, whose 4th power overflows to inf.
        huge = gradient_descent(lambda p: p ** 4, lambda p: 4 * p ** 3, 1e30, lr=1.0, steps=100,
                                max_loss=1e300)
    assert run.diverged and np.allclose(run.losses, [6, 24, 96, 384])
    assert huge.diverged and len(huge.losses) == 1 and np.all(np.isfinite(huge.params))


def test_gradient_descent_works_on_vectors_and_checks_its_arguments():
    run = gradient_descent(lambda p: p @ p, lambda p: 2 * p, [1.0, -2.0], lr=0.25, steps=2)
    assert run.params.shape == (3, 2) and np.allclose(run.params[-1], [0.25, -0.5])
    with pytest.raises(ValueError, match=r"^lr must be a positive number \(> 0\); got -0\.1\.$"):
        gradient_descent(lambda p: p, lambda p: 1.0, 0.0, lr=-0.1, steps=5)
    with pytest.raises(ValueError, match=r"^steps must be a whole number >= 1; got 0\.$"):
        Bowl().descend(1.0, lr=0.1, steps=0)
    with pytest.raises(ValueError, match=r"^epochs must be a whole number >= 1; got 0\.$"):  # its own name
        line_descent([1.0], [3.0], 0.0, 0.0, lr=0.1, epochs=0)
    with pytest.raises(TypeError, match=r"^grad\(p\) must return numbers; it returned None\.$"):
        gradient_descent(lambda p: float(p @ p), lambda p: None, [1.0], lr=0.1, steps=5)


def test_line_descent_is_the_neurons_training_run():
    x, y, w0, b0 = reference_start()
    run = line_descent(x, y, w0, b0, lr=0.1, epochs=1000)
    neuron = nnlib.Neuron(1, w=[w0], b=b0).fit(x[:, None], y, lr=0.1, epochs=1001)
    assert np.allclose(run.params, np.column_stack([neuron.w_path_[:, 0], neuron.b_path_]))
    assert np.allclose(run.losses, neuron.loss_curve_)
    assert [f"{v:.4f}" for v in run.losses[:300:100]] == ["0.1455", "0.0180", "0.0058"]


def test_landscape_helpers_match_direct_evaluation():
    x, y, w0, b0 = reference_start()
    W, B, L = loss_grid(x, y, (0.0, 4.0), (-1.0, 3.0), resolution=7)
    assert W.shape == B.shape == L.shape == (7, 7)
    for i, j in [(0, 0), (3, 5), (6, 2)]:
        direct = 0.5 * np.mean((W[i, j] * x + B[i, j] - y) ** 2)
        assert L[i, j] == pytest.approx(direct)
    p = np.array([w0, b0])
    numeric = nnlib.numerical_gradient(lambda: float(line_loss(p[0], p[1], x, y)), p)
    assert nnlib.relative_error(line_grad(w0, b0, x, y), numeric) < 1e-8
    assert line_loss(2.0, 1.0, x, y) == pytest.approx(0.0)  # y = 2x + 1 exactly


def sweep(view, settings):
    """Render each setting as the slider app does; return the PNGs, failing on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # overflow, divide, invalid
        return [render(view, **kwargs) for kwargs in settings]


@pytest.mark.parametrize("make, settings", [
    (lambda: BowlView(), [dict(lr=0.1, steps=10), dict(lr=0.5, steps=10), dict(lr=0.75, steps=10),
                          dict(lr=0.1, steps=30)]),
    (lambda: SurfaceView(*reference_start()), [dict(lr=0.1, epochs=100), dict(lr=1.2, epochs=100),
                                                dict(lr=1.5, epochs=300), dict(lr=1.2, epochs=20)]),
    (lambda: LineFitView(*reference_start()[:2]), [dict(w=1.0, b=1.5), dict(w=3.0, b=1.5),
                                                   dict(w=3.0, b=-1.0)]),
])
def test_every_slider_changes_its_picture_without_warnings(make, settings):
    pngs = sweep(make(), settings)
    assert len(set(pngs)) == len(pngs)  # each move gives a different picture
    assert sweep(make(), settings[:1])[0] == pngs[0]  # and the same setting, the same picture


def test_views_say_diverged_and_keep_the_ball_in_the_picture():
    bowl = BowlView(w_range=(-4.0, 4.0))
    bowl.update(lr=0.75, steps=10)
    assert bowl.status.get_text() == "diverged!"
    assert np.all(np.abs(bowl.path.get_xdata()) <= 4.0) and max(bowl.path.get_ydata()) <= bowl.cap
    assert bowl.loss_line.get_ydata().max() <= bowl.cap
    bowl.update(lr=0.5, steps=10)
    assert bowl.status.get_text() == ""
    surface = SurfaceView(*reference_start(), w_range=(0.0, 4.0), b_range=(-1.0, 3.0))
    surface.update(lr=1.5, epochs=300)
    assert surface.status.get_text() == "diverged!"
    w_end, b_end = surface.ball.get_xdata()[0], surface.ball.get_ydata()[0]
    assert 0.0 <= w_end <= 4.0 and -1.0 <= b_end <= 3.0


def test_reference_line_is_the_published_start_and_leaves_numpy_alone():
    state = np.random.get_state()[1].copy()
    x, y, w0, b0 = reference_start()
    # The curriculum's published figures: x = rand(2, 1) = [0.3745, 0.9507] under legacy seed 42.
    assert np.allclose(x, [0.3745, 0.9507], atol=5e-5) and np.allclose(y, 2 * x + 1)
    assert isinstance(w0, float) and isinstance(b0, float)
    assert np.array_equal(np.random.get_state()[1], state)  # the global generator was not drawn from
