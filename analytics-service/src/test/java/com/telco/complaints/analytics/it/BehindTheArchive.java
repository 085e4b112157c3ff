package com.telco.complaints.analytics.it;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What a database writer does behind the archive's back: plain SQL on its tables. */
final class BehindTheArchive {

    private BehindTheArchive() {}

    /** Runs one statement with its parameters; how many rows it changed. */
    static int write(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
