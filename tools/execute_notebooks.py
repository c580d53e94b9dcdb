"""Re-execute notebooks top to bottom in a fresh kernel and save them with their outputs.

    python tools/execute_notebooks.py                      # every notebook in notebooks/
    python tools/execute_notebooks.py notebooks/01-*.ipynb # just these

Run it whenever nnlib or a notebook changes; then `pytest` (nbval, strict) compares every output
with a fresh run. The setup cell and badge are stamped first, and per-run noise (timings, widget
state, the exact Python patch version) is left out, so a re-run changes only what really changed.
Last, the student notebooks (tools/make_student_notebooks.py) are generated again.
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_student_notebooks  # noqa: E402
import stamp_notebooks  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def execute(path, timeout=300):
    """Execute one notebook in place with a fresh python3 kernel; returns the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   store_widget_state=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata.get("language_info", {}).pop("version", None)
    nbformat.write(nb, path)
    return seconds


def main(argv):
    stamp_notebooks.main([])
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        print(f"{path.name}: executed in {execute(path.resolve()):.1f} s", flush=True)
    make_student_notebooks.main([])


if __name__ == "__main__":
    main(sys.argv[1:])
