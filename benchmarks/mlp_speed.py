"""How fast nnlib.MLP trains Iris, next to the same work written three other ways.

    python benchmarks/mlp_speed.py
    /path/to/python-with-torch benchmarks/mlp_speed.py   # adds PyTorch eager (optional)

The job: a 4-8-3 sigmoid network on Iris's 120 training flowers, 200 epochs of mini-batches of 10
(2,400 updates, lr 0.5), the loss and accuracy measured after every epoch. Every contender starts
from the same weights, sees the same batches in the same order and must end with the same weights
(checked), so the timings compare the same arithmetic:

- nnlib.MLP.fit            - Dense layers and activation objects, the loop notebook 05 teaches;
- one hand-fused numpy loop - the same maths inlined, no objects, no calls but numpy's; it uses
  nnlib.sigmoid (overflow-safe, as the MLP does) and A.dot(B) for products, which on arrays this
  small costs ~0.6 us less per call than the A @ B that nnlib's Dense writes (as the notebooks do),
  so the ratio to it is the strict one; two lines below show it with the plain 1 / (1 + e^-z) and
  with A @ B, for transparency;
- a per-sample loop         - vectors instead of batches: one sample at a time, gradients summed;
- PyTorch eager             - written as a learner would: nn.Sequential(nn.Linear, nn.Sigmoid,
  nn.Linear), nn.CrossEntropyLoss, loss.backward() (autograd) and torch.optim.SGD, float64, when
  torch is installed (it is not a course requirement). It runs twice: with PyTorch's default number
  of CPU threads and with torch.set_num_threads(1). On tensors this small threads only add overhead,
  so the faster of the two is the one the target is checked against (the stricter comparison).

Targets: MLP <= 1.3x the fused loop (readable code, honest speed), and >= 7x faster than the per-sample loop and PyTorch.
Each contender runs REPEATS times, interleaved in a fresh random order every round (so a busy
machine slows all of them alike); the ratios are ratios of median times. The fastest run of each
is printed too: on a shared machine the spread between the two shows how noisy the run was. With
PyTorch's default threads, a machine busy with other work can make its runs many times slower (its
threads wait for each other); one thread is not affected that way.
"""
import operator
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import nnlib  # noqa: E402
from nnlib.losses import softmax  # noqa: E402

SIZES, LR, EPOCHS, BATCH_SIZE, SEED = [4, 8, 3], 0.5, 200, 10, 0
REPEATS = 11


def iris():
    """The standardised training part of a stratified 80/20 split: X (120, 4), y (120,)."""
    X, y = nnlib.load_iris()
    X_train, _, y_train, _ = nnlib.train_test_split(X, y, test_size=0.2, rng=SEED)
    return nnlib.standardize(X_train), y_train


def start():
    """The MLP's initial weights [W1, b1, W2, b2] and an rng in the state fit() will shuffle with."""
    net = nnlib.MLP(SIZES, rng=SEED)
    return [p.copy() for layer in net.layers for p in (layer.W, layer.b)], net.rng


def with_nnlib(X, y):
    net = nnlib.MLP(SIZES, "sigmoid", lr=LR, epochs=EPOCHS, batch_size=BATCH_SIZE, rng=SEED).fit(X, y)
    return [p for layer in net.layers for p in (layer.W, layer.b)]


def fused(X, y, f=nnlib.sigmoid, dot=np.ndarray.dot):
    """The whole job in one function; dot(A, B) is A.dot(B), or A @ B with dot=operator.matmul."""
    (W1, b1, W2, b2), rng = start()
    Y, n, curves = nnlib.one_hot(y, 3), len(X), []
    with np.errstate(over="ignore"):
        for _ in range(EPOCHS):
            order = rng.permutation(n)
            X_shuffled, Y_shuffled = X[order], Y[order]
            for s in range(0, n, BATCH_SIZE):
                X_batch, Y_batch = X_shuffled[s:s + BATCH_SIZE], Y_shuffled[s:s + BATCH_SIZE]
                A1 = f(dot(X_batch, W1) + b1)
                dZ2 = (softmax(dot(A1, W2) + b2) - Y_batch) / len(X_batch)
                dZ1 = dot(dZ2, W2.T) * A1 * (1 - A1)
                W2 -= LR * dot(A1.T, dZ2)
                b2 -= LR * dZ2.sum(axis=0)
                W1 -= LR * dot(X_batch.T, dZ1)
                b1 -= LR * dZ1.sum(axis=0)
            Z2 = dot(f(dot(X, W1) + b1), W2) + b2
            log_P = Z2 - Z2.max(axis=1, keepdims=True)
            log_P -= np.log(np.exp(log_P).sum(axis=1, keepdims=True))
            curves.append((-log_P[np.arange(n), y].mean(), np.mean(Z2.argmax(axis=1) == y)))
    return [W1, b1, W2, b2]


def plain_sigmoid(Z):
    return 1.0 / (1.0 + np.exp(-Z))


def per_sample(X, y):
    (W1, b1, W2, b2), rng = start()
    Y, n, curves = nnlib.one_hot(y, 3), len(X), []
    for _ in range(EPOCHS):
        order = rng.permutation(n)
        for s in range(0, n, BATCH_SIZE):
            batch = order[s:s + BATCH_SIZE]
            grads = [np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros_like(b2)]
            for i in batch:
                a1 = nnlib.sigmoid(X[i].dot(W1) + b1)  # (8,)
                dz2 = softmax((a1.dot(W2) + b2)[None])[0] - Y[i]  # (3,)
                dz1 = W2.dot(dz2) * a1 * (1 - a1)
                for g, d in zip(grads, (np.outer(X[i], dz1), dz1, np.outer(a1, dz2), dz2)):
                    g += d
            for p, g in zip((W1, b1, W2, b2), grads):
                p -= LR * g / len(batch)
        loss = correct = 0.0
        for i in range(n):
            z2 = nnlib.sigmoid(X[i].dot(W1) + b1).dot(W2) + b2
            loss -= np.log(softmax(z2[None])[0, y[i]])
            correct += z2.argmax() == y[i]
        curves.append((loss / n, correct / n))
    return [W1, b1, W2, b2]


def with_torch(X, y, threads=None):
    import torch
    default_threads = torch.get_num_threads()
    torch.set_num_threads(threads or default_threads)
    try:
        return _torch_loop(torch, X, y)
    finally:
        torch.set_num_threads(default_threads)


def _torch_loop(torch, X, y):
    (W1, b1, W2, b2), rng = start()
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Sigmoid(), torch.nn.Linear(8, 3)).double()
    with torch.no_grad():  # nn.Linear keeps W as (n_out, n_in): transpose ours
        for layer, W, b in ((model[0], W1, b1), (model[2], W2, b2)):
            layer.weight.copy_(torch.from_numpy(W.T)), layer.bias.copy_(torch.from_numpy(b))
    loss_fn, optimizer = torch.nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=LR)
    X_all, y_all, n, curves = torch.from_numpy(X), torch.from_numpy(y), len(X), []
    for _ in range(EPOCHS):
        order = torch.from_numpy(rng.permutation(n))
        X_shuffled, y_shuffled = X_all[order], y_all[order]
        for s in range(0, n, BATCH_SIZE):
            optimizer.zero_grad()
            loss_fn(model(X_shuffled[s:s + BATCH_SIZE]), y_shuffled[s:s + BATCH_SIZE]).backward()
            optimizer.step()
        with torch.no_grad():
            Z2 = model(X_all)
            curves.append((loss_fn(Z2, y_all).item(), (Z2.argmax(dim=1) == y_all).double().mean().item()))
    return [p.detach().numpy().T if p.ndim == 2 else p.detach().numpy() for p in model.parameters()]


def main():
    X, y = iris()
    contenders = {"nnlib.MLP.fit": with_nnlib, "hand-fused numpy loop": fused,
                  "  same, plain 1/(1+e^-z) sigmoid": lambda X, y: fused(X, y, f=plain_sigmoid),
                  "  same, A @ B for the products": lambda X, y: fused(X, y, dot=operator.matmul),
                  "per-sample loop": per_sample}
    versions = f"Python {platform.python_version()}, numpy {np.__version__}"
    try:
        import torch
    except ImportError:
        torch = None
        print("PyTorch is not installed here: its lines are skipped.")
    if torch:
        threads = torch.get_num_threads()
        versions += f", PyTorch {torch.__version__} ({threads} threads by default)"
        contenders[f"PyTorch eager, {threads} threads (default)"] = with_torch
        if threads != 1:
            contenders["PyTorch eager, 1 thread"] = lambda X, y: with_torch(X, y, threads=1)
    reference = with_nnlib(X, y)
    times = {name: [] for name in contenders}
    for name, train in contenders.items():  # same final weights = same work
        if not all(np.allclose(a, b) for a, b in zip(reference, train(X, y))):
            raise SystemExit(f"{name} did not end with nnlib.MLP's weights: not the same work.")
    rounds_rng = np.random.default_rng(SEED)
    for _ in range(REPEATS):
        for name in rounds_rng.permutation(list(contenders)):  # a new order every round: no fixed neighbours
            name = str(name)
            t = time.perf_counter()
            contenders[name](X, y)
            times[name].append(time.perf_counter() - t)
    ms = {name: 1000 * float(np.median(t)) for name, t in times.items()}
    best = {name: 1000 * min(t) for name, t in times.items()}
    mlp = ms["nnlib.MLP.fit"]
    print(f"{versions}; {os.cpu_count()} CPUs")
    print(f"Iris {'-'.join(map(str, SIZES))}, sigmoid, {EPOCHS} epochs, batch {BATCH_SIZE}, float64; "
          f"median of {REPEATS} interleaved runs, all ending with the same weights")
    print(f"{'contender':<36} {'median ms':>9} {'time / MLP':>11} {'fastest ms':>11}")
    for name, t in ms.items():
        print(f"{name:<36} {t:>9.1f} {t / mlp:>10.2f}x {best[name]:>11.1f}")
    print(f"MLP / fused loop: {mlp / ms['hand-fused numpy loop']:.2f}x (target <= 1.3x); "
          f"per-sample loop / MLP: {ms['per-sample loop'] / mlp:.1f}x (target >= 7x)")
    torch_ms = {name: t for name, t in ms.items() if name.startswith("PyTorch")}
    if torch_ms:
        fastest = min(torch_ms, key=torch_ms.get)
        print(f"PyTorch eager / MLP: {torch_ms[fastest] / mlp:.1f}x (target >= 7x), against PyTorch's faster "
              f"setting ({fastest.removeprefix('PyTorch eager, ')}); "
              + ", ".join(f"{name.removeprefix('PyTorch eager, ')}: {t / mlp:.1f}x" for name, t in torch_ms.items()))


if __name__ == "__main__":
    main()
