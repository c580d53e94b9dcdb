"""The project's machinery: package lists in step, import cost, an installed nnlib, Colab cells,
CI's version matrix, the notebook tools and the README's commands."""
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

import nbformat
import pytest
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import notebook_io  # noqa: E402
import stamp_notebooks  # noqa: E402

NOTEBOOKS = notebook_io.course_notebooks()


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
    for version in ("3.12", "3.13"):  # Colab's two runtimes
        assert re.search(rf"^leg colab-{version} {version} install_colab_{version.replace('.', '')}$",
                         ci, re.M), version
    for function in ("leg", "install_newest", "install_colab", "install_colab_312", "install_colab_313"):  # (called, so defined first)
        assert re.search(rf"^{function}\(\) {{", ci.split("\nleg ")[0], re.M), function


def test_ci_script_parses_and_runs_files_that_exist():
    """bash can read .ci/run, and every repository file it runs or reads is there (a renamed
    tool or pins file would otherwise surface only in a 15-minute CI run)."""
    subprocess.run(["bash", "-n", str(ROOT / ".ci" / "run")], check=True)
    code = "\n".join(line.split("#")[0] for line in (ROOT / ".ci" / "run").read_text().splitlines())
    named = set(re.findall(r"(?<![\w./-])((?:\.ci|tools|benchmarks)/[\w.-]+)", code))
    missing = sorted(name for name in named if not (ROOT / name).is_file())
    assert not missing, f".ci/run uses files that do not exist: {missing}"
    assert {"tools/time_notebooks.py", ".ci/offline", ".ci/colab-pins-3.12.txt",
            ".ci/colab-pins-3.13.txt"} <= named, named


@pytest.mark.parametrize("runtime", ["3.12", "3.13"])
def test_ranges_admit_colab_versions(runtime):
    """.ci/colab-pins-<python>.txt, the one record of each Colab runtime's versions, is dated, and
    requirements.txt's ranges admit each of them (a learner's pip install must not fight Colab's)."""
    text = (ROOT / ".ci" / f"colab-pins-{runtime}.txt").read_text()
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


def test_stamping_changes_only_the_setup_cell_and_badge_and_is_idempotent():
    nb = notebook_io.read(NOTEBOOKS[0])
    url, version = stamp_notebooks.project()
    old = stamp_notebooks.stamp(notebook_io.read(NOTEBOOKS[0]), NOTEBOOKS[0].name, url, "0.0.9")
    assert "nnlib 0.0.9" in old.cells[0].source and "/blob/v0.0.9/" in old.cells[1].source
    assert old.cells[0].outputs == [] and old.cells[0].execution_count is None
    again = stamp_notebooks.stamp(old, NOTEBOOKS[0].name, url, version)
    assert again.cells[0].source == nb.cells[0].source
    assert again.cells[1:] == nb.cells[1:] and again.metadata == nb.metadata
    text = notebook_io.dumps(again)
    assert notebook_io.dumps(stamp_notebooks.stamp(again, NOTEBOOKS[0].name, url, version)) == text


def test_check_mode_writes_nothing_and_names_the_stale_files(tmp_path, capsys):
    """notebook_io.sync, behind every tool's --check: exit 1 and list the stale files, touching
    none; without --check, write (or remove) exactly those and exit 0."""
    current, stale, extra = tmp_path / "current.ipynb", tmp_path / "stale.ipynb", tmp_path / "x"
    for path, text in ((current, "same\n"), (stale, "old\n"), (extra, "gone\n")):
        path.write_text(text)
    missing = tmp_path / "sub" / "new.ipynb"
    wanted = {current: "same\n", stale: "new\n", extra: None, missing: "made\n"}
    assert notebook_io.sync(wanted, check=True, what="things") == 1
    out = capsys.readouterr().out
    assert out.startswith("stale things: ") and "current" not in out
    assert all(str(p) in out for p in (stale, extra, missing))
    assert stale.read_text() == "old\n" and extra.exists() and not missing.exists()
    assert notebook_io.sync(wanted, check=False, what="things") == 0
    assert stale.read_text() == "new\n" and not extra.exists() and missing.read_text() == "made\n"
    assert notebook_io.sync(wanted, check=True, what="things") == 0
    assert capsys.readouterr().out.count("\n") == 1  # the "wrote" line; the last check is silent


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_was_saved_from_one_clean_run(path):
    """Counts 1..n, no error, no per-run noise: the notebook was saved as
    tools/execute_notebooks.py saves it (whether its outputs are current, nbval checks)."""
    assert notebook_io.run_problems(notebook_io.read(path)) == [], \
        f"run: python tools/execute_notebooks.py {path.relative_to(ROOT)}"


def test_run_problems_notices_a_notebook_run_out_of_order():
    nb = notebook_io.read(NOTEBOOKS[0])
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    code[0].execution_count, code[1].execution_count = code[1].execution_count, 1
    code[2].outputs.append(nbformat.v4.new_output("error", ename="ValueError", evalue="x",
                                                  traceback=[]))
    nb.metadata.language_info["version"] = "3.12.1"
    problems = "\n".join(notebook_io.run_problems(nb))
    for kind in ("execution counts", "error output: ValueError", "Python version"):
        assert kind in problems, problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_does_nothing_outside_colab(path, monkeypatch, capsys):
    source = notebook_io.read(path).cells[0].source
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
    source = notebook_io.read(path).cells[0].source
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


def test_readme_links_open_files_that_exist():
    readme = (ROOT / "README.md").read_text()
    links = re.findall(r"\]\(([^)\s]+)\)", readme)
    local = [link.split("#")[0] for link in links if not re.match(r"[a-z]+:", link)]
    assert "INSTRUCTORS.md" in local and "notebooks/student/" in local
    missing = [link for link in local if not (ROOT / link).exists()]
    assert not missing, f"the README links files that do not exist: {missing}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci" / "run").read_text().splitlines()


def _course_commands():
    """The commands of the README's "Working on the course" table."""
    section = (ROOT / "README.md").read_text().split("\n## Working on the course\n")[1]
    section = section.split("\n## ")[0]
    return re.findall(r"^\| .+ \| `([^`]+)` \|$", section, re.M)


COURSE_COMMANDS = _course_commands()


def test_the_course_table_lists_every_tool():
    assert len(COURSE_COMMANDS) >= 8
    used = {word for command in COURSE_COMMANDS for word in shlex.split(command)}
    for tool in ("execute_notebooks", "make_student_notebooks", "stamp_notebooks",
                 "time_notebooks"):
        assert f"tools/{tool}.py" in used, tool


def _try(command):
    """Start the run that tries one command of the README's table (as a learner would, with this
    environment's Python for .venv/bin/python) without its slow or writing part: pytest collects
    what it would run; a tool (tools/*.py) runs with the README's own arguments plus --check,
    which writes nothing; any other script loads without running its main."""
    python, *args = shlex.split(command)
    assert python == ".venv/bin/python", command
    if args[:2] == ["-m", "pytest"]:
        assert all((ROOT / path).exists() for path in args[2:] if not path.startswith("-"))
        words = [*args, "--collect-only", "-q"]
    else:
        assert (ROOT / args[0]).is_file(), f"{args[0]} does not exist"
        if (ROOT / args[0]).parent == ROOT / "tools":
            words = args if "--check" in args else [*args, "--check"]
        else:
            words = ["-c", f"import runpy; runpy.run_path({args[0]!r}, run_name='readme_test')"]
    return subprocess.Popen([sys.executable, *words], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def course_command_runs():
    """Every command of the table started at once: each takes seconds, mostly imports."""
    runs = {}
    for command in COURSE_COMMANDS:
        try:
            runs[command] = _try(command)
        except AssertionError as problem:  # (raised again by that command's test alone)
            runs[command] = problem
    yield runs
    for run in runs.values():
        if isinstance(run, subprocess.Popen):
            if run.poll() is None:
                run.kill()
            run.communicate()


@pytest.mark.parametrize("command", COURSE_COMMANDS)
def test_readme_course_command_works(command, course_command_runs):
    """See _try. A tool without --check (time_notebooks.py, which writes nothing) must answer
    --help instead."""
    run = course_command_runs[command]
    if isinstance(run, AssertionError):
        raise run
    out, err = run.communicate(timeout=300)
    if run.returncode == 2 and "unrecognized arguments: --check" in err:
        done = subprocess.run([sys.executable, *run.args[1:-1], "--help"], cwd=ROOT,
                              capture_output=True, text=True)
        run, out, err = done, done.stdout, done.stderr
        assert out.startswith("usage:"), out
    assert run.returncode == 0, f"{' '.join(run.args[1:])}:\n{out}\n{err}"


def test_a_hung_test_is_stopped_and_named(tmp_path):
    """tests/conftest.py's watchdog: a test still running after NNLIB_HUNG_AFTER seconds ends the
    run red at once, naming the test and showing where it hung, instead of holding CI for ever."""
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text())
    (tmp_path / "test_hangs.py").write_text("import time\n\ndef test_waits_for_ever():\n"
                                           "    while True:\n        time.sleep(0.05)\n")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NNLIB_HUNG_AFTER": "1"})
    assert done.returncode == 1, done.stdout + done.stderr
    assert "test_hangs.py::test_waits_for_ever still running after 1 s" in done.stderr, done.stderr
    assert 'test_hangs.py", line 5 in test_waits_for_ever' in done.stderr, done.stderr
    assert time.monotonic() - started < 60
