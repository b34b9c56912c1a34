"""Tests of src/gpu/time_operators.py that need no torch and no GPU: the shapes it draws, the layout it
writes, the semantics of each operator's shape columns (through a stand-in for torch that only tracks
tensor shapes) and the time the whole step takes on an H100 against the device script's budget.

Run by TorchOperatorsScriptTest (JUnit) with:
  DYNLAT_GPU_SCRIPTS  the folder of time_operators.py
  DYNLAT_PLAN         a plan written by `dynlat calibrate --backend cuda --plan` (the full suite)
  DYNLAT_DEADLINE_S   the seconds measure-on-gpu.sh gives the script (its step-7 budget less the margin)
  DYNLAT_HEADERS      neusight-headers.txt (test resources)
"""
import os
import sys
import unittest

sys.path.insert(0, os.environ["DYNLAT_GPU_SCRIPTS"])
import time_operators as ops  # noqa: E402


class FakeTensor:
    def __init__(self, shape):
        self.shape = tuple(shape)

    def __add__(self, other):
        return self


class FakeTorch:
    """Just enough of torch for operator_call: tensors are shapes; ops check and propagate them."""
    float32 = "float32"

    def __init__(self):
        fake = self

        class Functional:
            @staticmethod
            def linear(x, w):
                assert x.shape[1] == w.shape[1], (x.shape, w.shape)
                return FakeTensor((x.shape[0], w.shape[0]))

            @staticmethod
            def conv2d(x, w, bias, stride, pad):
                assert bias is None and x.shape[1] == w.shape[1]
                side = (x.shape[2] + 2 * pad - w.shape[2]) // stride + 1
                return FakeTensor((x.shape[0], w.shape[0], side, side))

            @staticmethod
            def layer_norm(x, normalized, weight, bias):
                assert normalized == (x.shape[-1],) == weight.shape == bias.shape
                return x

            relu = gelu = staticmethod(lambda x: x)

        class Nn:
            functional = Functional

        self.nn = Nn
        self.tanh = lambda x: x
        self.softmax = lambda x, dim: x
        for name in ("add", "mul", "div", "pow"):
            setattr(self, name, fake._binary)

    @staticmethod
    def _tensor(*shape, device, dtype):
        assert device == "cuda" and dtype == "float32"
        return FakeTensor(shape)

    randn = rand = ones = zeros = _tensor

    @staticmethod
    def bmm(a, b):
        assert a.shape[0] == b.shape[0] and a.shape[2] == b.shape[1], (a.shape, b.shape)
        return FakeTensor((a.shape[0], a.shape[1], b.shape[2]))

    @staticmethod
    def _binary(x, y):
        assert isinstance(y, float) or x.shape == y.shape
        return x


def all_jobs():
    return ops.in_turn(ops.plan_jobs(ops.read_plan(os.environ["DYNLAT_PLAN"])) + ops.drawn_jobs())


class DrawnShapes(unittest.TestCase):
    def test_the_same_seed_draws_the_same_shapes_and_another_seed_others(self):
        self.assertEqual(ops.drawn_jobs(), ops.drawn_jobs())
        self.assertNotEqual(ops.drawn_jobs(1), ops.drawn_jobs(2))

    def test_every_op_gets_its_count_within_its_ranges_and_under_the_work_cap(self):
        jobs = ops.drawn_jobs()
        for op, count in ops.DRAWN.items():
            mine = [c for o, c, _ in jobs if o == op]
            self.assertEqual(count, len(mine), op)
            for c in mine:
                for name, (lo, hi) in ops.RANGES.get(op, ops.ROW_RANGE).items():
                    self.assertTrue(lo <= c[name] <= hi, (op, c))
                self.assertLessEqual(ops.peak_ms(op, c), ops.MAX_PEAK_MS, (op, c))
        self.assertEqual(sorted(set(ops.DRAWN)), sorted(["linear", "bmm", "softmax", "ln", *ops.ELEMENTWISE]))

    def test_the_draws_span_orders_of_magnitude(self):
        for op in ("linear", "bmm", "softmax"):
            times = sorted(ops.peak_ms(op, c) for o, c, _ in ops.drawn_jobs() if o == op)
            self.assertGreater(times[-1] / times[0], 100, op)

    def test_ids_are_unique(self):
        ids = [i for _, _, i in all_jobs()]
        self.assertEqual(len(ids), len(set(ids)))


class Layouts(unittest.TestCase):
    def test_every_file_is_neusights_layout_plus_case_id(self):
        with open(os.environ["DYNLAT_HEADERS"]) as f:
            headers = dict(line.rstrip("\n").split(" ", 1) for line in f if line.strip())
        self.assertEqual(sorted(headers), sorted(ops.SHAPE_COLUMNS))
        for op, header in headers.items():
            self.assertEqual(header.split(",") + ["case_id"], ops.layout(op), op)


class Semantics(unittest.TestCase):
    def test_linear_is_m_rows_of_n_inputs_to_k_outputs_and_bmm_is_bmn_times_bnk(self):
        torch = FakeTorch()
        self.assertEqual((7, 5), ops.operator_call(torch, "linear", {"B": 1, "M": 7, "N": 3, "K": 5})().shape)
        self.assertEqual((2, 7, 5), ops.operator_call(torch, "bmm", {"B": 2, "M": 7, "N": 3, "K": 5})().shape)

    def test_every_job_builds_a_call_whose_operands_fit(self):
        torch = FakeTorch()
        for op, c, case_id in all_jobs():
            out = ops.operator_call(torch, op, c)()
            self.assertIsInstance(out, FakeTensor, case_id)

    def test_plan_cases_keep_their_ids_and_map_fc_inputs_to_n_and_outputs_to_k(self):
        cases = ops.read_plan(os.environ["DYNLAT_PLAN"])
        fc = [(i, s) for i, k, s in cases if k == "fc"]
        jobs = {case_id: (op, c) for op, c, case_id in ops.plan_jobs(cases)}
        self.assertTrue(fc)
        for case_id, s in fc:
            self.assertEqual(("linear", {"B": 1, "M": s["n"], "N": s["cin"], "K": s["cout"]}), jobs[case_id])
        convs = [i for i, k, s in cases if k == "conv2d" and s["groups"] == 1]
        self.assertTrue(convs and all(jobs[i][0] == "conv" for i in convs))
        self.assertFalse(any(jobs.get(i) for i, k, s in cases if k == "conv2d" and s["groups"] > 1))


class Budget(unittest.TestCase):
    def test_the_whole_step_fits_the_scripts_deadline_on_an_h100(self):
        jobs = all_jobs()
        seconds = ops.estimate_seconds(jobs)
        deadline = float(os.environ["DYNLAT_DEADLINE_S"])
        self.assertLessEqual(seconds, deadline, f"{len(jobs)} operators estimated at {seconds:.1f} s")
        # not vacuous: the operators themselves take a real share of it
        self.assertGreater(seconds - ops.STARTUP_S, 0.1 * deadline, seconds)

    def test_a_heavier_op_is_estimated_longer(self):
        small = ops.estimate_seconds([("bmm", {"B": 64, "M": 256, "N": 256, "K": 256}, "a")])
        large = ops.estimate_seconds([("bmm", {"B": 512, "M": 1024, "N": 1024, "K": 1024}, "a")])
        self.assertGreater(large, small)


if __name__ == "__main__":
    unittest.main()
