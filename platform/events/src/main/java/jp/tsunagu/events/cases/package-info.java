/**
 * Events of case-service on {@code case-events}, and the closed sets of a case (phase, team,
 * assessment, crisis) as enums.
 */
package jp.tsunagu.events.cases;
