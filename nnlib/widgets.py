"""Slider apps: thin ipywidgets controls around a live view (the only module using ipywidgets).

The contract: a view is an nnlib.viz.live.LiveFigure; ``view.update(**values)`` takes the
controls' values and changes its figure, ``view.png()`` renders it. Tests call both directly; a
notebook calls ``slider_app(view, ...)``. The picture is shown as an Image widget that redraws in
place, which works with ipywidgets 7.7 (Colab) and 8 (JupyterLab 4) and needs no ipympl.
"""


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


def slider_app(view, presets=None, **controls):
    """Show a live view as a picture that redraws whenever one of the controls moves.

    controls are ipywidgets value widgets (see ``slider``), keyed by view.update's argument names.
    presets, optional: {"learning rate too high": {"lr": 0.75}, ...} adds a menu that sets those
    controls at once (for demos). Returns the app (a VBox) so the notebook cell displays it.
    """
    import ipywidgets as widgets

    image = widgets.Image(format="png")
    holding = []  # non-empty while a preset sets several controls: redraw once, at the end

    def redraw(_change=None):
        if holding:
            return
        view.update(**{name: c.value for name, c in controls.items()})
        image.value = view.png()
        # Show the picture at its own pixel size (a VBox would stretch it to the output's width
        # and blur it), shrinking only on screens narrower than the figure.
        width = int(round(view.fig.get_figwidth() * view.fig.dpi))
        image.layout.width, image.layout.max_width, image.layout.height = f"{width}px", "100%", "auto"

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
