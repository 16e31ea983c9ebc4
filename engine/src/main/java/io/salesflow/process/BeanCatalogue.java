package io.salesflow.process;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The beans annotated {@link ProcessBean}, by bean name: what deployment validation allows an expression to call,
 * what {@code GET /api/v1/process-beans} lists, and all the engine's expressions can resolve.
 */
@Component
public class BeanCatalogue {

    private final ApplicationContext context;
    private volatile SortedMap<String, String> descriptions;

    BeanCatalogue(ApplicationContext context) {
        this.context = context;
    }

    /** Bean name to description. */
    public SortedMap<String, String> entries() {
        SortedMap<String, String> known = descriptions;
        if (known == null) {
            known = new TreeMap<>();
            for (String name : context.getBeanNamesForAnnotation(ProcessBean.class)) {
                known.put(
                        name,
                        context.findAnnotationOnBean(name, ProcessBean.class).value());
            }
            known = Collections.unmodifiableSortedMap(known);
            descriptions = known;
        }
        return known;
    }

    public Set<String> names() {
        return entries().keySet();
    }

    /** The catalogue as the engine's expressions see it: looked up when an expression names a bean. */
    Map<Object, Object> asEngineBeans() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && names().contains(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                throw new UnsupportedOperationException("the catalogue is looked up by name only");
            }
        };
    }
}
