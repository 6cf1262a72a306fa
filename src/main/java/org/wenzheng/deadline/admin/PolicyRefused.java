package org.wenzheng.deadline.admin;

import org.wenzheng.deadline.PolicyInput;
import org.wenzheng.common.ActionRefused;

import java.util.List;

/** A policy change refused as invalid, with every field's problem (the first one is the refusal's own message). */
public class PolicyRefused extends ActionRefused {

    private final transient List<PolicyInput.Problem> problems;

    public PolicyRefused(List<PolicyInput.Problem> problems) {
        super(Kind.INVALID, problems.get(0).key(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<PolicyInput.Problem> problems() {
        return problems;
    }
}
