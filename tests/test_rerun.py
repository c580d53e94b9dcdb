"""Notebooks used the way learners use them: a cell run twice, an earlier cell run again later.

Two promises, each tested on every course notebook in one fresh kernel:
1. Running any code cell twice in a row prints the same as the committed notebook (its own output
   and so every later one), unless the cell is tagged `rerun-continues` (a deliberate "run this
   again to take another step") or `nbval-ignore-output` (a live widget).
2. After the whole notebook has run, re-running any earlier cell and then every later exercise
   check gives the same verdicts: scrolling back up never breaks a correct answer further down.
"""
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import notebook_io  # noqa: E402

NOTEBOOKS = notebook_io.course_notebooks()
SKIP_COMPARE = {"nbval-ignore-output", "rerun-continues"}
ADDRESS = re.compile(r"at 0x[0-9a-fA-F]+")  # as tests/sanitize.cfg: memory addresses differ per run


def text_of(outputs):
    """The text a learner reads in a cell's outputs: streams and plain-text results, no pictures."""
    parts = []
    for out in outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}")
        elif "text/plain" in out.get("data", {}) and not ({"image/png", "application/vnd.jupyter.widget-view+json"}
                                                          & set(out.data)):
            parts.append(out.data["text/plain"])
    return ADDRESS.sub("at 0xADDRESS", "".join(parts))


def tags(cell):
    return set(cell.metadata.get("tags", []))


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda path: path.name)
def session(request):
    """A fresh kernel that has run the notebook with every code cell twice in a row.

    Yields (committed cells, {index: (first run's text, second run's text)}, the client).
    """
    from nbclient import NotebookClient

    committed = notebook_io.read(request.param)
    nb = notebook_io.read(request.param)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(request.param.parent)}})
    runs = {}
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and "colab-setup" not in tags(cell):
                client.execute_cell(cell, index)
                first = text_of(cell.outputs)
                client.execute_cell(cell, index)
                runs[index] = (first, text_of(cell.outputs))
        yield committed.cells, runs, (client, nb)


def test_every_cell_run_twice_prints_what_the_committed_notebook_shows(session):
    cells, runs, _ = session
    differ = []
    for index, (first, second) in runs.items():
        if tags(cells[index]) & SKIP_COMPARE:
            continue
        expected = text_of(cells[index].outputs)
        if first != expected or second != expected:
            which = "its first run" if first != expected else "its second run"
            differ.append(f"cell {index} ({cells[index].source.splitlines()[0][:60]!r}): {which} printed\n"
                          f"{(first if first != expected else second)[:300]!r}\ninstead of\n{expected[:300]!r}")
    assert not differ, "\n\n".join(differ)


def test_running_an_earlier_cell_again_changes_no_later_check(session):
    cells, runs, (client, nb) = session
    checks = [i for i in runs if "check" in tags(cells[i])]
    if not checks:
        pytest.skip("no exercise checks in this notebook")
    verdicts = {i: runs[i][1] for i in checks}
    broken = []
    for index in runs:
        if tags(cells[index]) & ({"check", "exercise"} | SKIP_COMPARE) or index > checks[-1]:
            continue
        client.execute_cell(nb.cells[index], index)
        for i in (i for i in checks if i > index):
            client.execute_cell(nb.cells[i], i)
            now = text_of(nb.cells[i].outputs)
            if now != verdicts[i]:
                broken.append(f"after re-running cell {index} ({cells[index].source.splitlines()[0][:50]!r}), "
                              f"check cell {i} says {now[:200]!r} instead of {verdicts[i][:200]!r}")
    assert not broken, "\n".join(broken)
