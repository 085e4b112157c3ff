package com.telco.complaints.analytics.rest.pdf;

import com.telco.complaints.analytics.domain.MonthlyReport;
import com.telco.complaints.analytics.domain.MonthlyReport.RateFigure;
import com.telco.complaints.analytics.domain.MonthlyReport.VolumeChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly report on paper (月度投诉分析报告), from the same {@link MonthlyReport} as the JSON: the month's volume and
 * rates first, each in a chart (volume by category against the previous month; the rates against their targets), then
 * a table per section. Figures only, no customer's personal data, like the JSON.
 */
@ApplicationScoped
public class MonthlyReportPdf {

    static final String TITLE = "月度投诉分析报告";
    private static final Color THIS_MONTH = new Color(0x1f, 0x5f, 0xa8);
    private static final Color PREVIOUS_MONTH = new Color(0xa9, 0xb8, 0xcc);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm XXX");
    private static final float[] FIVE_COLUMNS = {187, 80, 80, 76, 76};
    /** The service providers a report lists: those with the most complaints. */
    private static final int TOP_PROVIDERS = 10;

    @Inject
    ReportFont font;

    public byte[] render(MonthlyReport report) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(TITLE + " " + report.month());
            try (PdfSheet sheet = new PdfSheet(document, font.loadInto(document))) {
                summary(sheet, report);
                volumes(sheet, report.volumes());
                hotspots(sheet, report);
                breaches(sheet, report);
                incidents(sheet, report);
                billingDisputes(sheet, report);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the monthly report of " + report.month(), e);
        }
    }

    /** Page 1: the title, the month's volume and the two charts, then the rates against their targets. */
    private static void summary(PdfSheet sheet, MonthlyReport report) throws IOException {
        sheet.line(TITLE, 20, PdfSheet.INK);
        String[] month = report.month().split("-");
        ZoneId zone = ZoneId.of(report.zone());
        sheet.line(month[0] + " 年 " + Integer.parseInt(month[1]) + " 月（" + report.zone() + "）  统计期间 "
                + local(report.from(), zone) + " 至 " + local(report.to(), zone), 9, PdfSheet.MUTED);
        VolumeChange total = report.volumes().total();
        sheet.down(6);
        sheet.line("投诉量 " + ReportWords.count(total.count()) + "（上月 " + ReportWords.count(total.previous())
                + "，变化 " + ReportWords.change(total.change()) + "，" + ReportWords.changeRate(total.changeRate())
                + "）", 12, PdfSheet.INK);
        sheet.down(8);

        List<VolumeChange> byCategory = report.volumes().byCategory();
        new BarChart("投诉量 按类别：本月与上月", byCategory.stream().map(v -> ReportWords.group(v.group())).toList(),
                List.of(new BarChart.Series("本月", THIS_MONTH, byCategory.stream().map(v -> (double) v.count()).toList()),
                        new BarChart.Series("上月", PREVIOUS_MONTH,
                                byCategory.stream().map(v -> (double) v.previous()).toList())),
                niceTop(byCategory), List.of(), v -> ReportWords.count(Math.round(v))).draw(sheet, 190);
        sheet.down(8);

        List<RateFigure> rates = report.rates().stream().filter(r -> ReportWords.isRate(r.figure())).toList();
        new BarChart("考核指标与目标", rates.stream().map(r -> ReportWords.figure(r.figure())).toList(),
                List.of(new BarChart.Series("本月", THIS_MONTH, rates.stream().map(RateFigure::value).toList()),
                        new BarChart.Series("上月", PREVIOUS_MONTH, rates.stream().map(RateFigure::previous).toList())),
                1.0, rates.stream().map(r -> bound(r.target())).toList(), v -> String.format(Locale.ROOT, "%.0f%%", v * 100))
                .draw(sheet, 200);

        sheet.heading("考核指标");
        List<List<String>> rows = new ArrayList<>();
        for (RateFigure r : report.rates()) {
            rows.add(List.of(ReportWords.figure(r.figure()), ReportWords.value(r.figure(), r.value()),
                    ReportWords.value(r.figure(), r.previous()), ReportWords.target(r.figure(), r.target()),
                    ReportWords.met(r.met())));
        }
        sheet.table(List.of("指标", "本月", "上月", "目标", "是否达标"), FIVE_COLUMNS, rows);
    }

    private static void volumes(PdfSheet sheet, MonthlyReport.Volumes volumes) throws IOException {
        volumeTable(sheet, "投诉量 按类别", "类别", volumes.byCategory());
        volumeTable(sheet, "投诉量 按渠道", "渠道", volumes.byChannel());
        volumeTable(sheet, "投诉量 按地区", "地区", volumes.byRegion());
        volumeTable(sheet, "投诉量 按部门", "部门", volumes.byDepartment());
    }

    private static void volumeTable(PdfSheet sheet, String heading, String groupName, List<VolumeChange> groups)
            throws IOException {
        sheet.heading(heading);
        List<List<String>> rows = groups.stream().map(v -> List.of(ReportWords.group(v.group()),
                ReportWords.count(v.count()), ReportWords.count(v.previous()), ReportWords.change(v.change()),
                ReportWords.changeRate(v.changeRate()))).toList();
        if (rows.isEmpty()) {
            sheet.line("本月与上月均无投诉。", 9, PdfSheet.MUTED);
            return;
        }
        sheet.table(List.of(groupName, "本月", "上月", "变化", "变化率"), FIVE_COLUMNS, rows);
    }

    private static void hotspots(PdfSheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("热点问题（地区 × 类别，与上月相比）");
        if (report.hotspots().isEmpty()) {
            sheet.line("本月没有热点。", 9, PdfSheet.MUTED);
            return;
        }
        sheet.table(List.of("地区", "类别", "本月", "上月水平", "倍数"), FIVE_COLUMNS, report.hotspots().stream()
                .map(h -> List.of(h.region(), ReportWords.group(h.category()), ReportWords.count(h.count()),
                        ReportWords.decimal(h.usual()), h.ratio() == null ? "新出现" : ReportWords.decimal(h.ratio())))
                .toList());
    }

    private static void breaches(PdfSheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("超时 按部门");
        if (report.breachesByDepartment().isEmpty()) {
            sheet.line("本月无投诉。", 9, PdfSheet.MUTED);
            return;
        }
        sheet.table(List.of("部门", "超时", "预警"), new float[] {267, 116, 116}, report.breachesByDepartment().stream()
                .map(b -> List.of(ReportWords.group(b.department()), ReportWords.count(b.breaches()),
                        ReportWords.count(b.warnings())))
                .toList());
    }

    private static void incidents(PdfSheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("故障事件");
        if (report.incidents().isEmpty()) {
            sheet.line("本月无故障事件记录。", 9, PdfSheet.MUTED);
            return;
        }
        ZoneId zone = ZoneId.of(report.zone());
        sheet.table(List.of("事件", "地区", "宣布时间", "投诉", "已回单"), FIVE_COLUMNS, report.incidents().stream()
                .map(i -> List.of(i.incidentId() + " " + i.title(), i.region(), local(i.declaredAt(), zone),
                        ReportWords.count(i.complaints()), ReportWords.count(i.returned())))
                .toList());
    }

    private static void billingDisputes(PdfSheet sheet, MonthlyReport report) throws IOException {
        sheet.heading("计费争议与退费");
        MonthlyReport.BillingDisputes d = report.billingDisputes();
        sheet.table(List.of("争议", "已举证", "暂退费", "退费金额（元）"), new float[] {187, 104, 104, 104},
                List.of(List.of(ReportWords.count(d.disputes()), ReportWords.count(d.proofsReceived()),
                        ReportWords.count(d.provisionalRefunds()), ReportWords.yuan(d.refundedFen()))));
        if (d.perSp().isEmpty()) {
            return;
        }
        sheet.table(List.of("服务提供商", "投诉", "争议", "暂退费", "退费金额（元）"), FIVE_COLUMNS, d.perSp().stream()
                .limit(TOP_PROVIDERS)
                .map(sp -> List.of(sp.spCode(), ReportWords.count(sp.complaints()), ReportWords.count(sp.disputes()),
                        ReportWords.count(sp.refunds()), ReportWords.yuan(sp.refundedFen())))
                .toList());
    }

    private static String local(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant, zone).format(LOCAL);
    }

    /** A target's bound as a share, from the rule the report carries (e.g. {@code >= 0.9}); null without one. */
    private static Double bound(String rule) {
        return rule == null ? null : Double.valueOf(rule.substring(rule.indexOf(' ') + 1));
    }

    /** The axis' top for volumes: the largest count rounded up to a multiple of 4, at least 4. */
    private static double niceTop(List<VolumeChange> groups) {
        long max = groups.stream().mapToLong(v -> Math.max(v.count(), v.previous())).max().orElse(0);
        return Math.max(4, (max + 3) / 4 * 4);
    }
}
