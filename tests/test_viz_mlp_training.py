"""Notebook 05's Play views, without a browser: frame k of a run is epoch k of MLP.fit from the same seed."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnlib  # noqa: E402
from nnlib.viz.mlp_training import XorTrainingView  # noqa: E402
from nnlib.widgets import live_app, slider  # noqa: E402

X_XOR, Y_XOR = nnlib.logic_gate("xor")


def same_weights(a, b):
    return all(np.array_equal(p.W, q.W) and np.array_equal(p.b, q.b) for p, q in zip(a.layers, b.layers))


def xor_net(epochs, lr=4.0, seed=0):
    return nnlib.MLP([2, 2, 1], "sigmoid", lr=lr, epochs=epochs, batch_size=4, rng=seed).fit(X_XOR, Y_XOR)


@pytest.fixture(scope="module")
def view():
    return XorTrainingView()


@pytest.mark.parametrize("steps", [[1] * 7, [3, 1, 3], [7]])
def test_after_k_epochs_the_view_holds_mlp_fit_of_k_epochs(view, steps):
    view.reset(lr=4.0, seed=3)
    for n in steps:
        view.step(n)
    reference = xor_net(7, seed=3)
    assert view.epoch == 7 and same_weights(view.net, reference)
    assert np.allclose(view.curves["loss", "train"][1:], reference.loss_curve_)
    assert view.curves["loss", "train"][0] == pytest.approx(np.log(2), abs=0.2)  # epoch 0: before training


def test_reset_goes_back_to_the_same_start(view):
    view.reset(seed=5)
    start = [layer.W.copy() for layer in view.net.layers]
    view.step(40)
    view.reset(seed=5)
    assert view.epoch == 0 and all(np.array_equal(w, layer.W) for w, layer in zip(start, view.net.layers))
    assert all(np.array_equal(w, layer.W) for w, layer in zip(start, nnlib.MLP([2, 2, 1], rng=5).layers))


def test_a_run_ends_at_its_epochs_and_update_is_the_whole_run(view):
    view.reset(epochs=30, seed=0).step(1_000_000)
    assert view.epoch == 30 and view.finished and len(view.curves["loss", "train"]) == 31
    view.update(seed=0)  # the still a notebook shows: 500 epochs, as one fit
    assert view.epoch == 500 and same_weights(view.net, xor_net(500))
    assert "4 of 4 right" in view.readout.get_text() and "epoch 500 of 500" in view.readout.get_text()
    assert view.fig._suptitle.get_text() == "A 2-2-1 network learns XOR: learning rate 4, seed 0"


def test_a_learning_rate_moved_mid_run_applies_from_the_next_step(view):
    view.reset(lr=4.0, seed=1).step(10)
    view.set(lr=1.5)
    view.step(10)
    reference = nnlib.MLP([2, 2, 1], lr=4.0, epochs=10, batch_size=4, rng=1).fit(X_XOR, Y_XOR)
    reference.lr = 1.5
    reference.fit(X_XOR, Y_XOR)
    assert same_weights(view.net, reference) and "learning rate 1.5" in view.fig._suptitle.get_text()
    with pytest.raises(ValueError, match="only \\['lr'\\] can change"):
        view.set(seed=2)


def test_a_stuck_start_is_drawn_as_stuck(view):
    view.update(seed=6)
    assert xor_net(500, seed=6).evaluate(X_XOR, Y_XOR) == 0.5
    assert "2 of 4 right" in view.readout.get_text()
    assert 0.34 < view.curves["loss", "train"][-1] < 0.36  # near (1/2) ln 2: two corners answered 0.5


def test_the_picture_shows_the_output_and_both_hidden_lines(view):
    view.update(seed=0)
    shade = view.shade.get_array()  # rows: x2 from -0.5 to 1.5; columns: x1
    n = shade.shape[0]
    index = lambda v: int(round((v + 0.5) / 2 * (n - 1)))  # noqa: E731  (-0.5 .. 1.5 -> 0 .. n - 1)
    at = lambda x1, x2: shade[index(x2), index(x1)]  # noqa: E731
    assert at(0, 1) > 0.9 and at(1, 0) > 0.9 and at(0, 0) < 0.1 and at(1, 1) < 0.1
    W1, b1 = view.net.layers[0].W, view.net.layers[0].b
    for j, line in enumerate(view.lines):
        x1, x2 = line.get_data()
        assert len(x1) == 2 and np.allclose(W1[0, j] * x1 + W1[1, j] * x2 + b1[j], 0)  # where z_j = 0
    assert view.png()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("settings, match", [({"seed": -1}, "seed"), ({"epochs": 5000}, "epochs"),
                                             ({"lr": 0}, "lr"), ({"seed": 1.5}, "seed")])
def test_bad_settings_are_clear_errors(view, settings, match):
    with pytest.raises(ValueError, match=match):
        view.reset(**settings)


def test_in_a_live_app_step_is_one_epoch_pause_stops_and_a_slider_applies_next_frame():
    view, pending = XorTrainingView(), []
    app = live_app(view, schedule=lambda seconds, frame: pending.append(frame),
                   lr=slider("learning rate", 4.0, 0.5, 8.0, 0.5), seed=slider("seed", 0, 0, 49, 1))
    lr_slider = app.widget.children[0].children[0]
    buttons = {b.description: b for b in app.widget.children[-2].children}
    assert view.epoch == 500  # the still: the finished run
    buttons["Step"].click()  # from the finished run: back to the start, then one epoch
    assert view.epoch == 1 and same_weights(view.net, xor_net(1))
    buttons["Play"].click()
    assert view.epoch == 1 + view.steps_per_frame and len(pending) == 1
    lr_slider.value = 2.0  # while playing: from the next frame on
    pending.pop()()
    assert view.epoch == 1 + 2 * view.steps_per_frame and view.net.lr == 2.0
    buttons["Pause"].click()
    pending.pop()()  # a frame already scheduled does nothing once paused
    assert view.epoch == 1 + 2 * view.steps_per_frame and not pending
    buttons["Reset"].click()
    assert view.epoch == 0 and same_weights(view.net, nnlib.MLP([2, 2, 1], rng=0))
