package org.wenzheng.testsupport;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The integration tests deploy the very WAR the build produced, so they test what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        File war = new File(System.getProperty("wz.test.war", "target/wenzheng.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after `mvn package`.");
        }
        // TestDb and TestApiTokens work in-container too (staff API calls with a token from an in-container test);
        // JavaMigrations runs a migration again on data written the old way.
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(TestDb.class, TestApiTokens.class, JavaMigrations.class);
    }
}
