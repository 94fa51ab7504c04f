package org.qtraj.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: qtraj's version, the git commit of the code when known, the Java version. Immutable.
 *
 * @param version   qtraj's version string
 * @param gitCommit the commit (with "-dirty" if tracked files differ from it), or null if unknown
 * @param java      the Java runtime version
 */
public record Provenance(String version, String gitCommit, String java) {

    /**
     * The provenance of this process. The commit is the system property {@code qtraj.git.commit}, else the
     * environment variable {@code QTRAJ_GIT_COMMIT}, else {@code git rev-parse HEAD} run in the directory
     * the qtraj classes (or jar) were loaded from, else null. Thread-safe (it may start a git process).
     *
     * @param version qtraj's version string
     * @return the provenance
     */
    public static Provenance detect(String version) {
        String commit = System.getProperty("qtraj.git.commit");
        if (commit == null || commit.isBlank()) {
            commit = System.getenv("QTRAJ_GIT_COMMIT");
        }
        if (commit == null || commit.isBlank()) {
            commit = fromGit();
        }
        return new Provenance(version, commit, System.getProperty("java.version"));
    }

    private static String fromGit() {
        try {
            Path code = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head == null || head.isBlank()) {
                return null;
            }
            String changes = git(dir, "status", "--porcelain", "--untracked-files=no");
            return head.strip() + (changes != null && !changes.isBlank() ? "-dirty" : "");
        } catch (Exception e) {
            // No git, no repository, a sandbox without process creation: the commit is simply unknown.
            return null;
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    }
}
