package io.salesflow.identity;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    /** The user for a login attempt, locked so parallel attempts are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.email = :email")
    Optional<User> findByEmailForLogin(String email);

    @Query("select u from User u where (:after is null or u.email > :after) order by u.email")
    List<User> page(String after, Pageable limit);

    @Query("select u from User u where :roleId member of u.roleIds")
    List<User> withRole(UUID roleId);
}
