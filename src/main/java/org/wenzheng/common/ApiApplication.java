package org.wenzheng.common;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The versioned JSON API. A breaking change gets /api/v2; v1 keeps working. The document is served at /openapi. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Wenzheng 问政 API",
        version = "1",
        description = "The public board and the back office of Wenzheng, for integrated systems (12345 hotlines,"
                + " mini-programs) and for the portal's own pages.",
        license = @License(name = "Apache-2.0")))
public class ApiApplication extends Application {
}
