/**
 * The user directory: who a Keycloak user id is (its center, its roles), looked up in Keycloak's
 * admin API with the service's own service account ({@code view-users}) and cached for minutes.
 * Only ids, the center and the roles are read; names and e-mails are never kept nor logged.
 */
package jp.tsunagu.platform.directory;
