package dev.aiworkbook.runtime.sim;

/**
 * A trace file that cannot be read: it names the file, the line and the column (both from
 * 1), the value found, and what was expected there. A run that meets one stops without a
 * report.
 */
public final class TraceFormatException extends IllegalArgumentException {

    private final String file;
    private final long line;
    private final int column;

    /**
     * @param file the file's name as given
     * @param line the line, from 1
     * @param column the column, from 1; 0 when the whole line is wrong
     * @param message what was wrong and what is accepted
     */
    public TraceFormatException(String file, long line, int column, String message) {
        super(file + " line " + line + (column > 0 ? " column " + column : "") + ": "
                + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
