"""Notebook 04: a sigmoid neuron learns AND, OR and NAND but not XOR; the training picture's sliders."""
import io

import numpy as np
import pytest

import nnlib
from nnlib.viz.gate_training import TrainingView
from nnlib.viz.gates import decision_line, train_gate
from view_helpers import render

SEEDS = range(8)


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_neuron_learns_the_linearly_separable_gates(gate, seed):
    run = train_gate(gate, lr=1.0, epochs=300, rng=seed)
    X, y = nnlib.logic_gate(gate)
    assert np.array_equal(run.neuron.predict(X), y)  # all four answers right
    outputs = run.neuron.forward(X)
    assert np.all(np.abs(outputs - y) < 0.3)  # and said with some confidence, not 0.49 against 0.51
    assert run.losses[-1] < run.losses[0] / 3


@pytest.mark.parametrize("seed", SEEDS)
def test_the_and_neuron_has_positive_weights_and_a_negative_bias(seed):
    neuron = train_gate("and", lr=1.0, epochs=300, rng=seed).neuron
    assert np.all(neuron.w > 0) and neuron.b < 0
    assert neuron.b + neuron.w.max() < 0 < neuron.b + neuron.w.sum()  # one input is not enough


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("loss", ["log_loss", "half_mse"])
def test_one_neuron_cannot_learn_xor(seed, loss):
    run = train_gate("xor", lr=1.0, epochs=2000, rng=seed, loss=loss)
    X, y = nnlib.logic_gate("xor")
    assert not np.array_equal(run.neuron.predict(X), y)
    # The loss stalls at the value of answering 0.5 to everything: ln 2 for log loss, 1/8 for half-MSE.
    stall = {"log_loss": np.log(2), "half_mse": 0.125}[loss]
    assert run.losses[-1] == pytest.approx(stall, abs=2e-3)


def test_no_line_separates_xor():
    """Over many lines w1 x1 + w2 x2 + b = 0, every one puts at least one XOR corner on the wrong side."""
    X, y = nnlib.logic_gate("xor")
    rng = np.random.default_rng(0)
    lines = rng.uniform(-5, 5, size=(20000, 3))  # rows (w1, w2, b)
    says_yes = X @ lines[:, :2].T + lines[:, 2] > 0  # (4, 20000)
    assert not np.any(np.all(says_yes == (y[:, None] == 1), axis=0))


def by_hand(X, y, w, b, lr, epochs):
    """The notebook's five-step loop: forward pass, log loss, backpropagation, update, repeat."""
    losses = []
    for _ in range(epochs):
        a = 1 / (1 + np.exp(-(X @ w + b)))  # 1. forward pass, (4,)
        losses.append(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))  # 2. loss
        dz = (a - y) / len(y)  # 3. backpropagation: dL/dz for sigmoid + log loss, (4,)
        w, b = w - lr * X.T @ dz, b - lr * dz.sum()  # 4. update
    return np.array(losses), w, b


@pytest.mark.parametrize("gate, lr, seed", [("and", 1.0, 0), ("or", 0.5, 3), ("nand", 5.0, 7)])
def test_training_behind_the_sliders_matches_the_loop_by_hand(gate, lr, seed):
    X, y = nnlib.logic_gate(gate)
    start = np.random.default_rng(seed)
    w0, b0 = start.standard_normal(2), start.standard_normal()  # as Neuron draws its start
    losses, w, b = by_hand(X, y, w0, b0, lr, epochs=150)
    run = train_gate(gate, lr=lr, epochs=150, rng=seed)
    assert np.allclose(run.losses[:-1], losses)
    assert np.allclose(run.W[0], w0) and np.isclose(run.b[0], b0)
    assert np.allclose(run.W[-1], w) and np.isclose(run.b[-1], b)
    assert np.allclose(run.neuron.w, w) and np.isclose(run.neuron.b, b)


def test_run_records_every_epoch_including_the_end():
    run = train_gate("and", lr=1.0, epochs=50, rng=1)
    assert run.losses.shape == (51,) and run.W.shape == (51, 2) and run.b.shape == (51,)
    a = run.neuron.forward(run.X)
    assert run.losses[-1] == pytest.approx(-np.mean(run.y * np.log(a) + (1 - run.y) * np.log(1 - a)))


def test_decision_line_lies_where_the_output_is_one_half():
    for w, b in [([3.0, 3.0], -4.5), ([0.2, -2.0], 0.7), ([-1.0, 0.0], 0.3), ([0.0, 4.0], -2.0)]:
        x1, x2 = decision_line(np.array(w), b)
        assert len(x1) == 2 and np.allclose(w[0] * np.asarray(x1) + w[1] * np.asarray(x2) + b, 0)
    assert decision_line(np.zeros(2), 1.0) == ([], [])


@pytest.fixture(scope="module")
def view():
    return TrainingView(max_epochs=400)


def test_every_control_changes_the_picture(view):
    defaults = dict(lr=1.0, epochs=200, seed=0, gate="and", loss="log_loss")
    base = render(view, **defaults)
    for moved in ({"lr": 3.0}, {"epochs": 50}, {"seed": 4}, {"gate": "or"}, {"gate": "xor"},
                  {"loss": "half_mse"}):
        assert render(view, **{**defaults, **moved}) != base, moved
    assert render(view, **defaults) == base  # and back again


def test_readout_and_headline_report_the_run(view):
    view.update(lr=2.0, epochs=120, seed=5, gate="nand")
    run = train_gate("nand", lr=2.0, epochs=120, rng=5)
    readout = view.readout.get_text()
    assert readout.startswith("epoch 120") and f"loss {run.losses[-1]:.4f}" in readout
    assert f"b = {run.b[-1]:.2f}" in readout and f"{run.W[-1, 0]:.2f}" in readout
    assert "NAND" in view.headline.get_text() and "all 4 answers right" in view.headline.get_text()
    assert len(view.curve.get_xdata()) == 121
    view.update(lr=2.0, epochs=300, seed=5, gate="xor")
    assert "unsure everywhere" in view.headline.get_text() and "-0.00" not in view.readout.get_text()
    assert len(view.plane.line.get_xdata()) == 0 and len(view.plane.wrong.get_offsets()) == 0


def test_a_neuron_that_answers_one_half_everywhere_is_unsure_not_right_or_wrong():
    from nnlib.viz.gates import answers_wrong, is_unsure
    run = train_gate("xor", lr=1.0, epochs=400, rng=0)
    w, b = run.W[-1], run.b[-1]
    assert is_unsure(w, b) and not answers_wrong(w, b, run.X, run.y).any()
    assert decision_line(w, b) == ([], [])
    early = train_gate("and", lr=1.0, epochs=3, rng=0)  # not yet trained, but not flat either
    assert not is_unsure(early.W[-1], early.b[-1])
    assert answers_wrong(early.W[-1], early.b[-1], early.X, early.y).sum() == 1


def test_fast_render_matches_a_full_savefig(view):
    from PIL import Image
    fast = np.asarray(Image.open(io.BytesIO(render(view, lr=1.5, epochs=90, seed=2))))
    buf = io.BytesIO()
    view.fig.savefig(buf, format="png")
    full = np.asarray(Image.open(buf).convert("RGB"))  # png() sends RGB: the figure is opaque
    assert fast.shape == full.shape
    # Equal everywhere but on the axes frames, whose anti-aliased edges the fast path draws twice.
    h, frame = full.shape[0], np.zeros(full.shape[:2], dtype=bool)
    for ax in (view.ax, view.curve.axes):
        x0, y0, x1, y1 = (int(round(v)) for v in ax.get_window_extent().extents)
        frame[h - y1 - 3:h - y1 + 4, x0 - 3:x1 + 4] = frame[h - y0 - 3:h - y0 + 4, x0 - 3:x1 + 4] = True
        frame[h - y1 - 3:h - y0 + 4, x0 - 3:x0 + 4] = frame[h - y1 - 3:h - y0 + 4, x1 - 3:x1 + 4] = True
    assert np.array_equal(fast[~frame], full[~frame])


@pytest.mark.parametrize("kwargs, word", [
    ({"lr": 0.0}, "lr"), ({"lr": -1.0}, "lr"), ({"epochs": 0}, "epochs"),
    ({"epochs": 401}, "epochs"), ({"epochs": 2.5}, "epochs"), ({"seed": -1}, "seed"),
    ({"seed": 1.5}, "seed"), ({"gate": "xnor"}, "gate"), ({"loss": "hinge"}, "loss")])
def test_bad_input_gives_a_clear_error(view, kwargs, word):
    with pytest.raises(ValueError, match=word):
        view.update(**{**dict(lr=1.0, epochs=100, seed=0), **kwargs})


def test_train_gate_rejects_bad_input():
    with pytest.raises(ValueError, match="gate"):
        train_gate("maybe")
    with pytest.raises(ValueError, match="lr"):
        train_gate("and", lr=float("nan"))
