package org.gridfleet.plan.select;

import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * The expression language of rules files: JEXL (Apache Commons JEXL 3), cut down to arithmetic, comparison and logic
 * over the {@link PlanVariables}, three layers deep:
 * <ul>
 *   <li>syntax ({@link JexlFeatures#createNone()}): one expression; no method calls, no {@code new}, no assignment,
 *       no loops, no lambdas, no local variables, no array or map literals, no pragmas or annotations; these are
 *       refused when the file is read;</li>
 *   <li>a sandbox that allows no class anything (no method, no property, no constructor), and the permissions
 *       {@link JexlPermissions#NONE};</li>
 *   <li>strict mode: an unknown variable is an error (checked against {@link PlanVariables#names()} when the file is
 *       read), and so is arithmetic or comparison on {@code null}.</li>
 * </ul>
 * Integers divide as decimals ({@code 1/8} is 0.125). The engine is shared: JEXL engines and scripts are thread-safe.
 */
final class Expressions {
    static final JexlFeatures FEATURES = JexlFeatures.createNone();

    private static final JexlEngine ENGINE = new JexlBuilder()
            .features(FEATURES)
            .permissions(JexlPermissions.NONE)
            .sandbox(new JexlSandbox(false))
            .arithmetic(new DecimalArithmetic(true, null, Integer.MIN_VALUE))
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(256)
            .create();

    private Expressions() {}

    /** Parses {@code text}; a syntax error or a forbidden construct is a {@link JexlException}. */
    static JexlScript parse(String text) {
        return ENGINE.createScript(FEATURES, null, text);
    }

    /** The variables {@code script} refers to, in the order they appear; a dotted reference ({@code a.b}) keeps its dots. */
    static List<String> variables(JexlScript script) {
        List<String> names = new ArrayList<>();
        for (List<String> path : script.getVariables()) {
            String name = String.join(".", path);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Evaluates {@code script} with {@code values}; errors are {@link JexlException}s or {@link ArithmeticException}s. */
    static Object evaluate(JexlScript script, Map<String, Object> values) {
        MapContext context = new MapContext();
        values.forEach(context::set);
        return script.execute(context);
    }

    /** Integer division as decimals; the rest as JEXL's strict arithmetic. */
    static final class DecimalArithmetic extends JexlArithmetic {
        DecimalArithmetic(boolean strict, MathContext context, int scale) {
            super(strict, context, scale);
        }

        @Override
        protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
            return new DecimalArithmetic(strict, context, scale);
        }

        @Override
        public Object divide(Object left, Object right) {
            if (integral(left) && integral(right)) {
                return super.divide(toDouble(left), toDouble(right));
            }
            return super.divide(left, right);
        }

        private static boolean integral(Object value) {
            return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                    || value instanceof BigInteger;
        }
    }
}
