package app.roadbook.shows;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Who can see this?" lists exactly the accounts for which RLS lets the show through: for every show of
 * the demo data and every account, the list and the database's own answer agree.
 */
@RoadbookTest
class AudienceTest {

    @Autowired ShowService shows;
    @Autowired Fixtures fixtures;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    @Test
    void theListIsExactlyWhoTheDatabaseLetsSeeTheShow() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        List<UUID> accounts = fixtures.owner().queryForList("select id from app_users where disabled_at is null", UUID.class);
        List<UUID> showIds = fixtures.owner().queryForList("""
                select s.id from shows s join organizations o on o.id = s.org_id
                where o.slug in ('northern-lights-touring', 'southside-artists')""", UUID.class);
        assertThat(showIds).hasSizeGreaterThanOrEqualTo(4);
        int compared = 0;
        for (UUID show : showIds) {
            UUID org = fixtures.owner().queryForObject("select org_id from shows where id = ?", UUID.class, show);
            UUID asker = fixtures.owner().queryForObject("select user_id from org_members where org_id = ? and role = 'owner' limit 1",
                    UUID.class, org);
            fixtures.signIn(asker);
            Set<UUID> listed = shows.audience(org, show).stream().filter(ShowService.Viewer::canSee)
                    .map(ShowService.Viewer::userId).collect(Collectors.toSet());
            Set<UUID> seeing = new HashSet<>();
            for (UUID account : accounts) {
                boolean sees = ActingUser.callAs(account, () -> transactions.execute(s -> app.queryForObject("""
                        select exists (select 1 from shows where id = ?) or exists (select 1 from my_granted_shows() where show_id = ?)""",
                        Boolean.class, show, show)));
                if (sees) {
                    seeing.add(account);
                }
                compared++;
            }
            assertThat(listed).as("show " + show).isEqualTo(seeing);
        }
        assertThat(compared).isGreaterThan(showIds.size() * 5);
    }

    @Test
    void theOsloShowListsTheTeamThePromoterAndWhy() {
        UUID org = fixtures.owner().queryForObject("select id from organizations where slug = 'northern-lights-touring'", UUID.class);
        UUID oslo = fixtures.owner().queryForObject("""
                select sc.show_id from show_collaborators sc join app_users u on u.id = sc.user_id
                where u.email = 'promoter@roadbook.demo' and sc.org_id = ? order by sc.granted_at limit 1""", UUID.class, org);
        fixtures.signIn("viewer@roadbook.demo");
        List<ShowService.Viewer> audience = shows.audience(org, oslo);
        assertThat(audience).anySatisfy(v -> {
            assertThat(v.email()).isEqualTo("owner@roadbook.demo");
            assertThat(v.reason()).isEqualTo("Owner of the organization");
        });
        assertThat(audience).anySatisfy(v -> {
            assertThat(v.email()).isEqualTo("promoter@roadbook.demo");
            assertThat(v.kind()).isEqualTo("collaborator");
            assertThat(v.reason()).startsWith("Promoter team, can edit the promoter side");
        });
        assertThat(audience).noneMatch(v -> "platform@roadbook.demo".equals(v.email()) || "other@roadbook.demo".equals(v.email()));

        fixtures.signIn("other@roadbook.demo");
        assertThatThrownBy(() -> shows.audience(org, oslo)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn("promoter@roadbook.demo");
        assertThatThrownBy(() -> shows.audience(org, oslo)).isInstanceOf(OrgAccess.NotFoundException.class);
        // The database function itself answers nobody outside the org either.
        Integer rows = ActingUser.callAs(fixtures.userId("promoter@roadbook.demo"), () -> transactions.execute(s ->
                new JdbcTemplate(dataSource).queryForObject("select count(*) from show_audience(?)", Integer.class, oslo)));
        assertThat(rows).isZero();
    }
}
