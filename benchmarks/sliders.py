"""Time every slider's update, and every live view's frame (compute + draw to PNG, as the browser
receives it).

    python benchmarks/sliders.py

Each benchmarks/cases_*.py file lists CASES = [(label, make_view, settings), ...]: make_view()
builds the app's live view once (as the notebook does), and settings is a list of keyword dicts
for view.update, one per slider position, swept in order as a learner dragging the slider would.
A file may also list LIVE_CASES = [(label, make_view, reset_settings, frames), ...]: a live view
(viz.live.LiveTraining) is reset once, then played for `frames` frames of Play, each
view.step(view.steps_per_frame), view.draw() and view.png(); the target is a median of 50 ms. Prints the
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
    """Every slider case and every live case from benchmarks/cases_*.py, in file order."""
    cases, live = [], []
    for path in sorted(HERE.glob("cases_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases.extend(getattr(module, "CASES", []))
        live.extend(getattr(module, "LIVE_CASES", []))
    return cases, live


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


def time_frames(make_view, settings, frames):
    """Milliseconds per frame of Play (step, draw, PNG) over `frames` frames after a reset."""
    view = make_view()
    view.reset(**settings)
    view.draw()
    view.png()
    times = []
    for _ in range(frames):
        if view.finished:
            view.reset(**settings)
        start = time.perf_counter()
        view.step(view.steps_per_frame)
        view.draw()
        view.png()
        times.append(1000 * (time.perf_counter() - start))
    return np.array(times)


def main():
    cases, live = load_cases()
    print(f"{'slider':<48} {'updates':>7} {'median ms':>10} {'p95 ms':>8}")
    worst = 0.0
    for label, make_view, settings in cases:
        ms = time_case(make_view, settings)
        worst = max(worst, float(np.median(ms)))
        print(f"{label:<48} {len(ms):>7} {np.median(ms):>10.1f} {np.percentile(ms, 95):>8.1f}")
    print(f"slowest median: {worst:.1f} ms ({'within' if worst <= 100 else 'OVER'} the 100 ms target)")
    if live:
        print(f"\n{'live view (Play)':<48} {'frames':>7} {'median ms':>10} {'p95 ms':>8} {'frames/s':>9}")
        slowest = 0.0
        for label, make_view, settings, frames in live:
            ms = time_frames(make_view, settings, frames)
            slowest = max(slowest, float(np.median(ms)))
            print(f"{label:<48} {len(ms):>7} {np.median(ms):>10.1f} {np.percentile(ms, 95):>8.1f} "
                  f"{min(10.0, 1000 / np.median(ms)):>9.1f}")
        print(f"slowest frame median: {slowest:.1f} ms ({'within' if slowest <= 50 else 'OVER'} the 50 ms "
              f"target); frames/s is what Play's 100 ms clock can show, at most 10")


if __name__ == "__main__":
    main()
