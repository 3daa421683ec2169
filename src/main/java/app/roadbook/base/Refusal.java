package app.roadbook.base;

/**
 * A request refused for a reason the person can act on, said in one sentence for them: bad input, a rule of the
 * business, something missing, someone else's change. The error handling shows exactly these (and refused
 * permissions); any other failure gets a reference for the logs instead of its message.
 * <p>
 * It extends IllegalArgumentException only while the last capabilities move over from using that as their message
 * type (docs/decisions/0015); nothing should catch it as such.
 */
public class Refusal extends IllegalArgumentException {

    public Refusal(String message) {
        super(message);
    }
}
