package org.wenzheng.common.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets pages read record components as properties (#{m.title} for a record's title()). Expression Language 5, the
 * one in Jakarta EE 10, only knows JavaBean getters; records are how the services hand read models to pages.
 */
public class RecordELResolver extends ELResolver {

    private final Map<Class<?>, Map<String, RecordComponent>> components = new ConcurrentHashMap<>();

    private RecordComponent component(Object base, Object property) {
        if (base == null || !base.getClass().isRecord() || !(property instanceof String name)) {
            return null;
        }
        return components.computeIfAbsent(base.getClass(), c -> {
            Map<String, RecordComponent> byName = new ConcurrentHashMap<>();
            Arrays.stream(c.getRecordComponents()).forEach(rc -> byName.put(rc.getName(), rc));
            return byName;
        }).get(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        RecordComponent rc = component(base, property);
        if (rc == null) {
            return null;
        }
        try {
            Object value = rc.getAccessor().invoke(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + property + " of " + base.getClass().getName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        RecordComponent rc = component(base, property);
        if (rc != null) {
            context.setPropertyResolved(base, property);
        }
        // Records are read-only: a null type tells Faces the property cannot be written.
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException(property + " of a record is read-only");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
