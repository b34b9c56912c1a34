# Usage: put LeapLabTHU/LAUDNet's DyNetSimulator folder next to this script's working directory
# (it is not part of dynlat and is not committed), then: python3 time_laudnet.py [N]
# Times LAUDNet's DyNetSimulator (eval_example.py block functions) on whole-network
# spatial ResNet-101 configurations on V100: configurations per second.
import sys, time, types, itertools
sys.path.insert(0, 'DyNetSimulator'); sys.path.insert(0, 'DyNetSimulator/hardware_models')
for m in ['matplotlib', 'matplotlib.pyplot', 'scipy', 'scipy.optimize']:
    sys.modules[m] = types.ModuleType(m)
sys.modules['matplotlib'].pyplot = sys.modules['matplotlib.pyplot']
sys.modules['scipy'].optimize = sys.modules['scipy.optimize']
import eval_example as ev
from hardware_models.multi_cores import GPGPUDynamicPredictor
p = GPGPUDynamicPredictor(80, 64, 1500e6, 700e9, verbose=0, latency_mode="add", batch_size=128)
widths=[56,28,14,7]; last=[256,512,1024,2048]; first=[64,256,512,1024]; strides=[1,2,2,2]; nb=[3,4,23,3]
def config(S, r):
    t = 0
    for i in range(4):
        for j in range(nb[i]):
            f = j == 0
            t += ev.get_dynamic_block_latency_spatial(p, c_in=first[i] if f else last[i], c_out=last[i], b=4, n_groups=1,
                h=widths[i]*(strides[i] if f else 1), w=widths[i]*(strides[i] if f else 1), granul_size=S[i], c_granul_size=1,
                density_conv1=r, density_conv2=r, density_conv3=r, c_density=1.0,
                stride=strides[i] if f else 1, down=strides[i] if f else 1, is_se=False)
    return t
n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
combos = [S for S in itertools.product([1,2,4,8],[1,2,4,8],[1,2,4,8],[1,2,4]) ]
start = time.perf_counter(); done = 0
for k in range(n):
    S = combos[k % len(combos)]; r = 0.1 + 0.1 * (k % 10)
    config(S, r); done += 1
el = time.perf_counter() - start
print(f"{done} configurations in {el:.2f} s: {done/el:.3f} configurations/s")
