"""nnlib: the small numpy package behind the nnlib course.

Shape convention, used everywhere (as in scikit-learn): rows are samples.
X has shape (n_samples, n_features), a layer's W has shape (n_in, n_out), b has shape (n_out,),
and Z = X @ W + b has shape (n_samples, n_out). Randomness comes only from an explicit ``rng``
argument (None, an int seed, or a numpy Generator); importing nnlib seeds nothing.

Importing nnlib needs numpy alone: plots (matplotlib) and sliders (ipywidgets) load on first use.
Left out on purpose: autograd, GPUs, optimisers beyond plain gradient descent.
"""
from .activations import (Identity, ReLU, Sigmoid, Step, Tanh, get_activation, identity, relu,
                          sigmoid, step, tanh)
from .datasets import (load_iris, load_leaves, logic_gate, one_hot, standardize,
                       train_test_split)
from .descent import Bowl, gradient_descent, line_descent, line_grad, line_loss, loss_grid
from .gates import GateRun, train_gate
from .gradcheck import check_gradient, numerical_gradient, relative_error
from .layers import Dense
from .losses import BCELoss, CrossEntropyLoss, HalfMSELoss, MSELoss, get_loss, softmax
from .mlp import MLP
from .neuron import Neuron

__version__ = "0.1.0"
