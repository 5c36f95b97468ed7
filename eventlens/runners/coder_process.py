"""The process that codes a Dask worker's partitions: one per worker, with one thread.

Why a process of its own: spaCy's parser (spaCy 3.8) takes and drops the GIL for almost every parser
transition, inside its `nogil` loops. Each take and drop locks a pthread mutex; glibc makes that lock
a plain store while a process has one thread, and an atomic instruction once it has two. A Dask worker
always has two or more (its event loop beside the task thread), and there the same partition took
13% more CPU than in `eventlens code`'s one-thread process (docs/scale.md, "Where the time went").
So the worker keeps its threads for Dask, and codes in this child: a fresh interpreter (spawned, not
forked, since a fork of a process with threads keeps glibc's multi-thread mode) that never starts a
thread: Arrow's jemalloc background thread and its CPU pool are turned off in its environment.

    worker (Dask)                               coder process (python -m eventlens.runners.coder_process)
    plugin setup   -> start, ("load", config)   builds the coder and loads the pipeline, once
    each task      -> ("call", fn, item, args)  fn(item, *args), e.g. code_partition: reads, codes, writes
                   <- ("ok", result) | ("error", exception)

Messages are pickles, length-prefixed, over the child's standard input and output (its own prints go
to standard error). A value shared by every task (`DaskRunner.share`, e.g. the stored content hashes
of `ingest`) crosses once per coder process, not per task. The child dies with its worker (Linux:
PR_SET_PDEATHSIG; elsewhere when its standard input closes), so a worker killed mid-run leaves no
coder behind, and Dask runs its partition again elsewhere. A coder process that dies is started again
at the next task. The worker watches its child's memory: Dask's own monitor sees the worker process
alone, so the coder process is stopped, and its task fails (Dask retries it once), when the two
together pass Dask's terminate threshold (95% of the worker's memory limit).
"""
from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from typing import Any

from ..errors import EventlensError

# The coder process's environment on top of the worker's: no thread may start in it.
ENVIRONMENT = {
    "JE_ARROW_MALLOC_CONF": "background_thread:false",  # pyarrow's jemalloc starts a purging thread at import
    "OMP_NUM_THREADS": "1",  # and Arrow's CPU pool (sized by OMP_NUM_THREADS) one more; BLAS stays on one
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
_HEADER = struct.Struct("<Q")


def single_threaded_environment() -> None:
    """Set ENVIRONMENT's defaults in this process (before pyarrow is imported, to count)."""
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)


class SharedValue:
    """A value every task of a run reads (`DaskRunner.share`): scattered to each worker once, and sent
    to its coder process once, by identity."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value


class _Ref:
    __slots__ = ("key",)

    def __init__(self, key: int):
        self.key = key


class CoderProcessError(EventlensError):
    code = "E012"


def _write_message(fd: int, data: bytes) -> None:
    """One message: its length, then the pickle."""
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int) -> bytes:
    parts, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the pipe")
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _read_message(fd: int) -> Any:
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
    return pickle.loads(_read_exactly(fd, size))


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        import traceback

        return CoderProcessError(f"{type(exc).__name__}: {exc}\n{''.join(traceback.format_exception(exc))}")


class CoderProcess:
    """The worker's handle on its coder process. Calls are serialized: one partition at a time, as one
    pipeline under the GIL coded them before (a worker with several threads gains nothing here)."""

    def __init__(self, coder_config: dict | None, memory_limit: int | None = None,
                 terminate: float | None = 0.95):
        self.coder_config = coder_config
        self.memory_limit = memory_limit
        self.terminate = terminate
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._loaded = False
        self._shared: dict[int, Any] = {}  # id -> the value (held, so that its id stays its own)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the process and load the pipeline in it (seconds)."""
        with self._lock:
            self._ensure()

    def spawn(self) -> None:
        """Start the process, without waiting for it to load anything. On Linux it dies with the thread
        that calls this (PR_SET_PDEATHSIG), so call it from a thread that lives as long as the worker."""
        with self._lock:
            self._spawn()

    def _spawn(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        self._stop()
        env = dict(os.environ, **ENVIRONMENT)
        # The worker's module path, so that the coder process imports the worker's eventlens.
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        # No MALLOC_TRIM_THRESHOLD_ (Dask's nanny sets it for its workers): a system call for most frees.
        env.pop("MALLOC_TRIM_THRESHOLD_", None)
        self._process = subprocess.Popen([sys.executable, "-m", "eventlens.runners.coder_process"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        self._loaded = False

    def _ensure(self) -> None:
        self._spawn()  # again if it died: from a task's thread, which Dask keeps until the worker closes
        if not self._loaded:
            if self.coder_config is not None:  # None: a process for other tasks (and tests)
                self._call(("load", self.coder_config))
            self._loaded = True

    def call(self, fn, item, *args) -> Any:
        """fn(item, *args) in the coder process; SharedValue arguments are passed as their value."""
        with self._lock:
            self._ensure()
            sent = []
            for arg in args:
                if isinstance(arg, SharedValue):
                    key = id(arg)
                    if key not in self._shared:
                        if len(self._shared) >= 4:  # an earlier run's values: forgotten on both sides
                            self._call(("forget",))
                            self._shared.clear()
                        self._call(("share", key, arg.value))
                        self._shared[key] = arg
                    sent.append(_Ref(key))
                else:
                    sent.append(arg)
            return self._call(("call", fn, item, tuple(sent)))

    def _call(self, message: tuple) -> Any:
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        import cloudpickle  # a task's function may be a lambda, as Dask allows (cloudpickle comes with Dask)

        data = cloudpickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)  # a bad argument fails here
        try:
            _write_message(process.stdin.fileno(), data)
            self._wait(process)
            kind, value = _read_message(process.stdout.fileno())
        except CoderProcessError:
            raise
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            code = process.poll()
            self._stop()
            ended = f"exit {code}" if code is not None else str(exc)
            raise CoderProcessError(f"the coder process of this worker ended ({ended})",
                                    fix="read the worker's log; a partition too big for the worker's memory? "
                                        "lower --partition-size or give workers more memory") from None
        except BaseException:  # a message half sent or half read: this process cannot be trusted again
            self._stop()
            raise
        if kind == "error":
            raise value
        return value

    def _wait(self, process: subprocess.Popen) -> None:
        """Until the answer is ready; meanwhile, hold the worker and its coder to the memory limit."""
        fd = process.stdout.fileno()
        limit = self.memory_limit * self.terminate if self.memory_limit and self.terminate else None
        watched = None
        while True:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if ready:
                return
            if limit is None:
                continue
            try:
                import psutil

                if watched is None:
                    watched = (psutil.Process(), psutil.Process(process.pid))
                used = sum(p.memory_info().rss for p in watched)
            except Exception:  # psutil missing, or the child already gone: the read will tell
                limit = None
                continue
            if used > limit:
                self._stop()
                raise CoderProcessError(
                    f"this worker and its coder process used {used / 2**20:,.0f} MB, over "
                    f"{self.terminate:.0%} of the worker's memory limit; the coder process was stopped",
                    fix="lower --partition-size, or give each worker more memory (dask worker --memory-limit)")

    def _stop(self) -> None:
        process, self._process = self._process, None
        self._shared.clear()
        if process is None:
            return
        for handle in (process.stdin, process.stdout):
            try:
                handle.close()
            except OSError:
                pass
        try:
            process.wait(timeout=5)  # standard input closed: it leaves its loop
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def close(self) -> None:
        with self._lock:
            self._stop()


# -- the coder process itself --------------------------------------------------------------------

def _die_with_parent() -> None:
    """SIGKILL this process when the worker thread that started it ends (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the worker died before the line above
            os._exit(1)
    except (OSError, AttributeError):
        pass


def main() -> None:
    _die_with_parent()
    single_threaded_environment()
    # The protocol owns the original standard input and output; prints go to standard error.
    reader, writer = os.dup(0), os.dup(1)
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = open(os.devnull, encoding="utf-8")
    shared: dict[int, Any] = {}
    while True:
        try:
            message = _read_message(reader)
        except EOFError:
            return
        kind = message[0]
        try:
            if kind == "load":
                from .job import worker_state

                started = time.perf_counter()
                worker_state(message[1])
                reply = ("ok", time.perf_counter() - started)
            elif kind == "share":
                shared[message[1]] = message[2]
                reply = ("ok", None)
            elif kind == "forget":
                shared.clear()
                reply = ("ok", None)
            elif kind == "call":
                _, fn, item, args = message
                args = tuple(shared[a.key] if isinstance(a, _Ref) else a for a in args)
                reply = ("ok", fn(item, *args))
            else:
                reply = ("error", CoderProcessError(f"unknown message {kind!r}"))
        except BaseException as exc:  # the task fails, the process goes on
            reply = ("error", _picklable(exc))
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a result that cannot travel
            data = pickle.dumps(("error", _picklable(exc)), protocol=pickle.HIGHEST_PROTOCOL)
        _write_message(writer, data)


if __name__ == "__main__":
    # Run as `python -m`, this file is __main__; the messages name the classes of the module itself.
    from eventlens.runners.coder_process import main as _main

    _main()
