"""The project's machinery: package lists in step, import cost, an installed nnlib, Colab cells."""
import json
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import stamp_notebooks  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _requirements(lines):
    """{package name: version range} from requirement-style lines."""
    found = {}
    for line in lines:
        line = line.split("#")[0].strip().lstrip("- ").strip()
        match = re.fullmatch(r"([A-Za-z][\w.-]*)\s*([<>=!~].*)?", line)
        if match and match.group(1) not in ("pip", "python"):
            found[match.group(1).lower()] = (match.group(2) or "").replace(" ", "")
    return found


def test_requirements_and_environment_list_the_same_packages():
    pip = _requirements((ROOT / "requirements.txt").read_text().splitlines())
    conda = _requirements((ROOT / "environment.yml").read_text().split("dependencies:")[1]
                          .splitlines())
    assert pip == conda
    assert {"jupyterlab", "numpy", "matplotlib", "ipywidgets", "nbval", "pandas"} <= set(pip)


def test_ranges_admit_colab_versions():
    pins = _requirements((ROOT / "requirements.txt").read_text().splitlines())
    colab = {"numpy": "2.0.2", "matplotlib": "3.10.0", "pandas": "2.2.2", "ipywidgets": "7.7.1"}
    for name, version in colab.items():
        for bound in pins[name].split(","):
            op, limit = re.fullmatch(r"([<>=]+)(.*)", bound).groups()
            v, lim = [tuple(int(p) for p in s.split(".")) for s in (version, limit)]
            assert {">=": v >= lim, "<": v < lim, "<=": v <= lim, "==": v == lim}[op], (name, bound)


def test_import_needs_numpy_alone():
    code = ("import sys, nnlib; heavy = {'matplotlib', 'pandas', 'ipywidgets'} & "
            "{m.split('.')[0] for m in sys.modules}; print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_installed_nnlib_carries_its_data(tmp_path):
    """Install as `pip install git+URL` would (a built, non-editable copy) and load Iris from it."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("nnlib", "data"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(source)], check=True)
    code = ("import nnlib; X, y = nnlib.load_iris(); "
            "print(nnlib.__file__); print(nnlib.datasets.data_path('iris.csv')); print(X.shape)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    module, data, shape = out.stdout.split("\n")[:3]
    assert module.startswith(str(target)) and data.startswith(str(target / "nnlib" / "data"))
    assert shape == "(150, 4)"


def test_notebooks_are_stamped_with_current_badge_and_setup_cell():
    assert NOTEBOOKS, "no notebooks found"
    assert stamp_notebooks.main(["--check"]) == 0, "run: python tools/stamp_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_does_nothing_outside_colab(path, monkeypatch, capsys):
    source = "".join(json.loads(path.read_text())["cells"][0]["source"])
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("ran a command locally"))
    exec(source, {})
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_in_colab_installs_the_pinned_version_and_upgrades_nothing(path, monkeypatch,
                                                                             capsys):
    source = "".join(json.loads(path.read_text())["cells"][0]["source"])
    url, version = stamp_notebooks.project()
    commands = []
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: commands.append(cmd))
    exec(source, {})
    (cmd,) = commands
    assert cmd[:4] == [sys.executable, "-m", "pip", "install"] and "--no-deps" in cmd
    assert not {"-U", "--upgrade", "--force-reinstall"} & set(cmd)
    assert cmd[-1] == f"nnlib-course @ git+{url}@v{version}"
    assert "drive" not in source.lower() and "auth" not in source.lower()
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


def test_readme_links_every_notebook_in_colab():
    readme = (ROOT / "README.md").read_text()
    url, version = stamp_notebooks.project()
    for path in NOTEBOOKS:
        assert stamp_notebooks.badge_line(url, version, path.name).split("](", 1)[1] in readme


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci" / "run").read_text().splitlines()
