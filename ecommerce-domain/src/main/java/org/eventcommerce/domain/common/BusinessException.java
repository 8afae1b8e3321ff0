package org.eventcommerce.domain.common;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the domain refused the request. Rolls back the transaction. {@link #problemType()} is the
 * relative problem type URI of API.md ("Problem types and HTTP statuses"); {@link #messageKey()} is the
 * bundle key the portal shows, with {@link #arguments()}.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private final String problemType;
    private final int status;
    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessException(String problemType, int status, String messageKey, String detail, Object... arguments) {
        super(detail);
        this.problemType = problemType;
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String problemType() {
        return problemType;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments == null ? new Object[0] : arguments.clone();
    }
}
