"""Notebook I/O shared by the course's tools: read, write, list, check, execute.

stamp_notebooks.py, make_student_notebooks.py, execute_notebooks.py and time_notebooks.py all go
through this module, so they read and write notebooks the same way and their `--check` modes
mean the same thing:

- read and write: nbformat (`read` gives a v4 NotebookNode whose cell sources are single
  strings; `dumps` is nbformat's own writer: indent 1, sorted keys, non-ASCII kept, a final
  newline, as JupyterLab saves a notebook). Sources are written as lists of lines (the solution
  notebooks, which people edit and diff) or, with split_lines=False, as single strings (the
  generated student notebooks, as they have always been committed).
- `--check` (`sync`): a file is stale when its text differs from what the tool would write;
  `--check` writes nothing, prints the stale files and exits 1 if there are any. Without
  `--check` the tool writes exactly those files and leaves the others untouched.
- execution (`execute`): nbclient, top to bottom in a fresh python3 kernel, then the per-run noise
  (widget state, the Python patch version) is dropped so a re-run changes only what changed.

What is used from elsewhere, and what is not:

- nbformat and nbclient do the reading, writing and executing (nbclient's record_timing=False
  leaves out the timings; the widget state is dropped after the run). store_widget_state stays
  True: nbclient's Output-widget capture, which the live pictures use, writes into that state and
  fails without it.
- nbgrader is not used. The course does use nbgrader's solution markers (`### BEGIN SOLUTION` /
  `### END SOLUTION`), and its ClearSolutions preprocessor is the model for
  make_student_notebooks.strip_solutions, but: (1) it replaces every block with one fixed stub,
  so the course's per-block `### HINT:` line (kept in the student copy as `# Hint: ...`) would be
  dropped; (2) it refuses solution blocks in cells without nbgrader's own cell metadata
  (`nbgrader.solution`) unless enforce_metadata is turned off, and the course tags its cells
  `exercise` instead; (3) it silently accepts an `### END SOLUTION` with no BEGIN (the course's
  function raises ValueError) and matches a marker anywhere in a line, not only on a line of its
  own; (4) nbgrader 0.9.6 requires alembic, SQLAlchemy, rapidfuzz, notebook 7, jupyter_server and
  more, for a step that is a 30-line loop here. Dropping a solution block is the only part of
  nbgrader the course needs.
- nbstripout is not used: the student copies need only each code cell's outputs and execution
  count cleared (two assignments in make_student_notebooks.student_version), and nbstripout is a
  git filter that also rewrites metadata by its own rules (and is not installed); the solution
  notebooks keep their outputs (nbval compares against them), so it has no place there either.
"""
import argparse
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
STUDENT = NOTEBOOKS / "student"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def course_notebooks():
    """The solution notebooks, notebooks/*.ipynb, in order (not the student copies)."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def read(path):
    """A notebook as an nbformat v4 NotebookNode (each cell's source one string)."""
    return nbformat.read(path, as_version=4)


def dumps(nb, split_lines=True):
    """The file text nbformat writes for a notebook (with nbformat.write's final newline)."""
    text = nbformat.writes(nb, split_lines=split_lines)
    return text if text.endswith("\n") else text + "\n"


def write(nb, path, split_lines=True):
    nbformat.write(nb, path, split_lines=split_lines)


def _shown(path):
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def sync(wanted, check, what):
    """Bring files up to date: wanted maps a path to its text, or None for a file that must go.

    A file is stale when its text differs. With check, nothing is written; the stale files are
    printed and the result is 1 if there are any. Otherwise the stale files are written (or
    removed) and listed, and the result is 0. Returns the exit status."""
    stale = []
    for path, text in wanted.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if check:
            continue
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        names = ", ".join(_shown(p) for p in stale)
        print(f"stale {what}: {names}" if check else f"wrote {what}: {names}")
    return 1 if (check and stale) else 0


def arguments(doc, check=None, paths=None):
    """The command line of a tool: its docstring as help, `--check` if check (what it checks)
    and, if paths (what they are), optional notebook paths."""
    parser = argparse.ArgumentParser(description=doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    if paths:
        parser.add_argument("paths", nargs="*", type=Path, metavar="NOTEBOOK",
                            help=f"{paths} (default: every notebook in notebooks/)")
    if check:
        parser.add_argument("--check", action="store_true",
                            help=f"write nothing: list {check} and exit 1 if there are any")
    return parser


def execute(path, timeout=300):
    """Execute one notebook in place with nbclient in a fresh python3 kernel, top to bottom, and
    save it without per-run noise; returns the seconds it took. A failing cell raises."""
    from nbclient import NotebookClient  # (importing it costs time the other tools need not pay)

    path = Path(path).resolve()
    nb = read(path)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   store_widget_state=True,  # needed by nbclient's Output-widget capture
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.get("language_info", {}).pop("version", None)
    write(nb, path)
    return seconds


def run_problems(nb):
    """What shows that a saved notebook is not one clean top-to-bottom run as `execute` saves it:
    execution counts other than 1, 2, ..., n down the code cells, an error output, or per-run
    noise left in the metadata. An empty list when there is nothing to say."""
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]  # (nbclient
    counts = [c.execution_count for c in code]  # skips blank cells: they keep no count)
    if counts != list(range(1, len(code) + 1)):
        problems.append(f"execution counts {counts} are not 1..{len(code)}")
    for number, cell in enumerate(code, 1):
        for out in cell.get("outputs", []):
            if out.output_type == "error" and "raises-exception" not in cell.metadata.get("tags",
                                                                                       []):
                problems.append(f"code cell {number} has an error output: {out.ename}")
            if out.output_type == "execute_result" and out.execution_count != cell.execution_count:
                problems.append(f"code cell {number}'s result has another execution count")
    if "widgets" in nb.metadata:
        problems.append("widget state saved in the metadata")
    if "version" in nb.metadata.get("language_info", {}):
        problems.append("the Python version saved in the metadata")
    if nb.metadata.get("kernelspec") != KERNELSPEC:
        problems.append(f"kernelspec is {nb.metadata.get('kernelspec')}, not {KERNELSPEC}")
    return problems
