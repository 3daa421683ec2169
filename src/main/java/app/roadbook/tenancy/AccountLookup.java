package app.roadbook.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * Finds an account for the login form through the database's narrow {@code app_login_lookup}
 * function: nobody is signed in yet, so row-level security would show no rows.
 * Disabled accounts look exactly like unknown ones.
 */
class AccountLookup implements UserDetailsService {

    private final JdbcTemplate jdbc;

    AccountLookup(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        List<RoadbookUser> found = jdbc.query(
                "select id, email, password_hash, display_name, is_platform_admin from app_login_lookup(?)",
                (rs, i) -> new RoadbookUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getBoolean("is_platform_admin"), rs.getString("password_hash")),
                email == null ? "" : email.strip());
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("unknown account");
        }
        return found.getFirst();
    }
}
