/**
 * What any field of any request may hold, whatever its type: text without NUL or unpaired surrogates, times
 * within the years 1 to 9999, numbers with a bounded count of digits. The web layer applies the text rule to
 * every JSON string and query parameter; record inputs apply the others where they read times and numbers.
 */
package io.salesflow.platform.input;
