package app.roadbook.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Values as people read them; no database. */
class FormatsTest {

    @Test
    void moneyHasTheCurrencysSymbolGroupingAndDigits() {
        assertThat(Formats.moneyMinor(9900, "usd")).isEqualTo("$99.00");
        assertThat(Formats.money(new BigDecimal("3000000.00"), "JPY")).isEqualTo("¥3,000,000");
        assertThat(Formats.money(new BigDecimal("1250.5"), "EUR")).isEqualTo("€1,250.50");
        assertThat(Formats.money(new BigDecimal("12500"), "NOK")).isEqualTo("NOK 12,500.00");
        assertThat(Formats.money(new BigDecimal("5"), "XYZ")).isEqualTo("XYZ 5.00");
    }

    @Test
    void pricesAreTypedInMajorUnitsAndStoredInMinorUnits() {
        assertThat(Formats.toMinor(new BigDecimal("109"), "usd")).isEqualTo(10900);
        assertThat(Formats.toMinor(new BigDecimal("109.50"), "usd")).isEqualTo(10950);
        assertThat(Formats.toMinor(new BigDecimal("500"), "jpy")).isEqualTo(500);
        assertThat(Formats.fromMinor(10900, "usd")).isEqualByComparingTo("109");
        assertThatThrownBy(() -> Formats.toMinor(new BigDecimal("1.005"), "usd"))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void datesTimesAndZonesReadTheSameEverywhere() {
        assertThat(Formats.date(LocalDate.of(2027, 1, 15))).isEqualTo("Fri 15 Jan 2027");
        assertThat(Formats.time(LocalTime.of(18, 0))).isEqualTo("18:00");
        Instant at = Instant.parse("2027-01-15T09:00:00Z");
        assertThat(Formats.dateTime(at, ZoneId.of("Asia/Tokyo"), ZoneOffset.UTC))
                .isEqualTo("Fri 15 Jan 2027, 18:00 (Tokyo time)");
        assertThat(Formats.dateTime(at, ZoneId.of("Asia/Tokyo"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo("Fri 15 Jan 2027, 18:00");
        assertThat(Formats.utc(at)).isEqualTo("Fri 15 Jan 2027, 09:00 UTC");
        assertThat(Formats.label("past_due")).isEqualTo("Past due");
    }

    @Test
    void anActivityEntryIsASentence() {
        assertThat(ActivitySentence.of(
                        "Olivia Owner",
                        "subscription.changed",
                        null,
                        "{\"before\": {\"plan_id\": \"solo_artist\", \"status\": \"trialing\"},"
                                + " \"after\": {\"plan_id\": \"team_manager\", \"status\": \"active\"}}",
                        id -> id.equals("solo_artist") ? "Solo Artist" : "Team Manager"))
                .isEqualTo("Olivia Owner changed the subscription: plan from Solo Artist to Team Manager,"
                        + " status from Trialing to Active.");
        assertThat(ActivitySentence.of("Olivia", "venue.deleted", null, "{\"name\": \"Rockefeller\"}", null))
                .isEqualTo("Olivia deleted the venue Rockefeller.");
        assertThat(ActivitySentence.of(null, "subscription.trial_expired", "Acme", null, null))
                .isEqualTo("Roadbook saw the trial end.");
    }

    @Test
    void guestsFilesAndCrewReadAsSentencesWithoutStoredCodes() {
        assertThat(ActivitySentence.of(
                        "Olivia",
                        "guest.requested",
                        null,
                        "{\"name\": \"Ann Band\", \"plus_ones\": 1, \"party\": \"from_us\","
                                + " \"show_id\": \"3eb5b415-866c-4523-bb91-471b990b7e20\"}",
                        null))
                .isEqualTo("Olivia asked for a guest list place for Ann Band: plus ones 1, party artist team.");
        assertThat(ActivitySentence.of(
                        "Olivia", "advancing.document_uploaded", "Tokyo", "{\"party\": \"from_you\"}", null))
                .isEqualTo("Olivia uploaded a document to Tokyo: party promoter.");
        assertThat(ActivitySentence.of("Olivia", "file.uploaded", null, "{\"name\": \"Rider.pdf\"}", null))
                .isEqualTo("Olivia uploaded the file Rider.pdf.");
        assertThat(ActivitySentence.of(
                        "Olivia", "schedule_item.created", null, "{\"audience\": \"promoter_team\"}", null))
                .isEqualTo("Olivia added to a day sheet: audience promoter team.");
    }
}
