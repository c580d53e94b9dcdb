"""Concept checks: quick multiple-choice questions, answered with a widget or in plain code."""
import numpy as np

from .._convert import describe
from ._core import FAILED, PASSED, Result

LETTERS = "abcdefgh"


class Question:
    """One multiple-choice question; ``answer("b")`` says whether b is right, and why."""

    def __init__(self, key, prompt, options, answer, explain, nudges=None):
        self.key, self.prompt, self.options = key, prompt, list(options)
        self.correct, self.explain = answer, explain  # answer: the index of the right option
        self.nudges = nudges or {}  # index of a wrong option -> a nudge that does not give it away

    def answer(self, choice):
        """The verdict on one option, given as a letter ("a", "b", ...) or an index (0, 1, ...)."""
        letters = LETTERS[:len(self.options)]
        want = f"choice must be one of {list(letters)} (or an index 0..{len(letters) - 1})"
        if isinstance(choice, str):
            index = letters.find(choice.strip().lower()) if len(choice.strip()) == 1 else -1
        elif isinstance(choice, (int, np.integer)) and not isinstance(choice, (bool, np.bool_)):
            index = int(choice)
        else:
            raise TypeError(f"{want}; got {describe(choice)}.")
        if not 0 <= index < len(self.options):
            raise ValueError(f"{want}; got {describe(choice)}.")
        if index == self.correct:
            verdict = Result(True, f"{PASSED} Right: {self.explain}")
        else:
            nudge = self.nudges.get(index, "think it through once more, then try another option.")
            verdict = Result(False, f"{FAILED} Not quite: {nudge}")
        verdict.show_at_cell_end()
        return verdict

    def text(self):
        """The question as plain text, shown wherever widgets cannot be (a static view, a printout)."""
        lines = [f"Concept check: {self.prompt}"]
        lines += [f"  {letter}) {option}" for letter, option in zip(LETTERS, self.options)]
        example = "b" if self.correct == 0 else "a"  # a wrong letter: the example must not give it away
        lines.append(f'Answer with the buttons, or in code: checks.concept("{self.key}")'
                     f'.answer("{example}")')
        return "\n".join(lines)

    def __repr__(self):
        return self.text()

    def _repr_mimebundle_(self, include=None, exclude=None):
        """A live widget where ipywidgets runs, with the plain text as its fallback."""
        try:
            from ..widgets import question_widget
            widget = question_widget(self)
        except ImportError:
            return {"text/plain": self.text()}
        view = {"version_major": 2, "version_minor": 0, "model_id": widget.model_id}
        return {"text/plain": self.text(), "application/vnd.jupyter.widget-view+json": view}
