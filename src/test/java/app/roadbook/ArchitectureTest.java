package app.roadbook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.roadbook");

    @Test
    void everyRouteAndLayoutSaysWhoMayOpenIt() {
        ArchRule rule = classes().that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
                .should().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("views are denied unless annotated; each must say who may open it (docs/product.md §6)");
        rule.check(MAIN);
    }

    @Test
    void viewsNeverTouchRepositoriesOrTheDatabase() {
        ArchRule rule = noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(javax.sql.DataSource.class)
                .because("views call services, which own transactions and authorization (docs/product.md §2)");
        rule.check(MAIN);
    }

    @Test
    void viewsLiveInUiPackages() {
        classes().that().areAnnotatedWith(Route.class)
                .should().resideInAPackage("..ui..")
                .check(MAIN);
        classes().that().areAnnotatedWith(Layout.class)
                .should().resideInAPackage("app.roadbook")
                .because("the main layout knows every capability's views, so it sits above them all, in the root package")
                .check(MAIN);
    }

    @Test
    void noCapabilityDependsOnAnotherInACycle() {
        slices().matching("app.roadbook.(*)..").should().beFreeOfCycles()
                .because("capabilities build on base and on each other in one direction only; see docs/architecture.md")
                .check(MAIN);
    }

    @Test
    void permissionsAreNamedNotSpelledAsRoleLists() {
        noClasses().that().doNotHaveFullyQualifiedName("app.roadbook.tenancy.OrgPermission")
                .and().doNotHaveFullyQualifiedName("app.roadbook.tenancy.OrgRole")
                .should().accessField(app.roadbook.tenancy.OrgRole.class, "owner")
                .orShould().accessField(app.roadbook.tenancy.OrgRole.class, "admin")
                .orShould().accessField(app.roadbook.tenancy.OrgRole.class, "viewer")
                .because("who may do what is decided once, in OrgPermission, by the helpers the policies use")
                .check(MAIN);
    }

    @Test
    void servicesDoNotDependOnViews() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().resideOutsideOfPackage("app.roadbook")
                .and().areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .allowEmptyShould(true)
                .because("the UI depends on the services, never the other way round")
                .check(MAIN);
    }
}
