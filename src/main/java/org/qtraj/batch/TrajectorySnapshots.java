package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.trajectory.GaussianSnapshot;

/**
 * The form in which a checkpoint keeps the snapshot of a trajectory in progress ({@link GaussianSnapshot}):
 * {@code {index, time, orbitals, bytes, sha256, data: [base64, ...]}}. The snapshot's numbers are written as their
 * IEEE bits (so they read back exactly) in one binary record, base64 in chunks of at most {@value #CHUNK}
 * characters (one JSON string each: an N = 1000 chain's orbitals are megabytes), with the SHA-256 of the record:
 * a state that is not exactly what was written is detected on reading, never continued from. index, time and
 * orbitals are for people and {@code qtraj status}; the record is what counts. Stateless.
 */
final class TrajectorySnapshots {
    private static final int MAGIC = 0x51544753; // "QTGS"
    // version 2 appends the time of the next phase flip; version 1 records (no flips) still read
    private static final int VERSION = 2;
    static final int CHUNK = 1 << 20;

    /**
     * A snapshot read back, with the index of its trajectory.
     *
     * @param index    the trajectory's index in its run (its random stream)
     * @param snapshot its state
     */
    record Indexed(long index, GaussianSnapshot snapshot) {
    }

    /** Why a stored snapshot cannot be used: one line, for the warning. */
    static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String what) {
            super(what);
        }
    }

    private TrajectorySnapshots() {
    }

    /** The JSON form of trajectory {@code index}'s snapshot. */
    static ObjectNode json(long index, GaussianSnapshot s) {
        byte[] record = record(s);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("index", index);
        o.put("time", s.time());
        o.put("orbitals", s.orbitals());
        o.put("bytes", record.length);
        o.put("sha256", sha256(record));
        String text = Base64.getEncoder().encodeToString(record);
        var data = o.putArray("data");
        for (int i = 0; i < text.length(); i += CHUNK) {
            data.add(text.substring(i, Math.min(text.length(), i + CHUNK)));
        }
        return o;
    }

    /**
     * Reads back what {@link #json} wrote.
     *
     * @throws Damaged naming what is wrong: a missing field, bad base64, another length or checksum, a record that
     *                 does not parse or is not a consistent snapshot
     */
    static Indexed read(JsonNode o) throws Damaged {
        JsonNode index = o.get("index");
        JsonNode bytes = o.get("bytes");
        JsonNode sum = o.get("sha256");
        JsonNode data = o.get("data");
        if (!o.isObject() || index == null || !index.canConvertToLong() || index.asLong() < 0 || bytes == null
                || !bytes.canConvertToInt() || sum == null || !sum.isTextual() || data == null || !data.isArray()) {
            throw new Damaged("not {index, bytes, sha256, data}");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : data) {
            if (!chunk.isTextual()) {
                throw new Damaged("data is not base64 text");
            }
            text.append(chunk.asText());
        }
        byte[] record;
        try {
            record = Base64.getDecoder().decode(text.toString());
        } catch (IllegalArgumentException e) {
            throw new Damaged("data is not base64 (" + e.getMessage() + ")");
        }
        if (record.length != bytes.asInt()) {
            throw new Damaged(record.length + " bytes of data, " + bytes.asInt() + " written");
        }
        if (!sha256(record).equals(sum.asText())) {
            throw new Damaged("the SHA-256 of the data is not the one written");
        }
        try {
            return new Indexed(index.asLong(), parse(record));
        } catch (IOException e) {
            throw new Damaged("the record ends early");
        } catch (InvalidInputException e) {
            throw new Damaged("not a consistent snapshot: " + e.getMessage());
        }
    }

    private static byte[] record(GaussianSnapshot s) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 + 16 * (s.orbitalsRe().length + 2 * s.sites()));
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(s.sites());
            out.writeDouble(s.tBurn());
            out.writeDouble(s.tTotal());
            out.writeDouble(s.time());
            out.writeDouble(s.logThreshold());
            out.writeDouble(s.logNorm());
            out.writeInt(s.orbitals());
            out.writeInt(s.capacity());
            writeArray(out, s.orbitalsRe());
            writeArray(out, s.orbitalsIm());
            writeArray(out, s.integratedPopulations());
            writeArray(out, s.integratedBonds());
            writeArray(out, s.samples());
            long[] net = s.netJumps();
            out.writeInt(net.length);
            for (long x : net) {
                out.writeLong(x);
            }
            out.writeLong(s.windowJumps());
            out.writeLong(s.steps());
            out.writeLong(s.allJumps());
            out.writeInt(s.nextSample());
            out.writeInt(s.nextEntropy());
            out.writeDouble(s.entropySum());
            byte[] rng = s.rngState();
            out.writeInt(rng.length);
            out.write(rng);
            out.writeDouble(s.nextFlip());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return buf.toByteArray();
    }

    private static GaussianSnapshot parse(byte[] record) throws IOException, Damaged {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        int version = in.readInt() == MAGIC ? in.readInt() : -1;
        if (version != 1 && version != VERSION) {
            throw new Damaged("not a version 1 or " + VERSION + " snapshot record");
        }
        int sites = in.readInt();
        double tBurn = in.readDouble();
        double tTotal = in.readDouble();
        double time = in.readDouble();
        double logR = in.readDouble();
        double logNorm = in.readDouble();
        int orbitals = in.readInt();
        int capacity = in.readInt();
        double[] re = readArray(in, record.length);
        double[] im = readArray(in, record.length);
        double[] pops = readArray(in, record.length);
        double[] bonds = readArray(in, record.length);
        double[] samples = readArray(in, record.length);
        int netLength = in.readInt();
        if (netLength < 0 || netLength > 2) {
            throw new Damaged("net jumps of " + netLength + " baths");
        }
        long[] net = new long[netLength];
        for (int j = 0; j < netLength; j++) {
            net[j] = in.readLong();
        }
        long windowJumps = in.readLong();
        long steps = in.readLong();
        long allJumps = in.readLong();
        int nextSample = in.readInt();
        int nextEntropy = in.readInt();
        double entropySum = in.readDouble();
        int rngLength = in.readInt();
        if (rngLength < 0 || rngLength > in.available()) {
            throw new Damaged("a generator state of " + rngLength + " bytes");
        }
        byte[] rng = in.readNBytes(rngLength);
        double nextFlip = version == 1 ? Double.POSITIVE_INFINITY : in.readDouble();
        if (in.available() != 0) {
            throw new Damaged(in.available() + " bytes after the record");
        }
        return new GaussianSnapshot(sites, tBurn, tTotal, time, logR, logNorm, orbitals, capacity, re, im, pops, bonds,
                samples, net, windowJumps, steps, allJumps, nextSample, nextEntropy, entropySum, rng, nextFlip);
    }

    private static void writeArray(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeLong(Double.doubleToRawLongBits(x));
        }
    }

    private static double[] readArray(DataInputStream in, int recordLength) throws IOException, Damaged {
        int n = in.readInt();
        if (n < 0 || (long) n * Double.BYTES > recordLength) {
            throw new Damaged("an array of " + n + " numbers");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Double.longBitsToDouble(in.readLong());
        }
        return v;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
