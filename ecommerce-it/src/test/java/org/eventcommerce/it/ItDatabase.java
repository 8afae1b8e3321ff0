package org.eventcommerce.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database the deployed application uses in this IT run, read over JDBC from the test (LeakScanIT, FuzzIT):
 * {@code it.db.url}, {@code it.db.user} and {@code it.db.password} come from failsafe (ecommerce-it/pom.xml). On H2 the
 * server holds the file; {@code AUTO_SERVER=TRUE} in the URL lets the test in through the port the server wrote into
 * the lock file. Tables are found through the JDBC metadata (every table of the application's schema), so a table
 * added by a later migration is covered without touching the tests.
 */
final class ItDatabase implements AutoCloseable {

    /** One value of one row: where it is, and its text (binary columns read as ISO-8859-1). */
    record Cell(String table, String column, String row, String text) {
        String where() {
            return "table " + table + ", column " + column + ", row " + row;
        }
    }

    private final Connection connection;

    private ItDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Connects with the IT run's settings; fails when they are missing. */
    static ItDatabase open() {
        String url = System.getProperty("it.db.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("it.db.url is not set (failsafe passes it from the pom)");
        }
        try {
            Connection c = DriverManager.getConnection(url, System.getProperty("it.db.user"),
                    System.getProperty("it.db.password"));
            c.setReadOnly(true);
            return new ItDatabase(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open " + url, e);
        }
    }

    /** The application's tables (type TABLE in the schema the connection starts in), lower case, sorted. */
    List<String> tables() {
        return tableNames().keySet().stream().toList();
    }

    /** Lower-case name → the name as the database spells it (H2: upper case, Flyway's table lower case). */
    private Map<String, String> tableNames() {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, String> out = new TreeMap<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    out.put(name.toLowerCase(Locale.ROOT), "\"" + name + "\"");
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of the application's tables as {@code table.column}, lower case, sorted. */
    List<String> columns() {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    out.add((rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT));
                }
            }
            return out.stream().sorted().toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows of every table, in one statement (FuzzIT takes it before and after every input). */
    Map<String, Long> rowCounts() {
        Map<String, String> names = tableNames();
        String sql = "select " + String.join(", ", names.values().stream().map(q -> "(select count(*) from " + q + ")")
                .toList());
        Map<String, Long> out = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            int i = 1;
            for (String t : names.keySet()) {
                out.put(t, rs.getLong(i++));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    /** One long value of a query (a count, an id). */
    long number(String sql, Object... args) {
        try (var ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Every non-null value of every column of every table, as text (numbers and dates too: a card number could be
     * kept in a numeric column), handed to {@code visit}. Returns how many values were visited.
     */
    long cells(java.util.function.Consumer<Cell> visit) {
        long n = 0;
        for (Map.Entry<String, String> table : tableNames().entrySet()) {
            String t = table.getKey();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select * from " + table.getValue())) {
                ResultSetMetaData md = rs.getMetaData();
                int idColumn = 0;
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    if (md.getColumnLabel(c).equalsIgnoreCase("id")) {
                        idColumn = c;
                    }
                }
                long rowNumber = 0;
                while (rs.next()) {
                    rowNumber++;
                    String row = idColumn > 0 ? "id=" + rs.getString(idColumn) : "#" + rowNumber;
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        String text = text(rs, c, md.getColumnType(c));
                        if (text != null) {
                            visit.accept(new Cell(t, md.getColumnLabel(c).toLowerCase(Locale.ROOT), row, text));
                            n++;
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(t, e);
            }
        }
        return n;
    }

    private static String text(ResultSet rs, int c, int type) throws SQLException {
        return switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(c);
                yield b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
            }
            default -> rs.getString(c);
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
