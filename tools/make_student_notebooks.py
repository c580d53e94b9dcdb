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
cleared and the Colab badge points at the student copy. They are written to notebooks/student/.

    python tools/make_student_notebooks.py           # write notebooks/student/*.ipynb
    python tools/make_student_notebooks.py --check   # exit 1 if any student notebook is stale
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stamp_notebooks  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE, TARGET = ROOT / "notebooks", ROOT / "notebooks" / "student"
BEGIN, END, HINT = "### BEGIN SOLUTION", "### END SOLUTION", "### HINT:"
STUDENT_NOTE = ("*Student version: the exercises at the end are yours to solve. Each check cell "
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
    """A student notebook (a dict) made from a solution notebook (a dict)."""
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        cell["source"] = "".join(cell["source"])
        if cell["cell_type"] == "code":
            cell["source"] = strip_solutions(cell["source"])
            cell["outputs"], cell["execution_count"] = [], None
    title = nb["cells"][1]
    lines = title["source"].split("\n")
    lines[0] = stamp_notebooks.badge_line(url, version, f"student/{name}")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[heading + 1:heading + 1] = ["", STUDENT_NOTE]
    title["source"] = "\n".join(lines)
    nb["metadata"]["nnlib_course"] = {"generated_from": f"notebooks/{name}",
                                      "by": "tools/make_student_notebooks.py"}
    return nb


def solution_count(nb):
    """How many solution blocks a notebook has (a solution notebook should have some)."""
    return sum(len(re.findall(r"^\s*### BEGIN SOLUTION\s*$", "".join(c["source"]), re.M))
               for c in nb["cells"])


def main(argv):
    url, version = stamp_notebooks.project()
    check, stale = "--check" in argv, []
    expected = {}
    for path in sorted(SOURCE.glob("*.ipynb")):
        student = student_version(json.loads(path.read_text()), path.name, url, version)
        expected[path.name] = json.dumps(student, indent=1, ensure_ascii=False) + "\n"
    present = {p.name for p in TARGET.glob("*.ipynb")} if TARGET.exists() else set()
    for name, text in expected.items():
        target = TARGET / name
        if not target.exists() or target.read_text() != text:
            stale.append(name)
            if not check:
                TARGET.mkdir(exist_ok=True)
                target.write_text(text)
    for name in sorted(present - set(expected)):  # a solution notebook was renamed or removed
        stale.append(name)
        if not check:
            (TARGET / name).unlink()
    if stale:
        print(("stale student notebooks: " if check else "wrote: ") + ", ".join(stale))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
