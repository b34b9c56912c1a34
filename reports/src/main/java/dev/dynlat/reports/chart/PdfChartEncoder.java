package dev.dynlat.reports.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;

/**
 * Single-page vector PDF via PDFBox and pdfbox-graphics2d; page size in points.
 *
 * <p>Text is written as PDF text in the standard-14 fonts (Java's logical Serif as Times,
 * SansSerif as Helvetica), which every PDF reader carries: it stays searchable, selectable and
 * sharp at any zoom, and a figure's text matches a LaTeX document's Times body text. A string
 * the standard-14 encoding cannot hold falls back to vector outlines for that string only.
 *
 * <p>For reproducible output the document information holds only a title and a fixed creator
 * (no dates), and the trailer ID, which PDFBox otherwise derives from the current time, is set
 * to a digest of the document content.
 */
final class PdfChartEncoder implements ChartEncoder {

    static final String CREATOR = "dynlat reports";

    /**
     * PDFBox warns on stderr, for every standard-14 font it opens, which installed font it would
     * use to draw the glyphs on screen; dynlat only writes the font's name and metrics (which
     * PDFBox carries), so the warning says nothing to a user. Held here, as java.util.logging
     * forgets the level of a logger nobody references.
     */
    private static final java.util.logging.Logger FONT_MAPPING_LOG =
            java.util.logging.Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    static {
        FONT_MAPPING_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @Override
    public void encode(JFreeChart chart, ChartSize size, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(size.width(), size.height()));
            document.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, size.width(), size.height());
            g2.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
            chart.draw(g2, new Rectangle2D.Double(0, 0, size.width(), size.height()));
            g2.dispose();
            PDFormXObject form = g2.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(form);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
            if (!title.isEmpty()) {
                info.setTitle(title);
            }
            info.setCreator(CREATOR);
            document.setDocumentInformation(info);

            setDocumentId(document, new byte[16]);
            byte[] draft = save(document);
            setDocumentId(document, md5(draft));
            out.write(save(document));
        }
    }

    private static void setDocumentId(PDDocument document, byte[] id) {
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        document.save(buffer);
        return buffer.toByteArray();
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }
}
