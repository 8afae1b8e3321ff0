package org.eventcommerce.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which address a failed attempt is counted against ({@link ClientAddress}), directly and behind trusted proxies. */
class ClientAddressTest {

    private static final Set<String> BALANCER = Set.of("10.0.0.5");
    private static final Set<String> TWO_PROXIES = Set.of("10.0.0.5", "10.0.0.6");

    @Test
    void directlyConnectedTheSocketPeerCountsAndAForwardedHeaderIsIgnored() {
        assertThat(ClientAddress.of("203.0.113.7", null, Set.of())).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", Set.of())).isEqualTo("203.0.113.7");
        // A client pretending to be behind the balancer is not the balancer.
        assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", BALANCER)).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTheTrustedBalancerTheAddressItForwardsCounts() {
        assertThat(ClientAddress.of("10.0.0.5", "198.51.100.1", BALANCER)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("10.0.0.5", "2001:db8::17", BALANCER)).isEqualTo("2001:db8::17");
    }

    @Test
    void aClientCannotChooseItsAddressByPrefixingTheHeader() {
        // The client sent "X-Forwarded-For: 192.0.2.99"; the balancer appended the real peer.
        assertThat(ClientAddress.of("10.0.0.5", "192.0.2.99, 198.51.100.1", BALANCER)).isEqualTo("198.51.100.1");
    }

    @Test
    void throughTwoTrustedProxiesTheRightMostUntrustedHopCounts() {
        assertThat(ClientAddress.of("10.0.0.6", "192.0.2.99, 198.51.100.1, 10.0.0.5", TWO_PROXIES))
                .isEqualTo("198.51.100.1");
        // Only trusted hops: the left-most one.
        assertThat(ClientAddress.of("10.0.0.6", "10.0.0.5", TWO_PROXIES)).isEqualTo("10.0.0.5");
    }

    @Test
    void aHopThatIsNotAnAddressFallsBackToThePeer() {
        assertThat(ClientAddress.of("10.0.0.5", "unknown", BALANCER)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", "<script>", BALANCER)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", "1".repeat(46), BALANCER)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", " ", BALANCER)).isEqualTo("10.0.0.5");
    }
}
