package app.roadbook.base;

/**
 * Something asked for does not exist, or exists where the reader may not see it: both read the same, so a foreign
 * id tells nothing. The error handling shows it as a missing page or a short sentence.
 */
public class NotFoundException extends Refusal {

    public NotFoundException(String message) {
        super(message);
    }
}
