"""Stamp every notebook's Colab setup cell and Open-in-Colab badge from pyproject.toml.

The repository address and the version are written once, in pyproject.toml. This script writes
them into the first cell (the setup cell) and the badge line of the title cell of each notebook.
tests/test_project.py fails when a notebook is stale.

    python tools/stamp_notebooks.py            # stamp notebooks/*.ipynb in place
    python tools/stamp_notebooks.py --check    # exit 1 if any notebook is stale
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    """Return the notebook dict with its setup cell and badge brought up to date."""
    cells = nb["cells"]
    setup = {"cell_type": "code", "execution_count": None, "id": "colab-setup",
             "metadata": {"tags": [SETUP_TAG]}, "outputs": [], "source": setup_source(url, version)}
    if cells and SETUP_TAG in cells[0].get("metadata", {}).get("tags", []):
        old = cells[0]
        if old["source"] != setup["source"]:
            cells[0] = setup
        else:
            setup = old
    else:
        cells.insert(0, setup)
    title = cells[1]
    lines = "".join(title["source"]).split("\n")
    badge = badge_line(url, version, name)
    if lines and lines[0].startswith("[![Open In Colab]"):
        lines[0] = badge
    else:
        lines = [badge, ""] + lines
    title["source"] = "\n".join(lines)
    return nb


def main(argv):
    url, version = project()
    check, stale = "--check" in argv, []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        text = path.read_text()
        nb = json.loads(text)
        for cell in nb["cells"]:  # compare sources as single strings
            cell["source"] = "".join(cell["source"])
        stamped = stamp(json.loads(json.dumps(nb)), path.name, url, version)
        if stamped != nb:
            stale.append(path.name)
            if not check:
                path.write_text(json.dumps(stamped, indent=1, ensure_ascii=False) + "\n")
    if stale:
        print(("stale: " if check else "stamped: ") + ", ".join(stale))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
