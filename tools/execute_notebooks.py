"""Re-execute notebooks top to bottom in a fresh kernel and save them with their outputs.

    python tools/execute_notebooks.py                      # every notebook in notebooks/
    python tools/execute_notebooks.py notebooks/01-*.ipynb # just these
    python tools/execute_notebooks.py --check              # write nothing, execute nothing

Run it whenever nnlib or a notebook changes; then `pytest` (nbval, strict) compares every output
with a fresh run. The setup cell and badge are stamped first, and per-run noise (timings, widget
state, the exact Python patch version) is left out, so a re-run changes only what really changed.
Last, the student notebooks (tools/make_student_notebooks.py) are generated again. Execution is
nbclient's (tools/notebook_io.py).

--check executes nothing (whether the outputs are current is what `pytest` checks, by running
the notebooks): it exits 1 if a notebook's stamp or a student notebook is stale, or if a notebook
was not saved from one clean top-to-bottom run (execution counts 1..n, no error output, no
per-run noise in its metadata).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_student_notebooks  # noqa: E402
import notebook_io  # noqa: E402
import stamp_notebooks  # noqa: E402
from notebook_io import execute  # noqa: E402  (a fresh kernel, by nbclient)


def check(paths):
    """The --check mode: 0 if nothing is stale, else 1 (and what is, printed)."""
    status = stamp_notebooks.main(["--check"])
    for path in paths:
        for problem in notebook_io.run_problems(notebook_io.read(path)):
            print(f"not saved from one clean run: {path.name}: {problem}")
            status = 1
    return max(status, make_student_notebooks.main(["--check"]))


def main(argv):
    args = notebook_io.arguments(
        __doc__, check="what is stale, executing nothing",
        paths="notebooks to execute (the stamps and all student notebooks are always updated)",
    ).parse_args(argv)
    paths = [path.resolve() for path in args.paths] or notebook_io.course_notebooks()
    if args.check:
        return check(paths)
    stamp_notebooks.main([])
    for path in paths:
        print(f"{path.name}: executed in {execute(path):.1f} s", flush=True)
    return make_student_notebooks.main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
