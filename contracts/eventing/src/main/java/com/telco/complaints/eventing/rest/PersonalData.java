package com.telco.complaints.eventing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a customer's personal data is shown to a caller who may see the case but not the person
 * (an operator, an administrator): a name keeps its first character ({@code 王*}, {@code 欧**}), a
 * phone number its first three and last four digits ({@code 138****1234}); anything else that
 * identifies a person (an e-mail, an address) keeps its first character and its domain. Free text
 * is shown unchanged. Seed 004 (细则 第九条) and PIPL: the complainant's right to confidential
 * handling.
 */
public final class PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d{7,15}");

    private PersonalData() {}

    /**
     * A record's value as an operator or an administrator may read it: in JSON, every
     * {@code customer} object's {@code name}, {@code phone} and {@code contact} masked (the
     * registration's person, wherever the event carries it); text that is not JSON with every run of
     * 7 to 15 digits masked as a phone number. Unchanged when there is nothing to mask.
     */
    public static String maskInRecord(String value) {
        if (value == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (IOException | RuntimeException notJson) {
            tree = null;
        }
        if (tree == null || !tree.isContainerNode()) {
            return PHONE_LIKE.matcher(value).replaceAll(m -> Matcher.quoteReplacement(maskPhone(m.group())));
        }
        if (!maskCustomers(tree)) {
            return value;
        }
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException("writing back a JSON tree that was just read", e);
        }
    }

    private static boolean maskCustomers(JsonNode node) {
        boolean masked = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode customer = object.get("customer");
            if (customer != null && customer.isObject()) {
                ObjectNode c = (ObjectNode) customer;
                masked |= replace(c, "name", PersonalData::maskName);
                masked |= replace(c, "phone", PersonalData::maskPhone);
                masked |= replace(c, "contact", PersonalData::maskContact);
            }
            for (JsonNode child : object) {
                masked |= maskCustomers(child);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                masked |= maskCustomers(child);
            }
        }
        return masked;
    }

    private static boolean replace(ObjectNode object, String field, UnaryOperator<String> mask) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            return false;
        }
        String masked = mask.apply(value.textValue());
        object.put(field, masked);
        return !masked.equals(value.textValue());
    }

    /** {@code 王小明} → {@code 王**}; null stays null. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return n.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /**
     * {@code 13812341234} → {@code 138****1234}; a shorter number keeps only its last four digits
     * visible when it has more than four, and is masked whole otherwise.
     */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        int n = p.length();
        if (n >= 11) {
            return p.substring(0, 3) + "*".repeat(n - 7) + p.substring(n - 4);
        }
        if (n > 4) {
            return "*".repeat(n - 4) + p.substring(n - 4);
        }
        return "*".repeat(n);
    }

    /** A contact such as an e-mail address: {@code li.si@example.com} → {@code l****@example.com}. */
    public static String maskContact(String contact) {
        if (contact == null || contact.isBlank()) {
            return contact;
        }
        String c = contact.strip();
        int at = c.indexOf('@');
        if (at > 0) {
            return c.charAt(0) + "*".repeat(Math.max(1, at - 1)) + c.substring(at);
        }
        return c.chars().allMatch(ch -> Character.isDigit(ch) || ch == '+' || ch == '-' || ch == ' ')
                ? maskPhone(c) : maskName(c);
    }
}
