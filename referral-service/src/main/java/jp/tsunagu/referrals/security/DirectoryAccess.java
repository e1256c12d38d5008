package jp.tsunagu.referrals.security;

import jakarta.enterprise.context.RequestScoped;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.security.Roles;

/**
 * Who sees what of the directory. The directory is shared by every center (the role decides, no
 * center scope): center staff and admin read all of it; only admin sees and manages webhooks;
 * the centers' notes are for center staff and admin; a partner agency reads its own entry only.
 */
@RequestScoped
public class DirectoryAccess {

    /** Who may read the directory through /api/v1/agencies. */
    public static final String[] READERS = {Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER,
            Roles.CENTER_SYSTEM, Roles.ADMIN};

    private final CallerScope caller;

    DirectoryAccess(CallerScope caller) {
        this.caller = caller;
    }

    public boolean seesWebhook() {
        return caller.hasRole(Roles.ADMIN);
    }

    public boolean seesNotes() {
        return caller.hasAnyRole(READERS);
    }

    /** The agency the calling partner's token names; a partner token without one is misconfigured (403). */
    public String ownAgency() {
        return caller.requireAgency();
    }
}
