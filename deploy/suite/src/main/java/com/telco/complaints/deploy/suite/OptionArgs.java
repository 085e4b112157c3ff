package com.telco.complaints.deploy.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a command line's options: {@code --name value}, {@code --name=value}, or a flag alone. */
final class OptionArgs {

    /** One option as given; {@code value} null for a flag. */
    record Arg(String name, String value) {}

    private OptionArgs() {}

    /**
     * The options of {@code args}, in order.
     *
     * @throws IllegalArgumentException for an option that is neither a flag nor takes a value, a flag
     *                                  given a value, or a value missing at the end
     */
    static List<Arg> read(List<String> args, Set<String> flags, Set<String> withValue) {
        List<Arg> read = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (flags.contains(name) && value == null) {
                read.add(new Arg(name, null));
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                read.add(new Arg(name, value));
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return read;
    }
}
