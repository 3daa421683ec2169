package app.roadbook.tenancy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in that never reads a password hash. The database hands out the stored Argon2id hash's settings
 * and salt ({@code app_login_challenge}); we hash the typed password with them and ask the database whether the
 * result is the stored hash ({@code app_login_verify}). Unknown, disabled and password-less accounts get a
 * made-up salt, so they take as long as a wrong password and look the same. SQL here because both steps are
 * definer functions: nobody is signed in yet, and the app role may not read {@code password_hash}
 * (docs/decisions/0014-what-the-database-trusts.md).
 */
class PasswordSignIn implements AuthenticationProvider {

    record Challenge(String setting, int hashLength) {}

    private final JdbcTemplate jdbc;
    private final PasswordHashing hashing;

    PasswordSignIn(DataSource dataSource, PasswordHashing hashing) {
        this.hashing = hashing;
        // SQL, not a repository: both calls are definer functions, the only way to a password hash (decision 0014).
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email =
                authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        Challenge challenge = jdbc.queryForObject(
                "select setting, hash_length from app_login_challenge(?)",
                (rs, i) -> new Challenge(rs.getString(1), rs.getInt(2)),
                email);
        String candidate;
        try {
            // At most one hash per core at once (19 MiB each while it runs): PasswordHashing.
            candidate = challenge == null ? null : hashing.hash(() -> argon2id(challenge, password));
        } catch (PasswordHashing.HashingBusyException busy) {
            throw new PasswordHashing.SignInBusyException(busy);
        }
        List<RoadbookUser> found = candidate == null
                ? List.of()
                : jdbc.query(
                        "select id, email, display_name, is_platform_admin from app_login_verify(?, ?)",
                        (rs, i) -> new RoadbookUser(
                                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                        email,
                        candidate);
        if (found.isEmpty()) {
            throw new BadCredentialsException("Bad credentials");
        }
        RoadbookUser user = found.getFirst();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The PHC string Spring Security's Argon2PasswordEncoder would store for this password and salt:
     * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, unpadded standard Base64.
     * Null when the setting is not one we produce.
     */
    static String argon2id(Challenge challenge, String password) {
        String[] parts = challenge.setting().split("\\$");
        if (parts.length != 5 || !parts[1].equals("argon2id") || !parts[2].startsWith("v=")) {
            return null;
        }
        try {
            int version = Integer.parseInt(parts[2].substring(2));
            int memory = 0, iterations = 0, lanes = 0;
            for (String pair : parts[3].split(",")) {
                String[] kv = pair.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> lanes = value;
                    default -> {
                        return null;
                    }
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            // Bounds keep a damaged row from costing more than a few of our own hashes.
            if (memory < 8
                    || memory > 262_144
                    || iterations < 1
                    || iterations > 10
                    || lanes < 1
                    || lanes > 8
                    || challenge.hashLength() < 16
                    || challenge.hashLength() > 64
                    || salt.length < 8) {
                return null;
            }
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(version)
                    .withSalt(salt)
                    .withMemoryAsKB(memory)
                    .withIterations(iterations)
                    .withParallelism(lanes)
                    .build());
            byte[] hash = new byte[challenge.hashLength()];
            generator.generateBytes(password.toCharArray(), hash);
            return challenge.setting() + "$"
                    + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
