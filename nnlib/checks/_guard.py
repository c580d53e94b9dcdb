"""Running a learner's function safely: a time limit, quiet numpy warnings, and a plain account of
where it failed (the line of *their* function, and for a shape error the shapes involved).

The time limit. An endless loop must not hang a check cell for ever. Jupyter and Colab kernels
(ipykernel) run each cell in the main thread, where signal.setitimer can deliver SIGALRM after
_core.TIME_LIMIT seconds; its handler raises TimedOut inside the learner's loop. Where that cannot work -
Windows has no SIGALRM, and only the main thread receives signals - a watchdog thread raises
TimedOut in the checking thread instead (CPython's PyThreadState_SetAsyncExc). Both stop Python
code between two bytecodes; neither interrupts one long numpy call, which ends by itself. TimedOut
derives from BaseException, so a learner's own `except Exception:` does not swallow it. (A thread
that merely waits for the learner's function with a timeout would leave it running for ever.)
One gap is CPython 3.10's own: it never handles a signal (or Ctrl-C) just before a `try:`, so a
loop whose body starts with `try:` (`while True:` then `try:` ...) cannot be stopped there at all;
from 3.11 on, and for any loop with a statement before its `try`, the limit holds.
"""
import ast
import contextlib
import ctypes
import linecache
import os
import re
import signal
import threading
import time
import warnings

import numpy as np

from ._values import safe_text

_active = threading.local()  # a check running inside a check keeps the outer time limit


class TimedOut(BaseException):
    """Raised inside a learner's function that ran past the time limit."""


@contextlib.contextmanager
def time_limit(seconds):
    """Raise TimedOut in the code inside the with-block once it has run for `seconds`."""
    if getattr(_active, "on", False):
        yield
        return
    _active.on = True
    try:
        alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        with (_alarm if alarm else _watchdog)(seconds):
            yield
    finally:
        _active.on = False


@contextlib.contextmanager
def _alarm(seconds):
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            raise TimedOut

    previous, began = signal.signal(signal.SIGALRM, on_alarm), time.monotonic()
    # then every 0.5 s more: a learner's bare `except:` may swallow the first one
    outer = signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:  # someone else's timer was running: let it go on, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, max(outer[0] - (time.monotonic() - began), 1e-3), outer[1])


@contextlib.contextmanager
def _watchdog(seconds):
    target, done = threading.get_ident(), threading.Event()

    def watch():
        while not done.wait(seconds if not fired else 0.5):  # again every 0.5 s, as _alarm does
            fired.append(True)
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimedOut))

    fired = []
    watcher = threading.Thread(target=watch, daemon=True)
    if hasattr(ctypes, "pythonapi"):  # CPython; elsewhere the check runs without a limit
        watcher.start()
    try:
        yield
    finally:
        done.set()
        if watcher.is_alive():
            watcher.join()
        if fired:  # a TimedOut sent just as the block ended must not surface later, in the check's own code
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


def call(fn, args):
    """fn(*args) with numpy's warnings recorded rather than printed (or raised, under -W error).

    Returns (value, notes): notes lists what numpy reported ("overflow", "divide by zero", ...).
    """
    notes = []
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(all="call", call=lambda kind, flag: notes.append(kind)):
        warnings.simplefilter("always")
        value = fn(*args)
    notes += [safe_text(w.message, 80) for w in caught]
    return value, sorted(set(notes))


def explain(error):
    """What went wrong in the learner's code, in plain words: the error, their line, the shapes."""
    lines = [f"calling it raised {type(error).__name__}: {safe_text(error)}"]
    tb = _learner_frame(error)
    if tb is not None:
        code, lineno = tb.tb_frame.f_code, tb.tb_lineno
        source = linecache.getline(code.co_filename, lineno, tb.tb_frame.f_globals).strip()
        where = "your lambda" if code.co_name == "<lambda>" else f"`{code.co_name}`"
        lines.append(f"  It failed in {where}, line {lineno - code.co_firstlineno + 1} of it"
                     + (f": {source}" if source else "."))
        lines += _shapes(error, tb.tb_frame, source)
    return "\n".join(lines)


# nnlib's own folder, numpy's and the standard library's: frames there are not the learner's code
_OURS = tuple(os.path.dirname(os.path.abspath(path)) + os.sep
              for path in (os.path.dirname(os.path.abspath(__file__)), np.__file__, os.__file__))


def _learner_frame(error):
    """The last traceback entry in the learner's own code (not nnlib's, numpy's or Python's)."""
    tb, found = error.__traceback__, None
    while tb is not None:
        if not os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(_OURS):
            found = tb
        tb = tb.tb_next
    return found


SHAPE_WORDS = ("matmul", "broadcast", "not aligned", "core dimension", "enough dimensions")


def _shapes(error, frame, source):
    """For a shape error: the arrays in the failing line, their shapes, and what the operation needed."""
    message = safe_text(error)
    if not isinstance(error, ValueError) or not any(word in message for word in SHAPE_WORDS):
        return []
    try:
        nodes = list(ast.walk(ast.parse(source)))
    except SyntaxError:  # a line of a longer statement: numpy's message is all there is
        nodes = []
    for node in nodes:
        found = _operands(node)
        if found is None:
            continue
        left, right, matrix = found
        a, b = _value(left, frame), _value(right, frame)
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)) or _fits(a.shape, b.shape, matrix):
            continue
        a_text, b_text = ast.get_source_segment(source, left), ast.get_source_segment(source, right)
        said = (f"  `{ast.get_source_segment(source, node)}`: {a_text} has shape {a.shape} and {b_text} "
                f"has shape {b.shape}.")
        if not matrix:
            return [said, "  Element by element, they need the same shape (or a 1 along each axis where "
                          "they differ)."]
        inner = (a.shape[-1] if a.ndim else "no axis", b.shape[0 if b.ndim == 1 else -2] if b.ndim else "no axis")
        swap = f" Swapped, `{b_text} @ {a_text}` fits: did you mean that?" if _fits(b.shape, a.shape, True) else ""
        return [said, f"  A matrix product A @ B needs A's last axis as long as B's first: here they are "
                      f"{inner[0]} and {inner[1]}.{swap}"]
    plain = _plain(message)
    return [f"  In plain words: {plain}"] if plain else []


def _operands(node):
    """(left node, right node, is a matrix product) for a @, +, -, *, / or a .dot() call; else None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.MatMult, ast.Add, ast.Sub, ast.Mult, ast.Div)):
        return node.left, node.right, isinstance(node.op, ast.MatMult)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("dot", "matmul"):
        if len(node.args) == 2:
            return node.args[0], node.args[1], True  # np.dot(a, b)
        if len(node.args) == 1:
            return node.func.value, node.args[0], True  # a.dot(b)
    return None


def _value(node, frame):
    """The value of a name (w), attribute (self.W), transpose (X.T) or product of arrays (W @ X) in
    the learner's frame; None for anything else (nothing is called that could run their code)."""
    if isinstance(node, ast.BinOp) and _operands(node) is not None:
        a, b = _value(node.left, frame), _value(node.right, frame)
        if isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and _fits(a.shape, b.shape, _operands(node)[2]):
            with np.errstate(all="ignore"):
                return a @ b if isinstance(node.op, ast.MatMult) else np.broadcast_arrays(a, b)[0]
        return None
    if isinstance(node, ast.Name):
        for scope in (frame.f_locals, frame.f_globals):
            if node.id in scope:
                return scope[node.id]
        return None
    if isinstance(node, ast.Attribute):
        base = _value(node.value, frame)
        if isinstance(base, np.ndarray):
            return base.T if node.attr == "T" else None
        return vars(base).get(node.attr) if hasattr(base, "__dict__") and not isinstance(base, type) else None
    return None


def _fits(a, b, matrix):
    if matrix:
        return len(a) > 0 and len(b) > 0 and a[-1] == b[0 if len(b) == 1 else -2]
    try:
        np.broadcast_shapes(a, b)
        return True
    except ValueError:
        return False


def _plain(message):
    """numpy's shape messages, said plainly (when the failing line's arrays could not be read)."""
    found = re.search(r"size (\d+) is different from (\d+)", message)
    if found:
        return (f"in a matrix product A @ B, B's first axis has {found.group(1)} values but A's last "
                f"axis has {found.group(2)}; they must be the same.")
    found = re.search(r"shapes (\([\d, ]*\)) (?:and )?(\([\d, ]*\))", message)
    if found and "not aligned" in message:
        return (f"a matrix product of shapes {found.group(1)} and {found.group(2)}: the first one's last "
                "axis must be as long as the second one's first.")
    if found:
        return (f"arrays of shapes {found.group(1)} and {found.group(2)} were combined element by element, "
                "which needs the same shapes (or a 1 along each axis where they differ).")
    if "enough dimensions" in message:
        return "@ multiplies arrays (at least 1-D), not single numbers: use * to scale by a number."
    return None
