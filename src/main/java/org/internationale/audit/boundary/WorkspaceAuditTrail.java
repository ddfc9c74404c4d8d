package org.internationale.audit.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.audit.control.AuditLog;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.system.control.ClientAddress;

import java.io.IOException;

/**
 * Records every form the workspace's pages receive — who, which address, with what result — after it was handled,
 * as {@link AuditTrail} does for the JSON API. A filter rather than a call in each desk, so no desk can forget it and
 * the site shell needs no audit.
 */
@WebFilter(urlPatterns = {"/workspace", "/workspace/*"})
public class WorkspaceAuditTrail extends HttpFilter {

    @Inject
    AuditLog log;

    @Inject
    ClientAddress clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if ("POST".equals(request.getMethod())) {
            Object actor = request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : request.getAttribute(ApiAuthentication.ACTOR);
            log.record(actor instanceof String name ? name : null, "POST", request.getRequestURI(), response.getStatus(),
                    clients.of(request), null);
        }
    }
}
