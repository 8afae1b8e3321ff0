package org.eventcommerce.web.portal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.order.PaymentLinks;
import org.eventcommerce.domain.payment.ExpressCheckoutService;
import org.eventcommerce.domain.payment.HostedPageService;
import org.eventcommerce.domain.payment.PaymentRecorder;
import org.eventcommerce.domain.payment.PaymentTransaction;

/**
 * Where PayPal sends the attendee back from Express Checkout (issue 4; paypal-protocols.md §3.3 steps 3–4, §1.9):
 * <ul>
 *   <li>{@code GET /paypal/return/<order>?sig=<signature>&token=EC-…&PayerID=…} (RETURNURL): completes the payment
 *       through {@link ExpressCheckoutService#complete}, then either sends the buyer back to PayPal (302, same
 *       token: 10486 or not yet approved) or to the payment page (303) {@code /pay/<order>?sig=…&paypal=<outcome>},
 *       which shows the confirmation or what happened;</li>
 *   <li>{@code GET /paypal/cancel/<order>?sig=…&token=EC-…} (CANCELURL): closes the attempt unpaid, then the
 *       payment page with {@code paypal=cancelled}.</li>
 * </ul>
 * The hosted page of a Secure Token (§1.7) comes back to {@code /paypal/hosted/return|error|cancel/<order>?sig=…}
 * (GET or POST) and PayPal's server posts to {@code POST /paypal/silent-post} (public, found by SECURETOKENID); both
 * go through {@link HostedPageService}, which trusts only answers that match the attempt.
 * No sign-in: the order's signature (the same as the payment link's) must match, else 404; a token that is not an
 * attempt of the order changes nothing. Opening a return again never charges twice (the attempt's state and
 * MSGSUBID), it lands on the confirmation. Tokens and PayerIDs are not logged.
 */
@WebServlet("/paypal/*")
public class PayPalReturnServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOG = System.getLogger(PayPalReturnServlet.class.getName());

    @Inject
    transient PaymentLinks links;

    @Inject
    transient ExpressCheckoutService express;

    @Inject
    transient HostedPageService hosted;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length == 2 && "silent-post".equals(parts[1])) {
            silentPost(request, response);
        } else if (parts.length == 4 && "hosted".equals(parts[1])) {
            hosted(request, response, parts[2], parts[3]); // RETURNURLMETHOD=POST
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length == 4 && "hosted".equals(parts[1])) {
            hosted(request, response, parts[2], parts[3]);
            return;
        }
        // "/return/<order>" → ["", "return", "<order>"]
        if (parts.length != 3 || !parts[2].matches("[A-Za-z0-9-]{1,64}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String order = parts[2];
        String sig = request.getParameter("sig");
        if (!links.verify(order, sig)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String token = request.getParameter("token");
        if (!"return".equals(parts[1]) && !"cancel".equals(parts[1])) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        finish(request, response, order, sig, () -> {
            ExpressCheckoutService.Outcome outcome = "return".equals(parts[1]) ? express.complete(order, token)
                    : express.cancel(order, token);
            if (outcome.next() == ExpressCheckoutService.Next.BACK_TO_PAYPAL && outcome.redirect() != null) {
                return outcome.redirect().toString();
            }
            return outcome.next().name();
        });
    }

    /**
     * The hosted page's RETURNURL, ERRORURL or CANCELURL ({@code /paypal/hosted/<which>/<order>?sig=…} plus PayPal's
     * fields): settled through {@link HostedPageService} (only a verified answer is trusted), then the payment page.
     */
    private void hosted(HttpServletRequest request, HttpServletResponse response, String which, String order)
            throws IOException {
        String sig = request.getParameter("sig");
        if (!order.matches("[A-Za-z0-9-]{1,64}") || !links.verify(order, sig)
                || !java.util.Set.of("return", "error", "cancel").contains(which)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        finish(request, response, order, sig, () -> {
            PaymentTransaction t = "cancel".equals(which)
                    ? hosted.cancel(order, request.getParameter("SECURETOKENID"))
                    : hosted.settle(order, parameters(request));
            return switch (t.getStatus()) {
                case APPROVED -> "confirmed";
                case HELD -> "held";
                case DECLINED -> PaymentRecorder.CANCELLED.equals(t.getResultCode()) ? "cancelled" : "hosted_declined";
                case NOT_SENT -> "try_again";
                case PENDING -> "hosted_pending";
                case UNKNOWN -> "unknown";
            };
        });
    }

    /**
     * Runs {@code settle} and sends the browser on: to the absolute URL it returns (PayPal's page again), or to the
     * payment page with {@code paypal=<the name it returns>}; an attempt not found is {@code unknown_checkout}, a
     * provider that cannot be used {@code unavailable}.
     */
    private static void finish(HttpServletRequest request, HttpServletResponse response, String order, String sig,
                               java.util.function.Supplier<String> settle) throws IOException {
        String shown;
        try {
            shown = settle.get();
            if (shown.startsWith("http")) {
                response.sendRedirect(shown);
                return;
            }
        } catch (NotFoundException e) {
            shown = "unknown_checkout";
        } catch (BusinessException e) {
            LOG.log(Level.WARNING, "PayPal return for order {0}: {1}", order, e.getMessage());
            shown = "unavailable";
        }
        toPaymentPage(request, response, order, sig, shown);
    }

    /**
     * The Silent POST (SILENTPOSTURL, §1.7): PayPal's server-to-server report, no sign-in and no signature; the attempt
     * is found by SECURETOKENID and the report checked like a browser return. Idempotent; answers 200 once handled.
     */
    private void silentPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            PaymentTransaction t = hosted.settle(null, parameters(request));
            LOG.log(Level.INFO, "Silent post for payment {0}: {1}", t.getPublicId(), t.getStatus());
            response.setContentType("text/plain");
            response.getWriter().write("OK\n");
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** PayPal's fields of the request (query or form), first value each, without our own {@code sig}. */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!"sig".equals(name) && values.length > 0) {
                out.put(name, values[0]);
            }
        });
        return out;
    }

    private static void toPaymentPage(HttpServletRequest request, HttpServletResponse response, String order,
                                      String sig, String shown) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/pay/" + order + "?sig="
                + URLEncoder.encode(sig, StandardCharsets.UTF_8) + "&paypal=" + shown.toLowerCase(Locale.ROOT));
    }
}
