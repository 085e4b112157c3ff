package com.telco.complaints.analytics.rest.pdf;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The fonts the pages of a PDF use, as any reader of the file finds them: what a fresh machine can show. */
public final class PdfFonts {

    /**
     * @param type0    a composite (Type 0) font, as CJK text needs
     * @param trueType its glyphs are TrueType outlines (FontFile2)
     * @param embedded the font program is in the file
     * @param subset   only the glyphs used are (a name with a six-letter tag, e.g. {@code ABCDEF+WenQuanYi...})
     */
    public record Used(String name, boolean type0, boolean trueType, boolean embedded, boolean subset) {}

    private PdfFonts() {}

    public static List<Used> of(PDDocument document) throws IOException {
        List<Used> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                boolean trueType = font instanceof PDType0Font type0
                        && type0.getDescendantFont().getFontDescriptor().getFontFile2() != null;
                fonts.add(new Used(font.getName(), font instanceof PDType0Font, trueType, font.isEmbedded(),
                        font.getName().matches("[A-Z]{6}\\+.+")));
            }
        }
        return fonts;
    }
}
