/** case-service: Use cases; transactions live here. */
package jp.tsunagu.cases.service;
