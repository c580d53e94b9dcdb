"""The room kit's fast parts: the nbgitpuller link, the Binder files, the slide metadata and the
decks' HTML, the offline zip's contents, the links in README.md and INSTRUCTORS.md, and
.ci/room_kit itself. The heavy builds (Binder's environment, the zip installed offline, the decks
in a browser) are tests/test_room_binder.py and tests/test_room_offline.py, run by .ci/room_kit."""
import copy
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_offline_zip  # noqa: E402
import build_slides  # noqa: E402
import hub_link  # noqa: E402
import notebook_io  # noqa: E402
import slides  # noqa: E402
import stamp_notebooks  # noqa: E402

NOTEBOOKS = notebook_io.course_notebooks()
URL, VERSION = stamp_notebooks.project()
BINDER = re.compile(r"https://mybinder\.org/v2/gh/([^/\s)]+)/([^/\s)]+)/([^?\s)]+)"
                    r"\?urlpath=([^)\s]+)")


def _requirements(text):
    """{name: range} of requirement lines (comments and blank lines skipped)."""
    found = {}
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if line:
            match = re.fullmatch(r"([A-Za-z][\w.-]*)\s*([<>=!~][^@]*)?", line)
            assert match, f"not a plain requirement: {line!r}"
            found[match.group(1).lower()] = (match.group(2) or "").replace(" ", "")
    return found


# --- the nbgitpuller link ------------------------------------------------------------------------

def test_the_hub_link_has_nbgitpullers_format_and_encodes_every_value():
    link = hub_link.link("https://hub.example.edu", URL)
    base, query = link.split("?", 1)
    assert base == "https://hub.example.edu/hub/user-redirect/git-pull"
    assert query == ("repo=" + URL.replace(":", "%3A").replace("/", "%2F")
                     + "&urlpath=lab%2Ftree%2Fnnlib-course%2Fnotebooks%2Fstudent%2F01-single-neuron.ipynb"
                     + "&branch=main")
    assert parse_qs(query) == {"repo": [URL], "branch": ["main"], "urlpath": [
        "lab/tree/nnlib-course/notebooks/student/01-single-neuron.ipynb"]}


def test_the_hub_link_keeps_a_hubs_path_and_encodes_odd_names():
    link = hub_link.link("https://uni.example.edu/jupyter/", "https://github.com/a/b-c",
                         notebook="notebooks/a b&c=d?.ipynb", branch="spring 2027")
    assert link.startswith("https://uni.example.edu/jupyter/hub/user-redirect/git-pull?repo=")
    query = parse_qs(urlsplit(link).query)
    assert query == {"repo": ["https://github.com/a/b-c"], "branch": ["spring 2027"],
                     "urlpath": ["lab/tree/b-c/notebooks/a b&c=d?.ipynb"]}
    assert " " not in link and link.count("?") == 1


@pytest.mark.parametrize("hub", ["hub.example.edu", "ftp://hub.example.edu",
                                 "https://hub.example.edu/?next=x", "https://"])
def test_a_hub_address_that_is_not_one_is_refused_by_name(hub):
    with pytest.raises(ValueError, match="--hub must be the hub's address"):
        hub_link.link(hub, URL)


def test_the_tool_prints_the_link_and_the_hub_admins_line(capsys):
    assert hub_link.main(["--hub", "https://hub.example.edu"]) == 0
    out = capsys.readouterr().out
    assert hub_link.link("https://hub.example.edu", URL) in out.splitlines()
    raw = f"https://raw.githubusercontent.com/{URL.removeprefix('https://github.com/')}/v{VERSION}"
    assert f"--user-requirements-txt-url {raw}/binder/hub-requirements.txt" in out
    assert f"sudo -E pip install -r {raw}/binder/hub-requirements.txt" in out


def test_all_prints_one_link_per_student_notebook_each_to_a_file_that_exists(capsys):
    assert hub_link.main(["--hub", "https://hub.example.edu", "--all"]) == 0
    links = [line for line in capsys.readouterr().out.splitlines() if "git-pull?" in line]
    assert len(links) == len(NOTEBOOKS)
    folder = hub_link.folder_name(URL) + "/"
    for line in links:
        path = parse_qs(urlsplit(line).query)["urlpath"][0].removeprefix("lab/tree/" + folder)
        assert path.startswith("notebooks/student/") and (ROOT / path).is_file(), path


def test_the_repository_comes_from_pyproject(monkeypatch, capsys):
    monkeypatch.setattr(stamp_notebooks, "project", lambda: ("https://github.com/x/other", "9.9.9"))
    assert hub_link.main(["--hub", "https://hub.example.edu"]) == 0
    out = capsys.readouterr().out
    assert "repo=https%3A%2F%2Fgithub.com%2Fx%2Fother&urlpath=lab%2Ftree%2Fother%2F" in out
    assert "githubusercontent.com/x/other/v9.9.9/binder/hub-requirements.txt" in out


def test_a_missing_notebook_or_hub_is_an_error_that_says_so(capsys):
    with pytest.raises(SystemExit) as exit_:
        hub_link.main(["--hub", "https://hub.example.edu", "--notebook", "notebooks/nope.ipynb"])
    assert exit_.value.code == 2 and "notebooks/nope.ipynb" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        hub_link.main([])
    assert "--hub is required" in capsys.readouterr().err


def test_the_hub_requirements_are_current_and_pin_the_release():
    assert hub_link.main(["--check"]) == 0, "run: python tools/hub_link.py --write-requirements"
    text = hub_link.REQUIREMENTS.read_text()
    *course, nnlib_line = [line for line in text.splitlines() if not line.startswith("#")]
    assert _requirements("\n".join(course)) == _requirements((ROOT / "requirements.txt").read_text())
    assert nnlib_line == f"nnlib-course @ git+{URL}@v{VERSION}"
    assert nnlib_line in stamp_notebooks.setup_source(URL, VERSION), "the Colab cell's line"


# --- Binder --------------------------------------------------------------------------------------

def test_binder_pins_a_python_the_readme_claims():
    runtime = (ROOT / "binder" / "runtime.txt").read_text()
    match = re.fullmatch(r"python-(3\.(\d+))\n", runtime)
    assert match, f"binder/runtime.txt must be one line like python-3.12, not {runtime!r}"
    oldest, newest = re.search(r"You need Python 3\.(\d+) to 3\.(\d+)",
                               (ROOT / "README.md").read_text()).groups()
    assert int(oldest) <= int(match.group(2)) <= int(newest), match.group(1)


def test_binder_installs_requirements_txts_packages_with_no_local_reference():
    """repo2docker installs binder/requirements.txt before copying the repository, and caches
    it, only if it names nothing local (jupyterhub/repo2docker#743): nnlib comes in postBuild."""
    text = (ROOT / "binder" / "requirements.txt").read_text()
    lines = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    local = [line for line in lines if line.startswith(("-e", "-r", "-c", ".", "/", "file:"))
             or "@" in line]
    assert not local, f"binder/requirements.txt names local things: {local}"
    assert _requirements(text) == _requirements((ROOT / "requirements.txt").read_text())


def test_postbuild_is_an_executable_bash_script_that_installs_nnlib_from_here():
    post = ROOT / "binder" / "postBuild"
    assert post.stat().st_mode & stat.S_IXUSR, "binder/postBuild must be executable (git add --chmod=+x)"
    text = post.read_text()
    assert text.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in text
    subprocess.run(["bash", "-n", str(post)], check=True)
    assert re.search(r"^python -m pip install .*--no-deps \.$", text, re.M)


def test_the_binder_badges_open_existing_notebooks_at_the_release():
    owner_name = URL.removeprefix("https://github.com/").split("/")
    for doc in ("README.md", "INSTRUCTORS.md"):
        badges = BINDER.findall((ROOT / doc).read_text())
        assert badges, f"{doc} has no Binder badge"
        for owner, name, ref, urlpath in badges:
            assert [owner, name] == owner_name and ref == f"v{VERSION}", (doc, owner, name, ref)
            assert urlpath.startswith("lab/tree/") and (ROOT / urlpath[9:]).is_file(), urlpath


@pytest.mark.parametrize("doc", ["README.md", "INSTRUCTORS.md"])
def test_readme_and_guide_carry_colab_binder_and_hub_links(doc):
    text = (ROOT / doc).read_text()
    assert f"colab.research.google.com/github/nnlib-course/nnlib-course/blob/v{VERSION}/" in text
    assert "mybinder.org/v2/gh/" in text
    assert "tools/hub_link.py --hub" in text


def test_the_guides_hub_link_is_what_the_tool_prints():
    guide = (ROOT / "INSTRUCTORS.md").read_text()
    assert hub_link.link("https://hub.example.edu", URL) in guide
    assert hub_link.raw_url(URL, VERSION, "binder/hub-requirements.txt") in guide


# --- slide metadata ------------------------------------------------------------------------------

def test_every_notebooks_slide_types_are_current():
    assert slides.main(["--check"]) == 0, "run: python tools/stamp_notebooks.py"


def test_the_setup_tag_is_the_stampers():
    assert slides.SETUP_TAG == stamp_notebooks.SETUP_TAG


def _notebook(*cells):
    nb = nbformat.v4.new_notebook()
    for kind, source, extra in cells:
        cell = (nbformat.v4.new_markdown_cell(source) if kind == "md"
                else nbformat.v4.new_code_cell(source))
        for key, value in extra.items():
            if key == "tags":
                cell.metadata["tags"] = value
            else:
                cell[key] = value
        nb.cells.append(cell)
    return nb


PNG = [nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Fig>"})]
WIDGET = [nbformat.v4.new_output("execute_result", data={
    "application/vnd.jupyter.widget-view+json": {"model_id": "x"}, "text/plain": "VBox()"},
    execution_count=1)]


def test_slide_types_follow_the_notebooks_structure():
    nb = _notebook(
        ("code", "# setup", {"tags": ["colab-setup"]}),
        ("md", "[![Open In Colab](x)](y)\n\n# 01 - Title", {}),
        ("code", "import numpy", {}),
        ("md", "## 1. A section", {}),
        ("code", "x = 1", {}),
        ("code", "plot()", {"outputs": PNG}),
        ("md", "*Figure: what the plot shows.*", {}),
        ("md", "Text after the picture.", {}),
        ("code", "more = 2", {}),
        ("code", "slider_app(view)", {"outputs": WIDGET, "tags": ["nbval-ignore-output"]}),
        ("code", 'checks.concept("01-bias")', {"outputs": WIDGET, "tags": ["concept"]}),
        ("md", "### A detail", {}),
        ("md", "Ends a section.\n\n## 2. The next section", {}),
        ("md", "```python\n## not a heading\n```", {}),
        ("code", "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION",
         {"tags": ["exercise"]}),
        ("code", "checks.f(f)", {"tags": ["check"]}),
    )
    assert slides.slide_types(nb) == [
        "skip", "slide", "skip", "slide", "-", "subslide", "notes", "subslide", "-", "skip",
        "subslide", "subslide", "slide", "-", "skip", "skip"]


def test_apply_keeps_other_metadata_replaces_old_slide_types_and_is_idempotent():
    nb = notebook_io.read(NOTEBOOKS[0])
    nb.cells[3].metadata["slideshow"] = {"slide_type": "fragment"}
    once = slides.apply(copy.deepcopy(nb))
    assert [c.metadata.get("tags") for c in once.cells] == [c.metadata.get("tags") for c in nb.cells]
    assert notebook_io.dumps(slides.apply(copy.deepcopy(once))) == notebook_io.dumps(once)
    assert all(c.metadata["slideshow"]["slide_type"] in ("slide", "subslide", "-", "notes", "skip")
               for c in once.cells)


def test_split_at_headings_starts_every_heading_and_figure_description_anew():
    nb = _notebook(("md", "*Figure: a plot.*\n\nThe end of one part.\n\n## 2. Next\n\nIntro.\n\n"
                          "### Detail\n\nMore.", {}))
    pieces = [c.source for c in slides.split_at_headings(nb).cells]
    assert pieces == ["*Figure: a plot.*", "The end of one part.", "## 2. Next\n\nIntro.",
                      "### Detail\n\nMore."]
    assert len({c.id for c in slides.split_at_headings(nb).cells}) == 4


@pytest.fixture(scope="module")
def exporter():
    return build_slides.exporter()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_a_deck_shows_no_solution_and_loads_nothing_from_elsewhere(path, exporter):
    """The deck's HTML, exported as build_slides.py does: every section, no Colab badge, no line
    of any exercise's solution, and every script, style sheet and font it loads is in the
    vendor/ folder that build_slides.py unpacks (or the page itself)."""
    nb = notebook_io.read(path)
    html, _ = exporter.from_notebook_node(build_slides.deck_notebook(nb),
                                          resources={"metadata": {"name": path.stem}})
    assert "colab-badge.svg" not in html
    for cell in nb.cells:
        if "exercise" in cell.metadata.get("tags", []):
            solution = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
            for line in solution.split("\n"):
                code = line.strip()
                if len(code) > 12 and not code.startswith("### HINT"):
                    assert code not in html.replace("&quot;", '"').replace("&#39;", "'"), code
    assert build_slides.REMOTE.findall(html) == []
    loaded = re.findall(r"""<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+)""", html)
    loaded += [build_slides.LOCAL["reveal_url_prefix"] + "/dist/reveal.js",
               build_slides.LOCAL["reveal_url_prefix"] + "/plugin/notes/notes.js"]  # (require.js)
    for address in loaded:
        if address.startswith("data:"):
            continue
        package, _, inside = address.split("?")[0].removeprefix("vendor/").partition("/")
        assert address.startswith("vendor/") and package in build_slides.VENDOR, address
        assert inside.startswith(build_slides.VENDOR[package][1]), f"not unpacked: {address}"
    sections = [line for cell in nb.cells if cell.cell_type == "markdown"
                for line in cell.source.split("\n") if line.startswith("## ")]
    assert html.count("<section") >= 2 * (1 + len(sections))


# --- the offline zip -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bare_zip(tmp_path_factory):
    """The zip as built without a wheelhouse (nnlib's wheel only)."""
    return build_offline_zip.build(tmp_path_factory.mktemp("zip"))


def test_the_zip_holds_the_notebooks_the_wheel_with_its_data_and_two_commands(bare_zip):
    name = f"nnlib-course-offline-{VERSION}"
    assert bare_zip.name == f"{name}.zip"
    with zipfile.ZipFile(bare_zip) as kit:
        names = set(kit.namelist())
        for path in NOTEBOOKS:
            assert kit.read(f"{name}/notebooks/{path.name}") == path.read_bytes()
            assert kit.read(f"{name}/notebooks/student/{path.name}") == \
                (notebook_io.STUDENT / path.name).read_bytes()
        assert kit.read(f"{name}/requirements.txt") == (ROOT / "requirements.txt").read_bytes()
        (wheel,) = [n for n in names if n.startswith(f"{name}/wheels/")]
        assert wheel.endswith(f"nnlib_course-{VERSION}-py3-none-any.whl")
        readme = kit.read(f"{name}/README.md").decode()
        with kit.open(wheel) as opened, zipfile.ZipFile(opened) as inner:
            inside = set(inner.namelist())
    assert {"nnlib/data/iris.csv", "nnlib/__init__.py", "nnlib/checks/__init__.py"} <= inside
    first, second = re.findall(r"```bash\n(.*?)\n```", readme, re.S)[:2]
    assert first == ("python3 -m venv .venv && .venv/bin/pip install --find-links wheels "
                     "-r requirements.txt nnlib-course")
    assert second == ".venv/bin/jupyter lab notebooks/student/"


def test_with_a_wheelhouse_the_first_command_needs_no_index():
    text = build_offline_zip.readme(VERSION, True, ["cp311 manylinux_2_17_x86_64"])
    first = re.findall(r"```bash\n(.*?)\n```", text, re.S)[0]
    assert "--no-index --find-links wheels" in first and "cp311 manylinux_2_17_x86_64" in text
    assert build_offline_zip.wheel_platforms([Path("numpy-2.0-cp311-cp311-manylinux_2_17_x86_64.whl"),
                                              Path("six-1.16-py2.py3-none-any.whl")]) == \
        ["cp311 manylinux_2_17_x86_64"]


# --- the tools answer --help, and .ci/room_kit ---------------------------------------------------

@pytest.mark.parametrize("tool", ["hub_link.py", "build_offline_zip.py", "build_slides.py",
                                  "slides.py"])
def test_each_new_tool_answers_help(tool):
    out = subprocess.run([sys.executable, str(ROOT / "tools" / tool), "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("usage:")


def test_the_room_kit_script_parses_and_runs_what_exists():
    script = ROOT / ".ci" / "room_kit"
    assert os.access(script, os.X_OK) or script.read_text().startswith("#!/usr/bin/env bash")
    subprocess.run(["bash", "-n", str(script)], check=True)
    code = "\n".join(line.split("#")[0] for line in script.read_text().splitlines())
    named = set(re.findall(r"(?<![\w./-])((?:\.ci|tools|tests|binder)/[\w.-]+)", code))
    missing = sorted(name for name in named if not (ROOT / name).exists())
    assert not missing, f".ci/room_kit uses files that do not exist: {missing}"
    assert {"tests/test_room_binder.py", "tests/test_room_offline.py", ".ci/offline",
            "tests/test_answer_key.py"} <= named, named


def test_the_guides_checkpoints_name_checks_that_exist():
    plan = (ROOT / "INSTRUCTORS.md").read_text().split("## A 3-hour workshop")[1].split("\n## ")[0]
    named = set(re.findall(r"checks\.(\w+)", plan)) - {"concept"}
    assert len(named) >= 5, named
    existing = {m for path in NOTEBOOKS for cell in notebook_io.read(path).cells
                if "check" in cell.metadata.get("tags", [])
                for m in re.findall(r"checks\.(\w+)\(", cell.source)}
    assert named <= existing, f"the plan names checks no notebook has: {named - existing}"


def test_the_guide_names_only_the_current_release():
    """INSTRUCTORS.md's Colab links, zip and wheel names carry the version: after a release sets
    a new one in pyproject.toml, they must follow (and point at notebooks that exist)."""
    guide = (ROOT / "INSTRUCTORS.md").read_text()
    versions = set(re.findall(r"(?<![\d.])v?(\d+\.\d+\.\d+)(?![\d.])", guide)) - {"127.0.0"}
    assert versions == {VERSION}, f"INSTRUCTORS.md names {versions}, pyproject.toml {VERSION}"
    links = re.findall(r"colab\.research\.google\.com/github/[^/]+/[^/]+/blob/v[^/]+/(\S+?)\)", guide)
    assert len(links) >= len(NOTEBOOKS)
    assert all((ROOT / link).is_file() for link in links), links
