"""Instant checks for the course's exercises and concept questions.

Each exercise in a notebook ends with a check cell, for example ``checks.half_mse(half_mse)``:
it runs your function on small seeded cases and says what passed or what is wrong (shape, sign,
scale, or the values expected and received), without showing the answer. ``checks.concept(key)``
asks a quick multiple-choice question. One module per notebook holds its checks, each beside its
reference answer and the typical wrong answers it recognises; questions.py holds the questions.

A check never crashes and never hangs: whatever your function returns or raises, and even if it
loops for ever (it is stopped after a few seconds), the cell shows a verdict - wherever in the cell
the check is called. _core.py runs the cases, _values.py reads what came back strictly as numbers
("220" is not 220), and _guard.py holds the time limit and explains where your code failed.
"""
from . import notebook01, notebook02, notebook03, notebook04, notebook05
from ._agree import agree, use
from ._concepts import Question
from ._core import Result
from .questions import QUESTIONS

_MODULES = (notebook01, notebook02, notebook03, notebook04, notebook05)
for _module in _MODULES:
    for _name in _module.__all__:
        if _name in globals():
            raise ImportError(f"two notebooks define a check named {_name!r}")
        globals()[_name] = getattr(_module, _name)


def concept(key):
    """The concept-check question ``key`` (for example "01-bias"), shown as a widget."""
    if key not in QUESTIONS:
        raise ValueError(f"key must name a concept check, one of {sorted(QUESTIONS)}; got {key!r}")
    return QUESTIONS[key]
