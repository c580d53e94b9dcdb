"""Time every notebook against the course's budget, then check a second run gives the same outputs.

    python tools/time_notebooks.py                       # every notebook in notebooks/
    python tools/time_notebooks.py notebooks/03-*.ipynb  # just these

Works on copies in a temporary folder (the committed notebooks are never touched):
1. run 1: execute each copy top to bottom in a fresh kernel and print how long it took;
2. run 2: nbval strict (pyproject.toml's options) on run 1's executed copies, so every text output
   of a second fresh run must equal the first's: "restart and run all" twice gives the same page.
Exits 1 if a notebook takes 20 s or more, all of them 60 s or more (a 2-core machine), a notebook
fails to run, or run 2 differs from run 1. It writes nothing, so it has no --check: it is one.
Execution is the same as tools/execute_notebooks.py's (tools/notebook_io.py, nbclient).
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_io  # noqa: E402
from notebook_io import execute  # noqa: E402  (the same timed, fresh-kernel execution)

ROOT = notebook_io.ROOT
PER_NOTEBOOK = 20.0  # seconds, each notebook top to bottom
TOTAL = 60.0  # seconds, all of them


def main(argv):
    args = notebook_io.arguments(__doc__, paths="notebooks to time").parse_args(argv)
    paths = [path.resolve() for path in args.paths] or notebook_io.course_notebooks()
    if not paths:
        print("no notebooks found")
        return 1
    problems, total, width = [], 0.0, max(len(path.name) for path in paths) + 1
    with tempfile.TemporaryDirectory(prefix="nnlib-timing-") as tmp:
        copies = []
        print(f"run 1: execute each notebook in a fresh kernel (budget: each < "
              f"{PER_NOTEBOOK:.0f} s, all < {TOTAL:.0f} s)", flush=True)
        for path in paths:
            copy = Path(tmp) / path.name
            shutil.copy(path, copy)
            try:
                seconds = execute(copy)
            except Exception as error:  # a failing cell: report it, time the others
                problems.append(f"{path.name} failed to run: {error}")
                print(f"  {path.name + ':':<{width}}  FAILED", flush=True)
                continue
            copies.append(copy)
            total += seconds
            over = seconds >= PER_NOTEBOOK
            print(f"  {path.name + ':':<{width}} {seconds:5.1f} s{'  OVER BUDGET' if over else ''}",
                  flush=True)
            if over:
                problems.append(f"{path.name} took {seconds:.1f} s (budget {PER_NOTEBOOK:.0f} s)")
        print(f"  {'total:':<{width}} {total:5.1f} s{'  OVER BUDGET' if total >= TOTAL else ''}",
              flush=True)
        if total >= TOTAL:
            problems.append(f"all notebooks took {total:.1f} s (budget {TOTAL:.0f} s)")
        if copies:
            print("run 2: nbval strict on run 1's outputs", flush=True)
            # -c pyproject.toml: the same nbval options (strict, sanitizer, current env) and
            # warning filters as the main test run; cwd=ROOT for its relative sanitizer path.
            run2 = subprocess.run([sys.executable, "-m", "pytest", "-q", "-c", "pyproject.toml",
                                   "--rootdir", tmp, *map(str, copies)], cwd=ROOT)
            if run2.returncode != 0:
                problems.append("run 2 (nbval strict) differs from run 1 or failed")
    for problem in problems:
        print(f"FAIL: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
