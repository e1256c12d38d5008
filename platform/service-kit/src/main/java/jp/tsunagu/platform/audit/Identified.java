package jp.tsunagu.platform.audit;

/** A response body that names the object it shows, so a create can be audited with its new id. */
public interface Identified {
    Object id();
}
