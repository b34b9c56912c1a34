"""Python client of dynlat: latency predictions of dynamic neural networks from one warm engine.

    import dynlat
    with dynlat.Engine() as e:
        p = e.predict(model="resnet50", device="v100", mode="channel", channel_group=2, rate=0.5)
        print(p["latency_ms"], p["speedup"])

See ``help(dynlat.Engine)`` and python/README.md.
"""

from dynlat.engine import DynlatError, Engine, find_command

__all__ = ["Engine", "DynlatError", "find_command"]
__version__ = "0.1.0"
