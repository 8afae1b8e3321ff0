package org.eventcommerce.emulator;

import com.sun.net.httpserver.Headers;
import java.util.Locale;

/**
 * Checks the HTTP headers of a direct (SDK-less) Payflow post (paypal-protocols.md §1.2; Gateway Developer
 * Guide 2014 pp.157-159) and returns the request id.
 * <ul>
 *   <li>{@code Content-Type: text/namevalue} is required; missing or different answers
 *       {@code -105} "Invalid name value pair request" (the guide names no code: an emulator choice);</li>
 *   <li>{@code X-VPS-REQUEST-ID} is required, 1-32 printable characters; otherwise {@code -41};</li>
 *   <li>{@code X-VPS-CLIENT-TIMEOUT} in seconds: {@code 1} gives RESULT 101 "Time-out value too small"
 *       (pilot trigger, §1.10), a value that is not a positive integer gives {@code -30}; a missing header
 *       is accepted as the default 45.</li>
 * </ul>
 */
public final class PayflowHeaders {

    /** The only accepted request content type. */
    public static final String NVP_CONTENT_TYPE = "text/namevalue";

    /** Validates the headers and returns the X-VPS-REQUEST-ID. */
    public String validate(Headers headers) throws NvpFormatException {
        String contentType = headers.getFirst("Content-Type");
        if (contentType == null || !mediaType(contentType).equals(NVP_CONTENT_TYPE)) {
            throw new NvpFormatException(PayflowResult.INVALID_NVP_REQUEST);
        }
        String requestId = headers.getFirst("X-VPS-REQUEST-ID");
        if (requestId == null || requestId.isEmpty()) {
            throw new NvpFormatException(PayflowResult.MISSING_REQUEST_ID);
        }
        if (requestId.length() > 32 || !isPrintable(requestId)) {
            throw new NvpFormatException(PayflowResult.MISSING_REQUEST_ID,
                    "Invalid Request ID: 1-32 printable characters");
        }
        String timeout = headers.getFirst("X-VPS-CLIENT-TIMEOUT");
        if (timeout != null) {
            int seconds;
            try {
                seconds = Integer.parseInt(timeout.strip());
            } catch (NumberFormatException e) {
                throw new NvpFormatException(PayflowResult.INVALID_TIMEOUT);
            }
            if (seconds <= 0) {
                throw new NvpFormatException(PayflowResult.INVALID_TIMEOUT);
            }
            if (seconds == 1) {
                throw new NvpFormatException(PayflowResult.TIMEOUT_VALUE_TOO_SMALL);
            }
        }
        return requestId;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
