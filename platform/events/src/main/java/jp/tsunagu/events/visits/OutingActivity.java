package jp.tsunagu.events.visits;

/** What was done on an outing (活動範囲の拡大). */
public enum OutingActivity {
    EATING_OUT,
    WALK,
    SPORTS,
    /** A drop-in place (居場所). */
    DROP_IN_PLACE,
    SHOPPING,
    OTHER
}
