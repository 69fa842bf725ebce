package cn.doublerandom.platform;

import cn.doublerandom.demo.DemoConfig;
import cn.doublerandom.portal.PortalConfig;
import cn.doublerandom.publication.PublicationConfig;
import cn.doublerandom.registry.RegistryConfig;
import cn.doublerandom.report.ReportConfig;
import cn.doublerandom.result.ResultConfig;
import cn.doublerandom.security.SecurityConfig;
import cn.doublerandom.transparency.TransparencyConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The defaults the mappings declare are the ones the service ran with when they were written in
 * application.properties, and the test profile's overrides still win over them.
 */
@QuarkusTest
class ConfigDefaultsTest {

    @Inject
    PlatformConfig platform;

    @Inject
    RegistryConfig registry;

    @Inject
    ReportConfig reports;

    @Inject
    SecurityConfig security;

    @Inject
    PublicationConfig publication;

    @Inject
    PortalConfig portal;

    @Inject
    DemoConfig demo;

    @Inject
    ResultConfig results;

    @Inject
    TransparencyConfig transparency;

    @Test
    void keysNoProfileSetsTakeTheMappingsDefaults() {
        assertEquals(ZoneId.of("Asia/Shanghai"), platform.businessZone());
        assertEquals(32L * 1024 * 1024, platform.http().maxBodySize().asLongValue());
        assertEquals(4096, platform.http().maxRequestTarget());
        assertEquals(200_000, registry.importing().maxRows());
        assertTrue(registry.classification().specialOverGeneral());
        assertEquals(2, reports.reports().activity().minRecords());
        assertEquals(0, new BigDecimal("90").compareTo(reports.reports().activity().minRate()));
        assertEquals(1, reports.accountability().criticismAt());
        assertEquals(2, reports.accountability().removalAt());
        assertEquals(3, reports.accountability().referralAt());
        assertEquals(Optional.empty(), reports.portal().baseUrl());
        assertEquals(19, reports.reports().assessment().units().stream().filter(u -> u.startsWith("130100:")).count());
        assertTrue(reports.reports().assessment().units().contains("130100:130171=高新区"));
        assertEquals(0, BigDecimal.ONE.compareTo(reports.reports().assessment().lowViolationRate()));
        assertEquals("region", security.regionClaim());
        assertTrue(portal.search().index());
        assertEquals(200, demo.targetsPerCounty());
        assertEquals(12, demo.inspectorsPerCounty());
        assertEquals("doublerandom.local/log", transparency.origin());
        assertEquals(Optional.empty(), transparency.key());
    }

    @Test
    void theTestProfileOverridesTheDefaults() {
        assertEquals(3, publication.batch());
        assertEquals("off", publication.cron());
        assertEquals(Duration.ZERO, portal.search().maxStaleness());
        assertEquals("off", registry.draw().mirror().refresh());
        assertTrue(security.devTokens());
        assertFalse(platform.log().json());
        assertFalse(demo.enabled());
        assertEquals(64L * 1024, results.attachments().maxSize().asLongValue());
        assertTrue(transparency.generateKey());
        assertEquals("off", transparency.checkpointCron());
    }

    @Test
    void theSchedulesSeeTheMappingsKeysByName() {
        // @Scheduled reads {doublerandom.publication.cron} and {doublerandom.draw.mirror.refresh} by
        // name: a default written only in a mapping must be visible there as well
        Config config = ConfigProvider.getConfig();
        assertEquals(200_000, config.getValue("doublerandom.import.max-rows", Integer.class));
        assertEquals("off", config.getValue("doublerandom.publication.cron", String.class));
        assertEquals("off", config.getValue("doublerandom.draw.mirror.refresh", String.class));
    }
}
