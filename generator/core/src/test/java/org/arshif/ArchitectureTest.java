package org.arshif;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The package layering of the main code, checked on the compiled classes. */
class ArchitectureTest {
    // The compiled main classes (Surefire runs in the module folder).
    private static final JavaClasses MAIN =
            new ClassFileImporter().importPath(Path.of(System.getProperty("arshif.classes", "target/classes")));

    /** Each package is its own slice: a cycle between any two packages is a finding. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "each package of org.arshif";
        }
    };

    /**
     * No two packages depend on each other, directly or through others (the site run, check and the façade were
     * a cycle, and so were config and content, the analyzer and its internals, and the index writer and its
     * internals).
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MAIN);
    }

    /** The analyzer's machinery knows nothing of the analyzer: {@code internal} serves its parent, not back. */
    @Test
    void theAnalyzersInternalsDoNotUseTheAnalyzer() {
        noClasses()
                .that()
                .resideInAPackage("org.arshif.search.analysis.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.arshif.search.analysis")
                .check(MAIN);
    }

    /**
     * The core never reaches into the front ends, Maven ({@code generator/maven-plugin}) and the CLI
     * ({@code generator/cli}): their classes are not even on its class path, so this names the boundary the module
     * layout enforces. Nor does the rest of the core reach into the preview server.
     */
    @Test
    void theCoreDoesNotDependOnItsFrontEnds() {
        noClasses()
                .that(not(resideInAnyPackage("org.arshif.maven..", "org.arshif.cli..", "org.arshif.serve..")))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.arshif.maven..", "org.arshif.cli..", "org.arshif.serve..")
                .check(MAIN);
    }

    /** The core is a plain jar: no Maven type anywhere in it (only the plugin module may use Maven's API). */
    @Test
    void theCoreHasNoMavenTypes() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
                .check(MAIN);
    }

    /** The model, theme and output know nothing of how pages are planned or of the run that drives them. */
    @Test
    void theSiteModelKnowsNothingOfPagesOrTheRun() {
        noClasses()
                .that()
                .resideInAPackage("org.arshif.site")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.arshif.site.pages..", "org.arshif.pipeline..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("org.arshif.site.pages..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.arshif.pipeline..")
                .check(MAIN);
    }
}
