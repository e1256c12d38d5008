package jp.tsunagu.cases.domain;

import java.time.LocalDate;

/**
 * The age band of the person concerned, as the activity report counts them and as an inquiry
 * records them when the caller says. Bands follow the national surveys of withdrawal (15 to 39,
 * 40 to 64) in decades; UNKNOWN when no age is known.
 */
public enum AgeBand {
    UNDER_15, AGE_15_TO_19, AGE_20_TO_29, AGE_30_TO_39, AGE_40_TO_49, AGE_50_TO_59, AGE_60_TO_64,
    AGE_65_OR_OVER, UNKNOWN;

    /** The band of an age in whole years. */
    public static AgeBand ofAge(int years) {
        if (years < 15) {
            return UNDER_15;
        }
        if (years < 20) {
            return AGE_15_TO_19;
        }
        if (years < 60) {
            return values()[AGE_20_TO_29.ordinal() + (years - 20) / 10];
        }
        return years < 65 ? AGE_60_TO_64 : AGE_65_OR_OVER;
    }

    /**
     * The band on a day, from the birth date, or else from the birth year: then whether the
     * birthday has passed is not known, and the younger of the two possible ages is taken.
     */
    public static AgeBand on(LocalDate day, LocalDate birthDate, Integer birthYear) {
        if (birthDate != null) {
            return birthDate.isAfter(day) ? UNKNOWN : ofAge(java.time.Period.between(birthDate, day).getYears());
        }
        if (birthYear != null) {
            int youngest = day.getYear() - birthYear - 1;
            return youngest < 0 ? UNKNOWN : ofAge(youngest);
        }
        return UNKNOWN;
    }
}
