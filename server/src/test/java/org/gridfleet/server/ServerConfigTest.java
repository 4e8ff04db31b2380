package org.gridfleet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsThePortAndTheTokensWithTheirRoles() throws Exception {
        Path file = Files.writeString(dir.resolve("server.properties"), """
                port = 0
                token.alice = operator:alice-secret-0123456789
                token.wall-screen = VIEWER:viewer-secret-0123456789
                """);

        ServerConfig config = ServerConfig.read(file);

        assertThat(config.port()).isZero();
        assertThat(config.tokens()).containsExactly(new ApiToken("alice", Role.OPERATOR, "alice-secret-0123456789"),
                new ApiToken("wall-screen", Role.VIEWER, "viewer-secret-0123456789"));
    }

    @Test
    void refusesWhatItCannotUseNamingTheKey() throws Exception {
        Path unknown = Files.writeString(dir.resolve("a.properties"), "host = 0.0.0.0\n");
        Path noRole = Files.writeString(dir.resolve("b.properties"), "token.bob = bob-secret-0123456789\n");
        Path badRole = Files.writeString(dir.resolve("c.properties"), "token.bob = boss:bob-secret-0123456789\n");
        Path shortSecret = Files.writeString(dir.resolve("d.properties"), "token.bob = viewer:short\n");

        assertThatThrownBy(() -> ServerConfig.read(unknown)).hasMessageContaining("unknown key 'host'");
        assertThatThrownBy(() -> ServerConfig.read(noRole)).hasMessageContaining("token.bob: expected ROLE:SECRET");
        assertThatThrownBy(() -> ServerConfig.read(badRole)).hasMessageContaining("role must be viewer, operator or admin");
        assertThatThrownBy(() -> ServerConfig.read(shortSecret)).hasMessageContaining("at least 16");
    }

    @Test
    void tokensAreUniqueByNameAndSecretAndNeverPrintTheirSecret() {
        ApiToken a = ApiToken.generate("alice", Role.OPERATOR);
        assertThat(a.toString()).doesNotContain(a.secret()).contains("alice");
        assertThat(ApiToken.generate("x", Role.VIEWER).secret()).isNotEqualTo(ApiToken.generate("x", Role.VIEWER).secret()).hasSize(43);
        assertThatThrownBy(() -> ServerConfig.loopback(0, List.of(a, new ApiToken("alice", Role.VIEWER, "another-secret-0123456"))))
                .hasMessageContaining("two tokens are named 'alice'");
        assertThatThrownBy(() -> ServerConfig.loopback(0, List.of(a, new ApiToken("bob", Role.VIEWER, a.secret()))))
                .hasMessageContaining("same secret");
        assertThatThrownBy(() -> new ServerConfig("0.0.0.0", 0, List.of())).hasMessageContaining("127.0.0.1 only");
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.allows(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.allows(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.allows(Role.OPERATOR)).isFalse();
    }
}
