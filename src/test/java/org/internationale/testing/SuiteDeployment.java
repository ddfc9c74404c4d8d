package org.internationale.testing;

import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

import java.util.List;
import java.util.logging.Logger;

/**
 * One deployment for the whole integration-test run instead of one per test class. Every IT class still declares its
 * {@code @Deployment} (the packaged WAR, {@link Deployments#application()}), but with arquillian-payara-micro-managed
 * each deployment boots a Payara Micro JVM, and since all of them shared one data folder and database, the boots
 * cost time and bought no isolation. So the first class's deployment is deployed and kept: each later class that
 * declares the same deployment gets that one instead (its {@code @ArquillianResource URL} included), nothing is
 * undeployed after a class, and the one deployment is undeployed when the suite ends. A class declaring a different
 * deployment fails at once rather than silently testing the wrong archive.
 *
 * <p>Because the server now outlives each class, each class must make its own data and must not count on the
 * server's memory being fresh: {@link Api} speaks for a client address of its own, and mail goes to one GreenMail
 * for the run ({@link MailServer#shared()}), started here before the server boots and stopped after it.
 *
 * <p>Registered in {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public final class SuiteDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Deployer.class).observer(Loopback.class);
    }

    /** Keeps the first class's deployment for the rest of the run. Arquillian makes one instance per run. */
    public static final class Deployer {

        private static final Logger LOG = Logger.getLogger(SuiteDeployment.class.getName());

        @Inject
        private Instance<ClassContext> classContext;
        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;
        @Inject
        private Event<UnDeployManagedDeployments> undeploy;

        private DeploymentScenario shared;
        private Class<?> sharedBy;
        private boolean suiteEnding;

        /** Before the server boots: it sends mail and reads its bounce mailbox from its first minute. */
        public void startMail(@Observes BeforeSuite event) {
            MailServer.shared();
        }

        public void reuseDeployment(@Observes EventContext<GenerateDeployment> context) {
            context.proceed();
            DeploymentScenario generated = scenario.get();
            if (generated == null || generated.deployments().isEmpty()) {
                return;
            }
            Class<?> testClass = context.getEvent().getTestClass().getJavaClass();
            if (shared == null) {
                shared = generated;
                sharedBy = testClass;
                return;
            }
            if (!describe(shared).equals(describe(generated))) {
                throw new IllegalStateException(testClass.getName() + " declares " + describe(generated) + ", but the run shares "
                        + describe(shared) + " (from " + sharedBy.getName() + ") with every class: see " + SuiteDeployment.class.getName());
            }
            scenario.set(shared);
        }

        public void deployOnce(@Observes EventContext<DeployManagedDeployments> context) {
            if (scenario.get() != shared) {
                context.proceed();
                return;
            }
            for (Deployment deployment : shared.deployments()) {
                if (deployment.hasDeploymentError()) {
                    // a boot that failed once fails again after minutes; say why at once instead
                    throw new IllegalStateException("The run's deployment failed in " + sharedBy.getName(), deployment.getDeploymentError());
                }
            }
            if (shared.deployments().stream().noneMatch(Deployment::isDeployed)) {
                context.proceed();
            }
        }

        public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> context) {
            if (suiteEnding || scenario.get() != shared) {
                context.proceed();
            }
        }

        /** Before Arquillian stops its containers (precedence 0): undeploy in a class scope, where the scenario lives. */
        public void undeployAtTheEnd(@Observes(precedence = 10) AfterSuite event) {
            try {
                if (shared != null) {
                    ClassContext context = classContext.get();
                    context.activate(sharedBy);
                    try {
                        scenario.set(shared);
                        suiteEnding = true;
                        undeploy.fire(new UnDeployManagedDeployments());
                    } finally {
                        suiteEnding = false;
                        context.deactivate();
                        context.destroy(sharedBy);
                    }
                    LOG.info("Undeployed the run's deployment, shared by every class since " + sharedBy.getName());
                }
            } finally {
                MailServer.stopShared();
            }
        }

        private static List<String> describe(DeploymentScenario scenario) {
            return scenario.deployments().stream().map(Deployment::getDescription).map(Deployer::describe).sorted().toList();
        }

        private static String describe(DeploymentDescription description) {
            return description.getName() + " = " + (description.isArchiveDeployment() ? description.getArchive().getName() : "descriptor")
                    + " on " + description.getTarget().getName() + (description.testable() ? " (testable)" : "")
                    + (description.managed() ? "" : " (unmanaged)");
        }
    }

    /**
     * Points the deployment's URL at loopback, where Payara Micro listens too but reports the machine's address. The
     * test server trusts loopback as a reverse proxy ({@code TRUSTED_PROXIES} in arquillian.xml), so over it each
     * {@link Api} can speak for a client address of its own: the per-client limits (mail requests, login failures) then
     * hold per test client, as they held per class while every class had a fresh server, not once for the whole run.
     */
    public static final class Loopback {

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> metaData;

        public void useLoopback(@Observes AfterDeploy event) {
            ProtocolMetaData reported = metaData.get();
            if (reported == null || !reported.hasContext(HTTPContext.class)) {
                return;
            }
            ProtocolMetaData loopback = new ProtocolMetaData();
            for (HTTPContext context : reported.getContexts(HTTPContext.class)) {
                HTTPContext local = new HTTPContext(context.getName(), "localhost", context.getPort(), "https".equals(context.getScheme()));
                for (Servlet servlet : context.getServlets()) {
                    local.add(new Servlet(servlet.getName(), servlet.getContextRoot()));
                }
                loopback.addContext(local);
            }
            reported.getContexts().stream().filter(other -> !(other instanceof HTTPContext)).forEach(loopback::addContext);
            metaData.set(loopback);
        }
    }
}
