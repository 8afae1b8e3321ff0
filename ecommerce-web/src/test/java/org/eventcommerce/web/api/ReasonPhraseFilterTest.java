package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link ReasonPhraseFilter}: the phrases (a fresh-user trial read {@code HTTP/1.1 429 CUSTOM}) and the path to
 * Payara's response object, on stand-ins shaped like Payara's classes ({@code ResponseFacade.response},
 * {@code getCoyoteResponse()}, {@code getResponse()}, {@code setReasonPhrase(String)}). That Payara really writes the
 * phrase is proved over a socket by {@code SecurityIT}.
 */
class ReasonPhraseFilterTest {

    /** Like Grizzly's {@code HttpResponsePacket}. */
    public static class Packet {
        String phrase;

        public void setReasonPhrase(String phrase) {
            this.phrase = phrase;
        }
    }

    /** Like Grizzly's server {@code Response}. */
    public static class GrizzlyResponse {
        final Packet packet = new Packet();

        public Packet getResponse() {
            return packet;
        }
    }

    /** Like Catalina's {@code Response}. */
    public static class CatalinaResponse {
        final GrizzlyResponse coyote = new GrizzlyResponse();

        public GrizzlyResponse getCoyoteResponse() {
            return coyote;
        }
    }

    /** Like Catalina's {@code ResponseFacade}: the response in a protected field of a superclass. */
    static class FacadeBase {
        protected CatalinaResponse response = new CatalinaResponse();
    }

    static final class Facade extends FacadeBase {
    }

    @Test
    void tooManyRequestsAndUnprocessableContentHaveTheirStandardPhrases() {
        assertThat(ReasonPhraseFilter.PHRASES).containsEntry(429, "Too Many Requests")
                .containsEntry(422, "Unprocessable Content").hasSize(2);
    }

    @Test
    void thePhraseIsSetOnTheServersResponsePacket() {
        Facade facade = new Facade();
        assertThat(ReasonPhraseFilter.setReasonPhrase((Object) facade, "Too Many Requests")).isTrue();
        assertThat(facade.response.coyote.packet.phrase).isEqualTo("Too Many Requests");
    }

    @Test
    void anotherServersResponseIsLeftAlone() {
        assertThat(ReasonPhraseFilter.setReasonPhrase((Object) "not a response", "Too Many Requests")).isFalse();
        FacadeBase broken = new FacadeBase();
        broken.response = null;
        assertThat(ReasonPhraseFilter.setReasonPhrase((Object) broken, "Too Many Requests")).isFalse();
    }
}
