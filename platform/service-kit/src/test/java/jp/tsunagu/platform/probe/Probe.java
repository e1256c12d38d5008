package jp.tsunagu.platform.probe;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

/** The test application's one entity; it stands for a case of its creator's center too. */
@Entity
public class Probe extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "center_id")
    public String centerId;
    @Version
    public long version;
}
