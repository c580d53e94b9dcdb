"""nnlib's pictures (matplotlib), apart from the core maths: nnlib.viz imports the core, never the reverse.

- style: the colour-blind-safe palette, markers and the no/yes colour map;
- plots: static plot_* helpers (data in, an ax out), re-exported here;
- live: LiveFigure, the one base for every picture that moves;
- one module per picture family: frontier (notebooks 01 and 04), landscape (02, 03), descent (03),
  gates and gate_training (04), iris, mlp_training and iris_training (05).
"""
from .plots import (plot_decision_boundary, plot_loss_contours, plot_loss_curve, plot_loss_vs_param,
                    scatter_classes)
from .style import CLASS_COLORS, CLASS_MARKERS, OKABE_ITO
