"""Notebook 01's slider picture: the pure update function behind the sliders, without a browser."""
import numpy as np
import pytest

import nnlib
from nnlib.viz.frontier import FrontierView
from view_helpers import render


@pytest.fixture(scope="module")
def view():
    return FrontierView(*nnlib.load_leaves(40, rng=0))


def test_mistakes_counts_leaves_on_the_wrong_side(view):
    assert view.mistakes(0.8, -1.0, 1.5).sum() == 0  # the generator's own frontier
    assert view.mistakes(-0.8, 1.0, -1.5).sum() == 40  # the same line, sides swapped
    X, y = view.X, view.y
    by_hand = sum(int((0.0 * x1 - 1.0 * x2 + 5.0 > 0) != label) for (x1, x2), label in zip(X, y))
    assert view.mistakes(0.0, -1.0, 5.0).sum() == by_hand


def test_every_slider_changes_the_picture(view):
    base = render(view, w1=0.0, w2=-1.0, b=5.0)
    for moved in ({"w1": 0.5, "w2": -1.0, "b": 5.0}, {"w1": 0.0, "w2": -0.5, "b": 5.0},
                  {"w1": 0.0, "w2": -1.0, "b": 3.0}):
        assert render(view, **moved) != base, moved
    assert render(view, w1=0.0, w2=-1.0, b=5.0) == base  # and back again


def test_title_reports_the_mistakes(view):
    view.update(w1=0.0, w2=-1.0, b=5.0)
    n_wrong = view.mistakes(0.0, -1.0, 5.0).sum()
    assert f"{n_wrong} mistakes out of 40" in view.ax.get_title()


def test_frontier_line_lies_where_z_is_zero(view):
    for w1, w2, b in [(0.3, -1.0, 2.0), (1.0, 0.2, -4.0), (0.0, 2.0, -6.0)]:
        view.update(w1=w1, w2=w2, b=b)
        x1, x2 = view.line.get_data()
        assert np.allclose(w1 * np.asarray(x1) + w2 * np.asarray(x2) + b, 0)


def test_zero_weights_draw_no_line_and_no_warning(view):
    view.update(w1=0.0, w2=0.0, b=1.0)  # RuntimeWarnings are errors in this suite
    assert len(view.line.get_data()[0]) == 0 and view.mistakes(0, 0, 1.0).sum() == 19


def test_fast_render_matches_a_full_savefig(view):
    import io

    from PIL import Image
    fast = np.asarray(Image.open(io.BytesIO(render(view, 0.4, -1.0, 2.0))))
    buf = io.BytesIO()
    view.fig.savefig(buf, format="png")
    full = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))  # png() sends RGB
    assert fast.shape == full.shape
    # Equal everywhere but on the axes frame, whose anti-aliased edge the fast path draws twice.
    x0, y0, x1, y1 = view.ax.get_window_extent().extents
    h = full.shape[0]
    frame = np.zeros(full.shape[:2], dtype=bool)
    frame[int(h - y1) - 2:int(h - y1) + 3, :] = frame[int(h - y0) - 2:int(h - y0) + 3, :] = True
    frame[:, int(x0) - 2:int(x0) + 3] = frame[:, int(x1) - 2:int(x1) + 3] = True
    assert np.array_equal(fast[~frame], full[~frame])
