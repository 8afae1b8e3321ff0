package org.eventcommerce.domain.common;

import jakarta.ejb.ApplicationException;

/** The thing asked for does not exist in the caller's site. 404 {@code /problems/not-found}. */
@ApplicationException(rollback = true)
public class NotFoundException extends BusinessException {
    public NotFoundException(String what) {
        super("/problems/not-found", 404, "error.notFound", what + " not found", what);
    }
}
