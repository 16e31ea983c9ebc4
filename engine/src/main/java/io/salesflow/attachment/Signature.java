package io.salesflow.attachment;

/** What the first bytes of a file show it to be, whatever its name and declared type say. */
enum Signature {
    PDF("a PDF document"),
    PNG("a PNG image"),
    JPEG("a JPEG image"),
    GIF("a GIF image"),
    WEBP("a WebP image"),
    WORD("a Word document (docx)"),
    EXCEL("an Excel workbook (xlsx)"),
    POWERPOINT("a PowerPoint presentation (pptx)"),
    ZIP("a ZIP archive"),
    OLE2("an Office 97-2003 document"),
    MESSAGE("an e-mail message"),
    TEXT("plain text"),
    HTML("HTML"),
    XML("XML or SVG"),
    EXECUTABLE("a program"),
    UNKNOWN("of an unknown binary format");

    private final String description;

    Signature(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Content a browser could run scripts in or a computer could run itself: never accepted. */
    boolean dangerous() {
        return this == HTML || this == XML || this == EXECUTABLE;
    }
}
