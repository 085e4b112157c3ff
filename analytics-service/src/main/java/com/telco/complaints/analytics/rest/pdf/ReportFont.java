package com.telco.complaints.analytics.rest.pdf;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font of the reports, shipped in the jar: a server has no Chinese font of its own to rely on. A TrueType
 * (glyf) font, as PDFBox's {@link PDType0Font} needs to embed a subset: WenQuanYi Micro Hei 0.2.0-beta (Apache-2.0),
 * cut to the characters of GB 2312 and Latin (see the README's monthly report). Read once at start-up, so a missing
 * font stops the service rather than its first report.
 */
@Singleton
@Startup
public class ReportFont {

    static final String RESOURCE = "/fonts/wqy-microhei-gb2312.ttf";

    private final byte[] ttf;

    public ReportFont() {
        try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + RESOURCE + " is not in the jar");
            }
            ttf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the report font " + RESOURCE, e);
        }
    }

    /** The font for one document; only the glyphs the document shows are embedded (a subset). */
    PDType0Font loadInto(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(ttf), true);
    }
}
