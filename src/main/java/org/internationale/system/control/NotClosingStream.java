package org.internationale.system.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that flushes but never closes what it wraps: a zip, tar or OpenPGP writer closes its own stream when it
 * finishes, while the container closes a response's stream itself.
 */
public final class NotClosingStream extends FilterOutputStream {

    public NotClosingStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
