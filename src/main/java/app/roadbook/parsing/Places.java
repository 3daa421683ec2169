package app.roadbook.parsing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cities and countries a new venue's address is recognised by, with their ISO country codes. A short list of
 * the touring cities of Northern and Central Europe; a city not on it is still proposed when the address names it
 * after a postal code.
 */
final class Places {

    static final Map<String, String> CITIES = new LinkedHashMap<>();
    static final Map<String, String> COUNTRIES = new LinkedHashMap<>();

    static {
        city(
                "NO",
                "Oslo",
                "Bergen",
                "Trondheim",
                "Stavanger",
                "Tromsø",
                "Kristiansand",
                "Drammen",
                "Fredrikstad",
                "Bodø",
                "Ålesund",
                "Lillehammer",
                "Haugesund",
                "Hamar",
                "Tønsberg",
                "Sandnes",
                "Molde",
                "Arendal");
        city(
                "SE",
                "Stockholm",
                "Göteborg",
                "Gothenburg",
                "Malmö",
                "Uppsala",
                "Lund",
                "Örebro",
                "Umeå",
                "Linköping",
                "Västerås",
                "Norrköping",
                "Jönköping",
                "Gävle",
                "Luleå",
                "Karlstad",
                "Helsingborg");
        city("DK", "København", "Copenhagen", "Aarhus", "Århus", "Odense", "Aalborg", "Esbjerg", "Roskilde");
        city(
                "DE",
                "Berlin",
                "Hamburg",
                "München",
                "Munich",
                "Köln",
                "Cologne",
                "Frankfurt",
                "Leipzig",
                "Dresden",
                "Stuttgart",
                "Düsseldorf",
                "Bremen",
                "Hannover",
                "Nürnberg",
                "Nuremberg",
                "Bochum",
                "Münster",
                "Dortmund",
                "Essen",
                "Mannheim",
                "Karlsruhe",
                "Freiburg",
                "Wiesbaden",
                "Kiel",
                "Rostock",
                "Bielefeld",
                "Heidelberg",
                "Würzburg",
                "Jena",
                "Erfurt",
                "Magdeburg",
                "Wuppertal",
                "Bonn",
                "Augsburg");
        city("AT", "Wien", "Vienna", "Graz", "Salzburg", "Linz", "Innsbruck");
        city("CH", "Zürich", "Zurich", "Basel", "Bern", "Genf", "Geneva", "Luzern", "Lausanne", "Winterthur");
        city("NL", "Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Groningen", "Nijmegen", "Tilburg");
        city("BE", "Brussels", "Bruxelles", "Brüssel", "Antwerp", "Antwerpen", "Gent", "Ghent");
        city("GB", "London", "Manchester", "Glasgow", "Bristol", "Birmingham", "Leeds", "Edinburgh", "Liverpool");
        city("IE", "Dublin", "Cork");
        city("FI", "Helsinki", "Tampere", "Turku", "Oulu");
        city("FR", "Paris", "Lyon", "Lille");
        city("CZ", "Prague", "Praha", "Prag");
        city("PL", "Warsaw", "Warszawa", "Warschau", "Kraków", "Krakow", "Wrocław", "Poznań");
        city("IS", "Reykjavík", "Reykjavik");
        city("EE", "Tallinn");
        city("LV", "Riga");
        city("LT", "Vilnius");
        country("NO", "Norway", "Norge", "Noreg", "Norwegen", "Norwegia");
        country("SE", "Sweden", "Sverige", "Schweden");
        country("DK", "Denmark", "Danmark", "Dänemark");
        country("DE", "Germany", "Deutschland", "Tyskland");
        country("AT", "Austria", "Österreich", "Østerrike", "Österrike");
        country("CH", "Switzerland", "Schweiz", "Sveits");
        country("NL", "Netherlands", "The Netherlands", "Nederland", "Niederlande", "Holland");
        country("BE", "Belgium", "Belgien", "België");
        country("GB", "United Kingdom", "UK", "U.K.", "England", "Scotland", "Great Britain");
        country("IE", "Ireland", "Irland");
        country("FI", "Finland", "Finnland", "Suomi");
        country("FR", "France", "Frankreich", "Frankrike");
        country("CZ", "Czech Republic", "Czechia", "Tschechien");
        country("PL", "Poland", "Polen");
        country("EE", "Estonia", "Estland");
        country("LV", "Latvia", "Lettland");
        country("LT", "Lithuania", "Litauen");
    }

    private static void city(String country, String... names) {
        for (String name : names) {
            CITIES.put(NormalisedText.fold(name), country);
        }
    }

    private static void country(String code, String... names) {
        for (String name : names) {
            COUNTRIES.put(NormalisedText.fold(name), code);
        }
    }

    /** The country code for a postal-code prefix such as {@code D-} or {@code NO-}, or null. */
    static String postalPrefix(String prefix) {
        return switch (prefix.toUpperCase(java.util.Locale.ROOT)) {
            case "D", "DE" -> "DE";
            case "N", "NO" -> "NO";
            case "S", "SE" -> "SE";
            case "DK" -> "DK";
            case "A", "AT" -> "AT";
            case "CH" -> "CH";
            case "NL" -> "NL";
            case "FI", "FIN" -> "FI";
            default -> null;
        };
    }

    private Places() {}
}
