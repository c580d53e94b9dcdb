"""The checks never crash and never hang: whatever a learner's function returns or raises, and
however long it runs, the cell gets a verdict - and for a crash, the line of *their* code that
failed, with the shapes involved when shapes were the problem."""
import json
import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from check_helpers import fails_with, passes
from nnlib import checks
from nnlib.checks import _core, notebook01, notebook02, notebook03, notebook04, notebook05

CHECKS = [name for module in (notebook01, notebook02, notebook03, notebook04, notebook05) for name in module.__all__]


class BadFloat:
    """An answer whose conversion to a number raises."""

    def __float__(self):
        raise ZeroDivisionError("no float")

    def __array__(self, *args, **kwargs):
        raise ZeroDivisionError("no array")

    def __len__(self):
        raise ZeroDivisionError("no len")


class Unprintable(Exception):
    """An exception whose message cannot even be printed."""

    def __str__(self):
        raise RuntimeError("cannot print")


NESTED = [1.0]
for _ in range(30):
    NESTED = [NESTED]
WEIRD = {"huge int": 10 ** 400, "0-d array": np.array(1.0), "complex": 1 + 2j, "text": "220",
         "texts": ("2", "2", "0"), "generator": None, "object that breaks float()": BadFloat(),
         "ragged lists": [[1.0], [2.0, 3.0]], "objects": np.array([1, None]), "nan": np.nan, "inf": np.inf,
         "object array": np.array([[1.0], [2.0, 3.0]], dtype=object), "text array": np.array(["1.0", "2.0"]),
         "complex array": np.ones(3) + 1j, "dict": {"w": 1.0}, "set": {1.0}, "None inside": [1.0, None],
         "bool": True, "function": len, "class": float, "empty": [], "nested too deep": NESTED}


def verdict(result, name):
    """A Result that did not pass, with a message that begins with the check's own name."""
    assert isinstance(result, checks.Result) and not result and isinstance(result.message, str)
    assert result.message.startswith((f"✗ {name}", f"… {name}")), result.message
    return result.message


@pytest.mark.parametrize("name", CHECKS)
@pytest.mark.parametrize("kind", WEIRD)
def test_whatever_a_function_returns_the_check_gives_a_verdict(name, kind):
    value = WEIRD[kind] if kind != "generator" else (v for v in [1.0, 2.0])
    verdict(getattr(checks, name)(lambda *args: value), name)


@pytest.mark.parametrize("name", CHECKS)
@pytest.mark.parametrize("error", [Unprintable(), SystemExit(1), RecursionError(), MemoryError(), StopIteration(),
                                   ZeroDivisionError("x"), KeyError(BadFloat())], ids=type)
def test_whatever_a_function_raises_the_check_says_so(name, error):
    def raises(*args):
        raise error
    assert f"raised {type(error).__name__}" in verdict(getattr(checks, name)(raises), name)


def test_an_exception_that_cannot_print_itself_is_still_reported():
    def broken(x, w, b):
        raise Unprintable()
    assert "raised Unprintable: (its message could not be shown)" in verdict(checks.weighted_sum(broken),
                                                                             "weighted_sum")


@pytest.mark.parametrize("name", CHECKS)
def test_a_check_is_called_with_the_function_itself(name):
    message = verdict(getattr(checks, name)(3.0), name)
    assert f"pass your function itself, without calling it: checks.{name}(your_function); received 3" in message


def test_text_is_not_a_number():
    assert fails_with(checks.or_weights(lambda: "220"), "return three numbers, (w1, w2, b), all finite; "
                                                        "received '220'.")
    assert fails_with(checks.or_weights(lambda: ("1", "1", "-0.5")), "received ('1', '1', '-0.5')")
    assert fails_with(checks.mse(lambda p, y: "0.25"), "expected numbers, received the text '0.25' - a number "
                                                       "in quotes is text, not a number.")
    assert passes(checks.or_weights(lambda: np.array([1, 1, -0.5])))  # numbers of any numpy kind still pass


def test_odd_but_numeric_answers_are_judged_not_rejected():
    assert passes(checks.mse(lambda y_pred, y: np.array(np.mean((y_pred - y) ** 2))))  # a 0-d array
    assert passes(checks.mse(lambda y_pred, y: [np.mean((y_pred - y) ** 2)][0]))
    message = verdict(checks.mse(lambda y_pred, y: 10 ** 400), "mse")
    assert "received a whole number with 401 digits, too large to compute with" in message
    message = verdict(checks.mse(lambda y_pred, y: np.mean((y_pred - y) ** 2) + 0j), "mse")
    assert "expected numbers, received the complex number" in message


def test_a_forgotten_return_is_none_never_nan():
    message = verdict(checks.line_gradients(lambda x, y, w, b: (np.mean((w * x + b - y) * x), None)), "line_gradients")
    assert "db is None - did you forget to compute it, or to return it?" in message and "nan" not in message


def test_a_function_that_edits_its_inputs_is_judged_on_fresh_copies_every_time():
    def scales(X, w, b):
        X *= 2
        w[:] = 0
        return X @ w + b
    assert verdict(checks.neuron_forward(scales), "neuron_forward") == checks.neuron_forward(scales).message


def test_the_failing_line_of_the_learners_function_is_named_with_the_shapes():
    def neuron_forward(X, w, b):
        z = w @ X + b  # the learner meant X @ w
        return 1 / (1 + np.exp(-z))
    message = verdict(checks.neuron_forward(neuron_forward), "neuron_forward")
    assert "It failed in `neuron_forward`, line 2 of it: z = w @ X + b  # the learner meant X @ w" in message
    assert "`w @ X`: w has shape (2,) and X has shape (3, 2)." in message
    assert ("A matrix product A @ B needs A's last axis as long as B's first: here they are 2 and 3. "
            "Swapped, `X @ w` fits: did you mean that?") in message


def test_an_element_wise_shape_error_is_explained_too():
    def dense_forward(X, W, b):
        return W @ X + b
    message = verdict(checks.dense_forward(dense_forward), "dense_forward")
    assert "`W @ X + b`: W @ X has shape (3, 3) and b has shape (2,)." in message
    assert "Element by element, they need the same shape (or a 1 along each axis where they differ)." in message


def test_a_shape_error_inside_a_longer_statement_is_said_in_plain_words():
    def weighted_sum(x, w, b):
        return (np.ones((3, 3))
                @ x + b)
    message = verdict(checks.weighted_sum(weighted_sum), "weighted_sum")
    assert "In plain words: in a matrix product A @ B, B's first axis has 2 values but A's last axis has 3" in message


def test_numpy_warnings_in_the_learners_code_are_reported_not_raised():
    message = verdict(checks.log_loss(lambda p, y: -np.mean(y * np.log(p - p))), "log_loss")
    assert "numpy reported: divide" in message and "NaN or infinite" in message


# -- the time limit ------------------------------------------------------------------------------------

def endless(*args):
    steps = 0
    while True:
        # (a statement before the `try`: on Python 3.10 a loop whose body *starts* with `try:` cannot
        # be interrupted at all, not even by Ctrl-C - see nnlib/checks/_guard.py)
        steps += 1
        try:
            pass
        except Exception:  # noqa: BLE001 - a learner's own catch-all must not swallow the time limit
            pass


@pytest.fixture
def short_limit(monkeypatch):
    monkeypatch.setattr(_core, "TIME_LIMIT", 0.3)


@pytest.mark.parametrize("name", ["weighted_sum", "or_weights", "descend", "train_neuron", "softmax_rows"])
def test_an_endless_loop_is_stopped_and_reported(name, short_limit):
    started = time.monotonic()
    message = verdict(getattr(checks, name)(endless), name)
    assert message == (f"✗ {name}: your function did not finish in 0.3 s - an endless loop? Check the condition "
                       "that should end each loop.")
    assert time.monotonic() - started < 3


def test_the_time_limit_works_outside_the_main_thread_too(short_limit):
    verdicts = []
    worker = threading.Thread(target=lambda: verdicts.append(checks.weighted_sum(endless)))
    worker.start()
    worker.join(10)
    assert not worker.is_alive() and "did not finish in 0.3 s" in verdicts[0].message


def test_the_time_limit_leaves_an_alarm_of_its_own_caller_running(short_limit):
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *args: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        checks.weighted_sum(endless)
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] < 0.8  # the caller's timer, less the 0.3 s
        time.sleep(1.0)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_slow_but_finite_function_is_not_cut_short():
    def slow(x, w, b):
        time.sleep(0.05)
        return x @ w + b
    assert passes(checks.weighted_sum(slow))


# -- shown wherever it is called in a cell ------------------------------------------------------------

CELLS = [
    "from nnlib import checks",
    "checks.weighted_sum(lambda x, w, b: x @ w + b)",  # the last line: Jupyter shows it, once
    "r = checks.weighted_sum(lambda x, w, b: x @ w)\nprint('after')",  # assigned: shown at the cell's end
    "for f in [lambda x, w, b: x @ w + b, lambda x, w, b: None]:\n    checks.weighted_sum(f)",
    "checks.weighted_sum(lambda x, w, b: x @ w + b);",  # the ; hides the last line's value: shown anyway
    "print(checks.weighted_sum(lambda x, w, b: x @ w + b))",  # printed: not shown twice
    "checks.concept('01-bias').answer('c')\n1 + 1",
]
SHELL = """
import json, sys
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
shell = InteractiveShell.instance()
seen = []
for cell in json.loads(sys.argv[1]):
    with capture_output() as captured:
        shell.run_cell(cell, store_history=True)
    seen.append([captured.stdout] + [o.data["text/plain"] for o in captured.outputs])
print(json.dumps(seen))
"""


def test_a_verdict_is_shown_wherever_the_check_is_called_in_a_cell():
    out = subprocess.run([sys.executable, "-c", SHELL, json.dumps(CELLS)], capture_output=True, text=True,
                         check=True, timeout=60)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    right = "✓ weighted_sum: correct on all 3 test cases. Well done!"
    assert seen[1][0].count(right) == 1 and len(seen[1]) == 1  # shown once, by Jupyter itself
    assert seen[2][0] == "after\n" and seen[2][1].startswith("✗ weighted_sum: not yet - the bias b is missing")
    assert seen[3][1:] == [right, seen[3][2]] and "returned None" in seen[3][2]
    assert seen[4] == ["", right]
    assert seen[5] == [right + "\n"]
    assert seen[6][1] == "✓ Right: both inputs are 0, so the weights contribute nothing and only the bias is left: " \
                         "z = 3·0 - 5·0 + 2 = 2." and "2" in seen[6][0]
