package jp.tsunagu.cases.service;

import jp.tsunagu.cases.domain.KanaFolding;
import jp.tsunagu.cases.domain.KanaPrefix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text search of the case list: a case matches when one of its subject's name keys (kana and
 * written name, whole and family; the given name in kana) starts with the folded text. Written as
 * a key range per key, which the {@code (center_id, key)} indexes (V5, collation "C") serve with
 * the prefix bound as a parameter, in a generic plan too: with {@code like :q} the prepared search
 * read every case of the center whenever few matched.
 */
final class NameSearch {

    /**
     * The list's order, newest change first, in a form no index gives: the matches are then found
     * through the key indexes and sorted, at a cost that follows their number. In the plain form the
     * planner may walk the center's (center, updated_at) index filtering on the keys, quick when many
     * cases match but reading every case of the center when few or none do; which of the two it
     * is, its estimate cannot tell (made per table, not per center, and blind in a generic plan).
     */
    static final String ORDER = " order by coalesce(c.updatedAt, c.updatedAt) desc, c.id desc";

    private static final List<String> KEYS = List.of("kanaKey", "familyKanaKey", "givenKanaKey", "nameKey", "familyNameKey");

    private final KanaPrefix prefix;

    private NameSearch(KanaPrefix prefix) {
        this.prefix = prefix;
    }

    /** The search for {@code text}; none when nothing is left of it once folded. */
    static Optional<NameSearch> of(String text) {
        return Optional.of(KanaFolding.fold(text)).filter(folded -> !folded.isEmpty()).map(KanaPrefix::of)
                .map(NameSearch::new);
    }

    /** The JPQL condition on the case {@code c}. */
    String condition() {
        String below = prefix.to().isPresent() ? " and c.%1$s < :nameTo" : "";
        return KEYS.stream().map(key -> ("c.%1$s >= :nameFrom" + below).formatted(key))
                .collect(Collectors.joining(" or ", "(", ")"));
    }

    Map<String, Object> parameters() {
        return prefix.to().<Map<String, Object>>map(to -> Map.of("nameFrom", prefix.from(), "nameTo", to))
                .orElseGet(() -> Map.of("nameFrom", prefix.from()));
    }
}
