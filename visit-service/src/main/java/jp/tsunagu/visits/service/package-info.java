/** visit-service: Use cases; transactions live here. */
package jp.tsunagu.visits.service;
