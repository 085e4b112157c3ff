package com.telco.complaints.analytics.rest.pdf;

import com.telco.complaints.analytics.domain.KpiCase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The Chinese words and number formats of the reports: the domain words of the web console (its
 * {@code console/js/i18n.js}), so that a figure has the same name on the wall and on paper. A name the console does
 * not know (a department, a region) is shown as it is.
 */
final class ReportWords {

    static final String NONE = "—";

    private static final Map<String, String> FIGURES = Map.of(
            "onTimeReturnRate", "回单及时率",
            "satisfactionRate", "满意率",
            "replyRate", "答复率",
            "contactTimeliness", "24 小时联系及时率",
            "answerTimeliness", "48 小时答复及时率",
            "progressCompliance", "进度告知合规率",
            "recurrenceRate", "重复投诉率",
            "complaintsPer10k", "万户投诉率");

    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("NETWORK", "网络质量"), Map.entry("BUSINESS", "业务与计费"), Map.entry("SERVICE", "服务"),
            Map.entry("HOTLINE", "热线"), Map.entry("ONLINE", "网上"), Map.entry("EMAIL", "邮件"),
            Map.entry("IN_PERSON", "营业厅"), Map.entry("LETTER", "信函"), Map.entry("SOCIAL_MEDIA", "社交媒体"),
            Map.entry("REGULATOR", "管局转办"), Map.entry(KpiCase.UNDISPATCHED, "未派单"),
            Map.entry(KpiCase.FIRST_CONTACT, "即时处理"));

    private ReportWords() {}

    static String figure(String figure) {
        return FIGURES.getOrDefault(figure, figure);
    }

    /** A category, channel or the department groups of complaints not dispatched; anything else as it is. */
    static String group(String group) {
        return GROUPS.getOrDefault(group, group);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A signed difference: +4, -1, 0. */
    static String change(long n) {
        return n > 0 ? "+" + count(n) : count(n);
    }

    /** A share as a percentage with one decimal; a missing share as a dash. */
    static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A signed percentage change; a dash when there was nothing before to compare with. */
    static String changeRate(Double share) {
        return share == null ? NONE : (share > 0 ? "+" : "") + percent(share);
    }

    /** A plain number with at most two decimals (complaints per 10,000, a hotspot's ratio). */
    static String decimal(Double value) {
        return value == null ? NONE
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A figure's value: a rate as a percentage, complaints per 10,000 as a number. */
    static String value(String figure, Double value) {
        return isRate(figure) ? percent(value) : decimal(value);
    }

    static boolean isRate(String figure) {
        return !"complaintsPer10k".equals(figure);
    }

    /** A target of the seeds as a person reads it: {@code >= 0.9} → {@code ≥ 90%}, {@code < 5.0} → {@code < 5}. */
    static String target(String figure, String rule) {
        if (rule == null) {
            return "无目标";
        }
        String[] parts = rule.split(" ");
        double bound = Double.parseDouble(parts[1]);
        String relation = ">=".equals(parts[0]) ? "≥" : parts[0];
        return relation + " " + (isRate(figure) ? percent(bound).replace(".0%", "%") : decimal(bound));
    }

    /** Met, missed, or nothing to judge. */
    static String met(Boolean met) {
        return met == null ? NONE : met ? "达标" : "未达标";
    }

    /** Fen as yuan with two decimals. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
