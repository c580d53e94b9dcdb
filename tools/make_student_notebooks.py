"""Generate the student notebooks (exercises without their solutions) from the solution notebooks.

The solution notebooks in notebooks/ are the one source. In their exercise cells the answer sits
between nbgrader-style markers, with an optional hint line:

    def half_mse(y_pred, y):
        ### BEGIN SOLUTION
        ### HINT: square each error, halve it, then average
        return np.mean((y_pred - y) ** 2) / 2
        ### END SOLUTION

The student copy keeps everything else and replaces each marked block by a stub that raises
NotImplementedError (the check under the exercise then says "not started yet"). Outputs are
cleared and the Colab badge points at the student copy. They are written to notebooks/student/,
with nbformat (tools/notebook_io.py), each cell's source one string as they have always been
committed; a student notebook is stale when generating it again would change its file, and a
student notebook whose solution notebook is gone is removed.

    python tools/make_student_notebooks.py           # write notebooks/student/*.ipynb
    python tools/make_student_notebooks.py --check   # write nothing; exit 1 if any is stale

The markers are nbgrader's, but nbgrader itself is not used (tools/notebook_io.py says why): its
ClearSolutions preprocessor replaces a block by one fixed stub, with no per-block hint, and needs
nbgrader's cell metadata and its server-side dependency tree.
"""
import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_io  # noqa: E402
import stamp_notebooks  # noqa: E402

ROOT = notebook_io.ROOT
SOURCE, TARGET = notebook_io.NOTEBOOKS, notebook_io.STUDENT
BEGIN, END, HINT = "### BEGIN SOLUTION", "### END SOLUTION", "### HINT:"
STUDENT_NOTE = ("*Student version: the exercises (each under a **Your turn** heading) are yours to solve. Each check cell "
                "tells you at once whether your answer works.*")


def strip_solutions(source):
    """The cell source with every marked solution block replaced by a NotImplementedError stub."""
    out, block = [], None
    for line in source.split("\n"):
        marker = line.strip()
        if marker == BEGIN:
            if block is not None:
                raise ValueError(f"nested {BEGIN} in:\n{source}")
            block = {"indent": line[:len(line) - len(line.lstrip())], "hint": None}
        elif marker == END:
            if block is None:
                raise ValueError(f"{END} without {BEGIN} in:\n{source}")
            indent = block["indent"]
            if block["hint"]:
                out.append(f"{indent}# Hint: {block['hint']}")
            out.append(f'{indent}raise NotImplementedError("your code here")')
            block = None
        elif block is not None:
            if marker.startswith(HINT) and block["hint"] is None:
                block["hint"] = marker[len(HINT):].strip()
        else:
            out.append(line)
    if block is not None:
        raise ValueError(f"{BEGIN} without {END} in:\n{source}")
    return "\n".join(out)


def student_version(nb, name, url, version):
    """A student notebook made from a solution notebook (nbformat NotebookNodes; nb is left as
    it is)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = strip_solutions(cell.source)
            cell.outputs, cell.execution_count = [], None
    title = nb.cells[1]
    lines = title.source.split("\n")
    lines[0] = stamp_notebooks.badge_line(url, version, f"student/{name}")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[heading + 1:heading + 1] = ["", STUDENT_NOTE]
    title.source = "\n".join(lines)
    nb.metadata["nnlib_course"] = {"generated_from": f"notebooks/{name}",
                                   "by": "tools/make_student_notebooks.py"}
    return nb


def wanted(source=SOURCE, target=TARGET):
    """{student notebook path: its text, or None if it should not exist}."""
    url, version = stamp_notebooks.project()
    texts = {target / path.name: notebook_io.dumps(
                 student_version(notebook_io.read(path), path.name, url, version),
                 split_lines=False)
             for path in sorted(source.glob("*.ipynb"))}
    for path in sorted(target.glob("*.ipynb")):  # a solution notebook was renamed or removed
        texts.setdefault(path, None)
    return texts


def main(argv):
    args = notebook_io.arguments(__doc__, check="the stale student notebooks").parse_args(argv)
    return notebook_io.sync(wanted(), args.check, "student notebooks")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
