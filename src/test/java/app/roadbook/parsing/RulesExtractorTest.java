package app.roadbook.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format the issue lists, and the rules around them (spans, quoted text, catalog matches, no booking). */
class RulesExtractorTest {

    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 20);
    static final Catalog CATALOG = new Catalog(
            List.of(new Catalog.Venue(UUID.randomUUID(), "Rockefeller Music Hall", "Oslo", "NO")),
            List.of(new Catalog.Artist(UUID.randomUUID(), "Nordic Drift")),
            List.of(new Catalog.Contact(
                    UUID.randomUUID(), "Kari Nordmann", "Nordlys Konserter AS", "Kari@Nordlyskonserter.no", null)));

    private final RulesExtractor extractor =
            new RulesExtractor(Clock.fixed(REFERENCE.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    /** A booking line around the value under test, so the document passes as a booking. */
    private List<Proposal> extract(String line) {
        return extractor.extract(
                SourceDocument.pasted("Nordic Drift at Rockefeller Music Hall, 1st hold.\n" + line + "\n"), CATALOG);
    }

    private static Proposal first(List<Proposal> proposals, ParsedField field) {
        return proposals.stream()
                .filter(p -> p.field() == field)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " in " + proposals));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Date: 15.01.2027|2027-01-15|15.01.2027",
                "Date: 2027-01-15|2027-01-15|2027-01-15",
                "Show on Jan 15th|2027-01-15|Jan 15th",
                "Show on 15 January|2027-01-15|15 January",
                "Show on Friday 15 January 2027|2027-01-15|Friday 15 January 2027",
                "Termin: Freitag, 15. Januar 2027|2027-01-15|Freitag, 15. Januar 2027",
                "Konzert am 15. Jänner|2027-01-15|15. Jänner",
                "Konsert fredag 15. januar|2027-01-15|fredag 15. januar",
                "Spelning fredag 15 januari 2027|2027-01-15|fredag 15 januari 2027",
                "Show Mar. 3rd, 2027|2027-03-03|Mar. 3rd, 2027",
                "Konsert 3. mars|2027-03-03|3. mars",
                "Koncert 1. december|2026-12-01|1. december",
                "Show: Fr. 15.01.|2027-01-15|Fr. 15.01.",
                "Date 15/01/27|2027-01-15|15/01/27",
            })
    void dates(String line, String value, String source) {
        List<Proposal> proposals = extract(line);
        Proposal date = first(proposals, ParsedField.SHOW_DATE);
        assertThat(date.value()).isEqualTo(value);
        assertThat(text(line).substring(date.start(), date.end())).isEqualTo(source);
    }

    @Test
    void aYearLeftOutIsTheFirstNotMoreThanAMonthBeforeTheReferenceDateAndAWeekdayDecidesBetweenYears() {
        // Up to 30 days back still counts as this year (a mail read late); further back is next year.
        assertThat(first(extract("Show on 10 November"), ParsedField.SHOW_DATE).value())
                .isEqualTo("2026-11-10");
        assertThat(first(extract("Show on 5 October"), ParsedField.SHOW_DATE).value())
                .isEqualTo("2027-10-05");
        assertThat(first(extract("Show on 30 November"), ParsedField.SHOW_DATE).value())
                .isEqualTo("2026-11-30");
        // 15 January is a Friday in 2027 and a Saturday in 2028.
        assertThat(first(extract("Show on Saturday 15 January"), ParsedField.SHOW_DATE)
                        .value())
                .isEqualTo("2028-01-15");
    }

    @Test
    void deadlinesRangesAndLetterDatesAreNotShowDates() {
        List<Proposal> proposals = extract("Please confirm by 10 December 2026.\nFestival 10-12 July 2027\n"
                + "Oslo, 20.11.2026\nDate: 16 January 2027");
        assertThat(proposals.stream()
                        .filter(p -> p.field() == ParsedField.SHOW_DATE)
                        .map(Proposal::value))
                .containsExactly("2027-01-16");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Doors 19:00|DOORS|19:00|19:00",
                "Doors at 7pm|DOORS|19:00|7pm",
                "Doors 7.30 pm|DOORS|19:30|7.30 pm",
                "Dørene åpner kl. 19|DOORS|19:00|kl. 19",
                "Einlass 19 Uhr|DOORS|19:00|19 Uhr",
                "Insläpp 19.30|DOORS|19:30|19.30",
                "Load-in: 14:00|LOAD_IN|14:00|14:00",
                "Get-in 13.30|LOAD_IN|13:30|13.30",
                "Soundcheck 16:30|SOUNDCHECK|16:30|16:30",
                "Lydprøve kl. 17|SOUNDCHECK|17:00|kl. 17",
                "Set 21:00 - 22:15|SET_TIME|21:00|21:00",
                "Showtime 9pm|SET_TIME|21:00|9pm",
                "Beginn: 20:30 Uhr|SET_TIME|20:30|20:30 Uhr",
                "Curfew 23:00|CURFEW|23:00|23:00",
                "Curfew midnight|CURFEW|00:00|midnight",
                "Sperrstunde 22:30|CURFEW|22:30|22:30",
                "21:00  Show|SET_TIME|21:00|21:00",
            })
    void times(String line, ParsedField field, String value, String source) {
        Proposal time = first(extract(line), field);
        assertThat(time.value()).isEqualTo(value);
        assertThat(text(line).substring(time.start(), time.end())).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Fee: EUR 3.500,00|EUR 3500.00|EUR 3.500,00",
                "Fee: €3,500|EUR 3500.00|€3,500",
                "Guarantee USD 12k|USD 12000.00|USD 12k",
                "Gasje: NOK 40 000|NOK 40000.00|NOK 40 000",
                "Gage: 4.500 Euro|EUR 4500.00|4.500 Euro",
                "Gasje NOK 40.000,-|NOK 40000.00|NOK 40.000,-",
                "Arvode 35 000 SEK|SEK 35000.00|35 000 SEK",
                "Gage CHF 4'000|CHF 4000.00|CHF 4'000",
                "Fee: £2,000.50|GBP 2000.50|£2,000.50",
                "Fee 3,5k EUR|EUR 3500.00|3,5k EUR",
            })
    void fees(String line, String value, String source) {
        Proposal fee = first(extract(line), ParsedField.FEE);
        assertThat(fee.value()).isEqualTo(value);
        assertThat(text(line).substring(fee.start(), fee.end())).isEqualTo(source);
    }

    @Test
    void depositsAndCostsAreNotFeesButTicketPricesAreTicketPrices() {
        List<Proposal> proposals =
                extract("Fee: EUR 3,000 flat. Deposit EUR 1,500. Hotel buyout EUR 400.\nTickets: EUR 25 / 30");
        assertThat(proposals.stream().filter(p -> p.field() == ParsedField.FEE).map(Proposal::value))
                .containsExactly("EUR 3000.00");
        assertThat(proposals.stream()
                        .filter(p -> p.field() == ParsedField.TICKET_PRICE)
                        .map(Proposal::value))
                .containsExactly("EUR 25.00", "EUR 30.00");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Fee: EUR 3,000 versus 80%|versus",
                "Guarantee EUR 3,000 vs. 85% of net|versus",
                "Door deal: 80% of the door after costs|door",
                "Fee: EUR 3,000 flat|flat",
                "Festgage: 3.000 EUR|flat",
                "Fee: EUR 3,000|flat",
            })
    void deals(String line, String deal) {
        List<Proposal> proposals = extract(line);
        Proposal best = proposals.stream()
                .filter(p -> p.field() == ParsedField.DEAL_TYPE)
                .max((a, b) -> Double.compare(a.confidence(), b.confidence()))
                .orElseThrow();
        assertThat(best.value()).isEqualTo(deal);
    }

    @Test
    void capacityHoldAndConfirmed() {
        assertThat(first(extract("Capacity: 1,350"), ParsedField.CAPACITY).value())
                .isEqualTo("1350");
        assertThat(first(extract("Kapazität 1.000"), ParsedField.CAPACITY).value())
                .isEqualTo("1000");
        assertThat(first(extract("500 cap"), ParsedField.CAPACITY).value()).isEqualTo("500");
        assertThat(first(extract("Date 15.01.2027"), ParsedField.BOOKING_STATUS).value())
                .isEqualTo("hold");
        List<Proposal> confirmed = extractor.extract(
                SourceDocument.pasted("We hereby confirm Nordic Drift at Rockefeller Music Hall on 15.01.2027.\n"),
                CATALOG);
        assertThat(first(confirmed, ParsedField.BOOKING_STATUS).value()).isEqualTo("confirmed");
        List<Proposal> notYet = extractor.extract(
                SourceDocument.pasted(
                        "Nordic Drift at Rockefeller Music Hall on 15.01.2027, fee EUR 3,000 - please" + " confirm.\n"),
                CATALOG);
        assertThat(notYet).noneMatch(p -> p.field() == ParsedField.BOOKING_STATUS);
    }

    @Test
    void catalogMatchesCarryTheirIdsAndTheContactIsFoundByEmailFirst() {
        String text = "From: booking <KARI@nordlyskonserter.no>\nSubject: Hold\n\nROCKEFELLER music hall, 15.01.2027,"
                + " Nordic Drift, fee EUR 3,000.\n";
        List<Proposal> proposals = extractor.extract(
                new SourceDocument(SourceDocument.Kind.MAIL, "x.eml", "Hold", null, text, List.of(), List.of()),
                CATALOG);
        Proposal venue = first(proposals, ParsedField.VENUE);
        assertThat(venue.matchId()).isEqualTo(CATALOG.venues().get(0).id());
        assertThat(venue.value()).isEqualTo("ROCKEFELLER music hall");
        assertThat(first(proposals, ParsedField.ARTIST).matchId())
                .isEqualTo(CATALOG.artists().get(0).id());
        Proposal email = first(proposals, ParsedField.PROMOTER_EMAIL);
        assertThat(email.value()).isEqualTo("kari@nordlyskonserter.no");
        assertThat(email.matchId()).isEqualTo(CATALOG.contacts().get(0).id());
        // The contact's name is not written out: proposed from the catalog, with the e-mail as its source.
        Proposal person = first(proposals, ParsedField.PROMOTER_PERSON);
        assertThat(person.value()).isEqualTo("Kari Nordmann");
        assertThat(person.sourceSpan(SourceDocument.pasted(text))).isEqualTo("KARI@nordlyskonserter.no");
    }

    @Test
    void quotedTextCountsOnlyWhereTheNewTextIsSilent() {
        String text = "Confirmed: Nordic Drift at Rockefeller Music Hall on 16.01.2027, fee EUR 3,800.\n\n"
                + "> Could you hold 15.01.2027 for EUR 3,500? Doors 19:00.\n";
        List<Proposal> proposals = extractor.extract(SourceDocument.pasted(text), CATALOG);
        assertThat(proposals.stream()
                        .filter(p -> p.field() == ParsedField.SHOW_DATE)
                        .map(Proposal::value))
                .containsExactly("2027-01-16");
        assertThat(first(proposals, ParsedField.FEE).value()).isEqualTo("EUR 3800.00");
        Proposal doors = first(proposals, ParsedField.DOORS);
        assertThat(doors.value()).isEqualTo("19:00");
        assertThat(doors.confidence()).isLessThan(0.6);
    }

    @Test
    void everyProposalSpanIsTheTextItWasReadFrom() {
        String text = "Venue: Gamle Kino, Storgata 12, 2317 Hamar, Norge\nDato: lørdag 8. mai 2027\n"
                + "Gasje: kr 25 000,-\nDørene åpner kl. 19.30\n";
        SourceDocument document = SourceDocument.pasted(text);
        List<Proposal> proposals = extractor.extract(document, Catalog.empty());
        assertThat(proposals).isNotEmpty().allSatisfy(p -> {
            assertThat(p.extractor()).isEqualTo("rules");
            assertThat(p.sourceSpan(document)).isNotBlank();
        });
        assertThat(first(proposals, ParsedField.VENUE).sourceSpan(document)).isEqualTo("Gamle Kino");
        assertThat(first(proposals, ParsedField.VENUE_CITY).value()).isEqualTo("Hamar");
        assertThat(first(proposals, ParsedField.VENUE_COUNTRY).value()).isEqualTo("NO");
        assertThat(first(proposals, ParsedField.FEE).value()).isEqualTo("NOK 25000.00");
    }

    @Test
    void aMailWithNoBookingGivesNoProposals() {
        assertThat(extractor.extract(
                        SourceDocument.pasted("Lunch on Friday 27 November at 12:30? Nordic Drift say hi.\n"), CATALOG))
                .isEmpty();
        assertThat(extractor.extract(SourceDocument.pasted(""), CATALOG)).isEmpty();
    }

    private static String text(String line) {
        return "Nordic Drift at Rockefeller Music Hall, 1st hold.\n" + line + "\n";
    }
}
