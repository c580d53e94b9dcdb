"""The machinery every exercise check shares: verdicts that name the problem, never the answer."""
import numpy as np
import pytest

from nnlib import checks
from nnlib.checks import notebook01, notebook02, notebook03, notebook04, notebook05
from nnlib.checks._core import build_cases, diagnose, run_cases


def double(x):
    return 2 * x


CASES = [((np.array([1.0, -2.0, 3.0]),), np.array([2.0, -4.0, 6.0]),
          [(np.array([1.0, -2.0, 3.0]), "you returned the input unchanged.")])]


def check(fn):
    return run_cases("double", fn, CASES, ["x"], hint="multiply by two")


def test_a_right_answer_passes():
    result = check(double)
    assert result and repr(result).startswith("✓ double: correct on all 1 test cases")


@pytest.mark.parametrize("wrong, message", [
    (lambda x: x, "you returned the input unchanged."),            # a known mistake, by name
    (lambda x: -2 * x, "wrong sign"),
    (lambda x: 4 * x, "every value is 2 times the expected one"),
    (lambda x: (2 * x)[:, None], "the shape is not: expected shape (3,), received shape (3, 1)"),
    (lambda x: (2 * x)[:2], "expected shape (3,), received shape (2,)"),
    (lambda x: None, "returned None"),
    (lambda x: x / 0.0 * 0, "NaN or infinite"),
    (lambda x: x + 1, "the values differ"),
    (lambda x: "two x", "expected numbers, received the text 'two x'."),
    (lambda x: "2.0", "expected numbers, received the text '2.0' - a number in quotes is text, not a number."),
])
def test_wrong_answers_get_a_specific_message_with_the_case(wrong, message):
    with np.errstate(all="ignore"):
        result = check(wrong)
    text = repr(result)
    assert not result and text.startswith("✗ double: not yet") and message in text
    assert "x = [ 1., -2.,  3.]" in text and "expected: [ 2., -4.,  6.]" in text


def test_a_crash_is_reported_not_raised():
    def broken(x):
        raise KeyError("oops")
    result = check(broken)
    assert not result and "raised KeyError" in repr(result) and "x = [" in repr(result)


def test_an_exercise_not_started_gets_a_hint_not_a_traceback():
    def stub(x):
        raise NotImplementedError("your code here")
    result = check(stub)
    assert not result and "not started yet" in repr(result) and "multiply by two" in repr(result)


def test_several_results_are_compared_by_name():
    cases = [((2.0,), {"square": 4.0, "cube": 8.0}, [({"cube": 6.0}, "that is 3x, not x cubed.")])]
    assert run_cases("powers", lambda x: (x ** 2, x ** 3), cases, ["x"])
    assert "cube is wrong: that is 3x" in repr(run_cases("powers", lambda x: (x ** 2, 3 * x),
                                                         cases, ["x"]))
    assert "expected 2 results (square, cube)" in repr(run_cases("powers", lambda x: x ** 2,
                                                                 cases, ["x"]))


def test_cases_are_built_from_the_reference_and_the_named_wrong_answers():
    def powers(x):
        return x ** 2, x ** 3

    def three_x(x):
        return x ** 2, 3 * x

    cases = build_cases(powers, [(2.0,), (-1.0,)], [(three_x, "that is 3x, not x cubed.")],
                        names=("square", "cube"))
    assert cases[1] == ((-1.0,), {"square": 1.0, "cube": -1.0},
                        [({"square": 1.0, "cube": -3.0}, "that is 3x, not x cubed.")])
    result = run_cases("powers", lambda x: (x * x, x + x + x), cases, ["x"])
    assert "not yet - cube is wrong: that is 3x, not x cubed.\n  x = 2\n" in repr(result)


def test_diagnose_accepts_lists_and_any_float_rounding():
    assert diagnose([0.1 + 0.2, 1.0], np.array([0.3, 1.0])) is None


def test_concept_keys_are_looked_up_with_a_clear_error():
    with pytest.raises(ValueError, match="key must name a concept check.*got 'nope'"):
        checks.concept("nope")


def test_every_question_belongs_to_exactly_one_notebook():
    """Each notebook module asks its own questions (test_checks_common: the notebook asks them)."""
    modules = {"01": notebook01, "02": notebook02, "03": notebook03, "04": notebook04, "05": notebook05}
    asked = [key for module in modules.values() for key in module.QUESTIONS]
    assert sorted(asked) == sorted(checks.QUESTIONS)  # none left out, none in two notebooks
    for number, module in modules.items():
        assert all(key.startswith(f"{number}-") for key in module.QUESTIONS), number
    for question in checks.QUESTIONS.values():
        assert 0 <= question.correct < len(question.options)


def test_a_single_number_is_called_off_by_a_factor_only_for_a_telling_factor():
    assert "the value is 0.5 times the expected one" in diagnose(0.5, 1.0)
    assert "the value is 3 times the expected one" in diagnose(3.0, 1.0)  # a sum of 3, not a mean
    assert diagnose(0.1466, 0.3375) == "the values differ from the expected ones."


def test_results_in_the_wrong_order_are_named_as_such():
    cases = [((2.0,), {"square": 4.0, "cube": 8.0}, [])]
    result = run_cases("powers", lambda x: (x ** 3, x ** 2), cases, ["x"])
    assert "right but in the wrong order: return them as (square, cube)" in repr(result)


def test_an_unfinished_exercise_called_by_another_is_named():
    def helper(x):
        raise NotImplementedError("your code here")

    def double_via_helper(x):
        return helper(x)

    result = check(double_via_helper)
    assert not result and "your function calls `helper`, which is not written yet" in repr(result)


def test_agree_goes_on_with_yours_when_it_agrees_and_with_nnlibs_otherwise(capsys):
    from check_helpers import not_started
    nnlib_sum = lambda x: float(np.sum(x))  # noqa: E731
    x = np.array([1.0, 2.0, 3.5])

    def my_sum(x):
        return x.sum()

    def off_by_one(x):
        return x.sum() + 1

    assert checks.agree(my_sum, nnlib_sum, x) == 6.5
    assert capsys.readouterr().out == "✓ your my_sum and nnlib's agree (np.allclose): 6.5\n"
    assert checks.agree(not_started, nnlib_sum, x) == 6.5
    assert capsys.readouterr().out == "… not_started is not written yet: going on with nnlib's answer, 6.5.\n"
    assert checks.agree(off_by_one, nnlib_sum, x) == 6.5
    assert capsys.readouterr().out.startswith("✗ your off_by_one gives 7.5, nnlib's 6.5: going on with nnlib's.")
    assert checks.use(my_sum, nnlib_sum, x) is my_sum
    assert checks.use(off_by_one, nnlib_sum, x) is nnlib_sum
    assert checks.use(not_started, nnlib_sum, x) is nnlib_sum
    capsys.readouterr()


def test_agree_never_raises_or_hangs_on_a_learners_function(capsys, monkeypatch):
    from nnlib.checks import _core
    monkeypatch.setattr(_core, "TIME_LIMIT", 0.3)

    def endless(x):
        steps = 0
        while True:
            steps += 1

    for broken in (endless, lambda x: x @ np.ones(2), lambda x: "6.5", lambda x: None):
        assert checks.agree(broken, lambda x: 6.5, np.ones(3)) == 6.5
        assert capsys.readouterr().out.startswith("✗ your ")
    assert checks.agree(6.5, lambda x: 6.5, np.ones(3)) == 6.5
    assert "pass your function itself" in capsys.readouterr().out
