/**
 * Files that survive crashes: atomic replacement (temporary file, fsync, rename;
 * {@link org.qtraj.io.AtomicFiles}), durable append-only logs whose partial last line is dropped on reading
 * ({@link org.qtraj.io.DurableLog}), and JSON rendering of result documents ({@link org.qtraj.io.Json}).
 *
 * <p>Depends on: nothing else in qtraj (Jackson only). Used by batch, fcs and cli.
 *
 * <p>Thread-safety: the static helpers are stateless and thread-safe; a {@link org.qtraj.io.DurableLog} is not, and
 * its callers serialise the writes.
 */
package org.qtraj.io;
