package org.wenzheng.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.stream.Collectors;

/**
 * Jakarta Security's view of staff accounts: the person table, through {@link PeopleService#signIn}, after the
 * client address's throttle ({@link SignInThrottle}); every failure counts against the address.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    PeopleService people;

    @Inject
    SignInAttempts attempts;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String address = clientAddress.of(request);
        var refused = throttle.refusedUntil(address);
        if (refused.isPresent()) {
            attempts.remember(new SignInResult.Throttled(refused.get()));
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignInResult result = people.signIn(credential.getCaller(), credential.getPasswordAsString());
        if (!(result instanceof SignInResult.Success)) {
            var blocked = throttle.failed(address);
            if (blocked.isPresent()) {
                result = new SignInResult.Throttled(blocked.get());
            }
        }
        attempts.remember(result);
        if (result instanceof SignInResult.Success s) {
            return new CredentialValidationResult(s.username(),
                    s.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
