package org.internationale.api.boundary;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey maps Bean Validation failures with a mapper of its own that answers an empty 400; a mapper for the exact
 * type takes precedence, so invalid requests get problem details that name each field.
 */
@Provider
public class ValidationProblems implements ExceptionMapper<ConstraintViolationException> {

    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return problems.toResponse(exception);
    }
}
