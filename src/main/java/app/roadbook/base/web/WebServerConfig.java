package app.roadbook.base.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Security headers on the responses Spring Security never writes: error dispatches and Tomcat's own errors. */
@Configuration(proxyBeanMethods = false)
class WebServerConfig {

    /**
     * An error dispatch resets the response, dropping the headers the security filter wrote, and Spring Security's
     * header writer skips error dispatches: set them again before the error page renders.
     */
    @Bean
    FilterRegistrationBean<Filter> securityHeadersOnErrors() {
        Filter filter = (request, response, chain) -> {
            SecurityHeaders.apply((HttpServletRequest) request, (HttpServletResponse) response);
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Replaces Tomcat's error report valve (and Spring Boot's plain one) with one that writes the headers. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> headeredErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(HeaderedErrorReportValve.class.getName());
                host.getPipeline().addValve(new HeaderedErrorReportValve());
            }
        });
    }
}
