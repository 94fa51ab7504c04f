package org.qtraj.errors;

/**
 * A model, option or input file that qtraj refuses. The message is one line that names the offending
 * field and says what is allowed; the command line prints it as is and exits with code 2. Library code names
 * the parameter in the library's words ({@code dephasing}); only the command line maps it to a flag. Immutable.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field   the offending field or option, e.g. {@code dephasing}
     * @param message what is allowed and what was given; the exception's message is "field: message"
     */
    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The name of the offending field or option, as the user wrote it. */
    public String field() {
        return field;
    }
}
