"""What every exercise check and concept question must do, whichever notebook it belongs to."""
import json
from pathlib import Path

import numpy as np
import nnlib
import pytest

from check_helpers import crashes, fails_with, not_started, passes
from nnlib import checks
from nnlib.checks import notebook01, notebook02, notebook03, notebook04, notebook05

ROOT = Path(__file__).resolve().parent.parent
MODULES = {"01": notebook01, "02": notebook02, "03": notebook03, "04": notebook04, "05": notebook05}
CHECKS = [name for module in MODULES.values() for name in module.__all__]


def cells(number, tag):
    """The sources of notebook <number>'s cells that carry tag."""
    path = next((ROOT / "notebooks").glob(f"{number}-*.ipynb"))
    return ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]
            if tag in c.get("metadata", {}).get("tags", [])]


@pytest.mark.parametrize("name", CHECKS)
def test_an_exercise_not_started_gets_a_hint_not_a_traceback(name):
    waiting = getattr(checks, name)(not_started)
    assert not waiting and waiting.message.startswith("…") and "not started yet" in waiting.message


@pytest.mark.parametrize("name", CHECKS)
def test_a_crash_is_reported_not_raised(name):
    assert fails_with(getattr(checks, name)(crashes), "raised ValueError: shapes (3,) and (2,)")


@pytest.mark.parametrize("name", CHECKS)
def test_a_forgotten_return_is_named(name):
    result = getattr(checks, name)(lambda *args: None)
    assert fails_with(result, f"✗ {name}: not yet - your function returned None - did you forget "
                              "the `return`?")


@pytest.mark.parametrize("key", sorted(checks.QUESTIONS))
def test_every_question_judges_every_option(key):
    question = checks.concept(key)
    assert 3 <= len(question.options) <= 4
    for index, letter in enumerate("abcd"[:len(question.options)]):
        verdict = question.answer(letter)
        if index == question.correct:
            assert verdict and verdict.message == f"✓ Right: {question.explain}"
        else:
            assert not verdict and verdict.message == f"✗ Not quite: {question.nudges[index]}"
    text = question.text()
    assert "$" not in text and "\\" not in text and "<" not in text  # plain text: no LaTeX, HTML


@pytest.mark.parametrize("number", MODULES)
def test_the_notebooks_own_solutions_pass_and_it_asks_each_question_once(number):
    module, namespace = MODULES[number], {"np": np, "nnlib": nnlib}
    for source in cells(number, "exercise"):
        exec(source, namespace)
    assert [k for k in namespace if k in CHECKS] == module.__all__  # in the notebook's order
    for name in module.__all__:
        assert passes(getattr(checks, name)(namespace[name])), name
    assert cells(number, "concept") == [f'checks.concept("{k}")' for k in module.QUESTIONS]
