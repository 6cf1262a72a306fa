package org.wenzheng.testsupport;

import org.wenzheng.people.ApiToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Staff API tokens for tests, written straight into the run's database (so that it works both in-container and
 * from client-side tests). The token acts as {@code username} with {@code roles}, which that person must hold.
 */
public final class TestApiTokens {

    private TestApiTokens() {
    }

    /** A new usable token; returns the plaintext for an {@code Authorization: Bearer} header. */
    public static String mint(String username, String... roles) {
        String secret = ApiToken.newSecret();
        try (Connection db = TestDb.connect();
             PreparedStatement insert = db.prepareStatement("""
                     insert into api_token (id, name, person_id, roles, token_hash, prefix, created_at, created_by)
                     select nextval('api_token_seq'), 'test token', p.id, ?, ?, ?, now(), 'test'
                     from person p where p.username = ?""")) {
            insert.setString(1, Arrays.stream(roles).sorted().collect(Collectors.joining(",")));
            insert.setString(2, ApiToken.hash(secret));
            insert.setString(3, secret.substring(0, 12));
            insert.setString(4, username);
            if (insert.executeUpdate() != 1) {
                throw new IllegalArgumentException("no person " + username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not mint a test API token", e);
        }
        return secret;
    }
}
