#!/usr/bin/python3
"""Steady-state reference values for the trajectory tests, from QuTiP's steadystate (direct solve of L rho = 0).

Writes trajectory_reference.properties beside this script: for each named chain, the heat currents
Tr(H D_j rho) (left, right, dephasing), particle currents Tr(N D_j rho) and site populations.
Conventions as in PHYSICS.md: ground |0>, excited |1>, sigma^- = |0><1|, n = sigma^+ sigma^-, sz = 2n - 1,
H = sum w_k n_k + sum_b g_b (s+_b s-_{b+1} + h.c.) + sum_b D_b sz_b sz_{b+1},
bath j on site k: sqrt(G (nbar+1)) s-_k, sqrt(G nbar) s+_k, nbar = 1/(exp(w_k/T) - 1); dephasing sqrt(d_k) n_k.
Run: /usr/bin/python3 trajectory_reference.py   (QuTiP 4.7)
"""
import os
import numpy as np
import qutip as qt

CHAINS = {
    # disordered XX chain: random-looking omega, g, per-site dephasing, unequal baths
    "disordered": dict(omega=[1.0, 1.3, 0.8, 1.1], coupling=[0.7, 1.2, 0.9], anisotropy=[0, 0, 0],
                       dephasing=[0.2, 0.5, 0.1, 0.3], left=(0, 1.0, 1.0), right=(3, 0.8, 0.2)),
    # XXZ chain D = 1, uniform otherwise, dephasing 0.5, paper's baths
    "xxz": dict(omega=[1, 1, 1, 1], coupling=[1, 1, 1], anisotropy=[1, 1, 1], dephasing=[0.5] * 4,
                left=(0, 1.0, 1.0), right=(3, 1.0, 0.0)),
    # XXZ chain, no dephasing, right bath on an interior site (site 3 of 4)
    "xxz_interior": dict(omega=[1.0, 0.9, 1.2, 1.0], coupling=[0.8, 1.0, 0.6], anisotropy=[0.5, 0.3, 0.5],
                         dephasing=[0, 0, 0, 0], left=(0, 1.5, 2.0), right=(2, 0.7, 0.1)),
}


def nbar(w, t):
    return 0.0 if t == 0 else 1.0 / np.expm1(w / t)


def site_op(op, k, n):
    ops = [qt.qeye(2)] * n
    ops[k] = op
    return qt.tensor(ops)


def dissipator_adjoint_expect(c, x, rho):
    """Tr(X D[c](rho)) = Tr(rho D^+[c](X)), computed directly as Tr(X (c rho c^+ - {c^+ c, rho}/2))."""
    d = c * rho * c.dag() - 0.5 * (c.dag() * c * rho + rho * c.dag() * c)
    return (x * d).tr().real


def solve(spec):
    w = spec["omega"]
    n = len(w)
    sm = qt.Qobj([[0, 1], [0, 0]])
    num = sm.dag() * sm
    sz = 2 * num - qt.qeye(2)
    s_minus = [site_op(sm, k, n) for k in range(n)]
    nk = [site_op(num, k, n) for k in range(n)]
    szk = [site_op(sz, k, n) for k in range(n)]
    h = 0
    for k in range(n):
        h += w[k] * nk[k]
    for b in range(n - 1):
        h += spec["coupling"][b] * (s_minus[b].dag() * s_minus[b + 1] + s_minus[b] * s_minus[b + 1].dag())
        h += spec["anisotropy"][b] * szk[b] * szk[b + 1]
    baths = []
    for side in ("left", "right"):
        site, rate, temp = spec[side]
        nb = nbar(w[site], temp)
        ops = [np.sqrt(rate * (nb + 1)) * s_minus[site]]
        if nb > 0:
            ops.append(np.sqrt(rate * nb) * s_minus[site].dag())
        baths.append(ops)
    deph = [np.sqrt(spec["dephasing"][k]) * nk[k] for k in range(n) if spec["dephasing"][k] > 0]
    c_ops = baths[0] + baths[1] + deph
    rho = qt.steadystate(h, c_ops)
    ntot = sum(nk)
    out = {}
    for name, ops in (("left", baths[0]), ("right", baths[1])):
        out["heat_current" if name == "left" else "heat_current_right"] = sum(
            dissipator_adjoint_expect(c, h, rho) for c in ops)
        out["particle_current" if name == "left" else "particle_current_right"] = sum(
            dissipator_adjoint_expect(c, ntot, rho) for c in ops)
    out["heat_current_dephasing"] = sum(dissipator_adjoint_expect(c, h, rho) for c in deph)
    for k in range(n):
        out["population_%d" % (k + 1)] = qt.expect(nk[k], rho)
    # residual of the steady state, for the record
    out["residual"] = qt.liouvillian(h, c_ops).data.dot(qt.operator_to_vector(rho).full().ravel()).__abs__().max()
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ["# written by trajectory_reference.py with QuTiP %s; do not edit" % qt.__version__]
    for name, spec in CHAINS.items():
        for key, value in solve(spec).items():
            lines.append("%s.%s=%.15g" % (name, key, value))
    with open(os.path.join(here, "trajectory_reference.properties"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
