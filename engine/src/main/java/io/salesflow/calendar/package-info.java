/**
 * Business calendars: when a workspace works (time zone, weekly working hours, holidays), optionally overridden per
 * user, and the arithmetic of working time that timers and SLAs use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.salesflow.calendar;
