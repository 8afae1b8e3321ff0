package org.eventcommerce.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestHygiene#STATELESS_VIEWS} names exactly the views that are stateless: a stateless view left out would
 * have every legitimate post refused as forged (the payment page's Pay, found by FuzzIT and LeakScanIT).
 */
class RequestHygieneTest {

    @Test
    void theStatelessViewsAreExactlyThoseTheWebappDeclares() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        Set<String> declared;
        try (Stream<Path> files = Files.walk(webapp)) {
            declared = files.filter(p -> p.toString().endsWith(".xhtml"))
                    .filter(p -> !webapp.relativize(p).startsWith("WEB-INF"))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.contains("transient=\"true\"")
                                    || text.contains("name=\"statelessView\" value=\"true\"");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        assertThat(declared).isNotEmpty();
        assertThat(RequestHygiene.STATELESS_VIEWS).isEqualTo(declared);
    }
}
