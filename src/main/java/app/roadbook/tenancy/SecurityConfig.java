package app.roadbook.tenancy;

import app.roadbook.base.web.SecurityHeaders;
import app.roadbook.tenancy.ui.LoginView;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationContext;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** Argon2id at OWASP ASVS 5.0's floor or above: 19 MiB, 2 iterations, parallelism 1. */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;

    static final int ARGON2_ITERATIONS = 2;

    /** The policy every page carries; see {@link SecurityHeaders}. */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, SessionPolicy sessionPolicy, SignInRecords signInRecords, RequestUtil vaadinRequests)
            throws Exception {
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
        // Calendar feeds (/feeds/<token>.ics) are fetched by calendar apps without a session: the secret token in
        // the address is the credential (decision 0024), checked by the feed's own service.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**")
                .permitAll()
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/feeds/*.ics")
                .permitAll()
                .dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll());
        // Vaadin's configurer exempts the sign-in form from CSRF protection, which let another site sign a visitor
        // into an account of its choosing. Only Vaadin's own requests are exempt here (they carry Vaadin's token);
        // the sign-in form posts Spring's token, which vaadin-login-form reads from the page's _csrf meta tags.
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false)
                        // Signing out ends the shared sign-in record too, so no other node brings it back (0030).
                        .addLogoutHandler(new SignOutEndsRecord(signInRecords)));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new SameOriginSignIn(), CsrfFilter.class);
        // A sign-in form without a valid token (a page left open past its session, or another site's form) goes
        // back to the sign-in page, signed in as nobody.
        http.exceptionHandling(errors -> errors.defaultAccessDeniedHandlerFor(
                (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/login?error=expired"),
                request -> "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())));
        http.formLogin(form -> form.failureHandler(failures));
        // A new session id at sign-in (Spring Security's default, stated here because it matters).
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        // Spring Security's defaults stay (nosniff, frame DENY, no-cache, HSTS on secure requests); these add to them.
        // Written before the response exists: Vaadin's page responses commit past the lazy writer, which left
        // the sign-in page and every view without them.
        http.headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        http.addFilterBefore(new SessionGuard(sessionPolicy, signInRecords), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The management port (health for load balancers, decision 0030) answers without a sign-in, a session or a CSRF
     * token: it serves only the read-only health endpoint and listens on loopback unless configured otherwise. The
     * matcher matches only requests the management server serves, so nothing of this reaches the public port.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Route annotations first, then the organization permission of {@link RequiresOrgPermission} views. */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(
            ObjectProvider<CurrentOrganization> currentOrganization, ObjectProvider<AccessRefusals> refusals) {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withNavigationAccessChecker(new OrgMembershipChecker(currentOrganization))
                .withDecisionResolver((results, context) -> {
                    AccessCheckResult result = everyCheckerMustAgree(results, context);
                    if (result.decision() == AccessCheckDecision.DENY && context.getPrincipal() != null) {
                        UUID orgId = currentOrganization
                                .getObject()
                                .get()
                                .map(OrgSummary::id)
                                .orElse(null);
                        refusals.getObject()
                                .viewRefused(orgId, "/" + context.getLocation().getPath());
                    }
                    return result;
                });
    }

    /** Any denial wins; otherwise at least one checker must allow. Vaadin's default errors on mixed votes. */
    static AccessCheckResult everyCheckerMustAgree(List<AccessCheckResult> results, NavigationContext context) {
        List<String> reasons = results.stream()
                .filter(r -> r.decision() == AccessCheckDecision.DENY || r.decision() == AccessCheckDecision.REJECT)
                .map(AccessCheckResult::reason)
                .toList();
        if (!reasons.isEmpty()) {
            return AccessCheckResult.deny(String.join("; ", reasons));
        }
        return results.stream().anyMatch(r -> r.decision() == AccessCheckDecision.ALLOW)
                ? AccessCheckResult.allow()
                : AccessCheckResult.deny("No rule allows this view.");
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
    AuthenticationProvider authenticationProvider(
            DataSource dataSource,
            LoginThrottle throttle,
            TransactionTemplate transactions,
            Clock clock,
            SignInRecords signInRecords) {
        return new ThrottledAuthenticationProvider(
                new PasswordSignIn(dataSource),
                throttle,
                new SignInAudit(dataSource, transactions, clock, signInRecords));
    }
}
