package app.roadbook.base.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page (requests it refuses before any filter runs, such as a malformed URL) with the
 * security headers, and without the server's name or a report.
 */
public class HeaderedErrorReportValve extends ErrorReportValve {

    public HeaderedErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        SecurityHeaders.apply(request, response);
        super.report(request, response, throwable);
    }
}
