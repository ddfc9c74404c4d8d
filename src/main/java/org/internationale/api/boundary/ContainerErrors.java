package org.internationale.api.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.control.ClientErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Errors the servlet container answers itself (a login required, an address outside JAX-RS, a failure before
 * JAX-RS ran) become problem details too, instead of the server's HTML page. Mapped as the error page in web.xml.
 */
@WebServlet("/problem")
public class ContainerErrors extends HttpServlet {

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request could not be read.",
            401, "This address needs a login: send HTTP Basic credentials.",
            403, "Your account may not do this.",
            404, "There is nothing at this address.",
            405, "This address does not accept that method.",
            413, "The request is larger than this server accepts.",
            500, "Something failed on our side.");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
        // a message given to sendError by our own code is meant for the client; the container's own are not used
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = message instanceof String text && text.startsWith(ClientErrors.PREFIX)
                ? text.substring(ClientErrors.PREFIX.length()) : DETAILS.getOrDefault(status, reason);
        String body = jakarta.json.Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", reason)
                .add("status", status)
                .add("detail", detail)
                .build().toString();
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
