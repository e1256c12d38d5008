package jp.tsunagu.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One protobuf message read by the wire format alone (no schema): each field number with its values,
 * a number for varint and fixed fields, the bytes for length-delimited ones (a string, bytes or a
 * nested message, as the reader knows from the schema). Enough for the OTLP messages {@link OtlpSpans} reads.
 */
final class ProtobufFields {

    private final Map<Integer, List<Object>> fields = new HashMap<>();

    private ProtobufFields() {
    }

    static ProtobufFields read(byte[] message) {
        ProtobufFields read = new ProtobufFields();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            Object value = switch ((int) (tag & 7)) {
                case 0 -> varint(message, at);
                case 1 -> fixed(message, at, 8);
                case 2 -> {
                    int length = (int) varint(message, at);
                    byte[] bytes = java.util.Arrays.copyOfRange(message, at[0], at[0] + length);
                    at[0] += length;
                    yield bytes;
                }
                case 5 -> fixed(message, at, 4);
                default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
            };
            read.fields.computeIfAbsent(number, n -> new ArrayList<>()).add(value);
        }
        return read;
    }

    /** The length-delimited values of the field, each as a message. */
    List<ProtobufFields> messages(int number) {
        return bytesOf(number).stream().map(ProtobufFields::read).toList();
    }

    /** The first value of a length-delimited field as a message (an empty one when absent). */
    ProtobufFields message(int number) {
        List<byte[]> values = bytesOf(number);
        return read(values.isEmpty() ? new byte[0] : values.get(0));
    }

    String string(int number) {
        List<byte[]> values = bytesOf(number);
        return values.isEmpty() ? null : new String(values.get(0), StandardCharsets.UTF_8);
    }

    /** A bytes field as lowercase hex (trace and span ids); empty when absent. */
    String hex(int number) {
        List<byte[]> values = bytesOf(number);
        return values.isEmpty() ? "" : java.util.HexFormat.of().formatHex(values.get(0));
    }

    long number(int number) {
        List<Object> values = fields.getOrDefault(number, List.of());
        return values.isEmpty() ? 0 : (Long) values.get(0);
    }

    boolean has(int number) {
        return fields.containsKey(number);
    }

    private List<byte[]> bytesOf(int number) {
        return fields.getOrDefault(number, List.of()).stream().map(byte[].class::cast).toList();
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = message[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static long fixed(byte[] message, int[] at, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (long) (message[at[0]++] & 0xff) << (8 * i);
        }
        return value;
    }
}
