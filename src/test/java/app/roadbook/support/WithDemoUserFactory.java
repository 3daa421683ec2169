package app.roadbook.support;

import app.roadbook.tenancy.RoadbookUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

class WithDemoUserFactory implements WithSecurityContextFactory<WithDemoUser> {

    private final Fixtures fixtures;

    WithDemoUserFactory(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public SecurityContext createSecurityContext(WithDemoUser annotation) {
        RoadbookUser user = fixtures.account(fixtures.userId(annotation.value()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return context;
    }
}
