"""The workshop kit: exercises with checks, generated student notebooks, figure descriptions."""
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_student_notebooks as student  # noqa: E402
import notebook_io  # noqa: E402

SOLUTIONS = notebook_io.course_notebooks()
STUDENTS = sorted(notebook_io.STUDENT.glob("*.ipynb"))


def cells(path):
    return notebook_io.read(path).cells


def source(cell):
    return "".join(cell["source"])


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def test_strip_solutions_keeps_the_signature_and_indentation():
    code = ("def f(x):\n"
            '    """Doc."""\n'
            "    ### BEGIN SOLUTION\n"
            "    ### HINT: double it\n"
            "    y = 2 * x\n"
            "    return y\n"
            "    ### END SOLUTION\n"
            "\n"
            "print('kept')")
    assert student.strip_solutions(code) == ('def f(x):\n'
                                             '    """Doc."""\n'
                                             '    # Hint: double it\n'
                                             '    raise NotImplementedError("your code here")\n'
                                             '\n'
                                             "print('kept')")


@pytest.mark.parametrize("broken", ["### BEGIN SOLUTION\nx = 1",
                                    "x = 1\n### END SOLUTION",
                                    "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION"])
def test_unbalanced_markers_are_an_error(broken):
    with pytest.raises(ValueError, match="SOLUTION"):
        student.strip_solutions(broken)


def test_student_notebooks_are_current():
    assert STUDENTS, "no student notebooks: run python tools/make_student_notebooks.py"
    assert [p.name for p in STUDENTS] == [p.name for p in SOLUTIONS]
    assert student.main(["--check"]) == 0, "stale: run python tools/make_student_notebooks.py"


def test_student_notebook_generation_keeps_the_committed_format(tmp_path):
    """Generated into an empty folder, a student notebook is nbformat's text of the notebook,
    sources as single strings; generated again, nothing is stale."""
    source = tmp_path / "solutions"
    source.mkdir()
    (source / SOLUTIONS[0].name).write_text(SOLUTIONS[0].read_text(encoding="utf-8"),
                                            encoding="utf-8")
    target = tmp_path / "student"
    wanted = student.wanted(source, target)
    assert list(wanted) == [target / SOLUTIONS[0].name]
    assert notebook_io.sync(wanted, check=False, what="student notebooks") == 0
    text = (target / SOLUTIONS[0].name).read_text(encoding="utf-8")
    nb = notebook_io.read(target / SOLUTIONS[0].name)
    assert text == notebook_io.dumps(nb, split_lines=False) and '"source": "' in text
    assert nb.metadata.nnlib_course.generated_from == f"notebooks/{SOLUTIONS[0].name}"
    assert notebook_io.sync(student.wanted(source, target), check=True, what="students") == 0
    (source / SOLUTIONS[0].name).unlink()  # a renamed or removed solution notebook
    assert student.wanted(source, target) == {target / SOLUTIONS[0].name: None}


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name[:2])
def test_every_notebook_has_exercises_checks_and_concept_questions(path):
    nb = cells(path)
    exercises = [i for i, c in enumerate(nb) if "exercise" in tags(c)]
    assert 3 <= len(exercises) <= 8, f"{path.name}: {len(exercises)} exercises"
    recap = next(i for i, c in enumerate(nb) if source(c).lstrip().startswith("## Recap")
                 or "\n## Recap" in source(c))
    inside = [i for i in exercises if i < recap]
    assert len(inside) >= 2, f"{path.name}: only {len(inside)} exercises inside its sections, before the recap"
    for i in exercises:
        assert source(nb[i]).count("### BEGIN SOLUTION") >= 1
        name = re.match(r"def (\w+)\(", source(nb[i])).group(1)
        check = nb[i + 1]
        assert "check" in tags(check) and source(check).strip() == f"checks.{name}({name})"
        assert "✓" in shown(check), \
            f"{path.name}: the solution to {name} does not pass its check"
    concepts = [c for c in nb if "concept" in tags(c)]
    assert len(concepts) >= 2, f"{path.name}: {len(concepts)} concept checks"


@pytest.mark.parametrize("path", STUDENTS, ids=lambda p: p.name[:2])
def test_student_notebooks_hold_no_solution(path):
    text = path.read_text()
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    solved = source_lines_in_solutions(ROOT / "notebooks" / path.name)
    code = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "code")
    leaked = [line for line in solved if line in code.split("\n")]
    assert not leaked, f"solution lines in the student copy: {leaked}"
    assert all(not c.get("outputs") for c in cells(path) if c["cell_type"] == "code")
    assert "blob/v" in source(cells(path)[1]) and f"notebooks/student/{path.name}" in \
        source(cells(path)[1]), "the badge must open the student copy"


def shown(cell):
    """The text a code cell shows: what it printed and the value it ended on."""
    def text(value):  # notebook JSON may store text as a list of lines
        return "".join(value) if isinstance(value, list) else value
    return "".join(text(o.get("text", "")) + text(o.get("data", {}).get("text/plain", ""))
                   for o in cell["outputs"])


def source_lines_in_solutions(path):
    """Every non-trivial line written between the solution markers of a notebook."""
    lines = []
    for cell in cells(path):
        inside = False
        for line in source(cell).split("\n"):
            if line.strip() in (student.BEGIN, student.END):
                inside = line.strip() == student.BEGIN
            elif inside and not line.strip().startswith(student.HINT) and len(line.strip()) > 8:
                lines.append(line)
    return lines


@pytest.mark.parametrize("path", STUDENTS, ids=lambda p: p.name[:2])
def test_student_notebooks_run_with_only_not_implemented_errors(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                assert out.ename == "NotImplementedError" and "exercise" in tags(cell), \
                    f"{path.name}: {out.ename}: {out.evalue} in\n{cell.source}"
        if "check" in tags(cell):
            text = shown(cell)
            assert "not started yet" in text, f"{path.name}: check said {text!r}"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name[:2])
def test_every_figure_has_a_text_description_next_to_it(path):
    nb = cells(path)
    for i, cell in enumerate(nb):
        pictures = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not pictures:
            continue
        after = nb[i + 1] if i + 1 < len(nb) else None
        assert after and after["cell_type"] == "markdown" and \
            source(after).startswith("*Figure: "), \
            f"{path.name}: no '*Figure: ...*' description after cell {i}:\n{source(cell)[:200]}"
        sentence = source(after).split("\n")[0]
        assert sentence.endswith("*") and len(sentence) > 40


def test_the_instructor_guide_names_only_presets_and_questions_that_exist():
    guide = (ROOT / "INSTRUCTORS.md").read_text()  # (that the README links it: test_project.py)
    rows = re.findall(r"^\| (0\d)(?: \([a-z]+\))? \| ([^|]+?) \| [^|]*\d[^|]* \|", guide, re.M)
    assert len(rows) >= 10, "the preset table is missing"
    for number, preset in rows:
        code = "".join(source(c) for c in cells(next((ROOT / "notebooks").glob(f"{number}-*")))
                       if c["cell_type"] == "code")
        assert f'"{preset}": dict(' in code, f"notebook {number} has no preset {preset!r}"
    from nnlib import checks
    for key in re.findall(r'checks\.concept\("([^"]+)"\)', guide):
        assert key in checks.QUESTIONS, key
