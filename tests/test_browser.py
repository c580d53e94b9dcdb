"""Every slider in every course notebook moves its picture, in JupyterLab in a real (headless) browser.

Slow and needs chromium and playwright: run it alone with
    python -m pytest tests/test_browser.py -p no:nbval -o addopts="" -m browser
NNLIB_BROWSER_NOTEBOOKS=<dir> tests the notebooks in another directory; NNLIB_REQUIRE_BROWSER=1
turns a missing browser into a failure instead of a skip (CI sets it).
"""
import os
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


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    """One JupyterLab for the module, serving throwaway copies of the notebooks."""
    home = tmp_path_factory.mktemp("jupyterlab")
    lab.copy_without_outputs(NOTEBOOKS, home / "notebooks")  # JupyterLab may save over these
    lab_server = lab.LabServer(root_dir=home / "notebooks", home=home)
    try:
        lab_server.wait_until_up()
        yield lab_server
    finally:
        lab_server.stop()


@pytest.mark.parametrize("notebook", lab.notebooks_with_sliders(NOTEBOOKS), ids=lambda path: path.name)
def test_every_slider_moves_its_picture(notebook, browser, server, tmp_path):
    """Run the notebook in JupyterLab; dragging each slider, or pressing an arrow key on it, must
    change its picture, and every concept check must answer a keyboard choice."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(lab.PICTURE_TIMEOUT * 1000)
    lab.stay_offline(page, server.url)
    screenshot = tmp_path / f"{notebook.stem}.png"
    try:
        lab.run_notebook(page, server.url, notebook.name, apps=lab.count_apps(notebook))
        errors = lab.errors_on_page(page)
        assert not errors, f"{notebook.name} shows errors after Run All:\n" + "\n---\n".join(errors)
        found = lab.sliders(page)
        assert found, f"{notebook.name} calls slider_app( but no slider rendered"
        stuck = []
        for slider in found:
            picture, before = lab.picture_of(slider), lab.readout(slider)
            src = picture.get_attribute("src")
            lab.drag(page, slider)
            if not lab.wait_for_new_src(page, picture, src):
                page.screenshot(path=screenshot)
                stuck.append(f"'{lab.describe(slider)}' (readout {before} -> {lab.readout(slider)})")
            lab.settle(page, picture)
        assert not stuck, (f"{notebook.name}: dragging {', '.join(stuck)} did not change the picture "
                           f"within {lab.PICTURE_TIMEOUT} s; screenshot: {screenshot}")
        for slider in found:  # the keyboard works too: Tab to a handle, press an arrow key
            picture, src = lab.picture_of(slider), lab.picture_of(slider).get_attribute("src")
            lab.press_arrow(page, slider)
            if not lab.wait_for_new_src(page, picture, src):
                stuck.append(f"'{lab.describe(slider)}'")
            lab.settle(page, picture)
        assert not stuck, f"{notebook.name}: an arrow key on {', '.join(stuck)} changed nothing"
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
