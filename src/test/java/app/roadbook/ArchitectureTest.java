package app.roadbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.roadbook");

    @Test
    void everyRouteAndLayoutSaysWhoMayOpenIt() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .should()
                .beAnnotatedWith(AnonymousAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(DenyAll.class)
                .because("views are denied unless annotated; each must say who may open it (docs/product.md §6)");
        rule.check(MAIN);
    }

    @Test
    void viewsNeverTouchRepositoriesOrTheDatabase() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(javax.sql.DataSource.class)
                .because("views call services, which own transactions and authorization (docs/product.md §2)");
        rule.check(MAIN);
    }

    @Test
    void viewsLiveInUiPackages() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .resideInAPackage("..ui..")
                .check(MAIN);
        classes()
                .that()
                .areAnnotatedWith(Layout.class)
                .should()
                .resideInAPackage("app.roadbook")
                .because(
                        "the main layout knows every capability's views, so it sits above them all, in the root package")
                .check(MAIN);
    }

    @Test
    void everyEntityIsUsedByARepositoryOrQuery() throws Exception {
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.List<Class<?>> entities = new java.util.ArrayList<>();
        StringBuilder queries = new StringBuilder();
        for (com.tngtech.archunit.core.domain.JavaClass type : MAIN) {
            Class<?> reflected = type.reflect();
            if (reflected.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                entities.add(reflected);
            }
            if (reflected.isInterface() && Repository.class.isAssignableFrom(reflected)) {
                for (java.lang.reflect.Type parent : reflected.getGenericInterfaces()) {
                    if (parent instanceof java.lang.reflect.ParameterizedType generic
                            && generic.getActualTypeArguments()[0] instanceof Class<?> domain) {
                        used.add(domain.getName());
                    }
                }
                for (java.lang.reflect.Method method : reflected.getDeclaredMethods()) {
                    org.springframework.data.jpa.repository.Query query =
                            method.getAnnotation(org.springframework.data.jpa.repository.Query.class);
                    if (query != null && !query.nativeQuery()) {
                        queries.append(query.value()).append('\n');
                    }
                }
            }
        }
        for (Class<?> entity : entities) {
            if (java.util.regex.Pattern.compile("\\b" + entity.getSimpleName() + "\\b")
                    .matcher(queries)
                    .find()) {
                used.add(entity.getName());
            }
        }
        // Parts of an aggregate are used through its root: an association of a used entity counts.
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Class<?> entity : entities) {
                if (!used.contains(entity.getName())) {
                    continue;
                }
                for (java.lang.reflect.Field field : entity.getDeclaredFields()) {
                    Class<?> target = field.getType();
                    if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType generic
                            && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
                        target = element;
                    }
                    if (target.isAnnotationPresent(jakarta.persistence.Entity.class) && used.add(target.getName())) {
                        grew = true;
                    }
                }
            }
        }
        java.util.List<String> unused = entities.stream()
                .map(Class::getName)
                .filter(name -> !used.contains(name))
                .sorted()
                .toList();
        org.assertj.core.api.Assertions.assertThat(unused)
                .as("entities no repository or query uses: give them one or remove them")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(entities)
                .as("the rule sees the entities")
                .hasSizeGreaterThan(15);
    }

    @Test
    void noCapabilityDependsOnAnotherInACycle() {
        slices().matching("app.roadbook.(*)..")
                .should()
                .beFreeOfCycles()
                .because("capabilities build on base and on each other in one direction only; see docs/architecture.md")
                .check(MAIN);
    }

    @Test
    void permissionsAreNamedNotSpelledAsRoleLists() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("app.roadbook.tenancy.OrgPermission")
                .and()
                .doNotHaveFullyQualifiedName("app.roadbook.tenancy.OrgRole")
                .should()
                .accessField(app.roadbook.tenancy.OrgRole.class, "owner")
                .orShould()
                .accessField(app.roadbook.tenancy.OrgRole.class, "admin")
                .orShould()
                .accessField(app.roadbook.tenancy.OrgRole.class, "viewer")
                .because("who may do what is decided once, in OrgPermission, by the helpers the policies use")
                .check(MAIN);
    }

    @Test
    void servicesDoNotDependOnViews() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..ui..")
                .and()
                .resideOutsideOfPackage("app.roadbook")
                .and()
                .areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..ui..")
                .allowEmptyShould(true)
                .because("the UI depends on the services, never the other way round")
                .check(MAIN);
    }

    @Test
    void everyScheduledJobRunsOnOneNodeAtATime() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that()
                .areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                .should(
                        new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                                "hand their work to OnceOnly.run") {
                            @Override
                            public void check(
                                    com.tngtech.archunit.core.domain.JavaMethod method,
                                    com.tngtech.archunit.lang.ConditionEvents events) {
                                boolean once = method.getMethodCallsFromSelf().stream()
                                        .anyMatch(call -> call.getTargetOwner()
                                                        .isEquivalentTo(app.roadbook.base.jobs.OnceOnly.class)
                                                && call.getName().equals("run"));
                                if (!once) {
                                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                            method, method.getFullName() + " does not hand its work to OnceOnly.run"));
                                }
                            }
                        })
                .because("with several app nodes every scheduled job must run on one node at a time (decision 0030)")
                .check(MAIN);
    }
}
