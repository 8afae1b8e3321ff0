package org.eventcommerce.web.portal;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.security.FailedAttempt.Subject;
import org.eventcommerce.domain.security.FailedAttempt.SubjectKind;

/**
 * Who is guessing on the portal (issue 5: "on the portal per session and client address"): the client's address as
 * the server sees it (behind a load balancer, the balancer's unless the server is told to trust its forwarded
 * header) and, when the browser has a session, the start of the SHA-256 of its id (never the id itself).
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
        subjects.add(new Subject(SubjectKind.ADDRESS, request.getRemoteAddr()));
        HttpSession session = request.getSession(false);
        if (session != null) {
            subjects.add(new Subject(SubjectKind.SESSION, ApiKeyService.hash(session.getId()).substring(0, 16)));
        }
        return subjects;
    }
}
