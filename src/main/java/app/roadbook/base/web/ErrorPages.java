package app.roadbook.base.web;

import app.roadbook.base.db.DatabaseOutage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * Roadbook's own page for errors that happen outside a view (a filter failed, the container refused a request),
 * instead of Spring Boot's "Whitelabel Error Page". When the database cannot be reached it says so, with 503 and
 * a retry hint; the next request after the database is back works again by itself.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        // The container's record of what a filter or servlet threw (a failed connection in the session check, say).
        Throwable failure =
                request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown ? thrown : null;
        if (DatabaseOutage.causes(failure)) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, "Roadbook cannot reach its database", DatabaseOutage.MESSAGE);
        }
        if (status == HttpStatus.NOT_FOUND) {
            return page(status, "Page not found", "There is nothing at this address.");
        }
        if (status.is4xxClientError()) {
            return page(
                    status,
                    "This request could not be handled",
                    "Check the address, or start again from the start page.");
        }
        return page(
                status,
                "Something went wrong",
                "Nothing was saved. Try again; if it keeps happening, tell your administrator.");
    }

    private static ModelAndView page(HttpStatus status, String title, String text) {
        ModelAndView page = new ModelAndView(new Page(title, text, status));
        page.setStatus(status);
        return page;
    }

    private record Page(String title, String text, HttpStatus status) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            response.setContentType(getContentType());
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", "30");
            }
            String html = """
                    <!doctype html><html lang="en"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%1$s · Roadbook</title>
                    <style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:36rem;padding:0 1rem;color:#1a1a1a}
                    h1{font-size:1.5rem}a{color:#0b5cad}</style></head>
                    <body><h1>%1$s</h1><p>%2$s</p><p><a href="/">Go to the start page</a></p></body></html>
                    """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text));
            response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        }
    }
}
