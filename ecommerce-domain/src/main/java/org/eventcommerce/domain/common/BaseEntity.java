package org.eventcommerce.domain.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * Base of every entity: a surrogate id from the one sequence {@code ec_id_seq} (allocation 50, matching
 * the migration; stack-notes trap 5 forbids IDENTITY columns with this EclipseLink and H2).
 */
@MappedSuperclass
public abstract class BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ec_id")
    @SequenceGenerator(name = "ec_id", sequenceName = "ec_id_seq", allocationSize = 50)
    private Long id;

    public Long getId() {
        return id;
    }
}
