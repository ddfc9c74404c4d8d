package org.internationale.api.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under {@code /api}; the application itself is deployed at the root context. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
