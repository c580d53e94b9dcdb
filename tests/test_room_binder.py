"""The hosted ways into the room, as far as they can be tried without Docker or a hub: what
repo2docker would build for Binder, binder/postBuild in a fresh environment from
binder/requirements.txt, the Binder badges' notebooks served by that environment's JupyterLab,
and nbgitpuller pulling the course twice, as a learner clicking the hub link twice does.

.ci/room_kit runs this module while online (pip installs binder/requirements.txt from the
package index). It sets NNLIB_BINDER_PYTHON (a Python of binder/runtime.txt's version) and
NNLIB_TOOLS_PYTHON (a Python with jupyter-repo2docker and nbgitpuller installed); elsewhere these
tests are skipped (NNLIB_ROOM_KIT=1 turns them on).
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import room_helpers as room

ROOT = room.ROOT
sys.path.insert(0, str(ROOT / "tools"))
import hub_link  # noqa: E402
import stamp_notebooks  # noqa: E402

pytestmark = room.room_only
BINDER_BADGE = re.compile(r"https://mybinder\.org/v2/gh/[^/\s)]+/[^/\s)]+/[^?\s)]+\?urlpath=([^)\s]+)")


def _repository_copy(target):
    """The files git knows of (committed or new, not ignored), copied to target, as a fresh
    clone has them (what Binder and nbgitpuller start from)."""
    names = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, names):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    return _repository_copy(tmp_path_factory.mktemp("repo") / hub_link.folder_name(
        stamp_notebooks.project()[0]))


def test_repo2docker_plans_python_from_runtime_txt_and_caches_the_requirements(repository):
    """`repo2docker --no-build --debug` prints the Dockerfile it would build (no Docker needed):
    Python as binder/runtime.txt says, binder/requirements.txt installed before the repository
    is copied in (so the layer is cached across notebook edits), postBuild after it."""
    tools = Path(room.needed("NNLIB_TOOLS_PYTHON", "a Python with jupyter-repo2docker"))
    done = subprocess.run([str(tools), "-m", "repo2docker", "--no-build", "--debug", "--no-run",
                           str(repository)], capture_output=True, text=True, timeout=300)
    plan = done.stdout + done.stderr
    assert done.returncode == 0, plan[-3000:]
    version = (ROOT / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    assert f"Building conda environment for python={version}" in plan, plan[:2000]
    install = plan.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    copy = re.search(r"^COPY --chown=\S+ src/ \$\{REPO_DIR\}/$", plan, re.M)
    post = plan.index("RUN ./binder/postBuild")
    assert copy and install < copy.start() < post, "requirements must install before the copy"
    assert "environment.yml" not in plan, "binder/ must shadow the top-level environment.yml"


@pytest.fixture(scope="module")
def binder_env(repository, tmp_path_factory):
    """A fresh venv of binder/runtime.txt's Python with binder/requirements.txt, then
    binder/postBuild run in the repository copy, as repo2docker runs it."""
    python = room.needed("NNLIB_BINDER_PYTHON", "a Python of binder/runtime.txt's version")
    venv = tmp_path_factory.mktemp("binder") / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-r",
                    str(repository / "binder" / "requirements.txt")], check=True, timeout=900)
    env = room.clean_env(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run([str(repository / "binder" / "postBuild")], cwd=repository, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"binder/postBuild failed:\n{done.stdout}\n{done.stderr[-3000:]}"
    return venv, done.stdout


def test_postbuild_installs_nnlib_with_its_data_from_the_repository(binder_env, tmp_path):
    venv, printed = binder_env
    want = (ROOT / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    code = ("import sys, nnlib; X, y = nnlib.load_iris(); "
            "print('%d.%d' % sys.version_info[:2], nnlib.__version__, X.shape, nnlib.__file__)")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path,
                         env=room.clean_env(), capture_output=True, text=True, check=True).stdout
    python, version, *shape, module = out.split()
    assert python == want, f"the Binder environment runs Python {python}, runtime.txt says {want}"
    assert version == stamp_notebooks.project()[1] and "".join(shape) == "(150,4)"
    assert "site-packages" in module and module.startswith(str(venv)), module
    assert "postBuild: nnlib" in printed


def test_every_binder_badge_opens_a_notebook_that_runs(binder_env, repository, tmp_path):
    """The badges' urlpath, served by the Binder environment's JupyterLab from the repository
    copy (as on Binder); the notebook each opens runs there top to bottom."""
    venv, _ = binder_env
    targets = set()
    for doc in ("README.md", "INSTRUCTORS.md"):
        for urlpath in BINDER_BADGE.findall((ROOT / doc).read_text()):
            path = unquote(urlpath)
            assert path.startswith("lab/tree/"), (doc, urlpath)
            targets.add(path.removeprefix("lab/tree/"))
    assert targets, "no Binder badge in README.md or INSTRUCTORS.md"
    lab = room.Lab([str(venv / "bin" / "jupyter"), "lab"], cwd=repository, home=tmp_path / "lab",
                   env=room.clean_env())
    try:
        for target in sorted(targets):
            assert room.http_status(f"{lab.url}/api/contents/{target}") == 200, target
            assert room.http_status(f"{lab.url}/lab/tree/{target}") == 200, target
    finally:
        lab.stop()
    for target in sorted(targets):
        done = subprocess.run([str(venv / "bin" / "jupyter"), "nbconvert", "--to", "notebook",
                               "--execute", "--allow-errors", "--output-dir", str(tmp_path / "run"),
                               str(repository / target)], cwd=repository, env=room.clean_env(),
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        executed = json.loads((tmp_path / "run" / Path(target).name).read_text())
        errors = [o for cell in executed["cells"] for o in cell.get("outputs", [])
                  if o["output_type"] == "error" and o["ename"] != "NotImplementedError"]
        assert not errors, f"{target}: {errors[0]['ename']}: {errors[0]['evalue']}"


def _pull(tools, origin, parent, branch):
    """nbgitpuller's GitPuller, as the hub link's click runs it: clone or merge origin's branch
    into parent/<repository folder>. Returns (exit status, what it said)."""
    code = ("import sys; from nbgitpuller.pull import GitPuller\n"
            "for line in GitPuller(sys.argv[1], sys.argv[2], branch=sys.argv[3]).pull():\n"
            "    pass\n")
    done = subprocess.run([str(tools), "-c", code, str(origin),
                           str(parent / hub_link.folder_name(str(origin))), branch],
                          capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def test_nbgitpuller_pulls_the_branch_the_link_names_twice_and_a_tag_only_once(repository,
                                                                              tmp_path):
    """The hub link's repository, branch and urlpath, tried with nbgitpuller on a local copy of
    the repository (git history made here: branch main and the release tag): the second click on
    a branch link merges and opens the same notebook; a tag link fails on its second click, the
    reason hub_link.py names a branch."""
    tools = Path(room.needed("NNLIB_TOOLS_PYTHON", "a Python with nbgitpuller"))
    url, version = stamp_notebooks.project()
    origin = tmp_path / "origin" / hub_link.folder_name(url)
    shutil.copytree(repository, origin)
    git = ["git", "-c", "user.name=room kit", "-c", "user.email=room@kit.invalid"]
    for command in (["init", "-q", "-b", hub_link.DEFAULT_BRANCH], ["add", "-A"],
                    ["commit", "-q", "-m", "course"], ["tag", f"v{version}"]):
        subprocess.run([*git, *command], cwd=origin, check=True)
    query = parse_qs(urlsplit(hub_link.link("https://hub.example.edu", url)).query)
    opened = query["urlpath"][0].removeprefix("lab/tree/")
    assert query["branch"] == [hub_link.DEFAULT_BRANCH]
    home = tmp_path / "home"
    for click in (1, 2):
        status, said = _pull(tools, origin, home, hub_link.DEFAULT_BRANCH)
        assert status == 0, f"click {click} on the branch link failed:\n{said[-2000:]}"
        assert (home / opened).is_file(), f"click {click}: {opened} is not where the link opens"
    tagged = tmp_path / "tag-home"
    assert _pull(tools, origin, tagged, f"v{version}")[0] == 0, "a tag's first click failed"
    status, said = _pull(tools, origin, tagged, f"v{version}")
    assert status != 0, ("nbgitpuller now pulls a tag twice: the hub link could name the "
                         f"release tag (tools/hub_link.py, DEFAULT_BRANCH)\n{said[-500:]}")
