package com.telco.complaints.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.eventing.rest.FieldError;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a submitted complaint field by field and reports every wrong field at once, so that a
 * publishing system fixes its request in one round. Text is kept exactly as sent (Chinese,
 * emoji and all) apart from trimming; control characters and broken Unicode are refused. A billing period is
 * judged by the clock and in the business zone it is given: a month yet to come can hold no charge.
 */
public final class SubmissionValidator {

    public static final int DESCRIPTION_MAX = 4000;
    public static final int DEMAND_MAX = 2000;
    public static final int RESOLUTION_MAX = 2000;
    public static final int NAME_MAX = 100;
    public static final int SUBCATEGORY_MAX = 100;
    public static final int CONTACT_MAX = 200;
    public static final int EXTERNAL_SYSTEM_MAX = 64;
    public static final int EXTERNAL_ID_MAX = 128;

    public static final int SERVICE_NAME_MAX = 200;
    /** The largest disputed amount taken, in fen (10,000,000 yuan): more is a typo, not a charge. */
    public static final long DISPUTED_FEN_MAX = 1_000_000_000L;

    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    /** The service provider's enterprise code (企业代码) as the billing system keys it: upper-case letters and digits. */
    private static final Pattern SP_CODE = Pattern.compile("[A-Z0-9]{1,32}");
    private static final Pattern BILLING_PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock the clock a billing period is judged by
     * @param zone  the business zone, in which the current month is the operator's
     */
    public SubmissionValidator(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Collects the errors of one submission while its fields are read. */
    private static final class Reader {
        final List<FieldError> errors = new ArrayList<>();

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        String text(JsonNode parent, String name, String path, boolean required, int max, boolean multiLine) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                error(path, "must be a string");
                return null;
            }
            String value = node.asText().strip();
            if (value.isEmpty()) {
                if (required) {
                    error(path, "must not be blank");
                }
                return null;
            }
            String problem = textProblem(value, multiLine);
            if (problem != null) {
                error(path, problem);
                return null;
            }
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                error(path, "must be at most " + max + " characters (is " + length + ")");
                return null;
            }
            return value;
        }

        <E extends Enum<E>> E enumValue(JsonNode parent, String name, String path, Class<E> type, E fallback) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (fallback == null) {
                    error(path, "is required");
                }
                return fallback;
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (!node.isTextual()) {
                error(path, "must be one of " + allowed);
                return null;
            }
            try {
                return Enum.valueOf(type, node.asText());
            } catch (IllegalArgumentException e) {
                error(path, "must be one of " + allowed + " (was '" + printable(node.asText()) + "')");
                return null;
            }
        }

        JsonNode object(JsonNode parent, String name, String path, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!node.isObject()) {
                error(path, "must be an object");
                return null;
            }
            return node;
        }
    }

    public Validation validate(JsonNode body) {
        Reader in = new Reader();
        if (body == null || !body.isObject()) {
            in.error("$", "the body must be a JSON object");
            return new Validation.Invalid(in.errors);
        }
        Channel channel = in.enumValue(body, "channel", "channel", Channel.class, null);
        Category category = in.enumValue(body, "category", "category", Category.class, null);
        String subcategory = in.text(body, "subcategory", "subcategory", false, SUBCATEGORY_MAX, false);
        Urgency urgency = in.enumValue(body, "urgency", "urgency", Urgency.class, Urgency.NORMAL);
        String region = in.text(body, "region", "region", true, 32, false);
        if (region != null && !REGION.matcher(region).matches()) {
            in.error("region", "must be a region code of letters, digits, '-' or '_' (e.g. TZ-HL)");
            region = null;
        }
        Customer customer = customer(in, in.object(body, "customer", "customer", true));
        String description = in.text(body, "description", "description", true, DESCRIPTION_MAX, true);
        String demand = in.text(body, "demand", "demand", false, DEMAND_MAX, true);
        ExternalRef externalRef = externalRef(in, in.object(body, "externalRef", "externalRef", false));
        FirstContactResolution resolved = resolution(in,
                in.object(body, "resolvedAtFirstContact", "resolvedAtFirstContact", false));
        BillingDispute dispute = billingDispute(in, in.object(body, "billingDispute", "billingDispute", false),
                category);
        if (dispute != null && resolved != null) {
            // A dispute waits for the provider's proof on billing's work order; resolved on the spot it has none.
            in.error("billingDispute", "a disputed charge is not resolved at the first contact: billing waits 15 days "
                    + "for the service provider's proof");
        }

        if (!in.errors.isEmpty()) {
            return new Validation.Invalid(in.errors);
        }
        return new Validation.Valid(new ComplaintDraft(channel, category, subcategory, urgency,
                region.toUpperCase(Locale.ROOT), customer, description, demand, externalRef, resolved, dispute));
    }

    /**
     * A disputed charge of a service provider (seed 004, 短信息服务收费异议): only a BUSINESS complaint (billing,
     * tariffs, SP charges) disputes one; the SP's enterprise code, the service, the amount in whole fen and the
     * month billed, all required.
     */
    private BillingDispute billingDispute(Reader in, JsonNode node, Category category) {
        if (node == null) {
            return null;
        }
        if (category != null && category != Category.BUSINESS) {
            in.error("billingDispute", "only a BUSINESS complaint disputes a charge (category is " + category + ")");
            return null;
        }
        String spCode = in.text(node, "spCode", "billingDispute.spCode", true, 32, false);
        if (spCode != null && !SP_CODE.matcher(spCode).matches()) {
            in.error("billingDispute.spCode", "must be the SP's enterprise code (企业代码): 1 to 32 characters "
                    + "A-Z, 0-9 (e.g. SP901234)");
            spCode = null;
        }
        String serviceName = in.text(node, "serviceName", "billingDispute.serviceName", true, SERVICE_NAME_MAX, false);
        Long amount = disputedAmountFen(in, node.get("disputedAmountFen"));
        String period = billingPeriod(in, node);
        return spCode == null || serviceName == null || amount == null || period == null ? null
                : new BillingDispute(spCode, serviceName, amount, period);
    }

    /** A whole, positive number of fen, at most {@link #DISPUTED_FEN_MAX}: never a decimal or a string. */
    private static Long disputedAmountFen(Reader in, JsonNode node) {
        String field = "billingDispute.disputedAmountFen";
        if (node == null || node.isNull()) {
            in.error(field, "is required");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1
                || node.asLong() > DISPUTED_FEN_MAX) {
            in.error(field, "must be a whole number of fen (1/100 yuan) from 1 to " + DISPUTED_FEN_MAX);
            return null;
        }
        return node.asLong();
    }

    /** The month billed, {@code YYYY-MM}: a real month, not after the current month in the business zone. */
    private String billingPeriod(Reader in, JsonNode node) {
        String field = "billingDispute.billingPeriod";
        String value = in.text(node, "billingPeriod", field, true, 32, false);
        if (value == null) {
            return null;
        }
        YearMonth month;
        try {
            month = BILLING_PERIOD.matcher(value).matches() ? YearMonth.parse(value) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            in.error(field, "must be a month as YYYY-MM (e.g. 2026-10)");
            return null;
        }
        YearMonth current = YearMonth.now(clock.withZone(zone));
        if (month.isAfter(current)) {
            in.error(field, "must not be after the current month (" + current + ")");
            return null;
        }
        return value;
    }

    /** Resolved during the first contact (即时处理): what was done and what the customer was told, both required. */
    private static FirstContactResolution resolution(Reader in, JsonNode node) {
        if (node == null) {
            return null;
        }
        String measures = in.text(node, "measures", "resolvedAtFirstContact.measures", true, RESOLUTION_MAX, true);
        String explanation = in.text(node, "explanation", "resolvedAtFirstContact.explanation", true, RESOLUTION_MAX,
                true);
        return measures == null || explanation == null ? null : new FirstContactResolution(measures, explanation);
    }

    private static Customer customer(Reader in, JsonNode node) {
        if (node == null) {
            return null;
        }
        String name = in.text(node, "name", "customer.name", true, NAME_MAX, false);
        String rawPhone = in.text(node, "phone", "customer.phone", true, 32, false);
        String phone = null;
        if (rawPhone != null) {
            phone = PhoneNumbers.normalize(rawPhone).orElse(null);
            if (phone == null) {
                in.error("customer.phone", "must be a Chinese mobile number (11 digits starting with 1, optionally "
                        + "+86 or 0086) or a fixed-line number with its area code (e.g. 010-12345678)");
            }
        }
        CustomerTier tier = in.enumValue(node, "tier", "customer.tier", CustomerTier.class, CustomerTier.STANDARD);
        String contact = in.text(node, "contact", "customer.contact", false, CONTACT_MAX, false);
        return new Customer(name, phone, tier, contact);
    }

    private static ExternalRef externalRef(Reader in, JsonNode node) {
        if (node == null) {
            return null;
        }
        String system = in.text(node, "system", "externalRef.system", true, EXTERNAL_SYSTEM_MAX, false);
        String id = in.text(node, "id", "externalRef.id", true, EXTERNAL_ID_MAX, false);
        return new ExternalRef(system, id);
    }

    /**
     * Why a text is refused, or null: control characters (line breaks and tabs are allowed in
     * multi-line fields) and lone surrogates, which no character encoding can carry.
     */
    static String textProblem(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains broken Unicode (a lone surrogate at position " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains broken Unicode (a lone surrogate at position " + i + ")";
            }
            boolean allowedWhitespace = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if (Character.getType(c) == Character.CONTROL && !allowedWhitespace) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ") at position " + i;
            }
        }
        return null;
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return textProblem(cut, false) == null ? cut : "?";
    }
}
