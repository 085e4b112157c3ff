package com.telco.complaints.eventing.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The service's schema and the shadow schema a rebuild writes: the same table names in both, so the
 * same SQL serves both and only the transaction's search_path differs.
 */
@ApplicationScoped
public class Schemas {

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.flyway.default-schema")
    String live;

    public String live() {
        return live;
    }

    public String shadow() {
        return live + "_rebuild";
    }

    /** Points the current transaction at the shadow tables ({@code true}) or the live ones. */
    public void use(boolean shadowTables) {
        try (Connection c = dataSource.getConnection()) {
            Sql.useSchema(c, shadowTables ? shadow() : live);
        } catch (SQLException e) {
            throw new StoreException("switching to the " + (shadowTables ? "shadow" : "live") + " tables", e);
        }
    }
}
