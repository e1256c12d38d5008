package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.Party;

import java.util.Objects;

/**
 * Who makes a step of a referral: which side it counts for, the user who entered it, and how it
 * came in. A supporter entering an agency's phone answer acts for the agency, through PHONE.
 */
public record Actor(Party party, String userId, AnswerChannel channel) {

    public Actor {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channel, "channel");
    }

    public static Actor center(String userId) {
        return new Actor(Party.CENTER, userId, AnswerChannel.API);
    }

    public static Actor agency(String userId) {
        return new Actor(Party.AGENCY, userId, AnswerChannel.API);
    }

    /** A supporter entering what the agency answered by phone or fax. */
    public static Actor agencyThrough(AnswerChannel channel, String enteredBy) {
        if (channel != AnswerChannel.PHONE && channel != AnswerChannel.FAX) {
            throw new IllegalArgumentException("an agency's answer is entered from a phone call or a fax");
        }
        return new Actor(Party.AGENCY, enteredBy, channel);
    }

    /** The system, acting for the center (a withdrawal's cascade), on behalf of the user who caused it. */
    public static Actor system(String causedBy) {
        return new Actor(Party.CENTER, causedBy, AnswerChannel.SYSTEM);
    }
}
