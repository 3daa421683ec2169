package app.roadbook.tenancy;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import lombok.Getter;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security holds it in the session. */
@Getter
public final class RoadbookUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE_PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final UUID id;
    private final String email;
    private final String displayName;
    private final boolean platformAdmin;

    public RoadbookUser(UUID id, String email, String displayName, boolean platformAdmin) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.platformAdmin = platformAdmin;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformAdmin
                ? List.of(
                        new SimpleGrantedAuthority("ROLE_USER"),
                        new SimpleGrantedAuthority("ROLE_" + ROLE_PLATFORM_ADMIN))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    /** The password hash never leaves the database (see {@link PasswordSignIn}). */
    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        // Nothing to erase: the account never held its password or hash.
    }
}
