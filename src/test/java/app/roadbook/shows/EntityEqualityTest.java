package app.roadbook.shows;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Entities are equal by kind and id (app.roadbook.base.Identified), lazy proxies included, without loading them. */
@RoadbookTest
class EntityEqualityTest {

    @Autowired
    ArtistService artists;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlatformTransactionManager transactions;

    @PersistenceContext
    EntityManager em;

    UUID org, auroras, comets;

    @BeforeEach
    void twoArtists() {
        UUID owner = fixtures.user("Owner");
        org = fixtures.organization("Equality Co", owner);
        fixtures.signIn(owner);
        auroras = artists.createArtist(org, "The Auroras");
        comets = artists.createArtist(org, "The Comets");
    }

    @Test
    void aProxyEqualsTheLoadedEntityOfItsRowWithoutBeingLoaded() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Artist proxy = em.getReference(Artist.class, auroras);
            Artist other = em.getReference(Artist.class, comets);
            em.clear();
            Artist loaded = em.find(Artist.class, auroras);

            assertThat(proxy.getClass()).isNotEqualTo(Artist.class);
            assertThat(loaded).isEqualTo(proxy).isNotEqualTo(other);
            assertThat(loaded.hashCode()).isEqualTo(Artist.class.hashCode());
            assertThat(Hibernate.isInitialized(proxy)).isFalse();
            assertThat(Hibernate.isInitialized(other)).isFalse();
        });
    }

    @Test
    void aProxyWhoseSessionHasClosedStillCompares() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Artist proxy = tx.execute(status -> em.getReference(Artist.class, auroras));
        Artist loaded = tx.execute(status -> em.find(Artist.class, auroras));

        assertThat(loaded).isEqualTo(proxy);
        assertThat(Hibernate.isInitialized(proxy)).isFalse();
    }

    @Test
    void aNewEntityHasItsIdAndHashAndEqualsOnlyItself() {
        Artist loaded = new TransactionTemplate(transactions).execute(status -> em.find(Artist.class, auroras));
        Artist made = new Artist(org, "The Auroras");

        assertThat(made.getId()).isNotNull();
        assertThat(made.getVersion())
                .as("null until stored: Spring Data inserts it")
                .isNull();
        assertThat(made).isEqualTo(made).isNotEqualTo(loaded).hasSameHashCodeAs(loaded);
    }
}
