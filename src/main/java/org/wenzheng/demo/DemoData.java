package org.wenzheng.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.board.Category;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.common.DatabaseMigrator;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Demo data for the run command (wz.demo.enabled=true): units, topics, one account per role and a few messages.
 * Never in production: the setting defaults to false, and it only seeds an empty database.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String PASSWORD = "wenzheng-demo";

    @Inject
    @ConfigProperty(name = "wz.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    PasswordHasher hasher;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void seed() {
        if (!enabled || migrator.problem() != null) {
            return;
        }
        if (em.createQuery("select count(p) from Person p", Long.class).getSingleResult() > 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Unit> units = Map.of(
                "CG", new Unit("CG", "城市管理局", "Urban Management Bureau", now),
                "ZJ", new Unit("ZJ", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau", now),
                "JT", new Unit("JT", "交通运输局", "Transport Bureau", now),
                "HB", new Unit("HB", "生态环境局", "Ecology and Environment Bureau", now),
                "JY", new Unit("JY", "教育局", "Education Bureau", now),
                "SJ", new Unit("SJ", "市场监督管理局", "Market Regulation Bureau", now));
        units.values().forEach(em::persist);

        List<Category> categories = List.of(
                new Category("URBAN", "城乡建设", "Urban construction", 10),
                new Category("TRAFFIC", "交通出行", "Transport", 20),
                new Category("ENV", "环境保护", "Environment", 30),
                new Category("EDU", "教育", "Education", 40),
                new Category("HEALTH", "医疗卫生", "Health", 50),
                new Category("LABOUR", "劳动社保", "Jobs and social security", 60),
                new Category("MARKET", "市场监管", "Market regulation", 70),
                new Category("OTHER", "其他", "Other", 99));
        categories.forEach(em::persist);

        person("intake", "受理员 李敏", Role.INTAKE_OFFICER, null, now);
        // The leader has an address so that major-message alerts can be seen in the outbox.
        person("leader", "分管领导 王强", Role.LEADER, null, now).setEmail("leader@demo.wenzheng.invalid");
        person("liaison", "联系员 张伟（城管局）", Role.LIAISON, units.get("CG"), now);
        person("supervisor", "督办员 陈静", Role.SUPERVISOR, null, now);
        Person admin = person("admin", "系统管理员", Role.ADMINISTRATOR, null, now);

        Message waiting = message(MessageKind.COMPLAINT, "小区楼下烧烤店夜间噪音扰民",
                "每天晚上十一点以后，楼下烧烤店仍在营业，噪音很大，影响居民休息，希望有关部门管一管。",
                categories.get(2), units.get("CG"), now.minusHours(3));
        em.persist(waiting);
        Message held = message(MessageKind.QUESTION, "孩子转学需要哪些材料",
                "我家孩子明年要从外地转学回来读初二，请问需要准备哪些材料，到哪里办理？",
                categories.get(3), null, now.minusHours(1));
        em.persist(held);

        Message parking = message(MessageKind.SUGGESTION, "建议在人民路增设停车位",
                "人民路一带商铺多，停车难问题突出，建议利用路边空地增设临时停车位，并规范收费。",
                categories.get(1), units.get("JT"), now.minusDays(2));
        em.persist(parking);
        parking.register(admin, now.minusDays(2).plusHours(2), Severity.ORDINARY, WarningColour.BLUE, false, true);

        Message road = message(MessageKind.COMPLAINT, "幸福路人行道破损多日无人修",
                "幸福路与建设路交叉口附近的人行道砖块松动破损，老人和孩子经过时容易摔倒。",
                categories.get(0), units.get("CG"), now.minusDays(1));
        em.persist(road);
        road.register(admin, now.minusDays(1).plusHours(1), Severity.ORDINARY, WarningColour.YELLOW, false, true);
        em.persist(new Case(road, units.get("CG"), UnitRole.LEAD, "请城管局核实情况，尽快修复并答复群众。",
                admin, now.minusHours(20), now.plusDays(2), false));
        LOG.info("Demo data created: accounts intake, leader, liaison, supervisor, admin (password " + PASSWORD + ")");
    }

    private Person person(String username, String name, Role role, Unit unit, OffsetDateTime now) {
        Person p = new Person(username, name, hasher.hash(PASSWORD), now);
        p.getRoles().add(role);
        if (unit != null) {
            p.getUnits().add(unit);
        }
        em.persist(p);
        return p;
    }

    private Message message(MessageKind kind, String title, String body, Category category, Unit unit,
                            OffsetDateTime postedAt) {
        Message m = new Message(TrackingCode.generate(), kind, title, body, postedAt);
        m.setCategory(category);
        m.setTargetUnit(unit);
        m.setDisplayName("网友");
        m.setSearchText(tokenizer.indexText(title, body));
        return m;
    }
}
