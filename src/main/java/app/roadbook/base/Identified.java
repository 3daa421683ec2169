package app.roadbook.base;

import jakarta.persistence.MappedSuperclass;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * An entity is its row: two objects are equal when they are the same kind of entity with the same id. Every entity
 * of the app takes its equality from here, written once because it is easy to get subtly wrong:
 *
 * <ul>
 *   <li>{@link #getId()}, never the field: on a lazy proxy the field is empty, while the getter answers with the id
 *       without loading the row.
 *   <li>The class compared is the entity's, for a lazy proxy (a generated subclass) the one it stands for, so a
 *       proxy equals the loaded entity of the same row. It is read off the proxy itself: {@code Hibernate.getClass}
 *       would load the row for it, and both it and {@code Hibernate.getClassLazy} fail on a proxy whose session has
 *       closed. The proxy's class is exact because no entity extends another (they extend only mapped superclasses).
 *   <li>The hash is one constant per class, not the id's: an entity keeps its hash however and whenever its id is
 *       set, so it stays findable in a hash set it was put in while new.
 *   <li>A new entity without an id equals only itself.
 * </ul>
 *
 * Not final: JPA wants entity methods overridable, so that proxies can stand in for them.
 */
@MappedSuperclass
public abstract class Identified<ID> {

    public abstract ID getId();

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Identified<?> other) || entityClass(this) != entityClass(other)) {
            return false;
        }
        ID id = getId();
        return id != null && id.equals(other.getId());
    }

    @Override
    public int hashCode() {
        return entityClass(this).hashCode();
    }

    /** The entity class of {@code entity}, or of the entity a lazy proxy stands for, without loading anything. */
    private static Class<?> entityClass(Object entity) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(entity);
        return proxy == null ? entity.getClass() : proxy.getPersistentClass();
    }
}
