"""Machinery shared by the room-kit tests (tests/test_room_*.py): the README-style commands a
learner runs, a JupyterLab started from another environment, a static file server for the
decks, and the environment variables .ci/room_kit sets for them."""
import functools
import http.server
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROOM_KIT = "NNLIB_ROOM_KIT"  # set to 1 by .ci/room_kit: the heavy tests run only there

room_only = [pytest.mark.room,
             pytest.mark.skipif(os.environ.get(ROOM_KIT) != "1",
                                reason=f"a room-kit build test: .ci/room_kit runs it ({ROOM_KIT}=1)")]


def needed(variable, what):
    """The value of an environment variable .ci/room_kit sets; fails (names it) when unset."""
    value = os.environ.get(variable)
    if not value:
        pytest.fail(f"{variable} is not set: it must name {what} (.ci/room_kit sets it)")
    return value


def bash_blocks(markdown):
    """The ```bash blocks of a markdown text, in order."""
    return re.findall(r"```bash\n(.*?)\n```", markdown, re.S)


def clean_env(**extra):
    """os.environ without pip's settings (PIP_*: .ci/room_kit's wheelhouse), without any pip
    configuration file and without PYTHONPATH, so a command sees only what it brings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k != "PYTHONPATH"}
    env["PIP_CONFIG_FILE"] = os.devnull
    env.update(extra)
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url):
    """The HTTP status of a GET of url (on this machine only), or None if nothing answers."""
    assert url.startswith("http://127.0.0.1:"), url
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


class Lab:
    """`<jupyter> lab ...` (the command a learner types) with flags that keep it on 127.0.0.1,
    tokenless and quiet, its config under home; stop() ends its process group."""

    def __init__(self, command, cwd, home, env=None, timeout=90):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        home = Path(home)
        env = dict(env or os.environ)
        for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                         ("JUPYTER_DATA_DIR", "data"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                         ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")]:
            env[var] = str(home / sub)
        flags = ["--no-browser", "--allow-root", f"--port={self.port}", "--ServerApp.ip=127.0.0.1",
                 "--ServerApp.port_retries=0", "--IdentityProvider.token=",
                 "--ServerApp.password=", "--LabApp.news_url=None",
                 "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        self.log = home / "lab.log"
        home.mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen([*command, *flags], cwd=cwd, env=env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if http_status(f"{self.url}/api/status") == 200:
                return
            time.sleep(0.5)
        self.stop()
        raise AssertionError(f"`{' '.join(command)}` did not serve {self.url} within {timeout} s;"
                             f" its log:\n{self.log.read_text(errors='replace')[-3000:]}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


class StaticServer:
    """A folder served on 127.0.0.1 (Python's http.server, quiet), in a thread."""

    def __init__(self, folder):
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        handler = functools.partial(Quiet, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
