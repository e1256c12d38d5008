package jp.tsunagu.cases.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The activity report as CSV (RFC 4180, CRLF) for spreadsheet software: one row per cell, with
 * the Japanese labels of {@link ReportLabels} and the codes of the JSON document; headers in
 * Japanese and English. UTF-8 with a byte order mark, without which spreadsheet software in Japan
 * reads the file as Shift_JIS. A masked cell reads {@code <10}.
 */
public final class ActivityReportCsv {

    static final String HEADER = "区分 / section,項目 / item,件数 / count,区分コード / section code,項目コード / item code";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ActivityReportCsv() {
    }

    /** The bytes to send: the byte order mark, then the text in UTF-8. */
    public static byte[] utf8WithBom(ActivityReport report) {
        byte[] text = text(report).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    static String text(ActivityReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        report.sections().forEach((section, cells) -> {
            for (Map.Entry<String, Long> cell : cells.entrySet()) {
                String count = cell.getValue() == null ? "<" + report.maskedBelow() : cell.getValue().toString();
                row(csv, List.of(ReportLabels.section(section), ReportLabels.item(cell.getKey()), count, section.name(),
                        cell.getKey()));
            }
        });
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quoted(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
    static String quoted(String field) {
        return field.matches("(?s).*[\",\r\n].*") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
