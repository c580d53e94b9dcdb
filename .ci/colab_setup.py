"""The Colab-like leg of .ci/run installs nnlib as a learner's first cell does, for real.

    python .ci/colab_setup.py .ci/colab-pins-3.13.txt   # in a venv holding those versions

Runs the notebooks' setup cell (all are stamped alike) with a stand-in google.colab module, so it
takes its Colab branch, and lets its one pip command run: its `git+URL@v<version>` spec is swapped
for this checkout (CI reaches package registries only) and everything else is kept, flags
included. Then checks what Colab cares about: the pinned versions are all still there, nothing
already installed was upgraded or removed, and nnlib-course is the only package added.
"""
import json
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import stamp_notebooks  # noqa: E402


def installed():
    out = subprocess.run([sys.executable, "-m", "pip", "list", "--format=json"],
                         capture_output=True, text=True, check=True).stdout
    return {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(out)}


def pins(path):
    lines = Path(path).read_text().splitlines()
    return dict(line.split("#")[0].strip().lower().split("==") for line in lines
                if line.split("#")[0].strip())


def main(pins_file):
    notebook = sorted((ROOT / "notebooks").glob("*.ipynb"))[0]
    source = "".join(json.loads(notebook.read_text())["cells"][0]["source"])
    url, version = stamp_notebooks.project()
    spec = f"nnlib-course @ git+{url}@v{version}"
    before, ran, real_run = installed(), [], subprocess.run

    def run(cmd, **kwargs):
        assert cmd[-1] == spec, f"the setup cell installs {cmd[-1]!r}, not {spec!r}"
        cmd = [*cmd[:-1], f"nnlib-course @ {ROOT.as_uri()}"]
        ran.append(cmd)
        print("setup cell runs:", " ".join(cmd), flush=True)
        return real_run(cmd, **kwargs)

    sys.modules["google.colab"] = types.ModuleType("google.colab")
    subprocess.run = run
    try:
        exec(source, {})
    finally:
        subprocess.run = real_run
        del sys.modules["google.colab"]
    assert len(ran) == 1, f"the setup cell ran {len(ran)} commands, expected one pip install"

    after = installed()
    added = {name: after[name] for name in after.keys() - before.keys()}
    changed = {name: (before[name], after.get(name)) for name in before
               if after.get(name) != before[name]}
    wrong_pins = {name: after.get(name) for name, pin in pins(pins_file).items() if after.get(name) != pin}
    assert added == {"nnlib-course": version}, f"expected only nnlib-course {version}: {added}"
    assert not changed, f"the setup cell changed preinstalled packages: {changed}"
    assert not wrong_pins, f"not at Colab's versions: {wrong_pins}"
    print(f"Colab setup cell: added nnlib-course {version} only; the {len(before)} packages "
          f"already installed are unchanged, Colab's pins included")


if __name__ == "__main__":
    main(sys.argv[1])
