#!/usr/bin/env bash
# One-shot, after the broker is healthy: the event topics and the dead-letter topics, each created once
# with a fixed partition count. Records are keyed by case id, so a case's events stay in order only as
# long as the partition count of its topic never changes: choose it once (3 here, on one machine).
set -euo pipefail
topics=/opt/kafka/bin/kafka-topics.sh
partitions=3
for topic in case-events visit-events referral-events audit-events \
             visit-events.case-service.dlq referral-events.case-service.dlq audit-events.case-service.dlq \
             case-events.visit-service.dlq case-events.referral-service.dlq \
             case-events.notification-service.dlq visit-events.notification-service.dlq \
             referral-events.notification-service.dlq; do
    "$topics" --bootstrap-server kafka:9092 --create --if-not-exists --topic "$topic" \
        --partitions "$partitions" --replication-factor 1
done
"$topics" --bootstrap-server kafka:9092 --list
