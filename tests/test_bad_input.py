"""Bad input never reaches numpy: every public function answers a learner's slip with a TypeError
or ValueError that names the argument (what it got, what was expected), or gives a correct result.

Hypothesis draws the slips (tests/bad_values.py); tests/test_messages.py holds the messages a
learner reads for the slips the issue lists, and the valid edge cases that must keep working.
"""
import numpy as np
import pytest

pytest.importorskip("hypothesis", reason="Hypothesis (requirements-test.txt) draws these tests' inputs")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import nnlib  # noqa: E402
from bad_values import (any_number, bad_arrays, bad_choices, bad_counts, bad_flags, bad_functions, bad_labels,
                        bad_numbers, bad_rngs, clear_error, data, junk, result_or_clear_error)  # noqa: E402
from nnlib import checks  # noqa: E402
from nnlib.checks import notebook01, notebook02, notebook03, notebook04, notebook05  # noqa: E402
from nnlib.descent import Bowl, line_descent, line_grad, line_loss, loss_grid  # noqa: E402
from nnlib.metrics import confusion_matrix  # noqa: E402

X4, Y4 = nnlib.logic_gate("and")  # (4, 2), (4,)
XI, YI = nnlib.load_iris()


def fitted_mlp():
    return nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(X4, Y4)


def forwarded(layer, A):
    layer.forward(A)
    return layer


# (call with the bad value, the argument's name, a strategy of bad values for it)
BAD = [
    *[(lambda v, f=f: f(v), "z", bad_arrays((None,), empty_ok=True, shape_matters=False))
      for f in (nnlib.step, nnlib.sigmoid, nnlib.tanh, nnlib.relu)],
    *[(lambda v, c=c: c().forward(v), "Z", bad_arrays((None, 3), empty_ok=True, shape_matters=False))
      for c in (nnlib.Identity, nnlib.Step, nnlib.Sigmoid, nnlib.Tanh, nnlib.ReLU)],
    *[(lambda v, c=c: forwarded(c(), np.ones((2, 3))).backward(v), "dA", bad_arrays((2, 3)))
      for c in (nnlib.Identity, nnlib.Step, nnlib.Sigmoid, nnlib.Tanh, nnlib.ReLU)],
    (lambda v: nnlib.MSELoss()(v, np.zeros(3)), "pred", bad_arrays((3,))),
    (lambda v: nnlib.HalfMSELoss()(np.zeros(3), v), "y", bad_arrays((3,))),
    (lambda v: nnlib.BCELoss()(v, np.zeros(3)), "pred", bad_arrays((3,))),
    (lambda v: nnlib.CrossEntropyLoss()(v, [0, 1]), "Z", bad_arrays((2, 2))),
    (lambda v: nnlib.CrossEntropyLoss()(np.zeros((4, 2)), v), "y", bad_labels(4, 2)),
    (nnlib.softmax, "Z", bad_arrays((None, 3), shape_matters=False)),
    (lambda v: nnlib.Dense(v, 2), "n_in", bad_counts),
    (lambda v: nnlib.Dense(2, 2, rng=v), "rng", bad_rngs),
    (lambda v: nnlib.Dense(2, 3, rng=0).forward(v), "X", bad_arrays((None, 2))),
    (lambda v: forwarded(nnlib.Dense(2, 3, rng=0), X4).backward(v), "dZ", bad_arrays((4, 3))),
    (lambda v: nnlib.Neuron(v), "n_inputs", bad_counts),
    (lambda v: nnlib.Neuron(2, activation=v), "activation", bad_choices),
    (lambda v: nnlib.Neuron(2, w=v), "w", bad_arrays((2,)).filter(lambda v: v is not None)),
    (lambda v: nnlib.Neuron(2, b=v), "b", bad_numbers.filter(lambda v: v is not None)),
    (lambda v: nnlib.Neuron(2, rng=v), "rng", bad_rngs),
    (lambda v: nnlib.Neuron(2, rng=0).forward(v), "X", bad_arrays((None, 2))),
    (lambda v: nnlib.Neuron(2, rng=0).predict(X4, threshold=v), "threshold", bad_numbers),
    (lambda v: nnlib.Neuron(2, rng=0).fit(v, Y4, epochs=2), "X", bad_arrays((4, 2))),
    (lambda v: nnlib.Neuron(2, rng=0).fit(X4, v, epochs=2), "y", bad_arrays((4,))),
    (lambda v: nnlib.Neuron(2, rng=0).fit(X4, Y4, lr=v, epochs=2), "lr", bad_numbers | st.floats(max_value=0)),
    (lambda v: nnlib.Neuron(2, rng=0).fit(X4, Y4, epochs=v), "epochs", bad_counts),
    (lambda v: nnlib.Neuron(2, rng=0).fit(X4, Y4, loss=v, epochs=2), "loss", bad_choices),
    (lambda v: nnlib.MLP(v), "layer_sizes", st.one_of(st.none(), st.integers(), st.text(max_size=3),
                                                      st.lists(st.integers(1, 5), max_size=1))),
    (lambda v: nnlib.MLP([2, v, 1]), "layer_sizes[1]", bad_counts),
    (lambda v: nnlib.MLP([2, 1], activation=v), "activation", bad_choices),
    (lambda v: nnlib.MLP([2, 1], lr=v), "lr", bad_numbers | st.floats(max_value=0)),
    (lambda v: nnlib.MLP([2, 1], epochs=v), "epochs", bad_counts),
    (lambda v: nnlib.MLP([2, 1], batch_size=v), "batch_size", bad_counts),
    (lambda v: nnlib.MLP([2, 1], rng=v), "rng", bad_rngs),
    (lambda v: nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(v, Y4), "X", bad_arrays((4, 2))),
    (lambda v: nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(X4, v), "y", bad_labels(4, 2)),
    (lambda v: nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(X4, Y4, v, Y4), "X_val",
     bad_arrays((4, 2)).filter(lambda v: v is not None)),
    (lambda v: nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(X4, Y4, X4, v), "y_val", bad_labels(4, 2)),
    (lambda v: fitted_mlp().predict(v), "X", bad_arrays((None, 2))),
    (lambda v: fitted_mlp().evaluate(X4, v), "y", bad_labels(4, 2)),
    (lambda v: nnlib.gradient_descent(v, lambda p: 2 * p, [1.0], 0.1, 3), "loss", bad_functions()),
    (lambda v: nnlib.gradient_descent(lambda p: float(p @ p), v, [1.0, 2.0], 0.1, 3), "grad", bad_functions((2,))),
    (lambda v: nnlib.gradient_descent(lambda p: float(p @ p), lambda p: 2 * p, v, 0.1, 3), "start",
     bad_arrays((None,), shape_matters=False)),
    (lambda v: nnlib.gradient_descent(lambda p: float(p @ p), lambda p: 2 * p, [1.0], v, 3), "lr", bad_numbers),
    (lambda v: nnlib.gradient_descent(lambda p: float(p @ p), lambda p: 2 * p, [1.0], 0.1, v), "steps", bad_counts),
    (lambda v: Bowl(v), "curvature", bad_numbers),
    (lambda v: Bowl().descend(v, 0.1, 3), "w0", bad_numbers),
    (lambda v: Bowl().regime(v), "lr", bad_numbers),
    (lambda v: line_loss(1.0, 0.0, v, [1.0, 2.0]), "x", bad_arrays((2,), shape_matters=False)),
    (lambda v: line_grad(v, 0.0, [1.0, 2.0], [3.0, 5.0]), "w", bad_numbers),
    (lambda v: line_descent([1.0, 2.0], [3.0, 5.0], 0.0, 0.0, 0.1, v), "epochs", bad_counts),
    (lambda v: line_descent([1.0, 2.0], v, 0.0, 0.0, 0.1, 3), "y", bad_arrays((2,), shape_matters=False)),
    (lambda v: loss_grid([1.0, 2.0], [3.0, 5.0], (0, 4), (0, 4), v), "resolution", bad_counts),
    (lambda v: nnlib.numerical_gradient(v, np.ones(2)), "f", bad_functions()),
    (lambda v: nnlib.numerical_gradient(lambda: 1.0, v), "x", bad_arrays((2,)).filter(  # any float64 shape is fine
        lambda v: not (isinstance(v, np.ndarray) and v.dtype == np.float64 and np.isfinite(v).all()))),
    (lambda v: nnlib.numerical_gradient(lambda: 1.0, np.ones(2), eps=v), "eps", bad_numbers),
    (lambda v: nnlib.relative_error(v, np.ones(2)), "a", bad_arrays((2,))),
    (lambda v: nnlib.check_gradient(lambda: 1.0, np.ones(2), v), "analytic", bad_arrays((2,), empty_ok=True)),
    (nnlib.logic_gate, "name", bad_choices),
    (lambda v: nnlib.load_leaves(v), "n_samples", bad_counts),
    (lambda v: nnlib.load_leaves(5, rng=v), "rng", bad_rngs),
    (lambda v: nnlib.load_iris(as_frame=v), "as_frame", bad_flags),
    (lambda v: nnlib.train_test_split(v, YI), "X", bad_arrays((150, 4))),
    (lambda v: nnlib.train_test_split(XI, v), "y", bad_arrays((150,))),
    (lambda v: nnlib.train_test_split(XI, YI, test_size=v), "test_size",
     bad_numbers | st.floats(max_value=0) | st.floats(min_value=1) | st.floats(1e-9, 0.003)),
    (lambda v: nnlib.train_test_split(XI, YI, rng=v), "rng", bad_rngs),
    (lambda v: nnlib.train_test_split(XI, YI, stratify=v), "stratify", bad_flags),
    (lambda v: nnlib.one_hot(v), "y", st.one_of(bad_arrays((None,), shape_matters=False), st.just([[0, 1]]),
                                                st.lists(st.integers(max_value=-1), min_size=1, max_size=3))),
    (lambda v: nnlib.one_hot([0, 1], n_classes=v), "n_classes", bad_counts.filter(lambda v: v is not None)),
    (lambda v: nnlib.standardize(v), "X_train", bad_arrays((None, 2), shape_matters=False)),
    (lambda v: nnlib.standardize(X4, v), "X_test", bad_arrays((None, 2)).filter(lambda v: v is not None)),
    (lambda v: confusion_matrix(v, [0, 1, 2], 3), "y_true", bad_labels(3, 3)),
    (lambda v: confusion_matrix([0, 1, 2], v, 3), "y_pred", bad_labels(3, 3)),
    (lambda v: confusion_matrix([0, 1, 2], [0, 1, 2], v), "n_classes", bad_counts),
]


@pytest.mark.parametrize("call, name, bad", BAD, ids=[f"{i}-{name}" for i, (_, name, _) in enumerate(BAD)])
@given(data=st.data())
def test_a_bad_argument_gets_a_clear_error_that_names_it(call, name, bad, data):
    clear_error(lambda: call(data.draw(bad, label=name)), name)


@pytest.mark.parametrize("f, low, high", [(nnlib.sigmoid, 0, 1), (nnlib.tanh, -1, 1), (nnlib.relu, 0, np.inf),
                                          (nnlib.step, 0, 1)])
@given(z=st.one_of(data((None,)), data((None, None)), bad_arrays((None,), empty_ok=True)))
def test_activations_give_a_clear_error_or_the_right_values(f, low, high, z):
    out = result_or_clear_error(lambda: f(z), "z")
    if out is not None:
        assert out.shape == np.shape(z) and np.all((out >= low) & (out <= high))


@given(lr=any_number)
def test_a_learning_rate_is_a_positive_number_or_a_clear_error(lr):
    neuron = result_or_clear_error(lambda: nnlib.Neuron(2, rng=0).fit(X4, Y4, lr=lr, epochs=3), "lr")
    if neuron is not None:
        assert not isinstance(lr, bool) and 0 < float(lr) < np.inf and len(neuron.loss_curve_) <= 3


@given(epochs=st.one_of(bad_numbers, bad_counts, st.integers(-5, 30), st.floats(-5, 30), st.integers(1, 30)))
def test_epochs_are_a_whole_number_up_to_a_million_or_a_clear_error(epochs):
    run = result_or_clear_error(lambda: line_descent([1.0, 2.0], [3.0, 5.0], 0.0, 0.0, 0.1, epochs), "epochs")
    if run is not None:
        assert float(epochs).is_integer() and 1 <= epochs <= 10 ** 6 and len(run.losses) == int(epochs) + 1


@given(rng=st.one_of(bad_rngs, st.none(), st.integers(0, 2 ** 40), st.integers(0, 9).map(np.random.default_rng)))
def test_rng_is_none_a_seed_or_a_generator_or_a_clear_error(rng):
    X, y = result_or_clear_error(lambda: nnlib.load_leaves(6, rng=rng), "rng") or (None, None)
    if X is not None:
        assert X.shape == (6, 2) and set(np.unique(y)) <= {0.0, 1.0}


@given(Z=data((None, None), -50, 50))
def test_softmax_rows_are_probabilities(Z):
    P = nnlib.softmax(Z)
    assert P.shape == np.shape(Z) and np.allclose(P.sum(axis=-1), 1) and np.all(P >= 0)


@given(test_size=st.one_of(any_number, st.floats(0.01, 0.99)))
def test_a_split_keeps_both_parts_non_empty_or_says_why_not(test_size):
    parts = result_or_clear_error(lambda: nnlib.train_test_split(XI, YI, test_size=test_size, rng=0), "test_size")
    if parts is not None:
        X_train, X_test, y_train, y_test = parts
        assert len(X_train) + len(X_test) == 150 and len(X_test) > 0 and len(X_train) > 0
        assert y_train.dtype.kind == "i"  # int labels stay int


@given(X=data((None, 2), -100, 100), y=st.lists(st.sampled_from([0.0, 1.0]), min_size=1, max_size=5))
def test_a_neuron_learns_from_any_finite_data_or_says_it_diverged(X, y):
    X = np.asarray(X, dtype=float)[:len(y)]
    y = np.asarray(y)[:len(X)]
    neuron = nnlib.Neuron(2, rng=0).fit(X, y, lr=0.1, epochs=20)  # raw data up to 100: may blow up
    assert np.all(np.isfinite(neuron.loss_curve_)) and len(neuron.loss_curve_) >= 1
    assert neuron.diverged_ or len(neuron.loss_curve_) == 20


# -- the exercise checks: whatever a learner's function returns, a verdict --------------------------

CHECKS = [name for module in (notebook01, notebook02, notebook03, notebook04, notebook05) for name in module.__all__]
returned = st.one_of(junk, st.integers(10 ** 309, 10 ** 400), st.complex_numbers(), st.text(max_size=4),
                     st.lists(st.one_of(st.floats(), st.text(max_size=2), st.none()), max_size=4),
                     st.tuples(st.text(max_size=2), st.floats(), st.none()), st.sampled_from([np.nan, np.inf]))


@pytest.mark.parametrize("name", CHECKS)
@given(value=returned)
def test_whatever_a_learners_function_returns_its_check_gives_a_verdict(name, value):
    result = getattr(checks, name)(lambda *args: value)
    assert isinstance(result, checks.Result) and not result and result.message.startswith(f"✗ {name}")


# -- extreme but finite numbers: a result (inf where the true value overflows) and no warning ---------

huge = st.floats(allow_nan=False, allow_infinity=False)  # up to about 1.8e308 either way
EXTREME = [
    (nnlib.sigmoid, "z", (3,)), (nnlib.tanh, "z", (3,)), (nnlib.relu, "z", (3,)), (nnlib.softmax, "Z", (2, 3)),
    (lambda v: nnlib.Neuron(2, "sigmoid", rng=0).forward(v), "X", (3, 2)),
    (lambda v: nnlib.Dense(2, 3, rng=0).forward(v), "X", (3, 2)),
    (lambda v: fitted_mlp().forward(v), "X", (3, 2)), (lambda v: fitted_mlp().predict_proba(v), "X", (3, 2)),
    (lambda v: nnlib.MSELoss()(v, np.zeros(3)), "pred", (3,)),
    (lambda v: nnlib.CrossEntropyLoss()(v, [0, 1]), "Z", (2, 2)),
    (lambda v: nnlib.losses.BCEWithLogitsLoss()(v, np.ones((2, 1))), "Z", (2, 1)),
    (lambda v: nnlib.relative_error(v, np.ones(3)), "a", (3,)),
    (lambda v: nnlib.standardize(v), "X_train", (3, 2)),
    (lambda v: line_loss(1.0, 0.0, v, [1.0, 2.0, 3.0]), "x", (3,)),
    (lambda v: line_grad(1.0, 0.0, v, [1.0, 2.0, 3.0]), "x", (3,)),
    (lambda v: nnlib.Neuron(2, rng=0).fit(v, [0.0, 1.0, 1.0], epochs=5), "X", (3, 2)),
    (lambda v: nnlib.MLP([2, 3, 1], epochs=2, rng=0).fit(v, [0, 1, 1]), "X", (3, 2)),
]


@pytest.mark.parametrize("call, name, shape", EXTREME, ids=[f"{i}-{n}" for i, (_, n, _) in enumerate(EXTREME)])
@given(data=st.data())
def test_extreme_finite_numbers_give_a_result_or_a_clear_error_never_a_warning(call, name, shape, data):
    from hypothesis.extra import numpy as hnp
    result_or_clear_error(lambda: call(data.draw(hnp.arrays(np.float64, shape, elements=huge))), name)
