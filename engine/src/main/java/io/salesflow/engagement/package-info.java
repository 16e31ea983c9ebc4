/**
 * What leads do that tells how interested they are (emails opened, forms submitted, meetings booked): the
 * events any module that learns of an engagement publishes (messaging, web forms, activities), and lead
 * scoring consumes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.salesflow.engagement;
