package jp.tsunagu.platform.probe;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

/** The test application's one entity. */
@Entity
public class Probe extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Version
    public long version;
}
