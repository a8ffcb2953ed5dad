package io.github.formancecommunity.orchestration.sample;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A plain-text table with aligned columns, for the console report. */
final class TextTable {

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    private TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** A table with these columns; a header ending in {@code >} is right-aligned (numbers). */
    static TextTable of(String... headers) {
        List<Column> columns = new ArrayList<>();
        for (String header : headers) {
            boolean right = header.endsWith(">");
            columns.add(new Column(right ? header.substring(0, header.length() - 1) : header, right));
        }
        return new TextTable(columns);
    }

    /** Adds a row; missing cells are empty, {@code null} reads {@code -}. */
    TextTable row(@Nullable Object... cells) {
        if (cells.length > columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        String[] text = new String[columns.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = i < cells.length ? (cells[i] == null ? "-" : String.valueOf(cells[i])) : "";
        }
        rows.add(text);
        return this;
    }

    /** Whether no row was added. */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line starting with {@code indent} and ending with a line feed. */
    String render(String indent) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        line(out, indent, headers, widths);
        String[] rules = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rules[i] = "-".repeat(widths[i]);
        }
        line(out, indent, rules, widths);
        rows.forEach(row -> line(out, indent, row, widths));
        return out.toString();
    }

    private void line(StringBuilder out, String indent, String[] cells, int[] widths) {
        StringBuilder text = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append("  ");
            }
            boolean last = i == cells.length - 1;
            String cell = cells[i];
            String padding = " ".repeat(widths[i] - cell.length());
            if (columns.get(i).right()) {
                text.append(padding).append(cell);
            }
            else {
                text.append(cell).append(last ? "" : padding);
            }
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    private record Column(String header, boolean right) {
    }
}
