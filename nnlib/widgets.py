"""Sliders and Play buttons: thin ipywidgets controls around a live view (the only module using ipywidgets).

The contract: a view is an nnlib.viz.live.LiveFigure; ``view.update(**values)`` changes its figure
for the controls' values and ``view.png()`` renders it; a training view (viz.live.LiveTraining)
also has reset / step. Tests call those directly; a notebook calls ``slider_app(view, ...)`` or
``live_app(view, ...)``. Works with ipywidgets 7.7 (Colab) and 8 (JupyterLab 4), without ipympl:
each picture reaches the browser as ordinary display_data PNG output in an Output widget (no
binary widget buffer), and every button has a text label.
"""
import base64
import time

FRAME_MS = 100  # a live view's frame clock: 10 frames a second, if a frame takes under 100 ms
_LABEL = {"description_width": "initial"}


def slider(description, value, min, max, step, continuous_update=True, readout_format=None):
    """A labelled float slider (an int slider when every number given is a whole number)."""
    import ipywidgets as widgets
    layout = widgets.Layout(width="360px")  # room for a label and a track long enough to drag
    kind = widgets.IntSlider if all(isinstance(v, int) for v in (value, min, max, step)) else widgets.FloatSlider
    extra = {} if kind is widgets.IntSlider else {"readout_format": readout_format or ".2f"}
    return kind(value=value, min=min, max=max, step=step, description=description, style=_LABEL,
                continuous_update=continuous_update, layout=layout, **extra)


class App:
    """A widget app as a notebook cell shows it: live controls where widgets run, a still where not.

    The cell's saved output carries the app's last picture (image/png) and one line of text beside
    the widget, so a notebook opened unrun (JupyterLab, GitHub, Colab's preview) shows a picture,
    never a widget's repr.
    """

    def __init__(self, widget, view, what):
        self.widget, self.view, self.what = widget, view, what

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"application/vnd.jupyter.widget-view+json":
                {"version_major": 2, "version_minor": 0, "model_id": self.widget.model_id},
                "image/png": base64.b64encode(self.view.png()).decode("ascii"),
                "text/plain": f"(Run this cell to get the {self.what}.)"}


def _picture(view):
    """An Output widget and a show() that puts the view's PNG in it, at its own pixel size.

    show() replaces the Output widget's outputs with one display_data PNG: a state update of the
    widget, so it reaches the browser the same way from a slider's callback and from a frame of
    Play timed by the kernel's event loop, where no cell or message is being answered (capturing
    with `with out:` would then send the picture to nobody).
    """
    import ipywidgets as widgets
    out = widgets.Output(layout=widgets.Layout(min_height=f"{view.fig.get_figheight() * view.fig.dpi:.0f}px"))

    def show():
        out.outputs = ({"output_type": "display_data", "metadata": {},
                        "data": {"image/png": base64.b64encode(view.png()).decode("ascii"),
                                 "text/plain": "(the picture)"}},)
    return out, show


def _rows(controls):
    import ipywidgets as widgets
    wrap = widgets.Layout(flex_flow="row wrap")  # narrow screens: controls move to a new line
    items = list(controls.values())
    return [widgets.HBox(items[i:i + 3], layout=wrap) for i in range(0, len(items), 3)]


def slider_app(view, presets=None, actions=None, **controls):
    """Show a live view as a picture that redraws whenever one of the controls moves.

    controls are ipywidgets value widgets (see ``slider``), keyed by view.update's argument names.
    presets, optional: {"learning rate too high": {"lr": 0.75}, ...} adds a menu that sets those
    controls at once (for demos). actions, optional: {"take one gradient step": view.gradient_step}
    adds a text button per entry; a click calls it with the controls' values and sets the controls
    it returns, then redraws once. Returns the App, so the notebook cell displays it.
    """
    import ipywidgets as widgets
    out, show = _picture(view)
    holding = []  # non-empty while a preset sets several controls: redraw once, at the end

    def redraw(_change=None):
        if not holding:
            view.update(**{name: c.value for name, c in controls.items()})
            show()

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    rows = _rows(controls)
    if presets:
        rows.insert(0, _preset_menu(presets, controls, holding, redraw))
    if actions:
        rows.append(widgets.HBox([_action(label, act, controls, holding, redraw) for label, act in actions.items()]))
    return App(widgets.VBox(rows + [out]), view, "sliders")


def _action(label, act, controls, holding, redraw):
    """A text button that sets the controls to act(**their values), then redraws once."""
    import ipywidgets as widgets
    button = widgets.Button(description=label, layout=widgets.Layout(width="auto"))

    def clicked(_button):
        new = act(**{name: c.value for name, c in controls.items()})
        holding.append(True)
        try:
            for name, value in new.items():
                controls[name].value = value
        finally:
            holding.clear()
        redraw()

    button.on_click(clicked)
    return button


def live_app(view, presets=None, frame_ms=FRAME_MS, schedule=None, **controls):
    """Play / Pause / Step / Reset buttons over a training view, with its controls above them.

    The picture starts at the end of the whole run, its trail drawn (view.update). Play and Step
    from there start again at the beginning; each frame is view.step(view.steps_per_frame), Step
    exactly one. A control listed in view.live (the learning rate) applies from the next frame of
    a run under way; any other control, or one moved while the picture shows the finished run,
    starts the run again. Frames are timed by the kernel's own event loop (schedule(seconds,
    callback): asyncio's call_later by default), so the kernel stays free between frames and
    Pause acts at once.
    """
    import ipywidgets as widgets
    out, show = _picture(view)
    buttons = {name: widgets.Button(description=name, layout=widgets.Layout(width="80px"))
               for name in ("Play", "Pause", "Step", "Reset")}
    state, holding = {"playing": False}, []  # holding: non-empty while a preset sets controls

    def values():
        return {name: c.value for name, c in controls.items()}

    def redraw():
        view.draw()
        show()

    def whole_run(_change=None):  # what the sliders show: the finished run
        if not holding:
            state["playing"] = False
            view.update(**values())
            show()

    def reset(_button=None):
        state["playing"] = False
        view.reset(**values())
        redraw()

    def advance(steps):
        if view.finished:  # the finished run is on show: start it again
            view.reset(**values())
        view.step(steps)
        redraw()
        state["playing"] = state["playing"] and not view.finished

    def tick():
        if state["playing"]:
            start = time.perf_counter()
            advance(view.steps_per_frame)
            if state["playing"]:
                (schedule or _call_later)(max(0.0, frame_ms / 1000 - (time.perf_counter() - start)), tick)

    def play(_button):
        if not state["playing"]:
            state["playing"] = True
            tick()

    def pause(_button):
        state["playing"] = False

    def step(_button):
        state["playing"] = False
        advance(1)

    def moved(name, value):
        if holding:
            return
        if name in view.live and (state["playing"] or not view.finished):
            view.set(**{name: value})  # a run under way goes on with the new value
            if not state["playing"]:
                redraw()
        elif state["playing"]:
            view.reset(**values())  # the next frame starts the new run
        else:
            whole_run()

    for name, control in controls.items():
        control.observe(lambda change, name=name: moved(name, change["new"]), names="value")
    for name, handler in (("Play", play), ("Pause", pause), ("Step", step), ("Reset", reset)):
        buttons[name].on_click(handler)
    whole_run()
    rows = _rows(controls)
    if presets:
        rows.insert(0, _preset_menu(presets, controls, holding, whole_run))
    return App(widgets.VBox(rows + [widgets.HBox(list(buttons.values())), out]), view,
               "Play, Pause, Step and Reset buttons")


def _call_later(seconds, callback):
    import asyncio
    asyncio.get_event_loop().call_later(seconds, callback)


def _preset_menu(presets, controls, holding, redraw):
    """A labelled menu of named settings; choosing one sets its controls, then redraws once."""
    import ipywidgets as widgets
    for name, values in presets.items():
        unknown = set(values) - set(controls)
        if unknown:
            raise ValueError(f"preset {name!r} sets {sorted(unknown)}, which are not controls; "
                             f"expected names from {sorted(controls)}")
    own = "(your own settings)"
    menu = widgets.Dropdown(options=[own] + list(presets), description="preset", style=_LABEL)

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
