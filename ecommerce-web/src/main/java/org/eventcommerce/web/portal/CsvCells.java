package org.eventcommerce.web.portal;

/** Cells of the portal's and the API's CSV exports. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Text a spreadsheet would run as a formula ({@code = + - @}, tab or carriage return first) gets a leading
     * apostrophe (CSV injection); null becomes "".
     */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
