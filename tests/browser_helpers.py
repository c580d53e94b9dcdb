"""Machinery for tests/test_browser.py: a private JupyterLab server and the page actions on it.

The test reads as "open the notebook, run it, drag every slider, watch its picture"; this module
holds the how: a JupyterLab started with no network calls and its own settings, and the
Playwright steps (run all cells, find a slider's picture, drag with the mouse, wait, bounded).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SLIDER = ".widget-slider"
HANDLE = ".noUi-handle, .ui-slider-handle"  # ipywidgets 8 (noUiSlider), ipywidgets 7 (jQuery UI)
TRACK = ".noUi-target, .ui-slider"
SERVER_START_TIMEOUT = 60  # seconds
RUN_ALL_TIMEOUT = 300  # seconds: the slowest notebook trains a few networks
PICTURE_TIMEOUT = 15  # seconds a moved slider gets to change its picture

# JupyterLab user settings: no news or update checks, and every cell attached to the page
# (no virtual scrolling) so that every slider below the fold is there to find.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
}


def chromium_path():
    """Debian's chromium binary, or None when it is not installed."""
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else shutil.which("chromium")


def browser_missing():
    """Why the browser test cannot run here (a sentence), or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright)"
    if chromium_path() is None:
        return "no chromium binary (apt-get install chromium)"
    return None


def notebooks_with_sliders(directory):
    """The notebooks in directory (sorted) with a code cell that calls slider_app( or live_app(."""
    return [path for path in sorted(Path(directory).glob("*.ipynb")) if count_apps(path)]


def count_apps(path):
    """How many times the notebook's code cells call slider_app( or live_app(."""
    return count_calls(path, "slider_app(") + count_calls(path, "live_app(")


def count_calls(path, call):
    """How many times the notebook's code cells contain the text call."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return sum("".join(c["source"]).count(call) for c in cells if c["cell_type"] == "code")


def copy_without_outputs(directory, target):
    """Copy directory to target, every notebook's outputs cleared so the page shows only fresh ones."""
    shutil.copytree(directory, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for path in Path(target).glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        notebook["metadata"].pop("widgets", None)
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        path.write_text(json.dumps(notebook), encoding="utf-8")


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """A JupyterLab server on root_dir, with its own config, settings and runtime dirs under home."""

    def __init__(self, root_dir, home):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(home) / "jupyterlab.log"
        python_path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
        env = dict(os.environ, PYTHONPATH=python_path)  # so the kernel imports this checkout's nnlib
        for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                         ("JUPYTERLAB_SETTINGS_DIR", "settings"), ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
                         ("IPYTHONDIR", "ipython")]:
            env[var] = str(Path(home) / sub)
        for plugin, values in LAB_SETTINGS.items():
            settings = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / f"{plugin}.jupyterlab-settings"
            settings.parent.mkdir(parents=True, exist_ok=True)
            settings.write_text(json.dumps(values))
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
                   f"--port={self.port}", "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0",
                   "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root_dir}",
                   "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                   "--LabApp.extension_manager=readonly", "--LabApp.expose_app_in_browser=True"]
        self._log = open(self.log_path, "wb")
        # Own process group, so stop() also reaches the kernels should the server hang.
        self.process = subprocess.Popen(command, env=env, cwd=root_dir, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def wait_until_up(self, timeout=SERVER_START_TIMEOUT):
        """Block until /lab answers 200; raise RuntimeError with the server's log if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/lab", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"JupyterLab did not answer on {self.url}/lab within {timeout} s; "
                           f"its log:\n{self.log_path.read_text(errors='replace')[-3000:]}")

    def stop(self):
        """Terminate the server (it shuts its kernels down); kill the whole group if it lingers."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, 9)  # leftovers: kernels of a server that did not clean up
        except ProcessLookupError:
            pass
        self.process.wait(timeout=5)
        self._log.close()


# JavaScript run in the page, through window.jupyterapp (--LabApp.expose_app_in_browser).
_KERNEL_IDLE = """() => {
  const nb = window.jupyterapp?.shell.currentWidget;
  return nb?.sessionContext?.session?.kernel?.status === 'idle';
}"""
_NOTEBOOK_READY = """(name) => {
  const nb = window.jupyterapp?.shell.currentWidget;
  return nb?.context?.path === name && nb.sessionContext?.session?.kernel?.status === 'idle';
}"""
_RUN_ALL = "() => { void window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
_RUN_FINISHED = """() => {
  const nb = window.jupyterapp.shell.currentWidget;
  if (nb.sessionContext.session?.kernel?.status !== 'idle') return false;
  const cells = nb.content.widgets.filter(cell => cell.model.type === 'code');
  const outputs = cell => Array.from({length: cell.model.outputs.length}, (_, i) => cell.model.outputs.get(i));
  const failed = cells.some(cell => outputs(cell).some(output => output.type === 'error'));
  return failed || cells.every(cell => cell.model.executionCount !== null);
}"""
_APPS_SHOWN = """([apps, handle]) => {
  const boxes = [...document.querySelectorAll('.widget-vbox')].filter(box => !box.parentElement.closest('.widget-vbox'));
  const shown = boxes.filter(box => box.querySelector('img[src]')
    && (box.querySelector(handle) || [...box.querySelectorAll('button')].some(b => b.textContent.trim() === 'Play')));
  return shown.length >= apps;
}"""


def stay_offline(page, url):
    """Abort the page's requests to anywhere but the server at url (badges, CDN links in outputs)."""
    page.route(lambda address: not address.startswith(url + "/"), lambda route: route.abort())


def run_notebook(page, url, name, apps):
    """Open the notebook, run all its cells, and wait until its apps' sliders and pictures show."""
    page.goto(f"{url}/lab/tree/{name}")
    page.wait_for_function(_NOTEBOOK_READY, arg=name, timeout=SERVER_START_TIMEOUT * 1000)
    page.evaluate(_RUN_ALL)
    page.wait_for_function(_RUN_FINISHED, timeout=RUN_ALL_TIMEOUT * 1000, polling=250)
    if not errors_on_page(page):
        page.wait_for_function(_APPS_SHOWN, arg=[apps, HANDLE], timeout=PICTURE_TIMEOUT * 1000)


def errors_on_page(page):
    """The error texts in the notebook's outputs: tracebacks, stderr errors, widgets that failed."""
    stderr = page.locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
    errors = [text for text in stderr.all_inner_texts() if "Traceback" in text or "Error" in text]
    widgets = page.locator(".jp-OutputArea-output").all_inner_texts()
    errors += [text for text in widgets if "Error displaying widget" in text or "Failed to load model" in text]
    return [text.strip()[-800:] for text in errors]


def sliders(page):
    """Every slider on the page, in page order."""
    return page.locator(SLIDER).all()


def describe(slider):
    """The slider's description label."""
    label = slider.locator(".widget-label").first
    return (label.inner_text().strip() if label.count() else "") or "(no description)"


def readout(slider):
    """The value the slider shows next to it."""
    box = slider.locator(".widget-readout").first
    return box.inner_text().strip() if box.count() else "?"


def picture_of(slider):
    """The app the slider belongs to: its nearest ancestor that holds a picture (the app's VBox).

    The picture itself is replaced by a new img at every redraw (display_data in an Output widget),
    so tests keep the app and look up its current img when they need it.
    """
    return slider.locator("xpath=ancestor::*[.//img][1]")


def src_of(app):
    """The src of the app's current picture (None while it has none)."""
    img = app.locator("img").first
    return img.get_attribute("src") if img.count() else None


def drag(page, slider, distance=60, steps=10):
    """Drag the slider's handle by distance pixels with the mouse, toward the longer side of its track."""
    handle = slider.locator(HANDLE).first
    handle.scroll_into_view_if_needed()
    box, track = handle.bounding_box(), slider.locator(TRACK).first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    direction = 1 if x < track["x"] + track["width"] / 2 else -1
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + direction * min(distance, track["width"] / 3), y, steps=steps)
    page.mouse.up()


def press_arrow(page, slider):
    """Move the slider one step from the keyboard: focus its handle, press an arrow key.

    Returns time.perf_counter() at the key press, for timing key-to-picture.
    """
    handle = slider.locator(HANDLE).first
    handle.scroll_into_view_if_needed()
    box, track = handle.bounding_box(), slider.locator(TRACK).first.bounding_box()
    handle.focus()
    key = "ArrowRight" if box["x"] < track["x"] + track["width"] / 2 else "ArrowLeft"
    pressed = time.perf_counter()
    page.keyboard.press(key)
    return pressed


def concept_checks(page):
    """The radio-button groups of the concept checks on the page, in page order."""
    return page.locator(".widget-radio-box").all()


def answer_from_keyboard(page, radios):
    """Pick a concept check's first option with the keyboard; returns the verdict it shows."""
    first = radios.locator("input[type=radio]").first
    first.scroll_into_view_if_needed()
    first.focus()
    page.keyboard.press("Space")
    verdict = radios.locator("xpath=ancestor::*[contains(@class, 'widget-vbox')][1]"
                             "//*[contains(@class, 'widget-html-content')]").last
    page.wait_for_function("el => /Right|Not quite/.test(el.textContent)",
                           arg=verdict.element_handle(), timeout=PICTURE_TIMEOUT * 1000)
    return verdict.inner_text().strip()


def wait_for_new_src(page, app, old_src, timeout=PICTURE_TIMEOUT):
    """True once the app's picture differs from old_src, False if it has not within timeout seconds."""
    from playwright.sync_api import TimeoutError
    try:
        page.wait_for_function("([box, old]) => { const img = box.querySelector('img');"
                               " return !!img && img.getAttribute('src') !== old; }",
                               arg=[app.element_handle(), old_src], timeout=timeout * 1000, polling=20)
        return True
    except TimeoutError:
        return False


def settle(page, app, quiet=0.5, timeout=PICTURE_TIMEOUT):
    """Wait until the kernel is idle and the app's picture has stayed the same for quiet seconds.

    A dragged slider with continuous updates sends several values; the next slider's check must
    not mistake the last of those redraws for its own.
    """
    deadline, src, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        now_src = src_of(app)
        if now_src != src:
            src, since = now_src, time.monotonic()
        elif time.monotonic() - since >= quiet and page.evaluate(_KERNEL_IDLE):
            return
        time.sleep(0.1)


def live_apps(page):
    """Every app with a Play button, in page order: (the app's VBox, {label: button})."""
    found = []
    for box in page.locator(".widget-vbox:has(button:text-is('Play'))").all():
        if box.locator(".widget-vbox:has(button:text-is('Play'))").count():
            continue  # an outer box around the app itself
        found.append((box, {name: box.locator(f"button:text-is('{name}')").first
                            for name in ("Play", "Pause", "Step", "Reset")}))
    return found


def count_frames(page, app, seconds):
    """How many new pictures the app shows within the next `seconds` (sampled every 20 ms)."""
    return page.evaluate("""([box, ms]) => new Promise(done => {
      let last = box.querySelector('img')?.getAttribute('src'), frames = 0;
      const timer = setInterval(() => {
        const now = box.querySelector('img')?.getAttribute('src');
        if (now && now !== last) { frames += 1; last = now; }
      }, 20);
      setTimeout(() => { clearInterval(timer); done(frames); }, ms);
    })""", [app.element_handle(), int(seconds * 1000)])


def shutdown_kernel(page):
    """Ask the notebook's kernel to shut down (not waited for: the server stop cleans up anyway)."""
    page.evaluate("() => { void window.jupyterapp?.shell.currentWidget?.sessionContext?.shutdown(); }")


_UNRUN_PROBLEMS = """() => {
  const problems = [];
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  for (const img of document.querySelectorAll('.jp-OutputArea-output img')) {
    if (!img.complete || img.naturalWidth === 0) problems.push('a broken image');
  }
  const bad = [/^\\s*[A-Z]\\w*Box\\(children=/, /^\\s*Output\\(/, /Error displaying widget/, /Loading widget/,
               /Failed to load model/, /Traceback/, /model not found/];
  for (const out of outputs) {
    const text = out.innerText || '';
    for (const pattern of bad) if (pattern.test(text)) problems.push(text.trim().slice(0, 120));
  }
  return problems;
}"""


def open_unrun(page, url, name, quiet=1.0):
    """Open a notebook as saved, run nothing, let its outputs render; returns what looks broken."""
    page.goto(f"{url}/lab/tree/{name}")
    page.wait_for_function(_NOTEBOOK_READY, arg=name, timeout=SERVER_START_TIMEOUT * 1000)
    deadline, count, since = time.monotonic() + PICTURE_TIMEOUT, -1, time.monotonic()
    while time.monotonic() < deadline:  # until the number of rendered outputs stops growing
        now = page.locator(".jp-OutputArea-output").count()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
        time.sleep(0.2)
    page.wait_for_function("() => [...document.querySelectorAll('.jp-OutputArea-output img')]"
                           ".every(img => img.complete)", timeout=PICTURE_TIMEOUT * 1000)
    return page.evaluate(_UNRUN_PROBLEMS)
