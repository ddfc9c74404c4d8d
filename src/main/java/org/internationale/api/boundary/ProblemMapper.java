package org.internationale.api.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.internationale.api.entity.DescribedProblem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Every failure becomes a problem-details response; see the package documentation. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DescribedProblem problem) {
                return described(problem);
            }
            if (t instanceof ConstraintViolationException e) {
                String detail = e.getConstraintViolations().stream()
                        .map(v -> field(v.getPropertyPath().toString()) + " " + v.getMessage())
                        .sorted().collect(Collectors.joining("; "));
                return Problem.of(400, "Invalid request", detail.isEmpty() ? "The request is not valid." : detail).response();
            }
            if (t instanceof HttpHardening.BodyTooLargeException e) {
                return Problem.of(413, "Content Too Large", e.getMessage()).response();
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                // an integrity constraint (unique number, unique slug…) refused a write that raced another one
                return Problem.of(409, "Conflict", "Someone saved a conflicting change at the same moment; nothing of yours was "
                        + "stored. Reload and try again.").response();
            }
            if (t instanceof OptimisticLockException) {
                return Problem.of(409, "Edited by someone else",
                        "Someone saved the same item at the same moment. Reload it and apply your change again.").response();
            }
            if (t instanceof JsonbException || t instanceof JsonException) {
                return Problem.of(400, "Malformed JSON", "The request body is not the JSON this endpoint expects: "
                        + t.getMessage()).response();
            }
            if (t instanceof WebApplicationException e) {
                return fromStatus(e);
            }
            if (t instanceof ProcessingException && t.getCause() == null) {
                return Problem.of(400, "Unreadable request", t.getMessage()).response();
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, thrown);
        return Problem.of(500, "Internal error", "Something failed on our side; nothing you sent was stored half-way. "
                + "Reference: " + reference).response();
    }

    /** A feature's own problem; a server-side one (5xx) is logged with its cause, which the client never sees. */
    private static Response described(DescribedProblem problem) {
        if (problem.status() >= 500) {
            LOG.log(Level.WARNING, problem.getMessage(), (Throwable) problem);
        }
        Problem body = Problem.of(problem.status(), problem.title(), problem.detail());
        problem.fields().forEach(body::with);
        return problem.tryAgainAfter().map(wait -> Problem.withRetryAfter(body.response(), wait)).orElseGet(body::response);
    }

    /** {@code create.arg0.password} → {@code password}: clients know fields, not Java parameters. */
    private static String field(String path) {
        String[] parts = path.split("\\.");
        return parts[parts.length - 1].startsWith("arg") ? "body" : parts[parts.length - 1];
    }

    private static Response fromStatus(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String title = original.getStatusInfo().getReasonPhrase();
        String detail = e.getMessage();
        if (detail == null || detail.startsWith("HTTP ")) {
            detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not accept that method.";
                case 406 -> "This address cannot answer in the media type asked for.";
                case 415 -> "This address does not accept that content type; send application/json.";
                default -> title;
            };
        }
        Response.ResponseBuilder response = Response.fromResponse(Problem.of(status, title, detail).response());
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }
}
