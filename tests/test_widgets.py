"""Slider apps and concept-check widgets, driven without a browser (tests/test_browser.py has one)."""
import base64

import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402

from nnlib.checks import Question  # noqa: E402
from nnlib.viz.live import LiveFigure, LiveTraining  # noqa: E402
from nnlib.widgets import live_app, question_widget, slider, slider_app  # noqa: E402


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
    view = recording_update(calls)
    shown = []
    view.png = lambda: shown.append(view.line.get_xydata().tolist()) or b"png"
    app = slider_app(view, lr=slider("lr", 0.1, 0.01, 1.0, 0.01), steps=slider("steps", 10, 1, 30, 1))
    app.widget.children[0].children[0].value = 0.5
    assert calls == [(0.1, 10), (0.5, 10)] and shown == [[[0, 0], [10, 0.1]], [[0, 0], [10, 0.5]]]


def test_an_app_saved_unrun_shows_its_picture_and_one_line_not_a_widget_repr():
    app = slider_app(recording_update([]), lr=slider("lr", 0.1, 0.01, 1.0, 0.01),
                     steps=slider("steps", 10, 1, 30, 1))
    bundle = app._repr_mimebundle_()
    assert bundle["text/plain"] == "(Run this cell to get the sliders.)"
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == app.widget.model_id


def test_a_preset_sets_all_its_controls_then_redraws_once():
    calls = []
    app = slider_app(recording_update(calls),
                     presets={"too high": {"lr": 0.75, "steps": 20}, "tiny": {"lr": 0.01}},
                     lr=slider("lr", 0.1, 0.01, 1.0, 0.01), steps=slider("steps", 10, 1, 30, 1))
    menu, (lr, steps) = app.widget.children[0], app.widget.children[1].children
    menu.value = "too high"
    assert calls == [(0.1, 10), (0.75, 20)] and (lr.value, steps.value) == (0.75, 20)
    steps.value = 5  # moving a slider by hand leaves the preset
    assert menu.value == "(your own settings)" and calls[-1] == (0.75, 5)
    menu.value = "tiny"
    assert calls[-1] == (0.01, 5)


def test_an_action_button_is_labelled_with_text_and_sets_what_it_returns_then_redraws_once():
    calls = []
    app = slider_app(recording_update(calls), actions={"halve the rate": lambda lr, steps: {"lr": lr / 2}},
                     lr=slider("lr", 0.5, 0.01, 1.0, 0.01), steps=slider("steps", 10, 1, 30, 1))
    button = app.widget.children[-2].children[0]
    assert button.description == "halve the rate" and not button.icon
    button.click()
    button.click()
    assert calls == [(0.5, 10), (0.25, 10), (0.125, 10)]


def test_line_fit_game_hides_the_minimum_until_the_goal_and_steps_downhill():
    import numpy as np
    from nnlib.datasets import reference_line
    from nnlib.descent import line_descent, line_loss
    from nnlib.viz.landscape import LineFitView
    x, y, _, _ = reference_line()
    view = LineFitView(x, y)
    view.update(w=0.5, b=2.5)
    assert not view.star.get_visible() and "goal: a loss below 0.001" in view.headline.get_text()
    (u, v), = np.column_stack([view.arrow.U, view.arrow.V])
    assert u < 0 and v < 0, "at (0.5, 2.5) straight downhill is towards lower w and lower b"
    step = view.gradient_step(w=0.5, b=2.5)
    assert np.allclose([step["w"], step["b"]], line_descent(x, y, 0.5, 2.5, lr=1.0, epochs=1).params[-1])
    assert line_loss(step["w"], step["b"], x, y) < line_loss(0.5, 2.5, x, y)
    w_best, b_best = np.polyfit(np.ravel(x), y, 1)
    view.update(w=w_best, b=b_best)
    assert view.star.get_visible() and "you found the bottom" in view.headline.get_text()


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


class Counter(LiveTraining):
    """A tiny training view: each step adds lr (a live setting) to its count; a run has n steps."""

    live = ("lr",)
    steps_per_frame = 2

    def __init__(self):
        super().__init__(figsize=(2, 1))
        (self.line,) = self.fig.add_subplot().plot([], [])
        self.freeze(self.line)
        self.drawn = 0

    def reset(self, n=5, lr=1.0):
        self.n, self.lr, self.count, self.k = n, lr, 0.0, 0
        return self

    def step(self, n=1):
        for _ in range(min(n, self.n - self.k)):
            self.count, self.k = self.count + self.lr, self.k + 1
        return self

    @property
    def finished(self):
        return self.k >= self.n

    def draw(self):
        self.drawn += 1
        return self.fig


def live(view, **controls):
    """A live app on a fake frame clock; returns (controls by name, buttons by label, pending frames)."""
    pending = []
    app = live_app(view, schedule=lambda seconds, frame: pending.append((seconds, frame)), **controls)
    buttons = {b.description: b for b in app.widget.children[-2].children}
    return dict(zip(controls, app.widget.children[0].children)), buttons, pending


def test_live_app_has_text_buttons_and_opens_on_the_finished_run():
    view, pending = Counter(), []
    app = live_app(view, schedule=lambda seconds, frame: pending.append(frame), n=slider("n", 5, 1, 9, 1))
    buttons = [b.description for b in app.widget.children[-2].children]
    assert buttons == ["Play", "Pause", "Step", "Reset"] and view.k == 5 and not pending
    assert app._repr_mimebundle_()["text/plain"] == \
        "(Run this cell to get the Play, Pause, Step and Reset buttons.)"


def test_play_advances_frame_by_frame_on_the_clock_and_pause_stops_at_once():
    view = Counter()
    _, buttons, pending = live(view, n=slider("steps", 5, 1, 9, 1), lr=slider("lr", 1.0, 0.5, 2.0, 0.5))
    buttons["Play"].click()  # the finished run on show: Play starts again, first frame at once
    assert view.k == 2 and len(pending) == 1 and 0 <= pending[0][0] <= 0.1
    pending.pop()[1]()  # the clock fires: the next frame
    assert view.k == 4 and len(pending) == 1
    buttons["Pause"].click()
    pending.pop()[1]()  # a frame already scheduled does nothing once paused
    assert view.k == 4 and not pending
    buttons["Step"].click()
    assert view.k == 5 and view.finished and not pending  # Step is one step exactly


def test_a_run_stops_by_itself_at_its_end():
    view = Counter()
    _, buttons, pending = live(view, n=slider("steps", 3, 1, 9, 1), lr=slider("lr", 1.0, 0.5, 2.0, 0.5))
    buttons["Play"].click()
    while pending:
        pending.pop()[1]()
    assert view.k == 3 and view.finished


def test_reset_returns_to_the_start_and_a_live_control_applies_from_the_next_frame():
    view = Counter()
    controls, buttons, pending = live(view, n=slider("steps", 6, 1, 9, 1), lr=slider("lr", 1.0, 0.5, 2.0, 0.5))
    buttons["Reset"].click()
    assert view.k == 0 and view.count == 0.0 and not pending
    buttons["Play"].click()
    controls["lr"].value = 2.0  # while playing: no restart, the next frames use it
    pending.pop()[1]()
    assert view.k == 4 and view.count == 2 * 1.0 + 2 * 2.0
    controls["n"].value = 8  # not live: the next frame starts the new run
    pending.pop()[1]()
    assert view.n == 8 and view.k == 2 and view.count == 4.0


def test_a_slider_moved_while_paused_mid_run_keeps_the_run():
    view = Counter()
    controls, buttons, pending = live(view, n=slider("steps", 6, 1, 9, 1), lr=slider("lr", 1.0, 0.5, 2.0, 0.5))
    steps, lr = controls["n"], controls["lr"]
    buttons["Step"].click()
    lr.value = 0.5
    assert view.k == 1 and view.lr == 0.5 and view.count == 1.0
    buttons["Step"].click()
    assert view.count == 1.5
    steps.value = 7  # not live: back to the whole run, as a slider shows it
    assert view.n == 7 and view.finished
