package jp.tsunagu.bench.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** The one entity, so that Hibernate ORM starts as in a service (it stays off without one). */
@Entity
public class Mark extends PanacheEntity {
}
