"""Every slider in every course notebook moves its picture, in JupyterLab in a real (headless) browser.

Slow and needs chromium and playwright: run it alone with
    python -m pytest tests/test_browser.py -p no:nbval -o addopts="" -m browser
NNLIB_BROWSER_NOTEBOOKS=<dir> tests the notebooks in another directory; NNLIB_REQUIRE_BROWSER=1
turns a missing browser into a failure instead of a skip (CI sets it).
"""
import os
import shutil
import statistics
import time
from pathlib import Path

import pytest

import browser_helpers as lab

NOTEBOOKS = Path(os.environ.get("NNLIB_BROWSER_NOTEBOOKS", lab.REPO / "notebooks"))

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    """Headless Debian chromium driven by playwright; skipped (or failed, in CI) when missing."""
    missing = lab.browser_missing()
    if missing:
        if os.environ.get("NNLIB_REQUIRE_BROWSER") == "1":
            pytest.fail(f"NNLIB_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=lab.chromium_path(), args=lab.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def serve(home):
    """A JupyterLab on home/notebooks for the whole module, stopped when the module is done."""
    lab_server = lab.LabServer(root_dir=home / "notebooks", home=home)
    try:
        lab_server.wait_until_up()
        yield lab_server
    finally:
        lab_server.stop()


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    """One JupyterLab for the module, serving throwaway copies of the notebooks."""
    home = tmp_path_factory.mktemp("jupyterlab")
    lab.copy_without_outputs(NOTEBOOKS, home / "notebooks")  # JupyterLab may save over these
    yield from serve(home)


@pytest.mark.parametrize("notebook", lab.notebooks_with_sliders(NOTEBOOKS), ids=lambda path: path.name)
def test_every_slider_moves_its_picture(notebook, browser, server, tmp_path, capsys):
    """Run the notebook in JupyterLab; dragging each slider, or pressing an arrow key on it, must
    change its picture; Play, Pause, Step and Reset must do what they say; every concept check
    must answer a keyboard choice. Prints the key-to-picture times and the frames per second."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(lab.PICTURE_TIMEOUT * 1000)
    lab.stay_offline(page, server.url)
    screenshot = tmp_path / f"{notebook.stem}.png"
    try:
        lab.run_notebook(page, server.url, notebook.name, apps=lab.count_apps(notebook))
        errors = lab.errors_on_page(page)
        assert not errors, f"{notebook.name} shows errors after Run All:\n" + "\n---\n".join(errors)
        found = lab.sliders(page)
        assert found, f"{notebook.name} has apps but no slider rendered"
        stuck = []
        for slider in found:
            app, before = lab.picture_of(slider), lab.readout(slider)
            src = lab.src_of(app)
            lab.drag(page, slider)
            if not lab.wait_for_new_src(page, app, src):
                page.screenshot(path=screenshot)
                stuck.append(f"'{lab.describe(slider)}' (readout {before} -> {lab.readout(slider)})")
            lab.settle(page, app)
        assert not stuck, (f"{notebook.name}: dragging {', '.join(stuck)} did not change the picture "
                           f"within {lab.PICTURE_TIMEOUT} s; screenshot: {screenshot}")
        key_to_picture = []
        for slider in found:  # the keyboard works too: Tab to a handle, press an arrow key
            app = lab.picture_of(slider)
            src = lab.src_of(app)
            start = lab.press_arrow(page, slider)
            if lab.wait_for_new_src(page, app, src):
                key_to_picture.append(1000 * (time.perf_counter() - start))
            else:
                stuck.append(f"'{lab.describe(slider)}'")
            lab.settle(page, app)
        assert not stuck, f"{notebook.name}: an arrow key on {', '.join(stuck)} changed nothing"
        with capsys.disabled():
            print(f"\n{notebook.name}: key-to-picture median {statistics.median(key_to_picture):.0f} ms "
                  f"over {len(key_to_picture)} sliders (max {max(key_to_picture):.0f} ms)")
        actions = page.locator("button:text-is('one gradient step')").all()  # notebook 02's game
        assert len(actions) == lab.count_calls(notebook, "gradient_step}"), \
            f"{notebook.name}: not every action button rendered"
        for button in actions:
            app = lab.picture_of(button)
            src = lab.src_of(app)
            button.click()
            assert lab.wait_for_new_src(page, app, src), f"{notebook.name}: a gradient step changed nothing"
            lab.settle(page, app)
        for box, buttons in lab.live_apps(page):
            check_play_pause_step_reset(page, notebook, box, buttons, capsys)
        questions = lab.concept_checks(page)
        assert len(questions) == lab.count_calls(notebook, "checks.concept("), \
            f"{notebook.name}: not every concept check rendered as radio buttons"
        for radios in questions:
            assert lab.answer_from_keyboard(page, radios)
        errors = lab.errors_on_page(page)
        assert not errors, f"{notebook.name} shows errors after the drags:\n" + "\n---\n".join(errors)
    except Exception:
        if not screenshot.exists():
            page.screenshot(path=screenshot)
        print(f"screenshot: {screenshot}; JupyterLab log: {server.log_path}")
        raise
    finally:
        lab.shutdown_kernel(page)
        page.close()


def check_play_pause_step_reset(page, notebook, box, buttons, capsys, seconds=3.0):
    """Play changes the picture many times, Pause stops it, Step changes it once, Reset once more."""
    box.scroll_into_view_if_needed()
    buttons["Play"].click()
    frames = lab.count_frames(page, box, seconds)
    buttons["Pause"].click()
    time.sleep(0.3)  # a frame already on its way may still arrive
    after_pause = lab.count_frames(page, box, 1.0)
    with capsys.disabled():
        print(f"{notebook.name}: Play showed {frames} frames in {seconds:.0f} s ({frames / seconds:.1f} per second)")
    assert frames >= 5, f"{notebook.name}: Play changed the picture only {frames} times in {seconds} s"
    assert after_pause == 0, f"{notebook.name}: the picture still moved {after_pause} times after Pause"
    for name in ("Step", "Reset"):
        src = lab.src_of(box)
        buttons[name].click()
        assert lab.wait_for_new_src(page, box, src), f"{notebook.name}: {name} did not change the picture"
        assert lab.count_frames(page, box, 1.0) == 0, f"{notebook.name}: {name} changed the picture more than once"


@pytest.fixture(scope="module")
def saved_server(browser, tmp_path_factory):
    """A JupyterLab serving copies of the notebooks as committed, outputs and all, never run."""
    home = tmp_path_factory.mktemp("jupyterlab-saved")
    shutil.copytree(NOTEBOOKS, home / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    yield from serve(home)


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda path: path.name)
def test_a_notebook_opened_unrun_shows_every_picture_and_no_widget_text(notebook, browser, saved_server,
                                                                         tmp_path):
    """Open the committed notebook without running anything: every image loads, and no output is a
    widget's repr, a widget error or a traceback (JupyterLab shows an unrun, untrusted notebook's
    saved outputs; each app saved its picture and one line of text for exactly this)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    lab.stay_offline(page, saved_server.url)
    screenshot = tmp_path / f"{notebook.stem}-unrun.png"
    try:
        problems = lab.open_unrun(page, saved_server.url, notebook.name)
        if problems:
            page.screenshot(path=screenshot, full_page=True)
        assert not problems, f"{notebook.name} opened unrun shows:\n" + "\n".join(problems) + \
            f"\nscreenshot: {screenshot}"
    finally:
        page.close()
