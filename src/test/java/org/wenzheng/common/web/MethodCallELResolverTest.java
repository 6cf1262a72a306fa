package org.wenzheng.common.web;

import jakarta.el.ELException;
import jakarta.el.ELProcessor;
import jakarta.el.StandardELContext;
import jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cached method calls mean what Expression Language's own resolution means, and leave the rest to it. */
class MethodCallELResolverTest {

    public enum Kind { COMPLAINT }

    public static class Sample {
        public String twice(int n) {
            return String.valueOf(n * 2);
        }

        public String day(LocalDate d) {
            return d == null ? "none" : d.toString();
        }

        public String over(String s) {
            return "string " + s;
        }

        public String over(Integer i) {
            return "integer " + i;
        }

        public String fail() {
            throw new IllegalStateException("refused");
        }

        public String all(String... parts) {
            return String.join("+", parts);
        }
    }

    private ELProcessor el;
    private final MethodCallELResolver resolver = new MethodCallELResolver();

    @BeforeEach
    void setUp() {
        el = new ELProcessor();
        el.getELManager().addELResolver(resolver);
        el.defineBean("b", new Sample());
        el.defineBean("k", Kind.COMPLAINT);
    }

    @Test
    void callsTheOneMethodAndCoercesItsArgumentsAsExpressionLanguageDoes() {
        assertEquals("kind.COMPLAINT", el.eval("'kind.'.concat(k)"));
        assertEquals("6", el.eval("b.twice('3')"));
        assertEquals("8", el.eval("b.twice(4)"));
        // null to a primitive is 0, as the standard coercion says.
        assertEquals("0", el.eval("b.twice(null)"));
        assertEquals("none", el.eval("b.day(null)"));
    }

    @Test
    void answersOnlyUnambiguousCallsOfPublicClasses() throws Exception {
        StandardELContext context = new StandardELContext(ExpressionFactory.newInstance());
        assertEquals("6", resolver.invoke(context, new Sample(), "twice", null, new Object[] {3}));
        assertTrue(context.isPropertyResolved());

        context = new StandardELContext(ExpressionFactory.newInstance());
        assertNull(resolver.invoke(context, new Sample(), "over", null, new Object[] {"x"}));
        assertFalse(context.isPropertyResolved(), "overloads are left to the standard resolution");

        assertNull(resolver.invoke(context, new Sample(), "all", null, new Object[] {"a"}));
        assertFalse(context.isPropertyResolved(), "variable arity is left to the standard resolution");

        assertNull(resolver.invoke(context, new Sample(), "twice", new Class<?>[] {int.class}, new Object[] {3}));
        assertFalse(context.isPropertyResolved(), "explicit parameter types are left to the standard resolution");

        assertNull(resolver.invoke(context, new Sample(), "missing", null, new Object[0]));
        assertFalse(context.isPropertyResolved());

        assertTrue(MethodCallELResolver.single(Sample.class, "twice", 1).isPresent());
        assertTrue(MethodCallELResolver.single(Sample.class, "twice", 2).isEmpty());
        assertTrue(MethodCallELResolver.single(Hidden.class, "name", 0).isEmpty(),
                "a method declared by a class that is not public cannot be called from outside");
    }

    @Test
    void theStandardResolutionStillAnswersWhatThisOneLeaves() {
        assertEquals("string x", el.eval("b.over('x')"));
        assertEquals("a+b", el.eval("b.all('a', 'b')"));
    }

    @Test
    void aFailingMethodIsReportedWithItsCause() {
        ELException e = assertThrows(ELException.class, () -> el.eval("b.fail()"));
        Throwable cause = e;
        while (cause != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalStateException.class, cause);
        assertEquals("refused", cause.getMessage());
    }

    static class Hidden {
        public String name() {
            return "hidden";
        }
    }
}
