"""Tests of the dynlat Python client against a real engine (``dynlat serve``).

Run from the repository root:  PYTHONPATH=python/src python3 -m unittest discover -s python/tests
The engine is found as dynlat.find_command() says (the Maven build sets DYNLAT_CLASSPATH).
"""

import os
import subprocess
import sys
import textwrap
import time
import unittest

import dynlat

try:
    import pandas
except ImportError:
    pandas = None


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped) counts as gone.
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


class EngineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = dynlat.Engine(frames=False)

    @classmethod
    def tearDownClass(cls):
        cls.engine.close()

    def test_predict_returns_the_cli_json_fields(self):
        p = self.engine.predict(model="resnet50", device="v100", mode="channel", channel_group=2, rate=0.5)
        self.assertEqual(p["model"], "resnet50")
        self.assertEqual(p["device"], "v100")
        self.assertEqual(p["batch"], 128)
        self.assertIn("G=2-2-2-2", p["dynamics"])
        self.assertAlmostEqual(p["speedup"], p["static_latency_ms"] / p["latency_ms"], places=9)
        self.assertGreater(p["speedup"], 1.0)

    def test_lists_stand_for_comma_separated_values(self):
        a = self.engine.predict(model="resnet50", device="tx2", mode="spatial", granularity=[4, 4, 2, 1], rate=0.5)
        b = self.engine.predict(model="resnet50", device="tx2", mode="spatial", granularity="4,4,2,1", rate=0.5)
        self.assertEqual(a, b)

    def test_an_invalid_request_raises_with_the_engines_message_and_the_engine_goes_on(self):
        with self.assertRaises(dynlat.DynlatError) as cm:
            self.engine.predict(model="resnet50", device="tx2", mode="channel", rate=1.5)
        self.assertEqual(str(cm.exception), "rate: must be in [0, 1], got 1.5")
        with self.assertRaises(dynlat.DynlatError) as cm:
            self.engine.predict(model="resnet50", device="tx2", colour="red")
        self.assertTrue(str(cm.exception).startswith("colour: not a field of predict"), str(cm.exception))
        self.assertGreater(self.engine.predict(model="resnet50", device="tx2")["latency_ms"], 0)

    def test_a_malformed_line_gets_an_error_and_the_next_request_is_answered(self):
        with self.engine._lock:
            answer = self.engine._exchange('{"op": "predict", "model": ')
        self.assertTrue(answer["error"].startswith("request: malformed JSON"), answer)
        self.assertEqual(len(self.engine.devices()), len(self.engine.devices()))
        self.assertIn("v100", [d["name"] for d in self.engine.devices()])

    def test_many_varied_predictions_use_one_process(self):
        pid = self.engine.pid
        latencies = []
        for i in range(200):
            rate = (i % 10 + 1) / 10
            latencies.append(self.engine.predict(model="resnet50", device="tx2", mode="layer", rate=rate)["latency_ms"])
        self.assertEqual(pid, self.engine.pid)
        # Layer skipping: more blocks run at a higher rate, and the same rate gives the same answer.
        self.assertEqual(latencies[:10], sorted(latencies[:10]))
        self.assertEqual(latencies[:10], latencies[10:20])

    def test_predict_many_answers_in_order_as_predict_does(self):
        configs = [dict(model=m, mode=mode, rate=r) for m in ("resnet50", "resnet101")
                   for mode in ("channel", "layer") for r in (0.3, 0.7)]
        configs += [dict(model=m) for m in ("resnet50", "resnet101")]
        many = self.engine.predict_many(configs, device="tx2", detail="summary")
        self.assertEqual(len(many), len(configs))
        for config, answer in zip(configs, many):
            self.assertEqual(answer, self.engine.predict(device="tx2", detail="summary", **config))
        # A configuration's own key wins over the common one.
        self.assertEqual(self.engine.predict_many([dict(model="resnet50", device="v100")], device="tx2")[0]["device"],
                         "v100")
        self.assertEqual(self.engine.predict_many([]), [])

    def test_predict_many_reads_every_answer_before_raising_and_the_engine_goes_on(self):
        configs = [dict(model="resnet50", rate=0.5, mode="channel"), dict(model="resnet50", rate=1.5, mode="channel"),
                   dict(model="resnet50", rate=0.2, mode="channel")]
        with self.assertRaises(dynlat.DynlatError) as e:
            self.engine.predict_many(configs, device="tx2")
        self.assertIn("configuration 1", str(e.exception))
        self.assertIn("rate", str(e.exception))
        self.assertEqual(self.engine.predict(model="resnet50", device="tx2")["model"], "resnet50")

    def test_predict_many_does_not_deadlock_on_large_answers(self):
        # 300 full answers (tens of KB each) far exceed both pipes' buffers.
        many = self.engine.predict_many([dict(rate=0.01 * (i % 100 + 1)) for i in range(300)], model="resnet50",
                                        device="v100", mode="channel", channel_group=2)
        self.assertEqual(len(many), 300)
        self.assertTrue(all("stages" in a or "operators" in a or "latency_ms" in a for a in many))

    def test_sweep_gives_one_row_per_option_and_rate(self):
        rows = self.engine.sweep(model="resnet50", device="tx2", mode="spatial", options=[1, 2, 4], rates=[0.25, 0.5])
        self.assertEqual(len(rows), 6)
        self.assertEqual({r["option"] for r in rows}, {"1-1-1-1", "2-2-2-2", "4-4-4-4"})
        self.assertTrue(all(r["latency_per_image_ms"] > 0 for r in rows))

    def test_search_finds_an_optimum_no_slower_than_any_uniform_option(self):
        s = self.engine.search(model="resnet50", device="tx2", mode="spatial", rate=0.5)
        rows = self.engine.sweep(model="resnet50", device="tx2", mode="spatial", rates=[0.5])
        self.assertLessEqual(s["optimum"]["latency_ms"], min(r["latency_ms"] for r in rows) + 1e-9)
        self.assertEqual(len(s["optimum"]["best"].split("-")), 4)

    def test_version_names_the_engine_build(self):
        v = self.engine.version()
        self.assertEqual({"tool_version", "git_commit"}, set(v))
        self.assertRegex(v["git_commit"], r"^([0-9a-f]{40}|unknown)$")

    def test_models_and_devices_list_the_catalogues(self):
        names = [m["name"] for m in self.engine.models()]
        self.assertIn("resnet50", names)
        self.assertIn("tx2", [d["name"] for d in self.engine.devices()])


class LifecycleTest(unittest.TestCase):
    def test_close_ends_the_engine_and_later_calls_raise(self):
        with dynlat.Engine(frames=False) as e:
            pid = e.pid
            e.models()
        self.assertFalse(_alive(pid))
        with self.assertRaises(dynlat.DynlatError):
            e.models()

    def test_a_killed_client_leaves_no_engine_behind(self):
        script = textwrap.dedent("""
            import os, signal, sys
            import dynlat
            e = dynlat.Engine(frames=False)
            e.devices()
            print(e.pid, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        """)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in [os.path.dirname(os.path.dirname(dynlat.__file__)),
                                                        env.get("PYTHONPATH", "")] if p)
        out = subprocess.run([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, timeout=300,
                             encoding="utf-8").stdout
        pid = int(out.split()[0])
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertFalse(_alive(pid), "engine %d still running after its client was killed" % pid)

    @unittest.skipIf(pandas is None, "pandas is not installed")
    def test_tables_are_dataframes_when_pandas_is_present(self):
        with dynlat.Engine() as e:
            frame = e.sweep(model="resnet50", device="tx2", mode="layer", rates=[0.5, 1])
            self.assertIsInstance(frame, pandas.DataFrame)
            self.assertIn("latency_per_image_ms", frame.columns)
            self.assertEqual(len(frame), 4)
            self.assertIsInstance(e.predict(model="resnet50", device="tx2"), dict)

    def test_frames_true_without_pandas_is_a_clear_error(self):
        if pandas is not None:
            self.skipTest("pandas is installed")
        with self.assertRaises(dynlat.DynlatError):
            dynlat.Engine(frames=True)

    def test_a_missing_launcher_is_a_clear_error(self):
        with self.assertRaises(dynlat.DynlatError) as cm:
            dynlat.Engine(command=["/nonexistent/dynlat"])
        self.assertIn("/nonexistent/dynlat", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
