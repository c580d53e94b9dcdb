"""Activation functions a = f(z), as plain functions and as layers with a backward pass.

Taught in notebook 01 (step and sigmoid) and used by every later notebook.
"""
import numpy as np

from ._validate import choice


def identity(z):
    """f(z) = z."""
    return np.asarray(z, dtype=float)


def step(z):
    """The perceptron's step: 1 where z > 0, else 0."""
    return (np.asarray(z) > 0).astype(float)


def sigmoid(z):
    """The smooth step 1 / (1 + e^-z)."""
    z = np.asarray(z, dtype=float)
    # 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) for z < 0 are the same function, written as one
    # formula whose exponents are never positive: e^x <= 1 never overflows, so huge |z| gives no warning.
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def tanh(z):
    """The hyperbolic tangent, a sigmoid stretched to (-1, 1)."""
    return np.tanh(np.asarray(z, dtype=float))


def relu(z):
    """max(0, z)."""
    return np.maximum(0.0, np.asarray(z, dtype=float))


class Activation:
    """A layer that applies f element-wise; forward caches what backward needs."""

    name = "activation"

    def forward(self, Z):
        """A = f(Z), same shape as Z."""
        self.Z = np.asarray(Z, dtype=float)
        self.A = self.f(self.Z)
        return self.A

    def backward(self, dA):
        """dZ = dA * f'(Z), same shape as dA (chain rule, element by element)."""
        return dA * self.derivative()

    def __repr__(self):
        return f"{type(self).__name__}()"


class Identity(Activation):
    """f(z) = z; f'(z) = 1."""
    name, f = "identity", staticmethod(identity)

    def derivative(self):
        return np.ones_like(self.Z)


class Step(Activation):
    """f(z) = 1 if z > 0 else 0; f'(z) = 0 almost everywhere, so gradients cannot flow through it."""
    name, f = "step", staticmethod(step)

    def derivative(self):
        return np.zeros_like(self.Z)


class Sigmoid(Activation):
    """f(z) = 1 / (1 + e^-z); f'(z) = f(z) (1 - f(z))."""
    name, f = "sigmoid", staticmethod(sigmoid)

    def derivative(self):
        return self.A * (1.0 - self.A)


class Tanh(Activation):
    """f(z) = tanh(z); f'(z) = 1 - tanh(z)^2."""
    name, f = "tanh", staticmethod(tanh)

    def derivative(self):
        return 1.0 - self.A ** 2


class ReLU(Activation):
    """f(z) = max(0, z); f'(z) = 1 where z > 0, else 0."""
    name, f = "relu", staticmethod(relu)

    def derivative(self):
        return (self.Z > 0).astype(float)


ACTIVATIONS = {cls.name: cls for cls in (Identity, Step, Sigmoid, Tanh, ReLU)}


def get_activation(activation):
    """Return a new activation layer from a name ("sigmoid", ...) or pass an Activation through."""
    if isinstance(activation, Activation):
        return activation
    return ACTIVATIONS[choice(activation, ACTIVATIONS, "activation")]()
