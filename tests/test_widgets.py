"""Slider apps and concept-check widgets, driven without a browser (tests/test_browser.py has one)."""
import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402

from nnlib.checks import Question  # noqa: E402
from nnlib.viz.live import LiveFigure  # noqa: E402
from nnlib.widgets import question_widget, slider, slider_app  # noqa: E402


class Recorder(LiveFigure):
    """A tiny live view that records every update it is asked for."""

    def __init__(self, calls):
        super().__init__(figsize=(2, 1))
        self.calls = calls
        ax = self.fig.add_subplot(xlim=(0, 30), ylim=(0, 1))
        (self.line,) = ax.plot([], [])
        self.freeze(self.line)

    def update(self, lr, steps):
        self.calls.append((lr, steps))
        self.line.set_data([0, steps], [0, lr])
        return self.fig


def recording_update(calls):
    return Recorder(calls)


def test_moving_a_slider_redraws_with_its_new_value():
    calls = []
    app = slider_app(recording_update(calls), lr=slider("lr", 0.1, 0.01, 1.0, 0.01),
                     steps=slider("steps", 10, 1, 30, 1))
    image = app.children[-1]
    first = image.value
    app.children[0].children[0].value = 0.5
    assert calls == [(0.1, 10), (0.5, 10)] and image.value != first


def test_a_preset_sets_all_its_controls_then_redraws_once():
    calls = []
    app = slider_app(recording_update(calls),
                     presets={"too high": {"lr": 0.75, "steps": 20}, "tiny": {"lr": 0.01}},
                     lr=slider("lr", 0.1, 0.01, 1.0, 0.01), steps=slider("steps", 10, 1, 30, 1))
    menu, (lr, steps) = app.children[0], app.children[1].children
    menu.value = "too high"
    assert calls == [(0.1, 10), (0.75, 20)] and (lr.value, steps.value) == (0.75, 20)
    steps.value = 5  # moving a slider by hand leaves the preset
    assert menu.value == "(your own settings)" and calls[-1] == (0.75, 5)
    menu.value = "tiny"
    assert calls[-1] == (0.01, 5)


def test_a_preset_for_an_unknown_control_is_a_clear_error():
    with pytest.raises(ValueError, match=r"preset 'x' sets \['rate'\].*expected names from"):
        slider_app(recording_update([]), presets={"x": {"rate": 1}},
                   lr=slider("lr", 0.1, 0.01, 1.0, 0.01), steps=slider("steps", 10, 1, 30, 1))


def test_a_concept_check_widget_judges_the_chosen_option():
    question = Question("t-1", "Which is even?", ["3", "4", "5"], answer=1, explain="4 = 2 x 2.",
                        nudges={0: "3 leaves a remainder."})
    prompt, choices, verdict = question_widget(question).children
    assert "Which is even?" in prompt.value and choices.value is None and verdict.value == ""
    assert choices.description == "Your answer:" and [label for label, _ in choices.options][0] == "a) 3"
    choices.value = 0
    assert "Not quite" in verdict.value and "remainder" in verdict.value
    choices.value = 1
    assert "Right" in verdict.value and "2 x 2" in verdict.value


def test_a_concept_check_answers_in_code_and_shows_as_text_without_widgets():
    question = Question("t-1", "Which is even?", ["3", "4"], answer=1, explain="even.")
    assert question.answer("b") and not question.answer("a") and question.answer(1)
    assert 'checks.concept("t-1").answer' in repr(question) and "b) 4" in repr(question)
    bundle = question._repr_mimebundle_()
    assert bundle["text/plain"] == repr(question)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    with pytest.raises(ValueError, match="choice must be one of"):
        question.answer("z")
