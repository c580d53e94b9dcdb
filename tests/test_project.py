"""The project's machinery: package lists in step, import cost, an installed nnlib, Colab cells,
CI's version matrix."""
import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

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


def _python_range_claimed_by_readme():
    """('3.10', '3.13') from the README's "You need Python 3.10 to 3.13"."""
    readme = (ROOT / "README.md").read_text()
    return re.search(r"You need Python (3\.\d+) to (3\.\d+)", readme).groups()


def test_requirements_and_environment_list_the_same_packages():
    """Binder and conda users get what pip users get. conda and mamba are not on the CI machine
    (and conda-forge is out of its reach), so environment.yml is not solved: it is read line by
    line instead, and a line this test cannot account for fails it rather than being skipped."""
    head, body = (ROOT / "environment.yml").read_text().split("dependencies:")
    assert re.search(r"^channels:\s*\n\s*- conda-forge\s*$", head, re.M)
    conda, pip_section, python = [], [], None
    for line in body.splitlines():
        entry = line.split("#")[0].strip()
        if not entry:
            continue
        assert entry.startswith("- "), f"environment.yml: unexpected line {line!r}"
        entry = entry[2:].strip()
        if len(line) - len(line.lstrip()) > 4:  # under "- pip:"
            pip_section.append(entry)
        elif entry.startswith("python"):
            python = entry.removeprefix("python").replace(" ", "")
        elif entry not in ("pip", "pip:"):
            conda.append(entry)
    pip = _requirements((ROOT / "requirements.txt").read_text().splitlines())
    assert len(_requirements(conda)) == len(conda), f"environment.yml: unreadable entry in {conda}"
    assert pip == _requirements(conda)
    assert {"jupyterlab", "numpy", "matplotlib", "ipywidgets", "nbval", "pandas"} <= set(pip)
    assert pip_section == ["-e ."], "environment.yml must install nnlib from this folder"
    oldest, newest = _python_range_claimed_by_readme()
    major, minor = map(int, newest.split("."))
    assert python == f">={oldest},<{major}.{minor + 1}", "environment.yml's python != the README's"
    requires = re.search(r'^requires-python\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(),
                         re.M).group(1)
    assert requires == f">={oldest}", "pyproject.toml's requires-python != the README's oldest"


def test_ci_matrix_covers_the_readme_pythons_and_colab():
    """.ci/run's version matrix: the oldest and newest Python the README claims, and Colab's."""
    ci = (ROOT / ".ci" / "run").read_text()
    oldest, newest = _python_range_claimed_by_readme()
    for version in (oldest, newest):
        assert re.search(rf"^leg \S+ {re.escape(version)} install_newest$", ci, re.M), version
    assert re.search(r"^leg colab 3\.12 install_colab$", ci, re.M)


def test_ranges_admit_colab_versions():
    """.ci/colab-pins.txt, the one record of Colab's versions, is dated, and requirements.txt's
    ranges admit each of them (a learner's pip install must not fight Colab's packages)."""
    text = (ROOT / ".ci" / "colab-pins.txt").read_text()
    assert re.search(r"^#.*\btaken \d{4}-\d{2}-\d{2} from ", text, re.M), "say when it was taken"
    colab = _requirements(text.splitlines())
    assert {"numpy", "matplotlib", "pandas", "ipywidgets", "ipykernel", "ipython"} <= set(colab)
    assert all(re.fullmatch(r"==[\d.]+", pin) for pin in colab.values()), colab
    pins = _requirements((ROOT / "requirements.txt").read_text().splitlines())
    for name in colab.keys() & pins.keys():
        assert SpecifierSet(pins[name]).contains(colab[name][2:]), (name, pins[name], colab[name])


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
    code = ("import nnlib; X, y = nnlib.load_iris(); from nnlib import checks; "
            "print(nnlib.__file__); print(nnlib.datasets.data_path('iris.csv')); print(X.shape); "
            "print(checks.__file__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    module, data, shape, checks = out.stdout.split("\n")[:4]
    assert module.startswith(str(target)) and data.startswith(str(target / "nnlib" / "data"))
    assert shape == "(150, 4)" and checks.startswith(str(target))
    # every module of the package made it into the install (a new subpackage needs pyproject.toml)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "nnlib").rglob("*.py")}
    installed = {p.relative_to(target).as_posix() for p in (target / "nnlib").rglob("*.py")}
    assert modules <= installed, f"not installed: {sorted(modules - installed)}"


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
    """Under a stand-in google.colab (as in Colab): one pip command, nnlib at the release tag
    pyproject.toml names, --no-deps and no flag that could upgrade or replace what Colab has,
    and nothing from google.colab (no Drive mount, no sign-in). .ci/run's Colab-like leg then
    runs this command for real against Colab's versions (.ci/colab_setup.py)."""
    source = "".join(json.loads(path.read_text())["cells"][0]["source"])
    url, version = stamp_notebooks.project()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "the setup cell must pin a release"
    commands, used = [], []

    def colab_attribute(name):  # google.colab.drive, .auth, ...: what the cell must not touch
        if not name.startswith("__"):
            used.append(name)
        raise AttributeError(name)

    colab = types.ModuleType("google.colab")
    colab.__getattr__ = colab_attribute
    monkeypatch.setitem(sys.modules, "google.colab", colab)
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: commands.append((cmd, kw)))
    for other in ("Popen", "call", "check_call", "check_output"):
        monkeypatch.setattr(subprocess, other, lambda *a, **k: pytest.fail("not subprocess.run"))
    monkeypatch.setattr(os, "system", lambda *a: pytest.fail("ran os.system"))
    exec(source, {})
    assert not used, f"the setup cell uses google.colab.{used[0]}"
    ((cmd, kwargs),) = commands
    assert cmd[:4] == [sys.executable, "-m", "pip", "install"] and kwargs.get("check") is True
    *flags, spec = cmd[4:]
    assert spec == f"nnlib-course @ git+{url}@v{version}"
    assert "--no-deps" in flags and set(flags) <= {"--no-deps", "--quiet", "-q"}, flags
    assert not {"-U", "--upgrade", "--force-reinstall", "-I", "--ignore-installed"} & set(cmd)
    assert "drive" not in source.lower() and "auth" not in source.lower()
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


def test_readme_links_every_notebook_in_colab():
    readme = (ROOT / "README.md").read_text()
    url, version = stamp_notebooks.project()
    for path in NOTEBOOKS:
        assert stamp_notebooks.badge_line(url, version, path.name).split("](", 1)[1] in readme
    students = sorted((ROOT / "notebooks" / "student").glob("*.ipynb"))
    for path in students:  # the student copies, for learners doing the exercises on their own
        link = stamp_notebooks.badge_line(url, version, f"student/{path.name}").rsplit("](", 1)[1]
        assert link in readme, f"README does not open student/{path.name} in Colab"
    for target in re.findall(r"colab\.research\.google\.com/github/[^)]*?/blob/v([^/]+)/(\S+?)\)",
                             readme):  # no link to a stale version or a missing notebook
        assert target[0] == version and (ROOT / target[1]).exists(), target


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci" / "run").read_text().splitlines()
