package org.eventcommerce.web.portal;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.security.FailedAttempt.Subject;
import org.eventcommerce.domain.security.FailedAttempt.SubjectKind;
import org.eventcommerce.web.security.ClientAddress;

/**
 * Who is guessing on the portal (issue 5: "on the portal per session and client address"): the client's address
 * ({@link ClientAddress}: the socket's peer, or behind a trusted proxy the address it forwards) and, when the browser has a session, the start of the SHA-256 of its id (never the id itself).
 */
public final class PortalGuesser {

    private PortalGuesser() {
    }

    /** The subjects of the current Faces request. */
    public static List<Subject> subjects() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return subjects(request);
    }

    /** The subjects of {@code request}. */
    public static List<Subject> subjects(HttpServletRequest request) {
        List<Subject> subjects = new ArrayList<>(2);
        subjects.add(new Subject(SubjectKind.ADDRESS, ClientAddress.of(request)));
        HttpSession session = request.getSession(false);
        if (session != null) {
            subjects.add(new Subject(SubjectKind.SESSION, ApiKeyService.hash(session.getId()).substring(0, 16)));
        }
        return subjects;
    }
}
