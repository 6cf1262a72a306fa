package org.wenzheng.people;

import jakarta.enterprise.context.RequestScoped;

/** Carries the detailed outcome of this request's sign-in from the identity store to the sign-in page. */
@RequestScoped
public class SignInAttempts {

    private SignInResult last;

    void remember(SignInResult result) {
        this.last = result;
    }

    public SignInResult last() {
        return last;
    }
}
