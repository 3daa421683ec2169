package app.roadbook.tenancy;

import app.roadbook.tenancy.ui.LoginView;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationContext;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.DispatcherType;

import javax.sql.DataSource;
import java.util.UUID;
import java.util.List;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** Argon2id at OWASP ASVS 5.0's floor or above: 19 MiB, 2 iterations, parallelism 1. */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;
    static final int ARGON2_ITERATIONS = 2;

    /**
     * What Vaadin Flow needs and nothing more: its client evaluates generated scripts and inline styles,
     * talks only to its own origin, and is never framed. base-uri is 'self', not 'none': Vaadin's bootstrap
     * page sets its own {@code <base href>}, and with 'none' the client never starts (it shows its offline
     * page). 'self' still stops an injected base from pointing scripts elsewhere. See docs/decisions/0013.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionPolicy sessionPolicy) throws Exception {
        AuthenticationFailureHandler failures = (request, response, exception) -> {
            String target = exception instanceof LoginThrottledException throttled
                    ? "/login?error=throttled&retry=" + throttled.retryAfterSeconds()
                    : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
        // Vaadin's configurer must come first: it declares the login view before form login initializes,
        // otherwise Spring Security serves its own generated login page instead.
        // Error dispatches keep their status: a heartbeat of an ended session must reach the page as Vaadin's
        // "session expired", not as a redirect to the sign-in page that the browser follows silently.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**").permitAll()
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.formLogin(form -> form.failureHandler(failures));
        // A new session id at sign-in (Spring Security's default, stated here because it matters).
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        // Spring Security's defaults stay (nosniff, frame DENY, no-cache, HSTS on secure requests); these add to them.
        // Written before the response exists: Vaadin's page responses commit past the lazy writer, which left
        // the sign-in page and every view without them.
        http.headers(headers -> headers
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        http.addFilterBefore(new SessionGuard(sessionPolicy), AuthorizationFilter.class);
        return http.build();
    }

    /** Route annotations first, then organization membership for {@link OrgMembersOnly} views. */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(ObjectProvider<CurrentOrganization> currentOrganization,
                                                                               ObjectProvider<AccessRefusals> refusals) {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withNavigationAccessChecker(new OrgMembershipChecker(currentOrganization))
                .withDecisionResolver((results, context) -> {
                    AccessCheckResult result = everyCheckerMustAgree(results, context);
                    if (result.decision() == AccessCheckDecision.DENY && context.getPrincipal() != null) {
                        UUID orgId = currentOrganization.getObject().get().map(OrgSummary::id).orElse(null);
                        refusals.getObject().viewRefused(orgId, "/" + context.getLocation().getPath());
                    }
                    return result;
                });
    }

    /** Any denial wins; otherwise at least one checker must allow. Vaadin's default errors on mixed votes. */
    static AccessCheckResult everyCheckerMustAgree(List<AccessCheckResult> results, NavigationContext context) {
        List<String> reasons = results.stream()
                .filter(r -> r.decision() == AccessCheckDecision.DENY || r.decision() == AccessCheckDecision.REJECT)
                .map(AccessCheckResult::reason).toList();
        if (!reasons.isEmpty()) {
            return AccessCheckResult.deny(String.join("; ", reasons));
        }
        return results.stream().anyMatch(r -> r.decision() == AccessCheckDecision.ALLOW)
                ? AccessCheckResult.allow() : AccessCheckResult.deny("No rule allows this view.");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    @Bean
    AuthenticationProvider authenticationProvider(DataSource dataSource, PasswordEncoder passwordEncoder,
                                                  LoginThrottle throttle, TransactionTemplate transactions, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new AccountLookup(dataSource));
        // Unknown emails are checked against a dummy hash, so they take as long as wrong passwords.
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle, new SignInAudit(dataSource, transactions, clock));
    }
}
