package com.telco.complaints.analytics.rest.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A grouped bar chart in PDF vector graphics (rectangles and lines, no image): per category one bar per series, from a
 * zero baseline, with the value above each bar, and where a category has a target, a dashed line across its bars at
 * the target. A missing value (null) draws no bar.
 *
 * @param top     the value the chart's height stands for (at least every value and target)
 * @param targets per category, its target or null; empty when the chart has none
 * @param format  how a value is written above its bar and on the axis
 */
record BarChart(String title, List<String> categories, List<Series> series, double top, List<Double> targets,
                DoubleFunction<String> format) {

    static final Color TARGET = new Color(0xc6, 0x28, 0x28);
    private static final float LABEL_SIZE = 8;

    record Series(String name, Color color, List<Double> values) {}

    /** The chart at the sheet's cursor, {@code height} points tall in all (title, legend and labels included). */
    void draw(PdfSheet sheet, float height) throws IOException {
        sheet.need(height);
        float chartTop = sheet.y();
        sheet.text(title, sheet.left(), chartTop - 12, 10, PdfSheet.INK);
        drawLegend(sheet, chartTop - 26);
        float plotTop = chartTop - 44;
        float plotBottom = chartTop - height + 28;
        float plotLeft = sheet.left() + 36;
        float plotWidth = sheet.width() - 36;
        float plotHeight = plotTop - plotBottom;

        for (int i = 0; i <= 4; i++) {
            double value = top() * i / 4;
            float y = plotBottom + plotHeight * i / 4;
            sheet.stroke(plotLeft, y, plotLeft + plotWidth, y, new Color(0xe3, 0xe3, 0xe3), 0.5f);
            String label = format.apply(value);
            sheet.text(label, plotLeft - 4 - sheet.width(label, LABEL_SIZE), y - 3, LABEL_SIZE, PdfSheet.MUTED);
        }

        float slot = plotWidth / Math.max(1, categories.size());
        float bar = Math.min(28, slot * 0.7f / series.size());
        for (int c = 0; c < categories.size(); c++) {
            float slotLeft = plotLeft + slot * c;
            float barsLeft = slotLeft + (slot - bar * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(c);
                if (value == null) {
                    continue;
                }
                float h = (float) (plotHeight * Math.min(value, top()) / top());
                float x = barsLeft + bar * s;
                sheet.fill(x, plotBottom, bar - 2, h, series.get(s).color());
                String label = format.apply(value);
                sheet.text(label, x + (bar - 2) / 2 - sheet.width(label, 7) / 2, plotBottom + h + 2, 7, PdfSheet.INK);
            }
            Double target = targets.isEmpty() ? null : targets.get(c);
            if (target != null) {
                float y = (float) (plotBottom + plotHeight * Math.min(target, top()) / top());
                sheet.content().setLineDashPattern(new float[] {3, 2}, 0);
                sheet.stroke(barsLeft - 4, y, barsLeft + bar * series.size() + 2, y, TARGET, 1.2f);
                sheet.content().setLineDashPattern(new float[] {}, 0);
            }
            float baseline = plotBottom - 12;
            for (String line : lines(sheet, categories.get(c), slot - 4)) {
                sheet.text(line, slotLeft + slot / 2 - sheet.width(line, LABEL_SIZE) / 2, baseline, LABEL_SIZE,
                        PdfSheet.INK);
                baseline -= LABEL_SIZE + 2;
            }
        }
        sheet.stroke(plotLeft, plotBottom, plotLeft + plotWidth, plotBottom, PdfSheet.INK, 0.75f);
        sheet.down(height);
    }

    /** A category's name on one line, or on two when it is wider than its slot (cut at its first space, or halfway). */
    private static List<String> lines(PdfSheet sheet, String name, float room) throws IOException {
        if (sheet.width(name, LABEL_SIZE) <= room) {
            return List.of(name);
        }
        int space = name.indexOf(' ');
        int cut = space > 0 ? space : name.length() / 2;
        return List.of(name.substring(0, cut).trim(), name.substring(cut).trim());
    }

    private void drawLegend(PdfSheet sheet, float baseline) throws IOException {
        float x = sheet.left() + 36;
        for (Series s : series) {
            sheet.fill(x, baseline - 1, 9, 9, s.color());
            sheet.text(s.name(), x + 13, baseline, LABEL_SIZE, PdfSheet.INK);
            x += 13 + sheet.width(s.name(), LABEL_SIZE) + 16;
        }
        if (!targets.isEmpty()) {
            sheet.stroke(x, baseline + 3, x + 12, baseline + 3, TARGET, 1.2f);
            sheet.text("目标", x + 16, baseline, LABEL_SIZE, PdfSheet.INK);
        }
    }
}
