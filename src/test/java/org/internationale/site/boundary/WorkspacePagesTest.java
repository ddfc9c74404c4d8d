package org.internationale.site.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each desk routes on the address after /workspace, whichever of the workspace's mappings the container matched. */
class WorkspacePagesTest {

    @Test
    void theAddressAfterTheWorkspaceIsTheSameUnderEveryMapping() {
        // mapped /workspace/*: everything after it is path info
        assertEquals("/", WorkspacePages.path(request("/workspace", null)));
        assertEquals("/", WorkspacePages.path(request("/workspace", "/")));
        assertEquals("/login", WorkspacePages.path(request("/workspace", "/login")));
        // mapped /workspace/translations/*: the prefix moved into the servlet path
        assertEquals("/translations/es/1.2", WorkspacePages.path(request("/workspace/translations", "/es/1.2")));
        assertEquals("/documents", WorkspacePages.path(request("/workspace/documents", null)));
        assertEquals("/documents/", WorkspacePages.path(request("/workspace/documents", "/")));
        assertEquals("/campaigns/7", WorkspacePages.path(request("/workspace/campaigns", "/7")));
    }

    private static HttpServletRequest request(String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
