package app.roadbook.base;

/**
 * A request refused for a reason the person can act on, said in one sentence for them: bad input, a rule of the
 * business, something missing, someone else's change. The error handling shows exactly these (and refused
 * permissions); any other failure gets a reference for the logs instead of its message.
 */
public class Refusal extends RuntimeException {

    public Refusal(String message) {
        super(message);
    }
}
