package org.qtraj.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar manifest's Implementation-Version (or "dev" when run from classes), for
 * {@code qtraj --version} and the provenance of run directories. Stateless and thread-safe.
 */
public final class Version implements IVersionProvider {
    /** qtraj's version string. */
    public static String current() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The lines of {@code --version}: "qtraj VERSION" and the Java version. */
    @Override
    public String[] getVersion() {
        return new String[] {"qtraj " + current(), "Java " + System.getProperty("java.version")};
    }
}
