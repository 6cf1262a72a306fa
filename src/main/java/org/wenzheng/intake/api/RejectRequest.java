package org.wenzheng.intake.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reject (不予受理) a message; the citizen reads the reason on the tracking page. */
@Schema(name = "IntakeRejectRequest")
public record RejectRequest(
        @Schema(description = "the message version the caller saw (optimistic locking)", required = true)
        @NotNull Long version,
        @Schema(description = "shown to the citizen", required = true, maxLength = 500)
        @NotBlank @Size(max = 500) String reason) {

    /**
     * Written out so that the constraints stay on the fields (which Bean Validation checks) and are not copied onto
     * the constructor's parameters, where Payara's OpenAPI generator fails on @NotBlank and @Size.
     */
    public RejectRequest(Long version, String reason) {
        this.version = version;
        this.reason = reason;
    }
}
