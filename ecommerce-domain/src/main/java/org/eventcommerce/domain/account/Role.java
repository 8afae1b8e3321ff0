package org.eventcommerce.domain.account;

/** The people of DESIGN.md "Sites and people". {@link #group()} is the Jakarta Security group name. */
public enum Role {
    SITE_ADMIN("site-admin"), HOST("host"), ATTENDEE("attendee");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }
}
