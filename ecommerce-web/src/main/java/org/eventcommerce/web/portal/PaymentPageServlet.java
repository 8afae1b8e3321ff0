package org.eventcommerce.web.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The signed payment link {@code /pay/<order public id>?sig=<signature>} (API.md {@code paymentPageUrl}):
 * forwards to {@code /payment.xhtml?order=...&sig=...}, which checks the signature. No sign-in needed. The optional
 * {@code paypal} parameter (set by {@link PayPalReturnServlet}) names what happened on PayPal's page.
 */
@WebServlet("/pay/*")
public class PaymentPageServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        String order = path == null ? "" : path.substring(1);
        if (!order.matches("[A-Za-z0-9-]{1,64}")) {
            order = "";
        }
        String sig = request.getParameter("sig");
        response.setHeader("Cache-Control", "no-store");
        String paypal = request.getParameter("paypal");
        String outcome = paypal != null && paypal.matches("[a-z_]{1,30}") ? "&paypal=" + paypal : "";
        request.getRequestDispatcher("/payment.xhtml?order=" + encode(order) + "&sig=" + encode(sig) + outcome)
                .forward(request, response);
    }

    private static String encode(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
