package org.qtraj.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a part:
 * write a temporary file in the same directory, force it to disk, then rename it over the target
 * (atomic on POSIX file systems). Stateless and thread-safe; concurrent writes to the same target leave one of
 * the contents whole (the last rename wins).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Why {@link #write} could not write {@code target}, or null if it can: the target is not a directory, and its
     * nearest existing ancestor is a directory in which a file can be created (tried with a temporary file that is
     * deleted at once, so nothing is left behind either way).
     */
    public static String refusal(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return abs + " is a directory";
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            return abs + " is not writable";
        }
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return "cannot create " + abs + ": " + dir + " is not a directory";
        }
        try {
            Files.delete(Files.createTempFile(dir, ".qtraj-probe.", ".tmp"));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : "it takes no new files";
            return "cannot write into " + dir + " (" + reason + ")";
        }
        return null;
    }

    /**
     * Why a directory {@code dir} that does not exist yet could not be made in its nearest existing ancestor
     * directory (tried with a temporary file, nothing left behind), or null if it exists, can be made, or has a
     * regular file in the way (which run directories report in their own words first).
     */
    public static String directoryRefusal(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path ancestor = abs;
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == abs || ancestor == null || !Files.isDirectory(ancestor)) {
            return null;
        }
        return refusal(abs.resolve(".probe"));
    }

    /** Replaces {@code target} with {@code text} (UTF-8) atomically; creates parent directories. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code bytes} (only read) atomically; creates parent directories. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            // createTempFile makes the file owner-only (0600); a result file is as readable as any other output
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
