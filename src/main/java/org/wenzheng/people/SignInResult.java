package org.wenzheng.people;

import java.time.OffsetDateTime;
import java.util.Set;

/** What a sign-in attempt came to. The page says "wrong name or password" for both unknown names and bad passwords. */
public sealed interface SignInResult {

    record Success(String username, Set<Role> roles) implements SignInResult { }

    record Invalid() implements SignInResult { }

    record Locked(OffsetDateTime until) implements SignInResult { }

    /** Too many failures from this client address: refused without checking the password. */
    record Throttled(OffsetDateTime until) implements SignInResult { }
}
