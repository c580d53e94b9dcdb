"""The messages a learner reads for the slips they make (each names the argument, says what it got
and what was expected), divergence detected and said, and valid edge cases that keep working.

tests/test_bad_input.py drives the same functions with Hypothesis; this file needs no extra package.
"""
import numpy as np
import pytest

import nnlib
from nnlib import checks
from nnlib.descent import line_descent, line_loss
from nnlib.metrics import confusion_matrix

X4, Y4 = nnlib.logic_gate("and")  # (4, 2), (4,)
XI, YI = nnlib.load_iris()


def forwarded(layer, A):
    layer.forward(A)
    return layer


# -- the messages a learner reads, for the slips the issue lists ----------------------------------

@pytest.mark.parametrize("call, error, message", [
    (lambda: nnlib.sigmoid("abc"), TypeError, "z must hold numbers; got the text 'abc'."),
    (lambda: nnlib.step(None), TypeError, "z must hold numbers; got None."),
    (lambda: nnlib.sigmoid([[1, 2], [3]]), ValueError, "z is ragged: its rows have different lengths"),
    (lambda: nnlib.relu([1 + 2j]), TypeError, "z must hold real numbers; got complex numbers such as (1+2j). "
                                               "Use .real if the imaginary parts should be 0."),
    (lambda: nnlib.sigmoid(True), TypeError, "z must be numbers; got True (a bool)."),
    (lambda: nnlib.MSELoss()(["1", "2"], [1, 2]), TypeError,
     "pred must hold numbers; got the text '1' inside it - write numbers without quotes."),
    (lambda: nnlib.Neuron(2, rng="abc"), TypeError, "rng must be None, a whole-number seed >= 0 such as 0, or a "
                                                     "numpy Generator (np.random.default_rng(0)); got the text 'abc'."),
    (lambda: nnlib.Dense(2, 2, rng=1.5), TypeError, "rng must be None, a whole-number seed >= 0 such as 0, or a "
                                                     "numpy Generator (np.random.default_rng(0)); got 1.5."),
    (lambda: nnlib.load_leaves(rng=-1), ValueError, "rng must be None, a whole-number seed >= 0"),
    (lambda: nnlib.MLP([2, 1], rng=True), TypeError, "rng must be None, a whole-number seed >= 0 such as 0, or a "
                                                      "numpy Generator (np.random.default_rng(0)); got True (a bool)."),
    (lambda: nnlib.MLP([2, 1], lr=None), TypeError, "lr must be a number; got None."),
    (lambda: nnlib.MLP([2, 1], epochs="10"), TypeError,
     "epochs must be a whole number; got the text '10' - write it without quotes."),
    (lambda: nnlib.MLP([2, 1], batch_size=[3]), TypeError, "batch_size must be a whole number; got a list of 1 item."),
    (lambda: nnlib.MLP([2, 1], batch_size=2.5), ValueError, "batch_size must be a whole number; got 2.5."),
    (lambda: nnlib.MLP([2, 3, 1]).fit(X4, None), TypeError,
     "y must hold class labels, whole numbers 0..1; got None."),
    (lambda: nnlib.MLP([2, 3, 1]).fit(X4, Y4, X_val=X4), ValueError,
     "X_val and y_val go together: give both (a validation set and its labels) or neither; "
     "got X_val = an array of shape (4, 2), y_val = None."),
    (lambda: nnlib.MLP([2, 3, 1]).fit(X4, Y4, X_val=X4[:3], y_val=Y4), ValueError,
     "y_val has 4 labels; expected 3, one per row of X_val."),
    (lambda: nnlib.Dense(2, 3).backward(np.ones((4, 3))), ValueError,
     "Dense.backward(dZ) needs the X that forward() keeps: call forward first; got dZ = an array of shape (4, 3) "
     "before any forward."),
    (lambda: nnlib.Sigmoid().backward(np.ones(3)), ValueError, "Sigmoid.backward(dA) needs the Z that forward()"),
    (lambda: forwarded(nnlib.Tanh(), np.ones((2, 3))).backward(np.ones((3, 2))), ValueError,
     "dA has shape (3, 2), but forward() saw Z of shape (2, 3); expected dA of shape (2, 3), one gradient per "
     "output of forward()."),
    (lambda: forwarded(nnlib.Dense(2, 3), X4).backward(np.ones((4, 2))), ValueError,
     "dZ has shape (4, 2), but forward() saw X of shape (4, 2); expected dZ of shape (4, 3)"),
    (lambda: nnlib.MSELoss().backward(), ValueError,
     "MSELoss.backward() gives the gradient of the last loss computed: call forward(pred, y) first."),
    (lambda: line_descent([1.0], [2.0], 0.0, 0.0, 0.1, 0), ValueError, "epochs must be a whole number >= 1; got 0."),
    (lambda: nnlib.Neuron(2).fit(X4, Y4, epochs=10 ** 12), ValueError,
     "epochs must be a whole number <= 1,000,000; got 1000000000000. More would keep the notebook busy for "
     "hours; nothing in this course needs more than a few thousand."),
    (lambda: nnlib.MLP([2, 1], epochs=10 ** 12), ValueError, "epochs must be a whole number <= 1,000,000"),
    (lambda: nnlib.gradient_descent(lambda p: p * p, lambda p: 2 * p, 1.0, 0.1, 10 ** 12), ValueError,
     "steps must be a whole number <= 1,000,000"),
    (lambda: nnlib.Neuron(2).fit(X4, Y4, loss="cross_entropy"), ValueError,
     "loss 'cross_entropy' is for several classes at once (an MLP with one output per class); a neuron has "
     "one output: use 'half_mse', 'mse' or 'log_loss'."),
    (lambda: nnlib.train_test_split(XI, YI, test_size=0.01), ValueError,
     "test_size = 0.01 of 150 samples leaves the test set empty; choose a test_size that keeps at least one "
     "sample (of each class, with stratify=True) on each side."),
    (lambda: nnlib.train_test_split(XI, YI, test_size=1.5), ValueError,
     "test_size must be a number between 0 and 1 (not the ends themselves); got 1.5."),
    (lambda: nnlib.numerical_gradient(lambda: 1.0, [1.0, 2.0]), TypeError,
     "x must be the numpy array that f() reads, so that nudging it changes f(); got a list of 2 items."),
    (lambda: nnlib.numerical_gradient(lambda: "1", np.ones(2)), TypeError,
     "f() must return the loss, one real number; it returned the text '1'."),
    (lambda: confusion_matrix([0, 1, 2], [0, -1, 2], 3), ValueError, "y_pred must hold class labels 0..2; got -1."),
    (lambda: nnlib.one_hot([0, 10 ** 9]), ValueError, "y holds the label 1000000000, but one_hot makes a column "
                                                       "per class, at most 10,000"),
    (lambda: nnlib.one_hot([0, 1e300]), ValueError, "y must hold class labels 0, 1, 2, ...; got 1e+300."),
    (lambda: nnlib.gradient_descent(lambda p: "1", lambda p: p, 1.0, 0.1, 3), TypeError,
     "loss(p) must return a number; it returned the text '1'."),
    (lambda: nnlib.gradient_descent(lambda p: 1.0, 3, 1.0, 0.1, 3), TypeError,
     "grad must be a function (something to call, like grad(x)); got 3."),
    (lambda: nnlib.gradient_descent(lambda p: 1.0, lambda p: [1, 2], 1.0, 0.1, 3), ValueError,
     "grad(p) must return one number; it returned an array of shape (2,)."),
    (lambda: nnlib.gradient_descent(lambda p: 1.0, lambda p: [1, 2, 3], [1.0, 2.0], 0.1, 3), ValueError,
     "grad(p) must return one slope per parameter, shape (2,); it returned an array of shape (3,)."),
    (lambda: nnlib.logic_gate(3), TypeError, "name must be one of ['and', 'nand', 'nor', 'or', 'xor'] (a name in "
                                              "quotes); got 3."),
    (lambda: nnlib.logic_gate("xnor"), ValueError, "unknown gate 'xnor'; name must be one of"),
    (lambda: nnlib.Dense(10 ** 5, 10 ** 5), ValueError, "Dense(100000, 100000) would hold 10,000,000,000 weights"),
    (lambda: nnlib.Neuron(10 ** 12), ValueError, "n_inputs must be a whole number <= 10,000,000; got 1000000000000. "
                                                  "More would not fit in memory."),
    (lambda: nnlib.Neuron(2, w=[1.0, 2.0, 3.0]), ValueError, "w has 3 values; expected 2, one per input (column "
                                                              "of X)."),
    (lambda: nnlib.MLP([4, "8", 3]), TypeError, "layer_sizes[1] must be a whole number; got the text '8' - write "
                                                 "it without quotes."),
    (lambda: nnlib.MLP(4), TypeError, "layer_sizes must list at least [n_features, n_outputs], such as [4, 8, 3]; "
                                       "got 4."),
    (lambda: nnlib.MLP([4, 8, 3]).predict(XI), ValueError, "this MLP has not been trained yet: call fit(X, y) first"),
    (lambda: nnlib.load_iris(as_frame="yes"), TypeError, "as_frame must be True or False; got the text 'yes'."),
    (lambda: checks.concept("01-bias").answer(1.7), TypeError,
     "choice must be one of ['a', 'b', 'c', 'd'] (or an index 0..3); got 1.7."),
    (lambda: checks.concept("01-bias").answer(True), TypeError, "got True (a bool)."),
    (lambda: checks.concept("01-bias").answer("ab"), ValueError, "choice must be one of ['a', 'b', 'c', 'd']"),
])
def test_the_message_says_what_was_given_and_what_was_expected(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)


# -- divergence: always detected, stopped and said ----------------------------------------------------

def test_a_blown_up_mlp_is_flagged_even_where_its_loss_stays_below_the_cap():
    # the run: cross-entropy grows only with the weights, from 1.1 to hundreds, never to 1e8
    net = nnlib.MLP([4, 8, 3], lr=1e3, epochs=50, rng=0).fit(XI, YI)
    assert net.diverged_ and len(net.loss_curve_) < 50
    assert np.all(net.loss_curve_ <= nnlib.losses.GROWTH * max(1.0, net.loss_curve_[:1].max(initial=1)))
    with pytest.raises(ValueError, match=r"this MLP diverged during fit \(its loss blew up\), so its predictions "
                                         r"mean nothing: fit a new MLP with a smaller lr\."):
        net.predict(XI)


def test_a_diverged_neuron_says_so_when_asked_for_outputs():
    neuron = nnlib.Neuron(1, rng=0).fit([[0.4], [0.9]], [1.8, 2.8], lr=50.0, epochs=500)
    assert neuron.diverged_
    with pytest.raises(ValueError, match="this neuron diverged during fit"):
        neuron.forward([[1.0]])


@pytest.mark.parametrize("loss, start, growth, diverged", [
    (1.0, 1.0, None, False), (9e7, 1.0, None, False), (2e8, 1.0, None, True), (np.nan, 1.0, None, True),
    (np.inf, 1.0, None, True), (99.0, 0.5, 100, False), (101.0, 0.5, 100, True), (150.0, 2.0, 100, False),
    (201.0, 2.0, 100, True), (2e8, 1e7, 100, True), (np.nan, 1.0, 100, True)])
def test_the_one_rule_for_divergence(loss, start, growth, diverged):
    # not finite, or past max_loss (DIVERGED, 1e8); with growth (the MLP's), past growth x the start (or
    # past growth itself, from a start below 1)
    assert nnlib.losses.diverged(loss, start, growth=growth) is diverged


def test_a_neuron_stops_at_the_cap_as_notebook_03_shows():
    x, y, w0, b0 = nnlib.datasets.reference_line()
    neuron = nnlib.Neuron(1, w=[w0], b=b0).fit(x[:, None], y, lr=3.0, epochs=1000)
    assert neuron.diverged_ and len(neuron.loss_curve_) == 9 and 1e7 < neuron.loss_curve_[-1] < 1e8


def test_runs_that_do_not_diverge_are_not_flagged():
    X, y = nnlib.standardize(XI), YI
    for lr in (0.1, 0.5, 3.0):
        assert not nnlib.MLP([4, 8, 3], lr=lr, epochs=30, rng=0).fit(X, y).diverged_


# -- valid edge cases keep working ---------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: nnlib.Neuron(2, rng=0).fit(X4[:1], Y4[:1], epochs=3),  # one sample
    lambda: nnlib.Neuron(1, rng=0).fit([[1.0], [2.0]], [3.0, 5.0], epochs=3),  # one feature, lists of lists
    lambda: nnlib.Neuron(2, rng=0).fit(X4.astype(np.float32), Y4.astype(np.float32), epochs=3),
    lambda: nnlib.MLP([2, 3, 1], epochs=3, rng=0).fit(X4.astype(np.float32), Y4).predict(X4.astype(np.float32)),
    lambda: nnlib.MLP([np.int64(2), 3, 1], epochs=np.int64(3), batch_size=np.int32(2), rng=np.int64(0)).fit(X4, Y4),
    lambda: nnlib.MLP([2, 3, 1], epochs=3.0, rng=np.random.default_rng(0)).fit(X4.tolist(), [0, 0, 0, 1]),
    lambda: nnlib.MLP([2, 2, 1], epochs=2, rng=0).fit(X4, Y4 > 0),  # bool labels
    lambda: nnlib.Neuron(2, b=np.array(0.5), rng=0).fit(X4, Y4, lr=np.float32(0.1)),  # 0-d arrays, numpy floats
    lambda: nnlib.sigmoid([]), lambda: nnlib.softmax([1.0, 2.0, 3.0]), lambda: nnlib.one_hot(np.array([0.0, 2.0])),
    lambda: nnlib.numerical_gradient(lambda: 1.0, np.ones((1, 1))),
    lambda: nnlib.CrossEntropyLoss()(np.array([[1.7e308, -1.7e308]]), [1]),
    lambda: line_loss(np.linspace(0, 1, 5), 1.0, [1.0, 2.0], [3.0, 5.0]),  # a grid of w with one b
    lambda: line_descent(np.array([[0.4], [0.9]]), [1.8, 2.8], 0.0, 0.0, 0.1, 3),  # x as a column
    lambda: nnlib.train_test_split(XI.tolist(), YI.tolist(), test_size=0.5, rng=np.int64(3)),
])
def test_valid_edge_cases_still_work(call):
    result = call()
    parts = result if isinstance(result, tuple) else (result,)
    for part in parts:
        if isinstance(part, (np.ndarray, float)):
            assert np.all(np.isfinite(part)) or part is result  # inf only where the loss truly is inf
