"""Activation functions a = f(z), as plain functions and as layers with a backward pass.

Taught in notebook 01 (step and sigmoid) and used by every later notebook. The plain functions check
their input (any array-like of real, finite numbers) and then do the maths in _step, _sigmoid, ...,
which the layers and the training loops call directly on arrays they have already checked.
"""
import numpy as np

from ._validate import array, choice, describe


def identity(z):
    """f(z) = z."""
    return array(z, "z", empty=True).astype(float)


def step(z):
    """The perceptron's step: 1 where z > 0, else 0."""
    return _step(array(z, "z", empty=True))


def sigmoid(z):
    """The smooth step 1 / (1 + e^-z)."""
    return _sigmoid(array(z, "z", empty=True))


def tanh(z):
    """The hyperbolic tangent, a sigmoid stretched to (-1, 1)."""
    return np.tanh(array(z, "z", empty=True))


def relu(z):
    """max(0, z)."""
    return _relu(array(z, "z", empty=True))


def _step(z):
    return (z > 0).astype(float)


def _sigmoid(z):
    # 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) for z < 0 are the same function, written as one
    # formula whose exponents are never positive: e^x <= 1 never overflows, so huge |z| gives no warning.
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def _relu(z):
    return np.maximum(0.0, z)


class Activation:
    """A layer that applies f element-wise; forward caches what backward needs."""

    name = "activation"

    def forward(self, Z, check=True):
        """A = f(Z), same shape as Z. check=False trusts Z to be a float array (a training loop's own)."""
        self.Z = array(Z, "Z", empty=True) if check else Z
        self.A = self.f(self.Z)
        return self.A

    def backward(self, dA, check=True):
        """dZ = dA * f'(Z), same shape as dA (chain rule, element by element)."""
        if check:
            dA = upstream(self, dA, "dA", "Z")
        return dA * self.derivative()

    def __repr__(self):
        return f"{type(self).__name__}()"


def upstream(layer, grad, name, cached, shape=None):
    """Check a gradient passed to layer.backward: forward ran first, and grad has the shape it needs
    (shape, or else the shape of what forward cached as `cached`)."""
    if not hasattr(layer, cached):
        raise ValueError(f"{type(layer).__name__}.backward({name}) needs the {cached} that forward() "
                         f"keeps: call forward first; got {name} = {describe(grad)} before any forward.")
    grad, seen = array(grad, name, empty=True), getattr(layer, cached).shape
    shape = seen if shape is None else shape
    if grad.shape != shape:
        raise ValueError(f"{name} has shape {grad.shape}, but forward() saw {cached} of shape {seen}; "
                         f"expected {name} of shape {shape}, one gradient per output of forward().")
    return grad


class Identity(Activation):
    """f(z) = z; f'(z) = 1."""
    name, f = "identity", staticmethod(lambda z: z)

    def derivative(self):
        return np.ones_like(self.Z)


class Step(Activation):
    """f(z) = 1 if z > 0 else 0; f'(z) = 0 almost everywhere, so gradients cannot flow through it."""
    name, f = "step", staticmethod(_step)

    def derivative(self):
        return np.zeros_like(self.Z)


class Sigmoid(Activation):
    """f(z) = 1 / (1 + e^-z); f'(z) = f(z) (1 - f(z))."""
    name, f = "sigmoid", staticmethod(_sigmoid)

    def derivative(self):
        return self.A * (1.0 - self.A)


class Tanh(Activation):
    """f(z) = tanh(z); f'(z) = 1 - tanh(z)^2."""
    name, f = "tanh", staticmethod(np.tanh)

    def derivative(self):
        return 1.0 - self.A ** 2


class ReLU(Activation):
    """f(z) = max(0, z); f'(z) = 1 where z > 0, else 0."""
    name, f = "relu", staticmethod(_relu)

    def derivative(self):
        return (self.Z > 0).astype(float)


ACTIVATIONS = {cls.name: cls for cls in (Identity, Step, Sigmoid, Tanh, ReLU)}


def get_activation(activation):
    """Return a new activation layer from a name ("sigmoid", ...) or pass an Activation through."""
    if isinstance(activation, Activation):
        return activation
    return ACTIVATIONS[choice(activation, ACTIVATIONS, "activation")]()
