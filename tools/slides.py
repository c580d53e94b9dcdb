"""Derive every cell's slide type (metadata.slideshow.slide_type) from the notebook's structure.

reveal.js decks (`jupyter nbconvert --to slides`; tools/build_slides.py) and JupyterLab's live
slideshow (the jupyterlab_rise extension) read one value per cell: "slide" starts a new slide
(left-right), "subslide" a new slide below the current one (up-down), "-" continues the current
slide, "notes" goes to the speaker view only, "skip" leaves the cell out. Nobody sets them by
hand: this module derives them, and tools/stamp_notebooks.py writes them with the badge and the
setup cell, so tools/execute_notebooks.py (which stamps first) keeps them current.

    python tools/slides.py            # write the slide types into notebooks/*.ipynb
    python tools/slides.py --check    # write nothing; exit 1 if any notebook's are stale

The rules, in order (the first that fits a cell decides):

| cell                                                          | slide type |
|---------------------------------------------------------------|------------|
| the setup cell (tag colab-setup)                              | skip       |
| the title cell (the first markdown cell)                      | slide      |
| a code cell before the first section (the imports)            | skip       |
| markdown with a `## ` heading line (a section)                | slide      |
| markdown with a `### ` heading line (a detail)                | subslide   |
| a figure description alone (markdown `*Figure: ...*`)         | notes      |
| an exercise (tag exercise: the solution) or its check         | skip       |
| a slider app (a widget as its only rich output)               | skip       |
| a concept check (tag concept): a question for the room        | subslide   |
| a code cell with a picture (an image, or an HTML animation)   | subslide   |
| the first other cell after a picture                          | subslide   |
| anything else                                                 | -          |

So every section opens a slide, every picture gets a slide of its own below it, the text after
a picture starts the next one, and no solution is ever projected. The figure descriptions,
written for screen readers, become speaker notes.

A markdown cell whose heading is not its first line (a paragraph that ends one section and then
the next section's heading) is one cell to the notebook, so its slide type is the heading's. The
decks split such cells first (`split_at_headings`), so there each heading starts its own slide.

Colab ignores this metadata: its own slideshow mode splits a notebook where it chooses
(googlecolab/colabtools#5675 asks for slide_type support).
"""
import copy
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_io  # noqa: E402

SETUP_TAG = "colab-setup"  # (stamp_notebooks.SETUP_TAG; not imported: stamp_notebooks imports us)
FIGURE = "*Figure: "  # how every figure description starts (tests/test_student.py)
WIDGET = "application/vnd.jupyter.widget-view+json"
PICTURE = {"image/png", "image/jpeg", "image/svg+xml"}


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def heading_levels(source):
    """The levels of the markdown headings in source (`## A` -> 2), outside ``` code fences."""
    levels, fenced = [], False
    for line in source.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            marks = len(line) - len(line.lstrip("#"))
            if line[marks:marks + 1] == " ":
                levels.append(marks)
    return levels


def is_figure_description(cell):
    """A markdown cell that is a figure description and nothing else."""
    lines = [line for line in cell.source.strip().split("\n") if line.strip()]
    return cell.cell_type == "markdown" and len(lines) == 1 and lines[0].startswith(FIGURE)


def has_picture(cell):
    """A code cell that shows a picture: an image, or an HTML animation (matplotlib's jshtml)."""
    outputs = cell.get("outputs", [])
    return any(PICTURE & set(out.get("data", {})) or "<img" in out.get("data", {}).get(
        "text/html", "") for out in outputs)


def is_slider_app(cell):
    """A code cell whose only rich output is a live widget (a concept check aside): a static
    deck could show only its "VBox(...)" text."""
    kinds = {kind for out in cell.get("outputs", []) for kind in out.get("data", {})}
    return (cell.cell_type == "code" and WIDGET in kinds and "concept" not in _tags(cell)
            and not has_picture(cell))


def slide_types(nb):
    """The slide type of each cell of a notebook (an nbformat NotebookNode), in order."""
    types, title_seen, section_seen, after_picture = [], False, False, False
    for cell in nb.cells:
        markdown, tags = cell.cell_type == "markdown", _tags(cell)
        levels = heading_levels(cell.source) if markdown else []
        if SETUP_TAG in tags:
            kind = "skip"
        elif markdown and not title_seen:
            kind, title_seen = "slide", True
        elif cell.cell_type == "code" and not section_seen:
            kind = "skip"
        elif any(level <= 2 for level in levels):
            kind, section_seen = "slide", True
        elif 3 in levels:
            kind = "subslide"
        elif markdown and is_figure_description(cell):
            kind = "notes"
        elif "exercise" in tags or "check" in tags or is_slider_app(cell):
            kind = "skip"
        elif "concept" in tags or has_picture(cell) or after_picture:
            kind = "subslide"
        else:
            kind = "-"
        if kind not in ("skip", "notes"):
            after_picture = has_picture(cell)
        types.append(kind)
    return types


def apply(nb):
    """Write each cell's derived slide type into its metadata, in place; returns nb. Every
    other metadata key is kept; an old slide type is replaced."""
    for cell, kind in zip(nb.cells, slide_types(nb)):
        cell.metadata["slideshow"] = {"slide_type": kind}
    return nb


def _chunks(source):
    """source cut before every heading line that is not its first, and after a leading figure
    description (each piece stripped of blank edge lines)."""
    pieces, current, fenced = [], [], False
    for line in source.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        starts_heading = not fenced and heading_levels(line) != []
        if current and any(x.strip() for x in current) and starts_heading:
            pieces.append(current)
            current = []
        current.append(line)
        if len(pieces) == 0 and len(current) == 1 and line.startswith(FIGURE):
            pieces.append(current)
            current = []
    pieces.append(current)
    return ["\n".join(piece).strip("\n") for piece in pieces if "".join(piece).strip()]


def split_at_headings(nb):
    """A copy of nb whose markdown cells start at each heading (and whose figure descriptions
    stand alone), for a deck: there every section starts a slide, even when the notebook keeps
    the last paragraph of one section and the next heading in one cell."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        pieces = _chunks(cell.source) if cell.cell_type == "markdown" else [cell.source]
        if len(pieces) <= 1:
            cells.append(cell)
            continue
        for number, piece in enumerate(pieces):
            cells.append(nbformat.v4.new_markdown_cell(
                piece, id=f"{cell.get('id', 'cell')}-{number}"[:64],
                metadata={k: v for k, v in cell.metadata.items() if k != "slideshow"}))
    nb.cells = cells
    return nb


def main(argv):
    args = notebook_io.arguments(__doc__, check="the notebooks whose slide types are stale"
                                 ).parse_args(argv)
    wanted = {path: notebook_io.dumps(apply(notebook_io.read(path)))
              for path in notebook_io.course_notebooks()}
    return notebook_io.sync(wanted, args.check, "slide types")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
