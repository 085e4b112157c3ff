package com.telco.complaints.sla.config;

import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.HolidayNotice;
import com.telco.complaints.sla.domain.SlaPolicies;
import com.telco.complaints.sla.domain.SlaPolicy;
import com.telco.complaints.sla.domain.WorkingPeriod;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The calendar and the policies, built from configuration at start-up: an inconsistent one stops the service. */
@ApplicationScoped
public class SlaBeans {

    private static final Logger LOG = Logger.getLogger(SlaBeans.class);

    /**
     * The calendar as configured and shipped: working hours and the notices of {@code sla.calendar.years}. The
     * calendar in force is {@link com.telco.complaints.sla.messaging.CalendarBook}'s: this one and the notices
     * loaded at run time.
     */
    @Produces
    @Singleton
    @Startup
    ShippedCalendar shippedCalendar(SlaConfig config) {
        SlaConfig.Calendar c = config.calendar();
        Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> e : c.hours().entrySet()) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("sla.calendar.hours." + e.getKey() + ": not a day of the week");
            }
            hours.put(day, parse("sla.calendar.hours." + e.getKey(), e.getValue()));
        }
        List<WorkingPeriod> makeUpDayHours = parse("sla.calendar.make-up-day-hours", c.makeUpDayHours());
        BusinessCalendar calendar = new BusinessCalendar(c.zone(), hours, makeUpDayHours, List.of());
        Map<Integer, String> sources = new java.util.TreeMap<>();
        for (String location : c.years().orElse(List.of())) {
            HolidayNotice notice = HolidayNotice.parse(read(location), location);
            List<HolidayNotice.Problem> problems = notice.problems(calendar);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("sla.calendar.years: " + location + ": " + problems.get(0).field()
                        + ": " + problems.get(0).message());
            }
            if (sources.put(notice.year(), location) != null) {
                throw new IllegalArgumentException("sla.calendar.years: two notices of " + notice.year());
            }
            calendar = calendar.withNotice(notice);
            LOG.infof("business calendar: %d holidays and %d make-up working days of %d from %s",
                    notice.holidays().size(), notice.makeUpWorkdays().size(), notice.year(), location);
        }
        return new ShippedCalendar(calendar, sources);
    }

    @Produces
    @Singleton
    @Startup
    SlaPolicies slaPolicies(SlaConfig config) {
        List<SlaPolicy> policies = config.policies().entrySet().stream()
                .map(e -> new SlaPolicy(e.getKey(), e.getValue().clock(), e.getValue().category(),
                        e.getValue().urgency(), e.getValue().tier(), e.getValue().channel(), e.getValue().kind(),
                        e.getValue().limit().orElse(null), e.getValue().warningRatio()))
                .toList();
        return new SlaPolicies(policies);
    }

    private static List<WorkingPeriod> parse(String setting, String value) {
        try {
            return WorkingPeriod.parseAll(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    private static String read(String location) {
        Path file = Path.of(location);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(location.startsWith("/") ? location.substring(1) : location)) {
                if (in == null) {
                    throw new IllegalArgumentException("sla.calendar.years: no file or classpath resource " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("sla.calendar.years: cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
