package org.eventcommerce.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything a view- or session-scoped bean of the portal keeps must be Serializable: the WAR is
 * {@code <distributable/>}, and Payara writes each session (the view-scoped beans included) to its Hazelcast data
 * grid after every request, so that another instance can carry on when this one is lost (README "Running several
 * instances"). One field that cannot be serialized makes Payara drop the whole map of view-scoped beans from the
 * copy ("Cannot serialize session attribute com.sun.faces.application.view.activeViewMaps"), silently.
 *
 * <p>The check follows declared types: every field that is neither static, transient nor injected (injected beans
 * are CDI proxies or passivation-capable beans, which Weld checks at deploy), through generic arguments
 * ({@code List<Row>}, and a superclass's: {@code Rows extends LazyDataModel<Row>} keeps the rows it loaded), arrays,
 * and into the fields and record components of the project's own classes.
 * Interfaces and abstract types say nothing about what they will hold, so only their generic arguments are checked.
 */
class SessionStateSerializableTest {

    private static final String OURS = "org.eventcommerce.";

    @Test
    void theCheckFindsTheScopedBeans() throws Exception {
        // A scan that finds nothing would pass anything.
        assertThat(scopedBeans()).extracting(Class::getSimpleName)
                .contains("LocaleSwitcher", "PaymentPage", "TransactionReportView", "PromotionCodeReportView",
                        "RevenueReportView", "CreatePromotionCodes", "HeldPaymentsView", "OrderDetail");
    }

    @Test
    void theCheckFlagsWhatCannotBeSerialized() {
        List<String> problems = new ArrayList<>();
        check(Holder.class, "Holder", problems, new HashSet<>());
        assertThat(problems).containsExactlyInAnyOrder(
                "Holder.plain: " + NotSerializable.class.getName(),
                "Holder.inList<>: " + NotSerializable.class.getName(),
                "Holder.nested.inner: " + NotSerializable.class.getName(),
                "Holder.rows<>: " + NotSerializable.class.getName());
    }

    @Test
    void everyFieldOfAViewOrSessionScopedBeanIsSerializable() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : scopedBeans()) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + ": the bean itself");
            }
            check(bean, bean.getSimpleName(), problems, new HashSet<>());
        }
        assertThat(problems).isEmpty();
    }

    /** Classes of the web module annotated {@code @ViewScoped} or {@code @SessionScoped}. */
    private static List<Class<?>> scopedBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SessionStateSerializableTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolveSibling("classes");
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(c);
                }
            }
        }
        return beans;
    }

    /** Adds to {@code problems} every place below {@code owner} that holds a non-Serializable class. */
    private static void check(Class<?> owner, String path, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(owner)) {
            return;
        }
        for (Class<?> c = owner; c != null && c.getName().startsWith(OURS); c = c.getSuperclass()) {
            // A model such as LazyDataModel<Row> keeps the rows it loaded: the type arguments of the superclass.
            if (c.getGenericSuperclass() instanceof ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) {
                    checkType(arg, path + "<>", problems, seen);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(Inject.class)
                        || f.isSynthetic()) {
                    continue;
                }
                checkType(f.getGenericType(), path + "." + f.getName(), problems, seen);
            }
        }
    }

    private static void checkType(Type t, String path, List<String> problems, Set<Class<?>> seen) {
        if (t instanceof ParameterizedType p) {
            checkType(p.getRawType(), path, problems, seen);
            for (Type arg : p.getActualTypeArguments()) {
                checkType(arg, path + "<>", problems, seen);
            }
        } else if (t instanceof GenericArrayType a) {
            checkType(a.getGenericComponentType(), path + "[]", problems, seen);
        } else if (t instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                checkType(bound, path, problems, seen);
            }
        } else if (t instanceof TypeVariable<?>) {
            // bound at the use site, which is checked there
        } else if (t instanceof Class<?> c) {
            if (c.isPrimitive()) {
                return;
            }
            if (c.isArray()) {
                checkType(c.getComponentType(), path + "[]", problems, seen);
                return;
            }
            boolean open = c.isInterface() || Modifier.isAbstract(c.getModifiers()) || c == Object.class;
            if (!open && !Serializable.class.isAssignableFrom(c)) {
                problems.add(path + ": " + c.getName());
                return;
            }
            if (c.getName().startsWith(OURS)) {
                check(c, path, problems, seen);
            }
        }
    }

    // A planted example for the check itself.
    static final class NotSerializable {
    }

    static final class Nested implements Serializable {
        private static final long serialVersionUID = 1L;
        NotSerializable inner;
    }

    static class Model<T> implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final class Rows extends Model<NotSerializable> {
        private static final long serialVersionUID = 1L;
    }

    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        NotSerializable plain;
        Rows rows;
        List<NotSerializable> inList;
        Nested nested;
        transient NotSerializable skipped;
        @Inject
        NotSerializable injected;
        String fine;
        List<String> fineList;
    }
}
