package org.qtraj.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only text file of newline-terminated lines that survives crashes: every append is written,
 * then forced to the device (FileChannel.force, i.e. fsync) before it returns, so a line that was reported
 * appended is on disk. A crash in the middle of an append can leave a partial last line (no newline);
 * {@link #readRepaired} drops it by truncating the file to its last newline. Not thread-safe: callers
 * serialise writes ({@link #force} may overlap them).
 */
public final class DurableLog implements Closeable {
    private final FileChannel channel;

    private DurableLog(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens {@code file} for appending, creating it if needed. */
    public static DurableLog open(Path file) throws IOException {
        return new DurableLog(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Appends {@code text} (which should end in a newline) and forces it to disk. */
    public void append(String text) throws IOException {
        write(text);
        force();
    }

    /** Forces everything written so far to disk (fsync). May run concurrently with {@link #write}. */
    public void force() throws IOException {
        // force(true): the file's size is metadata, and a line whose length is not on disk is not on disk.
        channel.force(true);
    }

    /**
     * Appends {@code text} without forcing it: it survives the death of the process (the kernel holds it) but
     * not a power cut. For files that can be rebuilt from a durable one.
     */
    public void write(String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Closes the file; what was appended stays on disk. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * The complete lines of {@code file} (empty if it does not exist), after truncating the file to its last
     * newline if it ends in a partial line.
     */
    public static List<String> readRepaired(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * The complete lines of {@code file} (empty if it does not exist), ignoring a partial last line but leaving
     * the file as it is: for reading a log that another process may be appending to.
     */
    public static List<String> readComplete(Path file) throws IOException {
        return read(file, false);
    }

    private static List<String> read(Path file, boolean repair) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (repair && end < bytes.length) {
            truncate(file, end);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    /** Cuts {@code file} to {@code size} bytes, durably. */
    public static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.force(true);
        }
    }
}
