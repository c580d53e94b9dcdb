"""Stamp every notebook's Colab setup cell and Open-in-Colab badge from pyproject.toml.

The repository address and the version are written once, in pyproject.toml. This script writes
them into the first cell (the setup cell) and the badge line of the title cell of each notebook,
and writes each cell's slide type (metadata.slideshow), derived from the notebook's structure by
tools/slides.py, for the reveal.js decks. tests/test_project.py fails when a notebook is stale.

    python tools/stamp_notebooks.py            # stamp notebooks/*.ipynb in place
    python tools/stamp_notebooks.py --check    # write nothing; exit 1 if any notebook is stale

Notebooks are read and written with nbformat (tools/notebook_io.py); a notebook is stale when
stamping would change its file. Only the setup cell, the badge line and the cells' slide types
are ever changed: a setup cell whose source is already current keeps its outputs.
"""
import re
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_io  # noqa: E402
import slides  # noqa: E402

ROOT = notebook_io.ROOT
SETUP_TAG = "colab-setup"
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"


def project():
    """(repository URL, version) read from pyproject.toml (a regex: Python 3.10 has no tomllib)."""
    text = (ROOT / "pyproject.toml").read_text()
    url = re.search(r'^Repository\s*=\s*"([^"]+)"', text, re.M).group(1).rstrip("/")
    version = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M).group(1)
    return url, version


def setup_source(url, version):
    """The first cell of every notebook: installs nnlib in Colab, does nothing anywhere else."""
    spec = f"nnlib-course @ git+{url}@v{version}"
    return (
        f"# Setup. In Google Colab this installs the course's nnlib {version} with its data sets;\n"
        "# anywhere else (JupyterLab on your machine) it does nothing.\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        "    import subprocess\n"
        "\n"
        "    # --no-deps: Colab already has numpy, matplotlib and ipywidgets; upgrading them would\n"
        "    # force a runtime restart.\n"
        '    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",\n'
        f'                    "{spec}"], check=True)\n'
        f'    print("Colab setup: installed nnlib {version} and its data from {url}")'
    )


def badge_line(url, version, name):
    """The Open-in-Colab badge for one notebook, pinned to the same version as the setup cell."""
    repo = url.removeprefix("https://github.com/")
    target = f"https://colab.research.google.com/github/{repo}/blob/v{version}/notebooks/{name}"
    return f"[![Open In Colab]({BADGE_IMAGE})]({target})"


def stamp(nb, name, url, version):
    """Bring a notebook's (an nbformat NotebookNode's) setup cell, badge and slide types up to
    date, in place; returns it."""
    cells = nb.cells
    setup = nbformat.v4.new_code_cell(setup_source(url, version), id=SETUP_TAG,
                                      metadata={"tags": [SETUP_TAG]})
    if cells and SETUP_TAG in cells[0].get("metadata", {}).get("tags", []):
        if cells[0].source != setup.source:
            cells[0] = setup
    else:
        cells.insert(0, setup)
    title = cells[1]
    lines = title.source.split("\n")
    badge = badge_line(url, version, name)
    if lines and lines[0].startswith("[![Open In Colab]"):
        lines[0] = badge
    else:
        lines = [badge, ""] + lines
    title.source = "\n".join(lines)
    return slides.apply(nb)


def main(argv):
    args = notebook_io.arguments(__doc__, check="the notebooks stamping would change").parse_args(
        argv)
    url, version = project()
    wanted = {path: notebook_io.dumps(stamp(notebook_io.read(path), path.name, url, version))
              for path in notebook_io.course_notebooks()}
    return notebook_io.sync(wanted, args.check, "stamped notebooks")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
