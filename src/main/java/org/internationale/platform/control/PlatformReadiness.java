package org.internationale.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated and the seed imported: before that the platform would be empty. */
@Readiness
@ApplicationScoped
public class PlatformReadiness implements HealthCheck {

    @Inject
    SeedImport seed;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("platform-seed").status(seed.completed()).build();
    }
}
