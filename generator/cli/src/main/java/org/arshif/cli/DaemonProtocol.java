package org.arshif.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The conversation between a client and the warm build process ({@link BuildDaemon}), over one TCP connection on
 * the loopback address. The client sends the registry's token (64 characters), then {@link #BUILD} and a
 * {@link Request}, or {@link #STOP}. The process answers a build with {@link #STARTED} (its pid and the number of
 * this build in it), the CLI's lines as it prints them ({@link #OUT}, {@link #ERR}: kept apart), and {@link #EXIT}
 * with the status, the build's number, the process's peak RSS and the CPU it used since its last answer. Until
 * that last frame, while the client waits for another build and during its own, the process also sends {@link
 * #HEARTBEAT} every {@link #HEARTBEAT_MILLIS}: a client that hears nothing for much longer knows the process hangs
 * (stopped, or a stale registry's pid reused), not that a long build is quiet. Strings are UTF-8, preceded by their
 * length.
 */
final class DaemonProtocol {
    static final int TOKEN_LENGTH = 64;
    static final byte BUILD = 'B';
    static final byte STOP = 'Q';
    static final byte STARTED = 'S';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';
    static final byte HEARTBEAT = 'H';
    static final int HEARTBEAT_MILLIS = 1000;
    /** Bounds a string's length, so that a stray connection cannot make the process allocate gigabytes. */
    private static final int MAX_STRING = 1 << 24;

    private DaemonProtocol() {}

    /** What a client asks for: the CLI's arguments (absolute paths), the variables it reads, the client's pid. */
    record Request(List<String> args, Map<String, String> env, long clientPid) {
        void write(DataOutputStream out) throws IOException {
            out.writeInt(args.size());
            for (String arg : args) {
                writeString(out, arg);
            }
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeLong(clientPid);
        }

        static Request read(DataInputStream in) throws IOException {
            int count = count(in);
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(readString(in));
            }
            Map<String, String> env = new TreeMap<>();
            for (int i = count(in); i > 0; i--) {
                env.put(readString(in), readString(in));
            }
            return new Request(List.copyOf(args), env, in.readLong());
        }
    }

    /** The last frame of a build: its outcome, and what the process spent. */
    record Exit(int status, int build, long peakRssKb, long cpuMillis) {}

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING) {
            throw new EOFException("not a string of the build process's protocol");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("a string of the build process's protocol cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 4096) {
            throw new EOFException("not a count of the build process's protocol");
        }
        return count;
    }

    /** The process's frames to one client; each is written whole and flushed, whatever thread prints. */
    static final class Frames {
        private final DataOutputStream out;
        private boolean ended;
        /** Where the lines printed after the exit frame go (a build that answered before its cache fill). */
        private Consumer<String> afterExit = line -> {};

        Frames(DataOutputStream out) {
            this.out = out;
        }

        /** Sends the lines printed after the exit frame to {@code sink} (the process's log) instead. */
        synchronized void afterExit(Consumer<String> sink) {
            afterExit = sink;
        }

        synchronized void started(long pid, int build) throws IOException {
            out.writeByte(STARTED);
            out.writeLong(pid);
            out.writeInt(build);
            out.flush();
        }

        synchronized void line(byte kind, String line) throws IOException {
            if (ended) {
                afterExit.accept(line);
                return;
            }
            out.writeByte(kind);
            writeString(out, line);
            out.flush();
        }

        /** Says the process lives; false once the build answered, or the client is gone. */
        synchronized boolean beat() {
            if (ended) {
                return false;
            }
            try {
                out.writeByte(HEARTBEAT);
                out.flush();
                return true;
            } catch (IOException gone) {
                ended = true;
                return false;
            }
        }

        synchronized void exit(Exit exit) throws IOException {
            ended = true;
            out.writeByte(EXIT);
            out.writeInt(exit.status());
            out.writeInt(exit.build());
            out.writeLong(exit.peakRssKb());
            out.writeLong(exit.cpuMillis());
            out.flush();
        }

        /** A stream that sends each line printed to it as one frame of {@code kind}. */
        OutputStream lines(byte kind) {
            return new OutputStream() {
                private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) throws IOException {
                    if (b == '\n') {
                        flushLine();
                    } else {
                        pending.write(b);
                    }
                }

                @Override
                public synchronized void close() throws IOException {
                    if (pending.size() > 0) {
                        flushLine();
                    }
                }

                private void flushLine() throws IOException {
                    line(kind, pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                }
            };
        }
    }
}
