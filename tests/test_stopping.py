"""Stopping `serve` on Ctrl-C or SIGTERM: real signals, in a process of their own."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from generator.stopping import STOPPED_AT_ONCE


def run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("second", [signal.SIGINT, signal.SIGTERM])
def test_a_second_signal_while_serve_stops_ends_it_at_once(second: signal.Signals) -> None:
    """Raised into MkDocs' shutdown, a second Ctrl-C left the server's thread running and
    the process hung (a third printed Python's traceback). Now it ends the process."""
    done = run(f"""
        import signal
        from generator.stopping import stop_on_signals
        stop_on_signals()
        try:
            signal.raise_signal(signal.SIGTERM)
        except KeyboardInterrupt:
            print('stopping', flush=True)
        signal.raise_signal({int(second)})
        print('not reached', flush=True)
        """)
    assert done.stdout == "stopping\n"
    assert done.returncode == 128 + second and done.stderr == STOPPED_AT_ONCE + "\n"


def test_a_stop_during_a_held_step_comes_when_the_step_is_done() -> None:
    done = run("""
        import signal
        from generator.stopping import held, stop_on_signals
        stop_on_signals()
        try:
            with held():
                signal.raise_signal(signal.SIGINT)
                print('step done', flush=True)
            print('not reached', flush=True)
        except KeyboardInterrupt:
            print('stopped after it', flush=True)
        """)
    assert (done.returncode, done.stdout, done.stderr) == (0, "step done\nstopped after it\n", "")


def test_a_second_stop_during_a_held_step_ends_the_process_at_once() -> None:
    done = run("""
        import signal
        from generator.stopping import held, stop_on_signals
        stop_on_signals()
        with held():
            signal.raise_signal(signal.SIGINT)
            signal.raise_signal(signal.SIGINT)
            print('not reached', flush=True)
        """)
    assert (done.returncode, done.stdout) == (128 + signal.SIGINT, "")
    assert done.stderr == STOPPED_AT_ONCE + "\n"


def test_ctrl_c_as_mkdocs_starts_its_server_thread_still_stops_the_server() -> None:
    """The hang CI met: a Ctrl-C that came while MkDocs started the server's thread was
    raised before the thread counted as started, so MkDocs' shutdown left it serving.
    Here the signal comes inside that start, on a real MkDocs server on a free port."""
    done = run("""
        import signal, tempfile, threading
        from mkdocs.livereload import LiveReloadServer
        from generator.mkdocs_plugin.plugin import _stoppable
        from generator.stopping import stop_on_signals
        stop_on_signals()
        server = LiveReloadServer(builder=lambda: None, host='127.0.0.1', port=0,
                                  root=tempfile.mkdtemp())
        thread = server.serve_thread

        def start_with_ctrl_c():
            signal.raise_signal(signal.SIGINT)
            threading.Thread.start(thread)

        thread.start = start_with_ctrl_c
        _stoppable(server)  # what the plugin's on_serve does
        try:
            server.serve()
        except KeyboardInterrupt:  # as MkDocs' serve() does
            print('started before the stop:', thread.ident is not None, flush=True)
        finally:
            server.shutdown()
        if thread.ident is not None:
            thread.join(10)
        print('serving after shutdown:', thread.is_alive(), '· daemon:', thread.daemon)
        """)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("started before the stop: True\n"
                           "serving after shutdown: False · daemon: True\n")
    assert "Traceback" not in done.stderr
