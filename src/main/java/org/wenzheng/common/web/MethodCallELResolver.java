package org.wenzheng.common.web;

import jakarta.el.ELClass;
import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calls methods named in expressions (#{time.date(m.postedAt)}, #{'kind.'.concat(k)}) through a cache of the method
 * to call. Expression Language 5's BeanELResolver looks the method up again on every call, copying all of the class's
 * public methods each time: in a profile of the board page that was a twelfth of its rendering.
 *
 * <p>Only the unambiguous case is answered here: exactly one public, non-variable-arity method of that name and number
 * of parameters, declared by a public class. Arguments are coerced by the context as BeanELResolver does, so a call
 * means the same either way. Every other call (overloads, varargs, explicit parameter types, static calls) is left to
 * the resolvers after this one.
 */
public class MethodCallELResolver extends ELResolver {

    private static final ClassValue<ConcurrentMap<String, Optional<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected ConcurrentMap<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || base instanceof ELClass || paramTypes != null || !(method instanceof String name)) {
            return null;
        }
        int arity = params == null ? 0 : params.length;
        Optional<Method> found = METHODS.get(base.getClass())
                .computeIfAbsent(name + '/' + arity, k -> single(base.getClass(), name, arity));
        if (found.isEmpty()) {
            return null;
        }
        Method m = found.get();
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = context.convertToType(params[i], types[i]);
        }
        try {
            Object result = m.invoke(base, args);
            context.setPropertyResolved(base, method);
            return result;
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        }
    }

    /** The one method a call can mean, or none when there are several (left to the standard resolution) or none. */
    static Optional<Method> single(Class<?> type, String name, int arity) {
        Method only = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !m.isBridge()) {
                if (only != null || m.isVarArgs()) {
                    return Optional.empty();
                }
                only = m;
            }
        }
        if (only == null || !Modifier.isPublic(only.getDeclaringClass().getModifiers())) {
            return Optional.empty();
        }
        return Optional.of(only);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // Properties are not this resolver's concern.
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
