/**
 * The formats and sizes of what the catalog keeps, written once: the domain's records, the demo data, request
 * validation and the API documentation (maximum lengths, list sizes and number ranges of every answer) all use
 * these constants. Depends on nothing, so every feature may use it.
 */
package dev.onewindow.catalog.limits;
