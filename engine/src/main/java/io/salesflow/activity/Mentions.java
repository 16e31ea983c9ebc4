package io.salesflow.activity;

import io.salesflow.identity.UserStatus;
import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds the users a note's markdown mentions: {@code @[Display Name](user:<id>)}, as a web editor inserts it,
 * and a plain {@code @email@domain}. Each must be an active user of the workspace.
 */
@Component
class Mentions {

    static final int MAX = 50;
    private static final Pattern TOKEN = Pattern.compile("@\\[([^\\]\\r\\n]{1,200})]\\(user:([^)\\s]{1,100})\\)");
    /** An @ that starts a word, then an email address; "write to ann@acme.test" mentions nobody. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.@+-])@([a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                    + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)",
            Pattern.CASE_INSENSITIVE);

    private final Users users;

    Mentions(Users users) {
        this.users = users;
    }

    /** The mentioned users in the order of their first mention; an unknown one is a 400 on {@code body}. */
    List<UUID> resolve(String body) {
        Set<UUID> ids = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(body);
        while (token.find()) {
            UUID id = userId(token.group(2));
            if (id == null || !users.isActive(id)) {
                throw unknown(token.group());
            }
            ids.add(id);
        }
        Matcher email = EMAIL.matcher(TOKEN.matcher(body).replaceAll(" "));
        while (email.find()) {
            ids.add(users.byEmail(email.group(1))
                    .filter(u -> u.status().equals(UserStatus.ACTIVE.name()))
                    .map(UserView::id)
                    .orElseThrow(() -> unknown(email.group())));
        }
        if (ids.size() > MAX) {
            throw Problem.invalid("body", "mentions more than " + MAX + " users");
        }
        return List.copyOf(ids);
    }

    private static UUID userId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Problem unknown(String mention) {
        return Problem.invalid("body", "mentions " + mention + ", who is not an active user of this workspace");
    }
}
