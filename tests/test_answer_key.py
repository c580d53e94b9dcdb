"""INSTRUCTORS-answer-key.md: it answers every "More to try" / "More to explore" item of every
notebook, and every number it states is computed here again, the way the key says it was, and
must appear in the key as written. The slow ones (notebook 05's cross-validations, 20 XOR
networks, 31 seeds of 04's scan: about a minute) are marked room and run in .ci/room_kit
(NNLIB_ROOM_KIT=1); elsewhere they are skipped."""
import re
import sys
from pathlib import Path

import numpy as np
import pytest

import nnlib
import room_helpers as room

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import notebook_io  # noqa: E402

KEY = (ROOT / "INSTRUCTORS-answer-key.md").read_text()


def section(number):
    """The key's section for notebook number ("03"), as text."""
    match = re.search(rf"^## {number} - .*?(?=^## |\Z)", KEY, re.M | re.S)
    assert match, f"INSTRUCTORS-answer-key.md has no '## {number} - ...' section"
    return match.group(0)


def item(number, k):
    """Item k (1-based) of notebook number's section."""
    items = re.split(r"^(?=\d+\. )", section(number), flags=re.M)[1:]
    return items[k - 1]


def says(number, k, *texts):
    body = " ".join(item(number, k).split())
    for text in texts:
        assert text in body, f"answer key {number}, item {k}, should say {text!r}:\n{body}"


def more_items(path):
    """The numbered items of the notebook's last "### More to ..." cell."""
    cells = [c for c in notebook_io.read(path).cells
             if c.cell_type == "markdown" and re.match(r"#{2,3} More to", c.source.lstrip())]
    assert cells, f"{path.name} has no '### More to ...' cell"
    return re.findall(r"^\d+\. ", cells[-1].source, re.M)


@pytest.mark.parametrize("path", notebook_io.course_notebooks(), ids=lambda p: p.name[:2])
def test_the_key_answers_every_item_of_every_notebook(path):
    number = path.name[:2]
    items = re.findall(r"^\d+\. ", section(number), re.M)
    assert len(items) == len(more_items(path)), \
        f"notebook {number} has {len(more_items(path))} items to explore, the key {len(items)}"


def test_the_guide_links_the_key_and_the_notebooks_do_not():
    assert "INSTRUCTORS-answer-key.md" in (ROOT / "INSTRUCTORS.md").read_text()
    for path in [*notebook_io.course_notebooks(), *sorted(notebook_io.STUDENT.glob("*.ipynb"))]:
        assert "answer-key" not in path.read_text(), path.name


# --- 01 ------------------------------------------------------------------------------------------

def test_01_and_or_from_perceptrons():
    X, y = nnlib.logic_gate("and")
    assert np.array_equal(nnlib.Neuron(2, activation="step", w=[1, 1], b=-1.5).forward(X), y)
    says("01", 1, 'w = (1, 1)', 'b = -1.5', "[0, 0, 0, 1]")

    def nand(a, b):
        return nnlib.Neuron(2, activation="step", w=[-2, -2], b=3).forward([[a, b]])[0]
    X, y = nnlib.logic_gate("or")
    assert [nand(nand(a, a), nand(b, b)) for a, b in X] == list(y)
    says("01", 4, "0, 1, 1, 1")


def test_01_lines_with_no_mistake():
    from nnlib.viz.frontier import FrontierView
    view = FrontierView(*nnlib.load_leaves(40, rng=0))  # notebook 01's leaves (SEED = 0)
    assert int(np.sum(view.mistakes(0.25, -1.75, 8.0))) == 0
    grid = [(w1, w2, b) for w1 in np.round(np.arange(-2, 2.001, 0.25), 2)
            for w2 in np.round(np.arange(-2, 2.001, 0.25), 2)
            for b in np.round(np.arange(-10, 10.001, 0.5), 1) if (w1, w2) != (0, 0)]
    perfect = [g for g in grid if int(np.sum(view.mistakes(*g))) == 0]
    assert all(w2 < 0 for _, w2, _ in perfect)
    says("01", 2, "`w1 = 0.25`, `w2 = -1.75`, `b = 8.0`", f"{len(perfect)} settings", "`w2 < 0`")


def test_01_sigmoid_times_ten():
    small, large = nnlib.sigmoid(np.array([0.2, 2.0]))
    says("01", 3, f"`sigmoid(0.2) = {small:.3f}`", f"`sigmoid(2) = {large:.3f}`")


# --- 02 ------------------------------------------------------------------------------------------

def _published_start():
    legacy = np.random.RandomState(42)  # notebook 02, section 3
    x = legacy.rand(2, 1)
    return x, 2 * x[:, 0] + 1, legacy.randn(), legacy.randn()


def test_02_learning_rates_of_section_2():
    rng = np.random.default_rng(2)  # notebook 02's SEED; section 2 draws first
    x5, w_start, b_start = np.array([1.0, 2.0]), rng.normal(size=2), rng.normal()
    for lr, factor in ((0.3, 0.8), (0.4, 1.4)):
        run = nnlib.Neuron(2, w=w_start, b=b_start).fit([x5], [5.0], lr=lr, epochs=8)
        error = np.sqrt(2 * run.loss_curve_)
        assert np.allclose(error[1:] / error[:-1], factor), lr
    says("02", 1, f"from {error[0]:.2f} to {error[-1]:.1f} in seven corrections", "-0.8", "-1.4")


def test_02_mse_against_half_mse():
    x, y, w0, b0 = _published_start()
    half = nnlib.Neuron(1, w=[w0], b=b0).fit(x, y, lr=0.1, epochs=1001, loss="half_mse")
    mse = nnlib.Neuron(1, w=[w0], b=b0).fit(x, y, lr=0.1, epochs=1001, loss="mse")
    below = [int(np.argmax(curve < 1e-4)) for curve in (half.loss_curve_, mse.loss_curve_ / 2)]
    says("02", 2, f"after {below[0]} epochs", f"after {below[1]} with", f"w = {mse.w[0]:.4f}",
         f"b = {mse.b:.4f}", f"{half.w[0]:.4f} and {half.b:.4f}")


def test_02_log_loss_numbers():
    wrong, unsure = -np.log(1 - 0.99), -np.log(1 - 0.6)
    says("02", 3, f"it is {wrong:.2f}", f"it is {unsure:.2f}", f"about {wrong / unsure:.1f} times")
    p = np.array([0.8])
    slope = nnlib.numerical_gradient(lambda: nnlib.BCELoss().forward(p, np.array([1.0])), p)[0]
    assert np.isclose(slope, -1 / 0.8, atol=1e-6)
    says("02", 4, f"gives {slope:.2f}")


# --- 03 ------------------------------------------------------------------------------------------

def test_03_bowls():
    bowl = nnlib.descent.Bowl()
    assert bowl.regime(2 / 3) == "bounces forever"
    assert np.allclose(np.abs(bowl.descend(2.0, 2 / 3, 6).params), 2)
    assert bowl.regime(0.66) == "bounces across the minimum" and bowl.regime(0.67) == "diverges"
    says("03", 1, '"bounces forever"', "at 0.66 the ball still bounces in, at 0.67 it diverges")
    steep = nnlib.descent.Bowl(curvature=10)
    assert steep.regime(0.15) == "bounces across the minimum"
    assert {steep.regime(lr) for lr in (0.25, 0.5, 0.75)} == {"diverges"}
    says("03", 2, f"ends at w = {steep.descend(2.0, 0.25, 10).params[-1]:.0f} after 10 steps")


def test_03_the_valley():
    x, y, w0, b0 = _published_start()
    rates = np.round(np.arange(0.05, 1.5001, 0.05), 2)
    runs = {lr: nnlib.descent.line_descent(x, y, w0, b0, lr=lr, epochs=100) for lr in rates}
    best = min((lr for lr in rates if not runs[lr].diverged), key=lambda lr: runs[lr].losses[-1])
    assert runs[1.4].losses[-1] > runs[1.4].losses[0], "1.4 should diverge"
    says("03", 3, f"lr = {best}", f"a loss of {runs[best].losses[-1]:.1e}",
         f"1.35 still ends at {runs[1.35].losses[-1]:.1e}")
    far = x + 10
    m = np.mean(far[:, 0])
    low, high = np.linalg.eigvalsh(np.array([[np.mean(far[:, 0] ** 2), m], [m, 1.0]]))
    assert nnlib.descent.line_descent(far, y, w0, b0, lr=0.1, epochs=1000).diverged
    slow = nnlib.descent.line_descent(far, y, w0, b0, lr=0.017, epochs=1001)
    assert np.allclose(nnlib.standardize(far), nnlib.standardize(x)) and np.allclose(nnlib.standardize(x)[:, 0], [-1, 1])
    says("03", 4, f"{low:.4f} and {high:.1f}", f"drops to {2 / high:.3f}", f"loss at {slow.losses[-1]:.3f}",
         f"about {round(high / low, -4):,.0f} times flatter")


# --- 04 ------------------------------------------------------------------------------------------

def _first_jumpy_rate(seed):
    from nnlib.viz.gates import train_gate
    for lr in np.round(np.arange(0.1, 20.0001, 0.1), 1):
        if not np.all(np.diff(train_gate("and", lr=lr, epochs=40, rng=seed).losses) < 0):
            return lr
    return None


@room.room_only[0]
@room.room_only[1]
def test_04_when_the_loss_stops_falling():
    rates = [_first_jumpy_rate(seed) for seed in range(31)]
    says("04", 1, f"from lr = {rates[17]:.1f}", f"from {min(rates):.1f} to {max(rates):.1f}")


def test_04_nor_and_a_network_of_gates():
    from nnlib.viz.gates import train_gate
    nor = train_gate("nor", lr=1.0, epochs=200, rng=17)
    (w1, w2), b = nor.W[-1], nor.b[-1]
    assert w1 < 0 and w2 < 0 and b > 0
    says("04", 2, f"w1 = {w1:.2f}, w2 = {w2:.2f}, b = {b:.2f}")
    neurons = {g: train_gate(g, lr=1.0, epochs=200, rng=17).neuron for g in ("or", "nand", "and")}
    X, y = nnlib.logic_gate("xor")
    hidden = np.column_stack([neurons["or"].forward(X).round(), neurons["nand"].forward(X).round()])
    assert np.array_equal(neurons["and"].forward(hidden).round(), y)
    says("04", 3, "compute XOR", "0, 1, 1, 0")


# --- 05 ------------------------------------------------------------------------------------------

@room.room_only[0]
@room.room_only[1]
def test_05_xor_networks():
    X, y = nnlib.logic_gate("xor")
    runs = {(tuple(sizes), seed): nnlib.MLP(sizes, "sigmoid", lr=2.0, epochs=2000, batch_size=4,
                                            rng=seed).fit(X, y)
            for sizes in ([2, 2, 1], [2, 4, 1]) for seed in range(10)}
    solved = {sizes: sum(runs[(sizes, s)].evaluate(X, y) == 1.0 for s in range(10))
              for sizes in ((2, 2, 1), (2, 4, 1))}
    assert solved == {(2, 2, 1): 9, (2, 4, 1): 10}
    stuck = runs[((2, 2, 1), 6)]
    assert stuck.evaluate(X, y) < 1
    p = np.sort(stuck.predict_proba(X)[:, 1])
    curve = stuck.loss_curve_
    says("05", 1, "with all 10 seeds", "with 9 of 10", "With seed 6",
         f"answered {p[1]:.3f} and {p[2]:.3f}", f"plateau at {curve[-1]:.3f}",
         f"{curve[99]:.3f} after 100 epochs, {curve[499]:.3f} after 500")
    assert abs(curve[-1] - np.log(2) / 2) < 0.005


def test_05_a_gradient_check_without_the_mean():
    X, y = nnlib.load_iris()
    X, _ = nnlib.standardize(X, X)
    pick = np.random.default_rng(0).choice(150, 10, replace=False)
    X, y = X[pick], y[pick]
    Y = nnlib.one_hot(y, 3)
    rng = np.random.default_rng(0)
    params = [(rng.normal(0.0, 1 / np.sqrt(n_in), size=(n_in, n_out)), np.zeros(n_out))
              for n_in, n_out in ((4, 8), (8, 3))]  # notebook 05's init

    def forward():
        (W1, b1), (W2, b2) = params
        A1 = nnlib.sigmoid(X @ W1 + b1)
        return A1, A1 @ W2 + b2

    A1, Z2 = forward()
    dZ2 = nnlib.softmax(Z2) - Y  # the mistake: no / len(X)
    dZ1 = (dZ2 @ params[1][0].T) * A1 * (1 - A1)
    grads = [X.T @ dZ1, dZ1.sum(axis=0), A1.T @ dZ2, dZ2.sum(axis=0)]
    errors = [nnlib.relative_error(g, nnlib.numerical_gradient(
                  lambda: nnlib.CrossEntropyLoss()(forward()[1], y), p))
              for g, p in zip(grads, sum(params, ()))]
    assert np.allclose(errors, 9 / 11, atol=1e-6)
    says("05", 5, f"relative error of {errors[0]:.3f}", "9/11")


@pytest.fixture(scope="module")
def iris_folds():
    """Notebook 05's 10 folds (section 4: each species dealt over the folds, seed 0)."""
    X, y = nnlib.load_iris()
    fold_rng, fold = np.random.default_rng(0), np.empty(len(y), dtype=int)
    for k in range(3):
        members = fold_rng.permutation(np.flatnonzero(y == k))
        fold[members] = np.arange(len(members)) % 10
    return X, y, fold


def _cv(X, y, fold, activation="sigmoid", lr=0.5):
    accuracies = []
    for k in range(10):
        X_fit, X_held = nnlib.standardize(X[fold != k], X[fold == k])
        net = nnlib.MLP([X.shape[1], 8, 3], activation, lr=lr, epochs=200, batch_size=10, rng=k)
        accuracies.append(net.fit(X_fit, y[fold != k]).evaluate(X_held, y[fold == k]))
    return np.array(accuracies)


@room.room_only[0]
@room.room_only[1]
def test_05_cross_validated_numbers(iris_folds):
    X, y, fold = iris_folds
    body = " ".join(item("05", 2).split())
    for activation, name in (("sigmoid", "sigmoid"), ("tanh", "tanh"), ("relu", "ReLU")):
        part = re.search(rf"{name} (\d+\.\d%[^;]*)", body).group(1)
        for lr in (0.1, 0.5, 2.0):
            value = f"{_cv(X, y, fold, activation, lr).mean():.1%}"
            assert value in part, f"{name} at lr {lr}: {value} not in {part!r}"
    petals = _cv(X[:, 2:], y, fold)
    says("05", 3, f"accuracy is {petals.mean():.1%}", f"lowest fold {petals.min():.1%}")
    folds = _cv(X, y, fold)
    splits = []
    for seed in range(10):
        X_fit, X_test, y_fit, y_test = nnlib.train_test_split(X, y, rng=seed)
        X_fit, X_test = nnlib.standardize(X_fit, X_test)
        net = nnlib.MLP([4, 8, 3], "sigmoid", lr=0.5, epochs=200, batch_size=10, rng=seed)
        splits.append(net.fit(X_fit, y_fit).evaluate(X_test, y_test))
    splits = np.array(splits)
    says("05", 4, f"mean {splits.mean():.1%}", f"spread (sd) {splits.std():.1%}",
         f"from {splits.min():.1%} to {splits.max():.0%}",
         f"against {folds.mean():.1%} and {folds.std():.1%}")
