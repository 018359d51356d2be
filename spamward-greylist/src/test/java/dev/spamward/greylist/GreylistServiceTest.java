package dev.spamward.greylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as {@code spamward serve} runs it: state file across restarts, status view, bad configuration. */
class GreylistServiceTest {
    @TempDir
    Path dir;

    @Test
    void statePersistsAcrossARestartAndIsSavedPeriodically() throws Exception {
        Path state = dir.resolve("grey.state");
        String[] cfg = {"greylist.statefile=" + state, "greylist.grey_delay=1s", "greylist.state_save_interval=1s"};
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.engine().decide(Query.of("192.0.2.10", "a@example.net", "b@example.org")).result()).isEqualTo(Result.GREY);
            Thread.sleep(2500);
            assertThat(Files.exists(state)).as("saved on schedule").isTrue();
        }
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.engine().decide(Query.of("192.0.2.10", "a@example.net", "b@example.org")).result()).isEqualTo(Result.MATCH);
        }
    }

    /** A state file that cannot be written is reported at start, in the status and to Nagios, and cleared once saved. */
    @Test
    void anUnwritableStateFileIsReportedAtStartNotMinutesLater() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        String[] cfg = {"greylist.statefile=" + notAFolder.resolve("grey.state"), "greylist.state_save_interval=1h"};
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.stateFileProblem()).isEqualTo(notAFolder + ": already exists (and is not a directory)");
            assertThat(s.status().json()).contains("\"state_file\":{\"path\":\"" + notAFolder.resolve("grey.state") + "\"")
                    .contains("\"problem\":\"" + notAFolder + ": already exists");
            assertThat(s.status().nagios()).startsWith("1: State file not saved: " + notAFolder);
            // the operator fixes the folder: the next save clears the problem
            Files.delete(notAFolder);
            s.save();
            assertThat(s.stateFileProblem()).isNull();
            assertThat(s.stateSavedAt()).isPositive();
            assertThat(s.status().nagios()).startsWith("0: ");
        }
    }

    /** grossd loses its delay queue on a restart, so such a sender would be greylisted a second time. */
    @Test
    void aSenderGreylistedJustBeforeARestartPassesItsRetryAfterIt() throws Exception {
        Path state = dir.resolve("grey.state");
        String[] cfg = {"greylist.statefile=" + state, "greylist.grey_delay=1s", "greylist.state_save_interval=1h"};
        Query q = Query.of("192.0.2.10", "a@example.net", "b@example.org");
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.engine().decide(q).result()).isEqualTo(Result.GREY);
            assertThat(s.engine().delayQueue().size()).isEqualTo(1);
        } // saved on shutdown, the insert still waiting for its delay
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.engine().delayQueue().size()).as("the waiting insert was restored").isEqualTo(1);
            Thread.sleep(1300);
            assertThat(s.engine().decide(q).result()).isEqualTo(Result.MATCH);
        }
    }

    @Test
    void theRetryWindowRemembersFirstAttemptsAcrossARestart() throws Exception {
        Path state = dir.resolve("grey.state");
        String[] cfg = {"greylist.statefile=" + state, "greylist.grey_delay=1s", "greylist.retry_window=1h",
            "greylist.state_save_interval=1h"};
        Query q = Query.of("192.0.2.11", "c@example.net", "d@example.org");
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.engine().decide(q).result()).isEqualTo(Result.GREY);
        }
        Thread.sleep(1300);
        try (GreylistService s = GreylistService.start(TestConfig.of(cfg))) {
            assertThat(s.engine().decide(q).result()).as("retry after the delay, first attempt before the restart")
                    .isEqualTo(Result.MATCH);
        }
    }

    @Test
    void corruptStateFileIsMovedAsideAndTheServerStarts() throws Exception {
        Path state = dir.resolve("grey.state");
        Files.writeString(state, "garbage");
        try (GreylistService s = GreylistService.start(TestConfig.of("greylist.statefile=" + state))) {
            assertThat(s.policy()).isNotNull();
        }
        try (Stream<Path> l = Files.list(dir)) {
            assertThat(l.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("grey.state.bad-"));
        }
        assertThat(Files.exists(state)).as("saved again on shutdown").isTrue();
    }

    @Test
    void statusViewHasCountsFillAndInFlight() throws Exception {
        try (GreylistService s = GreylistService.start(TestConfig.of())) {
            s.engine().decide(Query.of("192.0.2.10", "a@example.net", "b@example.org"));
            s.engine().decide(Query.of("", "a@example.net", "b@example.org"));
            String json = s.status().json();
            assertThat(json).contains("\"grey\":1").contains("\"error\":1").contains("\"in_flight\":0")
                    .contains("\"fill_ratio\":").contains("\"delay_queue\":{\"length\":1");
            assertThat(s.status().nagios()).startsWith("0: Spamward greylist OK. Delay queue: 1 Trust: 0 Match: 0 Greylist: 1");
        }
    }

    @Test
    void nagiosLineWarnsWhenTheReplicationPeerIsDown() throws Exception {
        int port = dev.spamward.greylist.peers.Peers.freePort();
        try (GreylistService s = GreylistService.start(TestConfig.of("greylist.sync_listen=127.0.0.1:0",
                "greylist.sync_peer=127.0.0.1:" + port))) {
            assertThat(s.status().nagios()).isEqualTo("1: Peer unreachable.\n");
        }
    }

    @Test
    void badCheckConfigurationFailsWithAClearMessage() {
        assertThatThrownBy(() -> GreylistService.start(TestConfig.of("greylist.check=dnsbl", "greylist.dnsbl=zone;x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad weight");
    }

    @Test
    void busyPortIsReported() throws Exception {
        try (GreylistService a = GreylistService.start(TestConfig.of())) {
            int port = a.policy().address().getPort();
            assertThatThrownBy(() -> GreylistService.start(TestConfig.of("greylist.policy.listen=127.0.0.1:" + port)))
                    .hasMessageContaining("cannot listen for policy");
        }
    }
}
