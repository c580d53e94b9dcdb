"""Build the offline room kit: one zip that installs and runs the course with no network.

    python tools/build_offline_zip.py                          # build/nnlib-course-offline-<version>.zip
    python tools/build_offline_zip.py --wheelhouse wheelhouse  # ... with the course's packages in it

The zip holds one folder, nnlib-course-offline-<version>/, with

    README.md         the two commands: set up, open (and what to do on Windows or another laptop)
    requirements.txt  the course's packages (a copy of requirements.txt)
    wheels/           nnlib's wheel (`pip wheel --no-deps .`: the package with its data sets), and
                      with --wheelhouse every wheel of that folder: the course's packages
    notebooks/        the solution notebooks, executed, and notebooks/student/, the student copies
    LICENSE

A wheelhouse is a folder of wheels, made once while online, on a machine like the room's
laptops (same operating system, processor and Python minor version):

    pip download -r requirements.txt -d wheelhouse

Then the zip's first command installs with `pip install --no-index --find-links wheels`: nothing
from the network. Without --wheelhouse the zip holds only nnlib's wheel and its README's command
takes the other packages from the package index. .ci/room_kit builds the zip with a wheelhouse
and installs it into a fresh venv with the network cut (tests/test_room_offline.py).

The wheel is built from a copy of the package's files in a temporary folder, so the checkout is
left as it was; pip's usual settings apply (PIP_FIND_LINKS and PIP_NO_INDEX too, so it builds
offline when the wheelhouse also holds setuptools).
"""
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_io  # noqa: E402
import stamp_notebooks  # noqa: E402

ROOT = notebook_io.ROOT
BUILD = ROOT / "build"
PACKAGE_FILES = ("nnlib", "data", "pyproject.toml", "README.md", "LICENSE")
STAMP = (1980, 1, 1, 0, 0, 0)  # every entry's time: the same files give the same zip listing


def kit_name(version):
    return f"nnlib-course-offline-{version}"


def build_wheel(target, find_links=()):
    """nnlib's wheel, built by pip from a clean copy of the package's files; returns its path."""
    with tempfile.TemporaryDirectory(prefix="nnlib-wheel-") as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        for name in PACKAGE_FILES:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, source / name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(ROOT / name, source / name)
        links = [arg for folder in find_links for arg in ("--find-links", str(folder))]
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--wheel-dir", str(target), *links, str(source)], check=True)
    wheels = sorted(Path(target).glob("nnlib_course-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"build_offline_zip: expected one nnlib wheel in {target}, got {wheels}")
    return wheels[0]


def wheel_platforms(wheels):
    """The Python and platform tags of the compiled wheels among wheels ("cp311 manylinux...")."""
    tags = set()
    for wheel in wheels:
        match = re.fullmatch(r".+-(cp\d+)-[^-]+-([^-]+)\.whl", wheel.name)
        if match:
            tags.add(" ".join(match.groups()))
    return sorted(tags)


def readme(version, with_packages, platforms):
    """The README.md at the top of the zip."""
    index = "--no-index " if with_packages else ""
    where = ("the course's packages are in `wheels/` too, so it needs no network" if
             with_packages else "it takes the course's packages from the package index, so it "
             "needs the network once")
    built_for = (f"The wheels in `wheels/` were built for: {', '.join(platforms)} "
                 f"(the machine that made this zip ran Python {platform.python_version()} on "
                 f"{platform.system()} {platform.machine()}). A laptop of another kind needs its "
                 "own wheelhouse: see the last section." if with_packages and platforms else "")
    return f"""# nnlib course {version}, offline

Five Jupyter notebooks on how neural networks learn, with `nnlib` (the course's small numpy
package) as a wheel, for a room without reliable network. You need Python 3.10 to 3.13 and a
terminal in this folder.

**1. Set up** (once; {where}):

```bash
python3 -m venv .venv && .venv/bin/pip install {index}--find-links wheels -r requirements.txt nnlib-course
```

**2. Open the course** in JupyterLab (it opens in your browser; the student notebooks leave the
exercises to you, `notebooks/` holds the solutions):

```bash
.venv/bin/jupyter lab notebooks/student/
```

On Windows, write `py -m venv .venv` and `.venv\\Scripts\\` where the commands say
`.venv/bin/`. Nothing in the notebooks needs the network: the first cell of each one installs
nnlib only in Google Colab and does nothing here.

{built_for}

## A wheelhouse for other laptops

Wheels with compiled code (numpy, matplotlib, pandas, pyzmq and more) are made for one operating
system, processor and Python version. On a machine with network and Python, for each kind of
laptop in the room, for example Windows with Python 3.12:

```bash
pip download -r requirements.txt -d wheels --only-binary=:all: --platform win_amd64 --python-version 3.12
```

(`macosx_11_0_arm64` for a Mac with Apple silicon, `manylinux2014_x86_64` for most Linux
laptops.) The wheels of several kinds can share the `wheels/` folder: pip picks the ones that fit.
"""


def build(out=BUILD, wheelhouse=None):
    """Build the zip into out; returns its path."""
    url, version = stamp_notebooks.project()
    name = kit_name(version)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nnlib-offline-") as tmp:
        wheels = Path(tmp) / "wheels"
        extra = sorted(Path(wheelhouse).glob("*.whl")) if wheelhouse else []
        if wheelhouse and not extra:
            raise SystemExit(f"build_offline_zip: no wheels in {wheelhouse}")
        nnlib_wheel = build_wheel(wheels, [wheelhouse] if wheelhouse else [])
        files = {  # path in the zip -> source file or text
            "README.md": readme(version, bool(extra), wheel_platforms(extra)),
            "requirements.txt": ROOT / "requirements.txt",
            "LICENSE": ROOT / "LICENSE",
            f"wheels/{nnlib_wheel.name}": nnlib_wheel,
        }
        for wheel in extra:
            if not wheel.name.startswith("nnlib_course-"):
                files[f"wheels/{wheel.name}"] = wheel
        for path in notebook_io.course_notebooks():
            files[f"notebooks/{path.name}"] = path
        for path in sorted(notebook_io.STUDENT.glob("*.ipynb")):
            files[f"notebooks/student/{path.name}"] = path
        target = out / f"{name}.zip"
        partial = target.with_suffix(".zip.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for inside in sorted(files):
                entry = zipfile.ZipInfo(f"{name}/{inside}", date_time=STAMP)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                content = files[inside]
                data = content.encode() if isinstance(content, str) else content.read_bytes()
                archive.writestr(entry, data)
        partial.replace(target)
    size = target.stat().st_size / 1e6
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"{shown}: {len(files)} files, {size:.1f} MB ({len(extra)} wheels from the wheelhouse)")
    return target


def main(argv):
    parser = notebook_io.arguments(__doc__)
    parser.add_argument("--wheelhouse", type=Path, help="a folder of wheels for the course's "
                        "packages (pip download -r requirements.txt -d FOLDER) to put in the zip")
    parser.add_argument("--out", type=Path, default=BUILD, help="where the zip goes (default: "
                        "build/)")
    args = parser.parse_args(argv)
    build(args.out.resolve(), args.wheelhouse.resolve() if args.wheelhouse else None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
