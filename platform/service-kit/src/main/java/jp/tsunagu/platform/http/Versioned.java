package jp.tsunagu.platform.http;

/** A response body that carries the version of what it shows: {@link ETags} answers it as the ETag. */
public interface Versioned {
    long version();
}
