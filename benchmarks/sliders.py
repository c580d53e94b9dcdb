"""Time every slider's update (compute + draw to PNG, as the browser receives it) over its range.

    python benchmarks/sliders.py

Each benchmarks/cases_*.py file lists CASES = [(label, make_view, settings), ...]: make_view()
builds the app's live view once (as the notebook does), and settings is a list of keyword dicts
for view.update, one per slider position, swept in order as a learner dragging the slider would. Prints the
median and 95th percentile per slider; the target is a median under 100 ms on 2 cores.
"""
import importlib.util
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def load_cases():
    """Every (label, make_view, settings) from benchmarks/cases_*.py, in file order."""
    cases = []
    for path in sorted(HERE.glob("cases_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases.extend(module.CASES)
    return cases


def time_case(make_view, settings, repeats=1):
    """Milliseconds per update + PNG, one entry per setting (after one warm-up call)."""
    view = make_view()
    view.update(**settings[0])
    view.png()
    times = []
    for _ in range(repeats):
        for kwargs in settings:
            start = time.perf_counter()
            view.update(**kwargs)
            view.png()
            times.append(1000 * (time.perf_counter() - start))
    return np.array(times)


def main():
    print(f"{'slider':<48} {'updates':>7} {'median ms':>10} {'p95 ms':>8}")
    worst = 0.0
    for label, make_view, settings in load_cases():
        ms = time_case(make_view, settings)
        worst = max(worst, float(np.median(ms)))
        print(f"{label:<48} {len(ms):>7} {np.median(ms):>10.1f} {np.percentile(ms, 95):>8.1f}")
    print(f"slowest median: {worst:.1f} ms ({'within' if worst <= 100 else 'OVER'} the 100 ms target)")


if __name__ == "__main__":
    main()
