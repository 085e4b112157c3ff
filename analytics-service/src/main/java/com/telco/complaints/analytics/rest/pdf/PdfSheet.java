package com.telco.complaints.analytics.rest.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * A4 pages written from top to bottom: a cursor that starts a new page when the next block does not fit, with the
 * text and table primitives the reports are made of. Text the font has no glyph for is shown as {@code ?} instead of
 * failing the whole document (the embedded font covers GB 2312, not every Unicode character).
 */
final class PdfSheet implements AutoCloseable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 48;
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color RULE = new Color(0xcc, 0xcc, 0xcc);
    private static final Color HEADER_FILL = new Color(0xee, 0xf1, 0xf6);
    private static final float CELL_SIZE = 9;
    private static final float ROW = 16;

    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    PdfSheet(PDDocument document, PDType0Font font) {
        this.document = document;
        this.font = font;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    /** Where the next block starts (its top). */
    float y() {
        return y;
    }

    PDPageContentStream content() {
        return content;
    }

    /** Makes room for a block of {@code height} points: a new page when the current one has too little left. */
    void need(float height) throws IOException {
        if (content == null || y - height < MARGIN) {
            newPage();
        }
    }

    void down(float points) {
        y -= points;
    }

    /** A line of text at the cursor, then the cursor below it. */
    void line(String text, float size, Color color) throws IOException {
        need(size * 1.5f);
        y -= size * 1.25f;
        text(text, left(), y, size, color);
        y -= size * 0.35f;
    }

    /** A section heading with a rule under it, kept on the page with at least a few lines after it. */
    void heading(String text) throws IOException {
        need(13 * 1.5f + 6 + 3 * ROW);
        y -= 8;
        line(text, 13, INK);
        stroke(left(), y, left() + width(), y, RULE, 0.75f);
        y -= 6;
    }

    /**
     * A table: a shaded header row, then the rows; the header is repeated on each page the table runs onto. Columns
     * after the first are right-aligned (figures).
     */
    void table(List<String> header, float[] widths, List<List<String>> rows) throws IOException {
        need(2 * ROW);
        headerRow(header, widths);
        for (List<String> row : rows) {
            if (y - ROW < MARGIN) {
                newPage();
                headerRow(header, widths);
            }
            row(row, widths, null);
        }
        y -= 6;
    }

    private void headerRow(List<String> header, float[] widths) throws IOException {
        row(header, widths, HEADER_FILL);
    }

    private void row(List<String> cells, float[] widths, Color fill) throws IOException {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        if (fill != null) {
            content.setNonStrokingColor(fill);
            content.addRect(left(), y - ROW, total, ROW);
            content.fill();
        }
        float x = left();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            float baseline = y - ROW + 4.5f;
            if (i == 0) {
                text(cell, x + 4, baseline, CELL_SIZE, INK);
            } else {
                text(cell, x + widths[i] - 4 - width(cell, CELL_SIZE), baseline, CELL_SIZE, INK);
            }
            x += widths[i];
        }
        y -= ROW;
        stroke(left(), y, left() + total, y, RULE, 0.5f);
    }

    /** {@code text} at a point, its baseline at {@code baseline}. */
    void text(String text, float x, float baseline, float size, Color color) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(text));
        content.endText();
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    void stroke(float x1, float y1, float x2, float y2, Color color, float lineWidth) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    void fill(float x, float bottom, float w, float h, Color color) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, bottom, w, h);
        content.fill();
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
        String number = String.valueOf(document.getNumberOfPages());
        text(number, SIZE.getWidth() / 2 - width(number, 8) / 2, MARGIN / 2, 8, MUTED);
    }

    /** {@code text} with every character the font cannot show replaced by {@code ?}. */
    private String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String one = Character.toString(c);
            try {
                font.encode(one);
                shown.append(one);
            } catch (IllegalArgumentException | IOException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
