package jp.tsunagu.events.cases;

/** The phase of a case in the home-visit support process (支援のプロセス); a case may step back. */
public enum Phase {
    /** ゴールまでの見通しを立てる: assess the background and plan. */
    ASSESSMENT,
    /** 本人に働きかけるための環境を整える: crisis intervention, family support, backup system. */
    ENVIRONMENT,
    /** 会いたいというサインを送る: visit regularly, leave letters, until the person meets. */
    OUTREACH,
    /** 本人との接点を継続的なものにする: make contact with the person continuous. */
    ENGAGEMENT,
    /** 生活上の困りごとや希望に対応する: answer current wishes and troubles. */
    DAILY_LIFE,
    /** 活動範囲・関係性を拡大させる: widen the range of activity and relations. */
    EXPANSION,
    /** 社会とのつながりが維持されるよう見守る: home visits ended, watch from behind. */
    FOLLOW_UP
}
