package jp.tsunagu.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo data of {@code ./tsunagu up}, in its order: cases (with their visits, consultations and
 * conferences), anonymous inquiries, the directory,
 * then the Tokyo cases' consents and referrals. Each part loads only where its data is empty. The
 * system tests run it first against the packaged system, so the run command's demo is tested too.
 */
public final class DemoLoad {

    private DemoLoad() {
    }

    /** Loads what is missing; answers a line for each part loaded (nothing when all was there). */
    public static List<String> whereEmpty(Layout layout) {
        ApiClient api = new ApiClient(layout);
        List<String> loaded = new ArrayList<>();
        int cases = new DemoData(api).loadWhereEmpty();
        if (cases > 0) {
            loaded.add("Loaded " + cases + " demo cases (both centers were empty).");
        }
        DemoBetweenVisits between = new DemoBetweenVisits(api);
        int inquiries = between.inquiriesWhereNone("tokyo") + between.inquiriesWhereNone("osaka");
        if (inquiries > 0) {
            loaded.add("Loaded " + inquiries + " anonymous demo inquiries (the centers had none).");
        }
        int agencies = new DemoAgencies(api).loadWhereEmpty();
        if (agencies > 0) {
            loaded.add("Loaded " + agencies + " demo agencies (the directory was empty).");
        }
        int referrals = new DemoReferrals(api).loadWhereEmpty();
        if (referrals > 0) {
            loaded.add("Loaded " + referrals + " demo referrals with their consents (Tokyo had none).");
        }
        return loaded;
    }
}
