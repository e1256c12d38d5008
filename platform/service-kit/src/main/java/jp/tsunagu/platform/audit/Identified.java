package jp.tsunagu.platform.audit;

/** A result that names the object it is about, so a create can be audited with its new id. */
public interface Identified {
    Object id();
}
