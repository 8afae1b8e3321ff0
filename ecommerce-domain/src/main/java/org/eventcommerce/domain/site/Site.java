package org.eventcommerce.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import org.eventcommerce.domain.common.BaseEntity;

/** One platform site. Every other row belongs to exactly one site; nothing crosses sites. */
@Entity
@Table(name = "site")
public class Site extends BaseEntity {

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    /** IANA zone where the site's days begin and end (promotion codes expire at the end of a day here). */
    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Site() {
    }

    public Site(String slug, String name, ZoneId timeZone, Instant now) {
        this.slug = slug;
        this.name = name;
        this.timeZone = timeZone.getId();
        this.createdAt = now;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    void changeTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }
}
