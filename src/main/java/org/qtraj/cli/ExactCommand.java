package org.qtraj.cli;

import java.util.concurrent.Callable;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qtraj exact}: the steady state by an exact method. */
@Command(name = "exact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact steady state: heat and particle currents from each bath, populations.",
            "Methods: closed (uniform XX chain, closed form), correlation (any XX chain, free fermions),",
            "liouvillian (any chain, full master equation), rate (classical exclusion process),",
            "auto (the cheapest quantum method that applies)."})
public final class ExactCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto | closed | correlation | liouvillian | rate (default ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExactMethod m = ExactMethod.parse(method);
        Chain chain = model.chain();
        ExactResult r = m.solve(chain);
        output.emit(spec.commandLine().getOut(), r.toMap(), Tables.exact(r));
        return ExitCodes.OK;
    }
}
