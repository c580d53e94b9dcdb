"""nnlib: the small numpy package behind the nnlib course.

Shape convention, used everywhere (as in scikit-learn): rows are samples.
X has shape (n_samples, n_features), a layer's W has shape (n_in, n_out), b has shape (n_out,),
and Z = X @ W + b has shape (n_samples, n_out). Randomness comes only from an explicit ``rng``
argument (None, an int seed, or a numpy Generator); importing nnlib seeds nothing.

The layers of the package, each importing only the ones above it:
- the core, numpy alone: activations, losses, layers, neuron, mlp, descent, gradcheck, datasets,
  metrics (and _validate, the input checks they share). ``import nnlib`` loads nothing else.
- nnlib.viz: the pictures (matplotlib), one module per picture family on one live-figure base.
- nnlib.widgets: the sliders and buttons (ipywidgets), thin controls over nnlib.viz.
- nnlib.checks: the exercises' instant checks and the concept questions.
Left out on purpose: autograd, GPUs, optimisers beyond plain gradient descent.
"""
from importlib import metadata as _metadata

from .activations import Identity, ReLU, Sigmoid, Step, Tanh, relu, sigmoid, step, tanh
from .datasets import load_iris, load_leaves, logic_gate, one_hot, standardize, train_test_split
from .descent import gradient_descent
from .gradcheck import check_gradient, numerical_gradient, relative_error
from .layers import Dense
from .losses import BCELoss, CrossEntropyLoss, HalfMSELoss, MSELoss, softmax
from .mlp import MLP
from .neuron import Neuron

__all__ = ["Neuron", "Dense", "MLP", "Identity", "Step", "Sigmoid", "Tanh", "ReLU", "step", "sigmoid",
           "tanh", "relu", "MSELoss", "HalfMSELoss", "BCELoss", "CrossEntropyLoss", "softmax",
           "gradient_descent", "numerical_gradient", "relative_error", "check_gradient", "logic_gate",
           "load_leaves", "load_iris", "train_test_split", "standardize", "one_hot"]

try:  # the one version number lives in pyproject.toml; an installed nnlib knows it
    __version__ = _metadata.version("nnlib-course")
except _metadata.PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
