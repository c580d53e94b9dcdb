"""The one base for every picture that moves when a learner drags a slider or presses a button.

A LiveFigure owns a matplotlib Figure that is laid out once. A view (a subclass) builds all its
artists in __init__, then calls ``freeze(*moving)`` with the artists its ``update`` will change.
``update(**values)`` changes them and returns the figure; ``png()`` renders it for the browser.

Why: laying a figure out and drawing its axes, ticks and legend is most of a redraw's cost, and
none of it changes when a slider moves. So the static rest is drawn once and cached, and each
``png()`` draws only the moving artists over it (matplotlib's "blitting"). A saved or displayed
figure (savefig, the notebook's inline picture) still shows everything.
"""
import io

import numpy as np


class LiveFigure:
    """A figure laid out once, the artists that move, and its PNG; subclasses define update()."""

    def __init__(self, figsize, layout="constrained"):
        from matplotlib.figure import Figure
        self.fig = Figure(figsize=figsize, layout=layout)
        self.moving = []
        self._background = None  # (canvas size, the rendered static part)

    def freeze(self, *moving, headline_lines=0, headline_size=12):
        """Lay the figure out once and mark the artists update() changes as moving.

        headline_lines > 0 keeps room at the top for a headline of that many lines, self.headline:
        a text that update() rewrites (a changing suptitle would re-run the layout every time).
        """
        if headline_lines:
            self.fig.suptitle("\n".join(["stand-in"] * headline_lines), fontsize=headline_size)
        self.fig.draw_without_rendering()
        self.fig.set_layout_engine("none")  # keep this layout: no costly re-layout per frame
        if headline_lines:
            self.fig.suptitle("")
            # Owned by an axes: a figure-level text marked animated is left out of saved figures.
            self.headline = self.fig.axes[0].text(0.5, 0.985, "", transform=self.fig.transFigure,
                                                  ha="center", va="top", fontsize=headline_size)
            moving += (self.headline,)
        for artist in moving:
            artist.set_animated(True)
        self.moving = list(moving)
        self._background = None

    def invalidate(self):
        """Say that a static part changed (an axis' limits, a legend): png() draws it all again once."""
        self._background = None

    def update(self, **values):
        """Change the moving artists for these control values; returns the figure."""
        raise NotImplementedError(f"{type(self).__name__} must define update()")

    def png(self):
        """The figure as PNG bytes: the cached static part with the moving artists drawn on top."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image

        buf = io.BytesIO()
        if not self.moving:
            self.fig.savefig(buf, format="png")
            return buf.getvalue()
        canvas = self.fig.canvas
        if not isinstance(canvas, FigureCanvasAgg):
            canvas = FigureCanvasAgg(self.fig)
        if self._background is None or self._background[0] != canvas.get_width_height():
            canvas.draw()  # draws the static artists only: moving ones are skipped on screen draws
            self._background = (canvas.get_width_height(), canvas.copy_from_bbox(self.fig.bbox))
        canvas.restore_region(self._background[1])
        for artist in self._on_top():
            self.fig.draw_artist(artist)
        # The figure is opaque: RGB is a quarter less to encode than RGBA, and a smaller picture to send.
        rgb = np.ascontiguousarray(np.asarray(canvas.buffer_rgba())[..., :3])
        Image.fromarray(rgb).save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def _on_top(self):
        """The visible moving artists in drawing order, with the spines of their axes.

        Spines are static but must stay on top of a moving image that fills its axes.
        """
        shown = [a for a in self.moving if a.get_visible()]
        axes = dict.fromkeys(a.axes for a in shown if a.axes)  # in order, each axes once
        spines = [s for ax in axes for s in ax.spines.values()]
        return sorted(shown + spines, key=lambda a: a.get_zorder())


class LiveTraining(LiveFigure):
    """A LiveFigure that plays a run, frame by frame: reset(**settings), step(n), draw().

    Subclasses keep the run's state (the model, its trail, the losses so far) and define
    reset(**settings) (back to the start those settings give: the same seed, the same start),
    step(n) (n more epochs or steps, stopping early when finished), draw() (the picture of the
    state now; returns the figure) and the property finished (the last epoch, or diverged).
    live names the settings that apply mid-run through set(), such as the learning rate.
    update(**settings) is the still a notebook shows before anyone presses Play: the whole run.
    """

    live = ()
    steps_per_frame = 1  # how many epochs one frame of Play advances

    def reset(self, **settings):
        raise NotImplementedError(f"{type(self).__name__} must define reset()")

    def step(self, n=1):
        raise NotImplementedError(f"{type(self).__name__} must define step()")

    def draw(self):
        raise NotImplementedError(f"{type(self).__name__} must define draw()")

    @property
    def finished(self):
        raise NotImplementedError(f"{type(self).__name__} must define finished")

    def set(self, **settings):
        """Change live settings (names in self.live) from the next step on."""
        unknown = set(settings) - set(self.live)
        if unknown:
            raise ValueError(f"only {sorted(self.live)} can change during a run; got {sorted(unknown)}")
        for name, value in settings.items():
            setattr(self, name, value)

    def update(self, **settings):
        """The whole run for these settings, drawn at its end: reset, step until finished, draw."""
        self.reset(**settings)
        while not self.finished:
            self.step(1_000_000)
        return self.draw()
