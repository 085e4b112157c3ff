package com.telco.complaints.analytics.rest.pdf;

import com.telco.complaints.analytics.domain.BusinessMonth;
import com.telco.complaints.analytics.domain.CustomerObligations;
import com.telco.complaints.analytics.domain.Hotspots;
import com.telco.complaints.analytics.domain.KpiCase;
import com.telco.complaints.analytics.domain.Kpis;
import com.telco.complaints.analytics.domain.MonthlyReport;
import com.telco.complaints.analytics.domain.WorkOrderCounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyReportPdfTest {

    private static final BusinessMonth NOVEMBER = new BusinessMonth(YearMonth.of(2026, 11), ZoneId.of("Asia/Shanghai"));

    private static KpiCase registeredIn(String department) {
        return new KpiCase("C", "NETWORK", "HOTLINE", "TZ-HL", department, Instant.parse("2026-11-10T02:00:00Z"), null,
                1, 0, 0, 0, 0, 0, 0, false, false, CustomerObligations.NONE, WorkOrderCounts.NONE);
    }

    private static byte[] render(List<KpiCase> cases, List<MonthlyReport.Incident> incidents) {
        MonthlyReportPdf pdf = new MonthlyReportPdf();
        pdf.font = new ReportFont();
        return pdf.render(MonthlyReport.of(NOVEMBER, cases, List.of(), Kpis.Subscribers.NONE,
                List.of(new Hotspots.Hotspot("TZ-HL", "NETWORK", 6, 0, null, List.of())), incidents,
                new MonthlyReport.BillingDisputes(3, 1, 2, 1250, List.of())));
    }

    private static String text(PDDocument document) throws Exception {
        return new PDFTextStripper().getText(document);
    }

    @Test
    void theChineseTextIsInAnEmbeddedSubsetOfTheShippedTrueTypeFont() throws Exception {
        try (PDDocument document = Loader.loadPDF(render(List.of(registeredIn("network-ops")), List.of()))) {
            assertThat(PdfFonts.of(document)).isNotEmpty().allSatisfy(font -> assertThat(font)
                    .extracting("type0", "trueType", "embedded", "subset").containsOnly(true));
            assertThat(PdfFonts.of(document)).extracting("name").allSatisfy(name ->
                    assertThat((String) name).contains("WenQuanYi"));
            assertThat(text(document)).contains("月度投诉分析报告", "考核指标与目标", "热点问题", "新出现", "故障事件",
                    "本月无故障事件记录。", "计费争议与退费", "12.50", "网络质量", "network-ops");
        }
    }

    @Test
    void aLongTableRunsOntoMorePagesWithItsHeaderRepeated() throws Exception {
        List<KpiCase> cases = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            cases.add(registeredIn(String.format("department-%02d", i)));
        }
        try (PDDocument document = Loader.loadPDF(render(cases, List.of()))) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = text(document);
            assertThat(text).contains("department-00", "department-79");
            assertThat(text.split("部门 本月 上月 变化 变化率", -1).length - 1).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aCharacterTheFontLacksIsShownAsAQuestionMarkNotAFailure() throws Exception {
        MonthlyReport.Incident incident = new MonthlyReport.Incident("INC-20261110-1", "TZ-HL", "NETWORK",
                "基站断电 \uD83D\uDD25", "network-ops", Instant.parse("2026-11-10T02:00:00Z"),
                Instant.parse("2026-11-10T10:00:00Z"), null, 12, 0);
        try (PDDocument document = Loader.loadPDF(render(List.of(registeredIn("network-ops")), List.of(incident)))) {
            assertThat(text(document)).contains("INC-20261110-1 基站断电 ?", "2026-11-10 10:00 +08:00");
        }
    }
}
