package org.eventcommerce.web.portal;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Turns the current Faces response into a CSV download: resets what was buffered, sets {@code text/csv} in UTF-8,
 * {@code Content-Disposition: attachment; filename="<name>"} and {@code Cache-Control: no-store} (reports hold
 * personal data), and gives the body's writer. The caller writes the rows, closes the writer and calls
 * {@code FacesContext.responseComplete()}.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** Starts the download of {@code fileName} (ASCII, e.g. {@code transactions-2026-11-30.csv}). */
    public static Writer start(String fileName) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseCharacterEncoding("UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        return new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
    }
}
