"""The course's look: one colour-blind-safe palette, one marker per class, the no/yes colour map.

Colours come from the Okabe-Ito palette, which colour-blind readers can tell apart; classes also
differ by marker shape, so no class is told by colour alone. Nothing here changes matplotlib's
global settings.
"""
import numpy as np

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "black": "#000000"}
CLASS_COLORS = [OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["green"]]  # class 0, 1, 2
CLASS_MARKERS = ["s", "o", "^"]
PATH, BALL = OKABE_ITO["vermillion"], OKABE_ITO["orange"]  # a descent's steps, and where it is now


def binary_cmap(pale=0.0):
    """A colour map from the "no" colour (0) through white (0.5) to the "yes" colour (1).

    pale in [0, 1) mixes both end colours that far towards white, so points drawn on top stand out.
    """
    from matplotlib.colors import LinearSegmentedColormap, to_rgb
    ends = [pale + (1 - pale) * np.array(to_rgb(c)) for c in CLASS_COLORS[:2]]
    return LinearSegmentedColormap.from_list("no_yes", [ends[0], "#FFFFFF", ends[1]])


def axes_or_new(ax, figsize=None):
    """ax itself, or the axes of a new pyplot figure when ax is None (plt.show() then shows it)."""
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.figure(figsize=figsize).add_subplot()
    return ax
