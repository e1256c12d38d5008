package jp.tsunagu.cases.domain;

/** The number people use for a case: {@code C-<year>-<6 digits>}, unique per center. */
public final class CaseNumber {

    private CaseNumber() {
    }

    public static String format(int year, int sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("case sequence out of range: " + sequence);
        }
        return String.format("C-%d-%06d", year, sequence);
    }
}
