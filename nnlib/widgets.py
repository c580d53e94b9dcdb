"""Slider apps: thin ipywidgets controls around a pure update function (the only module using ipywidgets).

The contract: ``update(**values)`` takes the sliders' values and returns a matplotlib Figure
(usually one figure reused, its artists updated). Tests call ``update`` directly; a notebook calls
``slider_app(update, ...)``. The picture is shown as an Image widget that redraws in place, which
works with ipywidgets 7.7 (Colab) and 8 (JupyterLab 4) and needs no ipympl.
"""
import io
import weakref

_backgrounds = weakref.WeakKeyDictionary()  # figure -> its rendered static part


def figure_png(fig):
    """The figure rendered as PNG bytes, as a slider app sends it to the browser.

    Fast path for views that mark what changes as animated (artist.set_animated(True)): the
    static rest (axes, ticks, legend) is drawn once and reused, and each call draws only the
    animated artists over it. A saved or displayed figure (savefig) still shows everything.
    """
    import numpy as np
    from PIL import Image
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    animated = fig.findobj(lambda a: a.get_animated() and a.get_visible())
    # Spines are static but must stay on top of an animated image that fills the axes.
    spines = [s for ax in {a.axes for a in animated if a.axes} for s in ax.spines.values()]
    animated = sorted(animated + spines, key=lambda a: a.get_zorder())
    buf = io.BytesIO()
    if not animated:
        fig.savefig(buf, format="png")
        return buf.getvalue()
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    if _backgrounds.get(fig, (None,))[0] != canvas.get_width_height():
        canvas.draw()  # draws the static artists only: animated ones are skipped on screen draws
        _backgrounds[fig] = (canvas.get_width_height(), canvas.copy_from_bbox(fig.bbox))
    canvas.restore_region(_backgrounds[fig][1])
    for artist in animated:
        fig.draw_artist(artist)
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buf, format="png", compress_level=1)
    return buf.getvalue()


def slider(description, value, min, max, step, continuous_update=True, readout_format=None):
    """A labelled float slider (an int slider when every number given is a whole number)."""
    import ipywidgets as widgets
    style, layout = {"description_width": "initial"}, widgets.Layout(width="360px")  # room for a label and a track long enough to drag
    numbers = (value, min, max, step)
    if all(isinstance(v, int) for v in numbers):
        return widgets.IntSlider(value=value, min=min, max=max, step=step, description=description,
                                 continuous_update=continuous_update, style=style, layout=layout)
    return widgets.FloatSlider(value=value, min=min, max=max, step=step, description=description,
                               continuous_update=continuous_update, style=style, layout=layout,
                               readout_format=readout_format or ".2f")


def slider_app(update, presets=None, **controls):
    """Show update(**values) as a picture that redraws whenever one of the controls moves.

    controls are ipywidgets value widgets (see ``slider``), keyed by update's argument names.
    presets, optional: {"learning rate too high": {"lr": 0.75}, ...} adds a menu that sets those
    controls at once (for demos). Returns the app (a VBox) so the notebook cell displays it.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    image = widgets.Image(format="png")
    holding = []  # non-empty while a preset sets several controls: redraw once, at the end

    def redraw(_change=None):
        if holding:
            return
        fig = update(**{name: c.value for name, c in controls.items()})
        image.value = figure_png(fig)
        # Show the picture at its own pixel size (a VBox would stretch it to the output's width
        # and blur it), shrinking only on screens narrower than the figure.
        width = int(round(fig.get_figwidth() * fig.dpi))
        image.layout.width, image.layout.max_width, image.layout.height = f"{width}px", "100%", "auto"
        plt.close(fig)  # the Image shows it; keep the inline backend from drawing it a second time

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    wrap = widgets.Layout(flex_flow="row wrap")  # narrow screens: controls move to a new line
    rows = [widgets.HBox(list(controls.values())[i:i + 3], layout=wrap)
            for i in range(0, len(controls), 3)]
    if presets:
        rows.insert(0, _preset_menu(presets, controls, holding, redraw))
    return widgets.VBox(rows + [image])


def _preset_menu(presets, controls, holding, redraw):
    """A labelled menu of named settings; choosing one sets its controls, then redraws once."""
    import ipywidgets as widgets
    for name, values in presets.items():
        unknown = set(values) - set(controls)
        if unknown:
            raise ValueError(f"preset {name!r} sets {sorted(unknown)}, which are not controls; "
                             f"expected names from {sorted(controls)}")
    own = "(your own settings)"
    menu = widgets.Dropdown(options=[own] + list(presets), description="preset",
                            style={"description_width": "initial"})

    def moved_by_hand(_change):
        if not holding:
            menu.value = own

    for control in controls.values():
        control.observe(moved_by_hand, names="value")

    def apply(change):
        if change["new"] in presets:
            holding.append(True)
            try:
                for name, value in presets[change["new"]].items():
                    controls[name].value = value
            finally:
                holding.clear()
            redraw()

    menu.observe(apply, names="value")
    return menu


def question_widget(question):
    """A concept check as radio buttons (keyboard: Tab to them, arrows to choose) and a verdict."""
    import html

    import ipywidgets as widgets
    prompt = widgets.HTML(f"<b>Concept check:</b> {html.escape(question.prompt)}")
    choices = widgets.RadioButtons(options=[(f"{letter}) {text}", i) for i, (letter, text)
                                            in enumerate(zip("abcdefgh", question.options))],
                                   value=None, description="Your answer:",
                                   style={"description_width": "initial"},
                                   layout=widgets.Layout(width="auto"))
    verdict = widgets.HTML()

    def judge(change):
        if change["new"] is not None:
            verdict.value = html.escape(repr(question.answer(change["new"])))

    choices.observe(judge, names="value")
    return widgets.VBox([prompt, choices, verdict])
