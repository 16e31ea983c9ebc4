package io.salesflow.identity.web;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Colleagues;
import io.salesflow.identity.Colleagues.Colleague;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Colleagues to pick from (a task's delegate, say): any signed-in user of the workspace may look them up. */
@RestController
@RequestMapping("/api/v1/colleagues")
@Tag(name = "Users")
@Validated
class ColleagueController {

    private final Colleagues colleagues;

    ColleagueController(Colleagues colleagues) {
        this.colleagues = colleagues;
    }

    @GetMapping
    @Operation(
            summary = "Active users whose name starts with q (any case), in name order: id, displayName, teams;"
                    + " email and roles only with users:read")
    List<Colleague> find(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Colleagues.MAX_LIMIT) int limit) {
        return colleagues.find(q, limit, Caller.require().can("users:read"));
    }
}
