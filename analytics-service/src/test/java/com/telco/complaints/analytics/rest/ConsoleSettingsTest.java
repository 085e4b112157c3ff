package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.ConsoleConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's settings as the real mapping reads them ({@code console.*}, or the environment). */
class ConsoleSettingsTest {

    private static ConsoleResource.Settings settings(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ConsoleConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 250), new EnvConfigSource(env, 300))
                .build();
        return ConsoleResource.Settings.of(config.getConfigMapping(ConsoleConfig.class));
    }

    @Test
    void byDefaultTheDoorsAreTheDesignPortsOfThePagesOwnHostAndPeoplePasteTokens() {
        ConsoleResource.Settings settings = settings(Map.of(), Map.of());

        assertThat(settings.doors()).containsExactly(Map.entry("intake", ":8081"), Map.entry("routing", ":8082"),
                Map.entry("sla", ":8083"), Map.entry("survey", ":8084"), Map.entry("analytics", ""));
        assertThat(settings.oidc()).isNull();
        assertThat(settings.zone()).isEqualTo("Asia/Shanghai");
        assertThat(settings.refreshSeconds()).isEqualTo(15);
    }

    @Test
    void theLauncherSetsTheDoorsInTheEnvironmentAndAProviderIsDescribedByItsEndpoints() {
        ConsoleResource.Settings settings = settings(Map.of(
                "console.oidc.authorization-endpoint", "https://sso.example.com/realms/telco/protocol/openid-connect/auth",
                "console.oidc.token-endpoint", "https://sso.example.com/realms/telco/protocol/openid-connect/token",
                "console.oidc.client-id", "complaint-console",
                "console.doors.survey", "https://survey.example.com/",
                "console.zone", "Asia/Urumqi",
                "console.refresh-seconds", "30"), Map.of("CONSOLE_DOORS_SLA", ":18083"));

        assertThat(settings.doors()).containsEntry("sla", ":18083").containsEntry("survey", "https://survey.example.com")
                .containsEntry("intake", ":8081");
        assertThat(settings.oidc()).isEqualTo(new ConsoleResource.Oidc(
                "https://sso.example.com/realms/telco/protocol/openid-connect/auth",
                "https://sso.example.com/realms/telco/protocol/openid-connect/token", "complaint-console", "openid",
                null));
        assertThat(settings.zone()).isEqualTo("Asia/Urumqi");
        assertThat(settings.refreshSeconds()).isEqualTo(30);
    }

    @Test
    void aDoorOrAProviderThatCannotWorkStopsStartUp() {
        assertThatThrownBy(() -> settings(Map.of("console.doors.routing", "8082"), Map.of()))
                .hasMessageContaining("console.doors.routing");
        assertThatThrownBy(() -> settings(Map.of("console.doors.sla", ":70000"), Map.of()))
                .hasMessageContaining("console.doors.sla");
        assertThatThrownBy(() -> settings(Map.of("console.refresh-seconds", "0"), Map.of()))
                .hasMessageContaining("console.refresh-seconds");
        assertThatThrownBy(() -> settings(Map.of("console.oidc.client-id", "complaint-console"), Map.of()))
                .hasMessageContaining("console.oidc.authorization-endpoint");
        assertThatThrownBy(() -> settings(Map.of("console.oidc.authorization-endpoint", "sso/auth",
                "console.oidc.token-endpoint", "https://sso/token", "console.oidc.client-id", "c"), Map.of()))
                .hasMessageContaining("console.oidc.authorization-endpoint");
    }

    @Test
    void thePolicyLetsThePageCallItsDoorsAndTheTokenEndpointAndNothingElse() {
        String byPort = ConsoleRoutes.contentSecurityPolicy(settings(Map.of(), Map.of()));
        assertThat(byPort).contains("script-src 'self';", "style-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .contains("connect-src 'self' http://*:8081 https://*:8081 http://*:8082 https://*:8082 http://*:8083 "
                        + "https://*:8083 http://*:8084 https://*:8084 blob:;")
                .doesNotContain("connect-src 'self' http: ").doesNotContain("unsafe");

        String byUrl = ConsoleRoutes.contentSecurityPolicy(settings(Map.of(
                "console.doors.routing", "https://routing.example.com/api/",
                "console.oidc.authorization-endpoint", "https://sso.example.com:8443/realms/telco/protocol/openid-connect/auth",
                "console.oidc.token-endpoint", "https://sso.example.com:8443/realms/telco/protocol/openid-connect/token",
                "console.oidc.client-id", "complaint-console"), Map.of()));
        assertThat(byUrl).contains(" https://routing.example.com ", " https://sso.example.com:8443 ")
                .doesNotContain("*:8082").doesNotContain("/realms");
    }
}
