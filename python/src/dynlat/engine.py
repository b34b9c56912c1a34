"""One ``dynlat serve`` process and the calls that talk to it (standard library only)."""

import atexit
import itertools
import json
import os
import shutil
import subprocess
import threading
import warnings
import weakref
from pathlib import Path

_MAIN_CLASS = "dev.dynlat.predictor.cli.DynlatCli"
_LIVE = weakref.WeakSet()


class DynlatError(Exception):
    """A request the engine refused (the message names the field and value), or an engine that is gone."""


def find_command():
    """The command that starts the dynlat CLI, as a list, found in this order:

    1. ``DYNLAT_CLASSPATH``: run ``java -cp $DYNLAT_CLASSPATH`` directly (``DYNLAT_JAVA``, else
       ``$JAVA_HOME/bin/java``, else ``java`` on the PATH); what the Maven build's tests use;
    2. ``DYNLAT``: the path of a ``dynlat`` launcher;
    3. the ``dynlat`` launcher of the repository this package sits in (``python/src/dynlat`` →
       ``./dynlat``), which builds the project on first use;
    4. ``dynlat`` on the PATH.
    """
    classpath = os.environ.get("DYNLAT_CLASSPATH")
    if classpath:
        java = os.environ.get("DYNLAT_JAVA")
        if not java and os.environ.get("JAVA_HOME"):
            java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
        return [java or "java", "-Djava.awt.headless=true", "-cp", classpath, _MAIN_CLASS]
    launcher = os.environ.get("DYNLAT")
    if launcher:
        return [launcher]
    in_repo = Path(__file__).resolve().parents[3] / "dynlat"
    if in_repo.is_file():
        return [str(in_repo)]
    on_path = shutil.which("dynlat")
    if on_path:
        return [on_path]
    raise DynlatError("cannot find dynlat: set DYNLAT to the path of the dynlat launcher"
                      " (or DYNLAT_CLASSPATH to its Java class path)")


def _field(value):
    """A keyword argument as a JSON value: paths as strings, tuples as lists."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return [_field(v) for v in value]
    return value


class Engine:
    """One long-running ``dynlat serve`` process: start it once, call it many times.

    Keyword names are the CLI's long options with ``_`` for ``-`` (``channel_group=2`` is
    ``--channel-group 2``); lists stand for comma-separated values (``granularity=[4, 4, 2, 1]``).
    Latencies are milliseconds: per batch in ``latency_ms``, per image in ``..._per_image...``.

    ``frames``: ``"auto"`` (default) returns the tabular answers (``sweep``, ``models``,
    ``devices``) as pandas DataFrames when pandas is importable and as lists of dicts otherwise;
    ``True`` requires pandas; ``False`` always gives lists of dicts. ``predict`` and ``search``
    always return dicts.

    ``command``: how to start dynlat (a list, e.g. ``["/opt/dynlat/dynlat"]``); default
    :func:`find_command`. Close with :meth:`close` or use ``with Engine() as e:``; an engine left
    open is closed when it is garbage-collected or when Python exits, and the server also exits on
    its own when this process dies (its standard input closes).
    """

    def __init__(self, command=None, frames="auto"):
        if frames not in ("auto", True, False):
            raise ValueError("frames: expected 'auto', True or False, got %r" % (frames,))
        self._pandas = None
        if frames is True or frames == "auto":
            try:
                import pandas
                self._pandas = pandas
            except ImportError:
                if frames is True:
                    raise DynlatError("frames=True needs pandas, which is not installed") from None
        cmd = list(command) if command is not None else find_command()
        try:
            self._proc = subprocess.Popen(cmd + ["serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          encoding="utf-8", bufsize=1)
        except OSError as e:
            raise DynlatError("cannot start %s: %s" % (cmd[0], e)) from None
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        _LIVE.add(self)

    @property
    def pid(self):
        """The process id of the engine (the Java process: the launcher replaces itself with it)."""
        return self._proc.pid

    # -- the operations ---------------------------------------------------------------------------

    def predict(self, **options):
        """One prediction as a dict, the JSON that ``dynlat predict --format json`` prints.

        e.g. ``predict(model="resnet50", device="v100", mode="channel", channel_group=2, rate=0.5)``.
        """
        return self.request("predict", **options)

    def predict_many(self, configurations, **common):
        """Many predictions in one exchange: a list of answers, in the order of ``configurations``.

        Each configuration is a dict of :meth:`predict`'s keywords; ``common`` keywords apply to all
        (a configuration's own keys win). The requests are written while the answers are read (the
        engine never waits for this process between two predictions); the engine's own work is
        what a prediction costs either way, so this is about as fast as calling :meth:`predict` in a
        loop (src/docs/performance.md). Every answer is read before anything is raised; the first
        refused configuration then raises :class:`DynlatError` naming its index and the engine's
        message, and the engine goes on.
        """
        bodies = []
        for config in configurations:
            fields = dict(common)
            fields.update(config)
            body = {"op": "predict"}
            body.update({k: _field(v) for k, v in fields.items() if v is not None})
            bodies.append(body)
        answers = self._pipelined(bodies)
        for i, answer in enumerate(answers):
            for w in answer.get("warnings", ()):
                warnings.warn("dynlat: " + w, stacklevel=2)
            if "error" in answer:
                raise DynlatError("configuration %d: %s" % (i, answer["error"]))
        return [a["result"] for a in answers]

    def sweep(self, **options):
        """Every (option, rate) point of a rate sweep, one row each (``dynlat sweep`` in flag form).

        e.g. ``sweep(model="resnet101", device="v100", mode="spatial", options=[1, 2, 4, 8],
        rates="0.1:1:0.1")``. The best option per rate and the static latency are in
        ``request("sweep", ...)["best"]`` and ``["static_latency_ms"]``.
        """
        return self._table(self.request("sweep", **options)["rows"])

    def search(self, **options):
        """The per-stage S or G that minimises latency (``dynlat search``), as a dict."""
        return self.request("search", **options)

    def models(self):
        """The network zoo: name, input, MACs and weights per image, blocks, exits."""
        return self._table(self.request("models"))

    def devices(self):
        """The built-in devices with their model constants (engines, lanes, clock in MHz, DRAM in GB/s)."""
        return self._table(self.request("devices"))

    def version(self):
        """The engine's build: ``{"tool_version": ..., "git_commit": ...}`` (the commit may be "unknown")."""
        return self.request("version")

    def request(self, op, **fields):
        """Sends one request and returns its ``result`` as plain JSON values; raises DynlatError on an error."""
        body = {"op": op}
        body.update({k: _field(v) for k, v in fields.items() if v is not None})
        answer = self._roundtrip(body)
        for w in answer.get("warnings", ()):
            warnings.warn("dynlat: " + w, stacklevel=3)
        if "error" in answer:
            raise DynlatError(answer["error"])
        return answer["result"]

    # -- plumbing ---------------------------------------------------------------------------------

    def _table(self, rows):
        return self._pandas.DataFrame(rows) if self._pandas is not None else rows

    def _roundtrip(self, body):
        with self._lock:
            request_id = next(self._ids)
            body["id"] = request_id
            answer = self._exchange(json.dumps(body))
        if answer.get("id") != request_id:
            raise DynlatError("engine answered request %r to request %r" % (answer.get("id"), request_id))
        return answer

    def _pipelined(self, bodies):
        """Writes every request from a thread while this one reads the answers (so that neither pipe
        fills while the other side waits); returns the answers in order, checked against their ids."""
        proc = self._proc
        if proc is None:
            raise DynlatError("the engine is closed")
        with self._lock:
            first = None
            lines = []
            for body in bodies:
                body["id"] = next(self._ids)
                first = body["id"] if first is None else first
                lines.append(json.dumps(body))
            failure = []

            def write():
                try:
                    for line in lines:
                        proc.stdin.write(line + "\n")
                    proc.stdin.flush()
                except (BrokenPipeError, OSError, ValueError) as e:
                    failure.append(e)

            writer = threading.Thread(target=write, name="dynlat-requests", daemon=True)
            writer.start()
            answers = []
            try:
                for i in range(len(lines)):
                    reply = proc.stdout.readline()
                    if not reply:
                        code = proc.poll()
                        raise DynlatError("the dynlat engine exited"
                                          + ("" if code is None else " with code %d" % code))
                    answer = json.loads(reply)
                    if answer.get("id") != first + i:
                        raise DynlatError("engine answered request %r to request %r" % (answer.get("id"), first + i))
                    answers.append(answer)
            finally:
                writer.join()
        return answers

    def _exchange(self, line):
        """Writes one line and reads the answer line (the caller holds the lock)."""
        proc = self._proc
        if proc is None:
            raise DynlatError("the engine is closed")
        try:
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
            reply = proc.stdout.readline()
        except (BrokenPipeError, OSError, ValueError):
            reply = ""
        if not reply:
            code = proc.poll()
            raise DynlatError("the dynlat engine exited" + ("" if code is None else " with code %d" % code))
        return json.loads(reply)

    def close(self, timeout=10):
        """Ends the engine: closes its input (it exits at end of input), then waits, then terminates."""
        proc, self._proc = getattr(self, "_proc", None), None
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close(timeout=2)
        except Exception:
            pass


@atexit.register
def _close_all():
    for engine in list(_LIVE):
        engine.close(timeout=2)
