/**
 * Business calendars: when a workspace works (time zone, weekly working hours, holidays), optionally overridden per
 * user, and the arithmetic of working time that timers and SLAs use ({@link io.salesflow.calendar.BusinessCalendars}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "identity", "platform", "tenancy"})
package io.salesflow.calendar;
