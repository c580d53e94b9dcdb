"""Build one reveal.js slide deck per notebook, with every executed figure, that shows offline.

    python tools/build_slides.py                       # every notebook -> build/slides/
    python tools/build_slides.py notebooks/03-*.ipynb  # just these
    python tools/build_slides.py --serve               # build, then show them on 127.0.0.1:8000
    python tools/build_slides.py --cdn                 # no local copies: load reveal.js and
                                                       # MathJax from nbconvert's CDN links
    python tools/build_slides.py --fetch               # only fetch the npm tarballs (online)

Each deck is nbconvert's reveal.js export (`jupyter nbconvert --to slides`, here through its
Python API) of a solution notebook as saved, outputs and all, so it shows the figures of the last
tools/execute_notebooks.py run. Before the export, in memory only: the Colab badge is dropped,
markdown cells are split at their headings (tools/slides.py, split_at_headings), the slide types
are derived again (tools/slides.py: sections are slides, pictures sub-slides, figure descriptions
speaker notes, exercise solutions and checks left out), and the code that draws a picture or
asks a concept question is hidden (the picture, the question, is what the room looks at).

nbconvert's template loads reveal.js, MathJax, require.js and jQuery from CDNs, so a deck would
be blank in a room without network. Here they are local: the npm registry's packages of the
versions below, fetched once with `npm pack` into build/vendor-cache/ and unpacked (only the files
the decks use) into build/slides/vendor/. The template's mermaid import is dropped (the course
has no mermaid diagrams), and the CDN font link in matplotlib's HTML animations points at a local
copy of Font Awesome. A build fails if a deck would still load anything from another host.

build/slides/ is then self-contained: copy the folder to a USB stick and serve it with
`python -m http.server -d build/slides` (or `--serve` here), or open a deck from the file system.
In a deck: arrows or space to move, `s` opens the speaker view with the figure descriptions,
`f` full screen, `?` the keys. JupyterLab users can present the live notebooks instead with the
jupyterlab_rise extension, which reads the same slide types.
"""
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_io  # noqa: E402
import slides  # noqa: E402

ROOT = notebook_io.ROOT
OUT = ROOT / "build" / "slides"
CACHE = ROOT / "build" / "vendor-cache"
BADGE = "[![Open In Colab]"

# npm package -> (version, the files a deck uses: path prefixes inside the package).
# reveal.js 4.0.2 and MathJax 2.7.7 are the versions nbconvert's reveal template is written for.
VENDOR = {
    "reveal.js": ("4.0.2", ("dist/reveal.js", "dist/reveal.css", "dist/theme/", "plugin/notes/",
                            "LICENSE")),
    "mathjax": ("2.7.7", ("MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js",
                          "extensions/", "jax/input/TeX/", "jax/output/CommonHTML/",
                          "jax/element/", "localization/en/", "fonts/HTML-CSS/TeX/woff/",
                          "LICENSE")),
    "requirejs": ("2.1.10", ("require.js", "README.md")),
    "jquery": ("2.2.4", ("dist/jquery.min.js", "LICENSE.txt")),
    "font-awesome": ("4.7.0", ("css/font-awesome.min.css", "fonts/", "README.md")),
}
SKIPPED = ("extensions/a11y/", ".map")  # MathJax's 2 MB accessibility extension; source maps
LOCAL = {  # exporter setting -> where in the deck folder
    "reveal_url_prefix": "vendor/reveal.js",
    "mathjax_url": "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
    "require_js_url": "vendor/requirejs/require.js",
    "jquery_url": "vendor/jquery/dist/jquery.min.js",
}
# CDN links inside saved outputs (matplotlib's to_jshtml) -> the local copy
OUTPUT_LINKS = {
    re.compile(r"https://maxcdn\.bootstrapcdn\.com/font-awesome/[\d.]+/css/font-awesome\.min\.css"):
        "vendor/font-awesome/css/font-awesome.min.css",
}
# The reveal template, without its mermaid import (an ES module from a CDN, loaded by every deck).
TEMPLATE = ("{%- extends 'reveal/index.html.j2' -%}\n"
            "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n")
REMOTE = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)\s*=\s*["']?"""
                    r"""((?:https?:)?//[^"' >]+)""", re.I)
THEME = "white"


def deck_notebook(nb):
    """The notebook a deck is made from (nb is left as it is): no Colab badge, markdown split at
    its headings, slide types derived again, and no code above a picture or a concept check."""
    deck = slides.split_at_headings(nb)
    for cell in deck.cells:
        if cell.cell_type == "markdown" and BADGE in cell.source:
            cell.source = "\n".join(line for line in cell.source.split("\n")
                                    if not line.startswith(BADGE)).strip("\n")
    deck.cells = [cell for cell in deck.cells if cell.cell_type != "markdown" or cell.source]
    slides.apply(deck)
    for cell in deck.cells:
        if cell.cell_type == "code" and (slides.has_picture(cell) or "concept" in
                                          cell.metadata.get("tags", [])):
            cell.metadata["transient"] = {"remove_source": True}  # (nbconvert's own flag)
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html")
            if html:
                for pattern, local in OUTPUT_LINKS.items():
                    html = pattern.sub(local, html)
                out.data["text/html"] = html
    return deck


def expected_slides(deck):
    """How many slides reveal.js shows for a deck notebook: one per slide or subslide cell (the
    first visible cell always opens one)."""
    kinds = [cell.metadata.get("slideshow", {}).get("slide_type", "-") for cell in deck.cells]
    visible = [kind for kind in kinds if kind not in ("skip", "notes")]
    return sum(kind in ("slide", "subslide") for kind in visible[1:]) + (1 if visible else 0)


def fetch(cache=CACHE):
    """The npm tarballs of VENDOR in cache, downloaded with `npm pack` where missing; returns
    {package: tarball path}."""
    cache.mkdir(parents=True, exist_ok=True)
    tarballs = {name: cache / f"{name}-{version}.tgz" for name, (version, _) in VENDOR.items()}
    missing = [f"{name}@{VENDOR[name][0]}" for name, path in tarballs.items() if not path.exists()]
    if missing:
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit(f"build_slides: no npm to fetch {', '.join(missing)} into {cache}; "
                             "install Node.js's npm, or build with --cdn")
        print(f"fetching {', '.join(missing)} with npm pack", flush=True)
        subprocess.run([npm, "pack", "--silent", "--pack-destination", str(cache), *missing],
                       check=True, stdout=subprocess.DEVNULL)
    return tarballs


def unpack(tarballs, vendor):
    """Unpack the files a deck uses from each tarball into vendor/<package>/."""
    for name, tarball in tarballs.items():
        wanted, target = VENDOR[name][1], vendor / name
        if target.exists():
            shutil.rmtree(target)
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                path = member.name.removeprefix("package/")
                if (member.isfile() and path.startswith(wanted)
                        and not any(skip in path for skip in SKIPPED)):
                    destination = target / path
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    with archive.extractfile(member) as source:
                        destination.write_bytes(source.read())


def exporter(cdn=False):
    """nbconvert's SlidesExporter as the decks use it."""
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter

    export = SlidesExporter(extra_loaders=[DictLoader({"nnlib-deck.html.j2": TEMPLATE})],
                            template_file="nnlib-deck.html.j2")
    export.exclude_input_prompt = export.exclude_output_prompt = True
    export.reveal_scroll = True  # a slide taller than the screen scrolls instead of overflowing
    export.reveal_theme = THEME
    export.reveal_transition = "none"
    export.reveal_number = "c/t"
    if not cdn:
        for setting, value in LOCAL.items():
            setattr(export, setting, value)
    return export


def build(paths, out=OUT, cdn=False, cache=CACHE):
    """Build a deck for each notebook path into out; returns the deck paths."""
    out.mkdir(parents=True, exist_ok=True)
    if not cdn:
        unpack(fetch(cache), out / "vendor")
    export, decks = exporter(cdn), []
    for path in paths:
        deck = deck_notebook(notebook_io.read(path))
        deck.metadata["title"] = notebook_title(deck)
        html, _ = export.from_notebook_node(deck, resources={"metadata": {"name": path.stem}})
        remote = sorted(set(REMOTE.findall(html)))
        if remote and not cdn:
            raise SystemExit(f"build_slides: {path.name}'s deck would load from other hosts: "
                             f"{remote}")
        target = out / f"{path.stem}.slides.html"
        target.write_text(html, encoding="utf-8")
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
              f"{expected_slides(deck)} slides", flush=True)
        decks.append(target)
    return decks


def notebook_title(nb):
    """The notebook's `# ` title ("01 - A single neuron"), or its first line."""
    for cell in nb.cells:
        for line in cell.source.split("\n"):
            if line.startswith("# "):
                return line[2:].strip()
    return "slides"


def serve(folder, port):
    """Serve folder on 127.0.0.1:port until Ctrl-C."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {folder} at http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def main(argv):
    parser = notebook_io.arguments(__doc__, paths="notebooks to build decks of")
    parser.add_argument("--out", type=Path, default=OUT, help="the deck folder (default: "
                        "build/slides/)")
    parser.add_argument("--cdn", action="store_true", help="load reveal.js and MathJax from "
                        "nbconvert's CDN links instead of local copies (needs no npm; the decks "
                        "then need network when shown)")
    parser.add_argument("--serve", action="store_true", help="after building, serve the decks "
                        "on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve (8000)")
    parser.add_argument("--vendor-cache", type=Path, default=CACHE, help="where the npm "
                        "tarballs are kept (default: build/vendor-cache/)")
    parser.add_argument("--fetch", action="store_true", help="only fetch the npm tarballs into "
                        "the vendor cache (while online), build nothing")
    args = parser.parse_args(argv)
    if args.fetch:
        for tarball in fetch(args.vendor_cache.resolve()).values():
            print(tarball)
        return 0
    paths = [path.resolve() for path in args.paths] or notebook_io.course_notebooks()
    build(paths, args.out.resolve(), cdn=args.cdn, cache=args.vendor_cache.resolve())
    if args.serve:
        serve(args.out.resolve(), args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
