#!/usr/bin/env python3
"""QuTiP reference steady states of four networks, for NetworkQutipTest (tests never call Python).

Run offline:  python3 src/test/resources/qutip/networks.py > src/test/resources/qutip/networks.json
Made with QuTiP 4.7.1 (Debian bookworm: apt-get install -y python3-qutip), numpy 1.24.2, scipy 1.10.1.

The model is PHYSICS.md's, written here from the formulas alone (no qtraj code):
  H = sum_k w_k n_k + sum_edges g_kl (s+_k s-_l + s-_k s+_l) + sum_edges D_kl sz_k sz_l,  sz = 2 n - 1
  bath j on site k: jumps sqrt(G (nbar+1)) s-_k and sqrt(G nbar) s+_k, nbar = 1/(exp(w_k/T) - 1) (0 at T = 0)
  dephasing on site k: jump sqrt(gamma_k) n_k
Outputs per network: each bath's heat current Tr(H D_j(rho)) and particle current Tr(N D_j(rho)), the dephasing heat
current, populations <n_k>, and the bond current 2 g_kl Im <s+_l s-_k> on each edge k -> l (1-based pairs).
"""
import json
import math
import sys

import numpy as np
import qutip as qt

FMO_E = [12410, 12530, 12210, 12320, 12480, 12630, 12440]
# Adolphs and Renger, Biophys. J. 91, 2778 (2006), C. tepidum, cm^-1, upper triangle row by row
FMO_G = [-87.7, 5.5, -5.9, 6.7, -13.7, -9.9,
         30.8, 8.2, 0.7, 11.8, 4.3,
         -53.5, -2.2, -9.6, 6.0,
         -70.7, -17.0, -63.3,
         81.1, -1.3,
         39.7]


def lower(n, k):
    ops = [qt.qeye(2)] * n
    ops[k] = qt.destroy(2)  # |0><1| in the basis (|0> ground, |1> excited)
    return qt.tensor(ops)


def nbar(w, t):
    return 0.0 if t == 0 else 1.0 / math.expm1(w / t)


def dissipate(L, rho):
    return L * rho * L.dag() - 0.5 * (L.dag() * L * rho + rho * L.dag() * L)


def solve(name, omega, edges, coupling, anisotropy, dephasing, baths):
    n = len(omega)
    sm = [lower(n, k) for k in range(n)]
    num = [s.dag() * s for s in sm]
    ident = qt.tensor([qt.qeye(2)] * n)
    sz = [2 * x - ident for x in num]
    H = sum(omega[k] * num[k] for k in range(n))
    for e, (k, l) in enumerate(edges):
        H += coupling[e] * (sm[k].dag() * sm[l] + sm[k] * sm[l].dag())
        H += anisotropy[e] * sz[k] * sz[l]
    bath_ops = []
    for (bname, site, rate, temp) in baths:
        nb = nbar(omega[site], temp)
        ops = [math.sqrt(rate * (nb + 1)) * sm[site]]
        if nb > 0:
            ops.append(math.sqrt(rate * nb) * sm[site].dag())
        bath_ops.append((bname, ops))
    deph_ops = [math.sqrt(dephasing[k]) * num[k] for k in range(n) if dephasing[k] > 0]
    c_ops = [op for _, ops in bath_ops for op in ops] + deph_ops
    rho = qt.steadystate(H, c_ops, method="direct", use_rcm=True)
    L = qt.liouvillian(H, c_ops)
    residual = float(np.linalg.norm(L.data @ qt.operator_to_vector(rho).full()))
    ntot = sum(num)
    out_baths = {}
    for bname, ops in bath_ops:
        d = sum(dissipate(op, rho) for op in ops)
        out_baths[bname] = {"heat_current": (H * d).tr().real, "particle_current": (ntot * d).tr().real}
    jdeph = sum((H * dissipate(op, rho)).tr().real for op in deph_ops) if deph_ops else 0.0
    bonds = []
    currents = []
    for e, (k, l) in enumerate(edges):
        bonds.append([k + 1, l + 1])
        currents.append(2 * coupling[e] * qt.expect(sm[l].dag() * sm[k], rho).imag)
    return name, {
        "sites": n,
        "baths": out_baths,
        "heat_current_dephasing": jdeph,
        "populations": [qt.expect(x, rho).real for x in num],
        "bonds": bonds,
        "bond_currents": currents,
        "residual": residual,
    }


def main():
    results = {}
    # 4-ring, ZZ couplings, dephasing, two baths: qtraj exact --network ring --sites 4 --anisotropy 0.5
    #   --dephasing 0.3 --bath hot:1:1:2 --bath cold:3:0.7:0
    ring = [(0, 1), (1, 2), (2, 3), (3, 0)]
    results.update([solve("ring4", [1.0] * 4, ring, [1.0] * 4, [0.5] * 4, [0.3] * 4,
                          [("hot", 0, 1.0, 2.0), ("cold", 2, 0.7, 0.0)])])
    # 2x3 ladder (2 legs, 3 rungs, numbered rung by rung), ZZ couplings: qtraj exact --network ladder:2x3
    #   --anisotropy 0.7 --dephasing 0.2 --bath hot:1:1:1.5 --bath cold:6:1:0
    ladder = [(0, 1), (0, 2), (1, 3), (2, 3), (2, 4), (3, 5), (4, 5)]
    results.update([solve("ladder2x3", [1.0] * 6, ladder, [1.0] * 7, [0.7] * 7, [0.2] * 6,
                          [("hot", 0, 1.0, 1.5), ("cold", 5, 1.0, 0.0)])])
    # 4-star (centre site 1), three baths: qtraj exact --network star --sites 4 --dephasing 0.1
    #   --bath a:2:1:2 --bath b:3:0.5:0 --bath c:4:1:0.5
    star = [(0, 1), (0, 2), (0, 3)]
    results.update([solve("star4", [1.0] * 4, star, [1.0] * 3, [0.0] * 3, [0.1] * 4,
                          [("a", 1, 1.0, 2.0), ("b", 2, 0.5, 0.0), ("c", 3, 1.0, 0.5)])])
    # FMO pumped at site 1 (5800 K = 4031 cm^-1), trapped at site 3 (T = 0), dephasing 100 cm^-1, rates 5 cm^-1:
    #   qtraj exact --network fmo --dephasing 100 --bath pump:1:5:4031 --bath trap:3:5:0
    fmo = [(k, l) for k in range(7) for l in range(k + 1, 7)]
    results.update([solve("fmo", [float(x) for x in FMO_E], fmo, FMO_G, [0.0] * 21, [100.0] * 7,
                          [("pump", 0, 5.0, 4031.0), ("trap", 2, 5.0, 0.0)])])
    results["_made_with"] = {"qutip": qt.__version__, "numpy": np.__version__, "solver": "steadystate direct"}
    json.dump(results, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
