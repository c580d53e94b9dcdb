"""What the tests of the exercise checks share (tests/test_checks_*.py)."""


def passes(result):
    """The check said yes, with its tick."""
    return bool(result) and result.message.startswith("✓")


def fails_with(result, text):
    """The check said no, with its cross, and its message contains text."""
    return not result and result.message.startswith("✗") and text in result.message


def diagnosed(result, diagnosis):
    """The check said no on one of its cases, and diagnosis is exactly what it said was wrong."""
    return fails_with(result, f": not yet - {diagnosis}\n")


def not_started(*args):
    """An exercise as the student copy has it."""
    raise NotImplementedError("your code here")


def crashes(*args):
    """A learner's function that breaks, as a shape mistake would."""
    raise ValueError("shapes (3,) and (2,) not aligned")
