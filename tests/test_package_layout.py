"""nnlib's layers, as the folder tree shows them: the core needs numpy alone, the pictures need
matplotlib and never the widgets, only nnlib/widgets.py imports ipywidgets, and checks/ grades."""
import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import nnlib

PACKAGE = Path(nnlib.__file__).resolve().parent
CORE = sorted(p for p in PACKAGE.glob("*.py") if p.name not in ("widgets.py",))
VIZ = sorted((PACKAGE / "viz").glob("*.py"))
CHECKS = sorted((PACKAGE / "checks").glob("*.py"))


def imports(path):
    """Every module a file imports, as written: 'numpy', '.losses', '..viz.live', ..."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def third_party(names):
    return {n.split(".")[0] for n in names if not n.startswith(".")}


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_the_core_imports_numpy_and_the_core_only(path):
    names = imports(path)
    assert third_party(names) <= {"numpy", "csv", "importlib", "pathlib", "typing", "collections",
                                  "pandas"}, path.name  # pandas: load_iris(as_frame=True) only
    assert not {n for n in names if n.startswith(".") and n.lstrip(".").split(".")[0]
                in ("viz", "widgets", "checks")}, f"{path.name} imports a layer above the core"


@pytest.mark.parametrize("path", VIZ, ids=lambda p: p.name)
def test_pictures_import_matplotlib_and_the_core_never_widgets(path):
    names = imports(path)
    assert "ipywidgets" not in third_party(names) and "..widgets" not in names, path.name
    assert not any(n.startswith("..checks") for n in names), path.name


def test_only_widgets_py_imports_ipywidgets():
    users = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
             if "ipywidgets" in third_party(imports(p))]
    assert users == ["widgets.py"]


def test_import_nnlib_loads_neither_matplotlib_nor_ipywidgets():
    code = "import sys, nnlib; print(sorted({m.split('.')[0] for m in sys.modules} & " \
           "{'matplotlib', 'ipywidgets', 'PIL', 'IPython'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_top_level_exports_what_the_notebooks_teach_and_nothing_else():
    public = {n for n in dir(nnlib) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(nnlib, n)).__name__ == "module"}
    assert set(nnlib.__all__) == public - modules, "a public name is missing from __all__, or extra"
    assert 20 <= len(nnlib.__all__) <= 30
    assert {"Neuron", "Dense", "MLP", "CrossEntropyLoss", "check_gradient", "load_iris"} <= public
    assert not public & {"Bowl", "GateRun", "train_gate", "line_grad", "loss_grid", "metadata"}


def test_the_version_is_the_one_in_pyproject():
    text = (PACKAGE.parent / "pyproject.toml").read_text()
    assert nnlib.__version__ == re.search(r'^version\s*=\s*"([^"]+)"', text, re.M).group(1)
    sources = [p for p in PACKAGE.rglob("*.py") if re.search(r"__version__\s*=\s*['\"]\d+\.\d+", p.read_text())]
    assert sources == [], f"a version number is written in {sources}"


def test_the_divergence_cap_is_written_once():
    written = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
               if re.search(r"=\s*1e8\b", p.read_text())]
    assert written == ["losses.py"]


# widgets.py may be longer: it is the one module allowed to import ipywidgets, so every control
# (sliders, presets, action buttons, Play/Pause/Step/Reset, concept checks) has to live in it.
LONGER = {"widgets.py": 260}


@pytest.mark.parametrize("path", CORE + VIZ + [PACKAGE / "widgets.py"], ids=lambda p: p.name)
def test_modules_stay_small_enough_to_read(path):
    lines, limit = len(path.read_text().splitlines()), LONGER.get(path.name, 160)
    assert lines <= limit, f"{path.name} has {lines} lines; split it (about {limit - 10} at most)"
