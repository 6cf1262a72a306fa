package org.wenzheng.people.admin;

import org.junit.jupiter.api.Test;
import org.wenzheng.people.Role;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRulesTest {

    // 1 ← 2 ← 3 (3's parent is 2, 2's parent is 1)
    private static final Map<Long, Long> PARENTS = Map.of(2L, 1L, 3L, 2L);

    @Test
    void aUnitCannotGoUnderItselfOrItsOwnSubUnits() {
        assertTrue(AdminRules.makesCycle(1L, 3L, PARENTS::get), "1 under its grandchild 3");
        assertTrue(AdminRules.makesCycle(2L, 2L, PARENTS::get), "under itself");
        assertFalse(AdminRules.makesCycle(3L, 1L, PARENTS::get), "3 moved up under 1");
        assertFalse(AdminRules.makesCycle(null, 3L, PARENTS::get), "a new unit cannot close a loop");
        assertFalse(AdminRules.makesCycle(1L, null, PARENTS::get), "a top unit");
    }

    @Test
    void unitInputIsChecked() {
        assertEquals(Optional.empty(), AdminRules.unitProblem("CG", "城市管理局", null, "王局长", "wang@cg.gov.cn", null));
        assertEquals(Optional.of("admin.unit.error.code"), AdminRules.unitProblem("城管", "城市管理局", null, null, null, null));
        assertEquals(Optional.of("admin.unit.error.name"), AdminRules.unitProblem("CG", " ", null, null, null, null));
        assertEquals(Optional.of("admin.error.email"), AdminRules.unitProblem("CG", "城管", null, null, "not-an-address", null));
    }

    @Test
    void personInputIsChecked() {
        Set<Role> liaison = Set.of(Role.LIAISON);
        assertEquals(Optional.empty(), AdminRules.personProblem("li.na", "李娜", "li@x.cn", liaison, Set.of(5L)));
        assertEquals(Optional.of("admin.person.error.username"), AdminRules.personProblem("Li Na", "李娜", null, liaison, Set.of(5L)));
        assertEquals(Optional.of("admin.person.error.noRole"), AdminRules.personProblem("lina", "李娜", null, Set.of(), Set.of()));
        assertEquals(Optional.of("admin.person.error.liaisonUnit"), AdminRules.personProblem("lina", "李娜", null, liaison, Set.of()));
        assertEquals(Optional.of("admin.person.error.displayName"), AdminRules.personProblem("lina", "", null, liaison, Set.of(1L)));
    }

    @Test
    void theLastActiveAdministratorStays() {
        assertEquals(Optional.of("admin.person.error.lastAdmin"), AdminRules.adminGuard(true, false, 0));
        assertEquals(Optional.empty(), AdminRules.adminGuard(true, false, 1), "another administrator remains");
        assertEquals(Optional.empty(), AdminRules.adminGuard(true, true, 0), "stays an administrator");
        assertEquals(Optional.empty(), AdminRules.adminGuard(false, false, 0), "was not one");
    }
}
