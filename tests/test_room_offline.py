"""The room kit with no network: the offline zip installs from itself and runs, and the slide
decks build and show in a browser, nothing fetched from anywhere.

.ci/room_kit runs this module under .ci/offline (the network cut), after fetching, while online,
what a room would bring on a USB stick: a wheelhouse of the course's packages
(NNLIB_WHEELHOUSE, with setuptools to build nnlib's wheel) and the npm tarballs the decks
unpack (NNLIB_VENDOR_CACHE). Elsewhere these tests are skipped (NNLIB_ROOM_KIT=1 turns them on).
"""
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import room_helpers as room

ROOT = room.ROOT
sys.path.insert(0, str(ROOT / "tools"))
import build_offline_zip  # noqa: E402
import build_slides  # noqa: E402
import notebook_io  # noqa: E402
import stamp_notebooks  # noqa: E402

pytestmark = room.room_only
NOTEBOOKS = notebook_io.course_notebooks()


# --- the offline zip -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    """The zip built with the wheelhouse (offline: nnlib's build backend comes from it too), and
    the folder it unzips to."""
    wheelhouse = Path(room.needed("NNLIB_WHEELHOUSE", "a folder of wheels for requirements.txt "
                                                      "and setuptools"))
    out = tmp_path_factory.mktemp("zip")
    previous = os.environ.get("PIP_FIND_LINKS")
    os.environ["PIP_FIND_LINKS"] = str(wheelhouse)  # (the build backend, for pip wheel)
    try:
        archive = build_offline_zip.build(out, wheelhouse)
    finally:
        if previous is None:
            os.environ.pop("PIP_FIND_LINKS")
        else:
            os.environ["PIP_FIND_LINKS"] = previous
    place = tmp_path_factory.mktemp("room")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(place)
    (folder,) = place.iterdir()
    return archive, folder


@pytest.fixture(scope="module")
def installed(kit, tmp_path_factory):
    """The zip's folder after its README's first command, run as written (python3 is this
    Python), with no pip settings or configuration but what the command says."""
    _, folder = kit
    first = room.bash_blocks((folder / "README.md").read_text())[0]
    bin_dir = tmp_path_factory.mktemp("bin")
    (bin_dir / "python3").symlink_to(sys.executable)
    env = room.clean_env(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(["bash", "-c", first], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"the zip's README command failed:\n{first}\n{done.stderr[-3000:]}"
    return folder


def test_the_zip_holds_the_notebooks_the_wheel_and_the_wheelhouse(kit):
    archive, folder = kit
    assert archive.name == f"nnlib-course-offline-{stamp_notebooks.project()[1]}.zip"
    for path in NOTEBOOKS:
        assert (folder / "notebooks" / path.name).read_bytes() == path.read_bytes(), path.name
        student = folder / "notebooks" / "student" / path.name
        assert student.read_bytes() == (notebook_io.STUDENT / path.name).read_bytes(), path.name
    wheels = {p.name.split("-")[0].lower() for p in (folder / "wheels").glob("*.whl")}
    assert {"nnlib_course", "numpy", "matplotlib", "jupyterlab", "ipywidgets", "pandas"} <= wheels
    readme = (folder / "README.md").read_text()
    assert len(room.bash_blocks(readme)) >= 2 and "--no-index" in room.bash_blocks(readme)[0]


def test_the_first_command_installs_nnlib_with_its_data_from_the_wheel(installed, tmp_path):
    code = ("import nnlib, sys; X, y = nnlib.load_iris(); "
            "print(nnlib.__file__); print(nnlib.__version__); print(X.shape)")
    out = subprocess.run([str(installed / ".venv" / "bin" / "python"), "-c", code], cwd=tmp_path,
                         env=room.clean_env(), capture_output=True, text=True, check=True)
    module, version, shape = out.stdout.split("\n")[:3]
    assert "site-packages" in module and module.startswith(str(installed / ".venv")), module
    assert version == stamp_notebooks.project()[1] and shape == "(150, 4)"


def test_every_student_notebook_runs_in_the_installed_kit(installed, tmp_path):
    """Executed by the kit's own Jupyter, offline: no error but the exercises' own stubs."""
    out = tmp_path / "executed"
    done = subprocess.run([str(installed / ".venv" / "bin" / "jupyter"), "nbconvert", "--to",
                           "notebook", "--execute", "--allow-errors", "--output-dir", str(out),
                           *sorted(str(p) for p in (installed / "notebooks" / "student").glob(
                               "*.ipynb"))],
                          cwd=installed, env=room.clean_env(), capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    executed = sorted(out.glob("*.ipynb"))
    assert [p.name for p in executed] == [p.name for p in NOTEBOOKS]
    for path in executed:
        for cell in json.loads(path.read_text())["cells"]:
            for output in cell.get("outputs", []):
                if output["output_type"] == "error":
                    assert output["ename"] == "NotImplementedError", \
                        f"{path.name}: {output['ename']}: {output['evalue']}"


def test_the_second_command_opens_jupyterlab_on_the_student_notebooks(installed, tmp_path):
    second = room.bash_blocks((installed / "README.md").read_text())[1]
    command = second.split()
    assert command[:2] == [".venv/bin/jupyter", "lab"], second
    lab = room.Lab([str(installed / command[0]), *command[1:]], cwd=installed, home=tmp_path,
                   env=room.clean_env())
    try:
        for path in NOTEBOOKS:
            assert room.http_status(f"{lab.url}/api/contents/{path.name}") == 200, path.name
        assert room.http_status(f"{lab.url}/lab") == 200
    finally:
        lab.stop()


# --- the slide decks -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """Every deck, built offline from the npm tarballs fetched beforehand, and served."""
    cache = Path(room.needed("NNLIB_VENDOR_CACHE", "the folder of npm tarballs build_slides.py "
                                                   "fetched (build/vendor-cache)"))
    out = tmp_path_factory.mktemp("slides")
    build_slides.build(NOTEBOOKS, out, cache=cache)
    server = room.StaticServer(out)
    yield out, server.url
    server.stop()


@pytest.fixture(scope="module")
def browser():
    import browser_helpers
    missing = browser_helpers.browser_missing()
    if missing:
        pytest.fail(f"the deck test needs a browser: {missing}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browser_helpers.chromium_path(),
                                     args=browser_helpers.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _sections(path):
    """The `## ` headings of a notebook's markdown, counted from its source."""
    return [line for cell in notebook_io.read(path).cells if cell.cell_type == "markdown"
            for line in cell.source.split("\n") if line.startswith("## ")]


def _pictures(path):
    return sum("image/png" in out.get("data", {}) for cell in notebook_io.read(path).cells
               for out in cell.get("outputs", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_the_deck_shows_every_section_and_figure_offline(path, decks, browser):
    """Opened from a local server with every other address refused: reveal.js starts, the deck
    has the slides its notebook's structure gives (title + one per section, and their
    sub-slides), every saved figure is in it, MathJax typesets its formulas, paging through to
    the last slide works, and the console shows no error and no request fails."""
    import browser_helpers
    folder, url = decks
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors, failed = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url[:200]))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    browser_helpers.stay_offline(page, url)
    try:
        page.goto(f"{url}/{path.stem}.slides.html")
        page.wait_for_function("() => document.querySelector('.reveal.ready') !== null",
                               timeout=30_000)
        expected = build_slides.expected_slides(build_slides.deck_notebook(notebook_io.read(path)))
        counts = page.evaluate("""() => ({
            total: document.querySelectorAll('.reveal .slides section:not(.stack)').length,
            horizontal: document.querySelectorAll('.reveal .slides > section').length,
            headings: [...document.querySelectorAll('.reveal .slides > section')].map(
                s => s.querySelector('h1, h2')?.textContent.replace('¶', '').trim()),
            pictures: [...document.querySelectorAll('.reveal .jp-RenderedImage img')].filter(
                img => (img.getAttribute('src') || '').startsWith('data:image/png')).length})""")
        sections = _sections(path)
        assert counts["horizontal"] == 1 + len(sections), counts["headings"]
        assert counts["total"] == expected
        for shown, heading in zip(counts["headings"][1:], sections):  # (the text before any $)
            assert (shown or "").startswith(heading[3:].split("$")[0].strip()), (shown, heading)
        assert counts["pictures"] == _pictures(path), "a saved figure is missing from the deck"
        if any("$" in cell.source for cell in notebook_io.read(path).cells
               if cell.cell_type == "markdown"):
            page.wait_for_function("() => document.querySelectorAll('.mjx-chtml').length > 0",
                                   timeout=30_000)
            assert "Math Processing Error" not in page.inner_text(".reveal")
        number = page.locator(".slide-number")
        assert re.sub(r"\s", "", number.inner_text()) == f"1/{expected}"
        page.keyboard.press("End")  # the last horizontal slide
        for _ in range(expected):  # and down through its sub-slides
            page.keyboard.press("Space")
        page.wait_for_function("(n) => document.querySelector('.slide-number')?.textContent"
                               ".replace(/\\s/g, '') === `${n}/${n}`", arg=expected,
                               timeout=10_000)
        assert not errors, f"console errors in {path.stem}'s deck: {errors[:5]}"
        assert not failed, f"requests that failed in {path.stem}'s deck: {failed[:5]}"
    finally:
        page.screenshot(path=str(folder / f"{path.stem}.last.png"))
        page.close()
