package dev.dynlat.predictor.execution.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Protocol-buffers wire format, the part ONNX models need: varints, length-delimited fields
 * (strings, bytes, nested messages) and packed repeated int64. Written from the wire-format
 * specification; no protobuf library is on the class path.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    ProtoWriter varint(int field, long v) {
        tag(field, 0);
        rawVarint(v);
        return this;
    }

    ProtoWriter bytes(int field, byte[] b) {
        tag(field, 2);
        rawVarint(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter m) {
        return bytes(field, m.toBytes());
    }

    ProtoWriter packedInts(int field, long[] values) {
        ProtoWriter p = new ProtoWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return bytes(field, p.toBytes());
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
