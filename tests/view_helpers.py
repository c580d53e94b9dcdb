"""What the tests of the live views share (tests/test_viz_*.py, test_descent.py)."""


def render(view, *args, **kwargs):
    """The PNG a slider app sends after view.update(*args, **kwargs)."""
    view.update(*args, **kwargs)
    return view.png()
