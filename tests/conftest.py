"""What every test under tests/ shares: a limit on how long one test may run.

A test that hangs (an endless loop the code under test failed to stop, a kernel that never
answers) would otherwise hold CI until its 90 minutes run out, and the run would end with no
word of which test it was. After HUNG_AFTER seconds a watchdog thread names the test, prints every
thread's stack and ends the test process with exit code 1, so the run goes red at once. The
slowest test takes under a minute on 2 cores; nbval's cells have --nbval-cell-timeout instead.
"""
import faulthandler
import os
import sys
import threading

import pytest

HUNG_AFTER = float(os.environ.get("NNLIB_HUNG_AFTER", 600))  # seconds


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    done = threading.Event()

    def watch():
        if done.wait(HUNG_AFTER):
            return
        capture = item.config.pluginmanager.getplugin("capturemanager")
        if capture is not None:
            capture.suspend_global_capture(in_=True)  # back to the terminal's stderr
        sys.stderr.write(f"\n!!!!!!!! {item.nodeid} still running after {HUNG_AFTER:g} s: stopped as "
                         "hung. Every thread's stack:\n")
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        sys.stderr.flush()
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="hang-watchdog").start()
    try:
        yield
    finally:
        done.set()
