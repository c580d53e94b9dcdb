"""Draw docs/course.png, the picture at the top of the README, from nnlib itself.

    python tools/make_readme_figure.py
"""
from pathlib import Path

import nnlib
from nnlib.viz.frontier import FrontierView

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    view = FrontierView(*nnlib.load_leaves(40, rng=0))
    view.update(w1=0.3, w2=-1.0, b=3.2).savefig(ROOT / "docs" / "course.png", dpi=80)
    print("wrote docs/course.png")
