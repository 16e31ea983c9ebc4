package io.salesflow.calendar.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.calendar.BusinessCalendarSettings;
import io.salesflow.calendar.CalendarViews;
import io.salesflow.calendar.UserCalendarSettings;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's business calendar (read by every member, changed with {@code tenant:manage}) and users' own time
 * zones and working hours (their own, or anyone's with {@code users:read} to read and {@code users:manage} to change).
 */
@RestController
@Tag(name = "Business calendars")
class BusinessCalendarController {

    private final BusinessCalendarSettings workspace;
    private final UserCalendarSettings users;

    BusinessCalendarController(BusinessCalendarSettings workspace, UserCalendarSettings users) {
        this.workspace = workspace;
        this.users = users;
    }

    @GetMapping("/api/v1/business-calendar")
    @Operation(summary = "The workspace's time zone, working hours per weekday and holidays")
    ResponseEntity<CalendarViews.TenantCalendar> get() {
        CalendarViews.TenantCalendar calendar = workspace.get();
        return ResponseEntity.ok().eTag(ETags.of(calendar.version())).body(calendar);
    }

    @PutMapping("/api/v1/business-calendar")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Replace the calendar (fields left out take their defaults); send If-Match with the ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CalendarInput.class)))
    ResponseEntity<CalendarViews.TenantCalendar> replace(
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CalendarViews.TenantCalendar saved = workspace.replace(body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
    }

    @GetMapping("/api/v1/users/{userId}/business-calendar")
    @Operation(summary = "A user's own time zone and working hours (null: the workspace's), and the calendar in effect")
    ResponseEntity<CalendarViews.UserCalendar> getOfUser(@PathVariable UUID userId) {
        CalendarViews.UserCalendar calendar = users.get(userId);
        return ResponseEntity.ok().eTag(ETags.of(calendar.version())).body(calendar);
    }

    @PutMapping("/api/v1/users/{userId}/business-calendar")
    @Operation(summary = "Set a user's own time zone and working hours (left out: the workspace's); send If-Match")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = UserCalendarInput.class)))
    ResponseEntity<CalendarViews.UserCalendar> replaceOfUser(
            @PathVariable UUID userId,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CalendarViews.UserCalendar saved = users.replace(userId, body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
    }

    @DeleteMapping("/api/v1/users/{userId}/business-calendar")
    @Operation(summary = "Give a user the workspace's time zone and working hours again")
    ResponseEntity<Void> clearOfUser(
            @PathVariable UUID userId, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        users.clear(userId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /** The workspace's calendar as sent: workingHours by weekday (MONDAY …), times as HH:mm. */
    record CalendarInput(
            String timeZone,
            java.util.Map<String, java.util.List<CalendarViews.WorkingHours>> workingHours,
            java.util.List<CalendarViews.Holiday> holidays) {}

    /** A user's own time zone and working hours; null or left out: the workspace's. */
    record UserCalendarInput(
            String timeZone, java.util.Map<String, java.util.List<CalendarViews.WorkingHours>> workingHours) {}
}
