package org.internationale;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout the README describes, checked on the compiled main code: one package per feature, features depending on
 * each other without cycles, boundary → control → entity inside each, and the shared layers knowing no feature.
 */
@AnalyzeClasses(packages = "org.internationale", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * What every feature builds on, lowest first: each may depend only on itself and the ones before it. {@code api} is
     * the HTTP edge, {@code site} the pages' shell; neither knows a feature.
     */
    private static final List<String> SHARED_LAYERS = List.of("system", "api", "locale", "text", "identity", "mailing", "site");

    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("org.internationale.(*)..").should().beFreeOfCycles()
            .because("a feature must be understood, changed and tested from its own folder and the ones below it");

    @ArchTest
    static final ArchRule controlAndEntityNeverReachAnotherFeaturesBoundary = classes()
            .that().resideInAnyPackage("org.internationale.*.control..", "org.internationale.*.entity..")
            .should(notDependOnAnotherFeaturesBoundary())
            .because("logic and data must not depend on how another feature talks to clients");

    @ArchTest
    static final ArchRule entitiesDependOnNoControl = noClasses()
            .that().resideInAPackage("org.internationale.*.entity..")
            .should().dependOnClassesThat().resideInAPackage("org.internationale.*.control..")
            .because("entities are the bottom of each feature: values and persistent state");

    @ArchTest
    static final ArchRule sharedLayersKnowNoFeatureAboveThem = classes()
            .that().resideInAnyPackage(SHARED_LAYERS.stream().map(l -> "org.internationale." + l + "..").toArray(String[]::new))
            .should(dependOnlyOnLowerLayers())
            .because("features plug into the shared layers (DescribedProblem, ReaderPages, WorkspaceServlet, CDI events), "
                    + "never the other way round");

    @ArchTest
    static final ArchRule templatesAreRenderedOnlyThroughTheShell = noClasses()
            .that().resideOutsideOfPackage("org.internationale.site..")
            .should().dependOnClassesThat().resideInAPackage("gg.jte..")
            .because("one HTML path: features hand a template name and a model to the shell, which renders and escapes");

    private static ArchCondition<JavaClass> dependOnlyOnLowerLayers() {
        return new ArchCondition<>("depend only on their own or lower shared layers " + SHARED_LAYERS) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                int own = SHARED_LAYERS.indexOf(feature(item).orElseThrow());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    feature(dependency.getTargetClass()).map(SHARED_LAYERS::indexOf)
                            .filter(layer -> layer < 0 || layer > own)
                            .ifPresent(layer -> events.add(SimpleConditionEvent.violated(item, dependency.getDescription())));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notDependOnAnotherFeaturesBoundary() {
        return new ArchCondition<>("not depend on another feature's boundary") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = feature(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getPackageName().matches("org\\.internationale\\.\\w+\\.boundary(\\..*)?")
                            && !feature(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code org.internationale.platform.control.EditionArchive} is in {@code platform}; a class outside ours in none. */
    private static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("org.internationale.")) {
            return Optional.empty();
        }
        String rest = name.substring("org.internationale.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
