/**
 * Working days and deadlines, shared by every OneWindow service.
 *
 * <p>{@link dev.onewindow.platform.calendar.WorkingDayCalendar} answers "is this a working day?" from per-year data
 * ({@link dev.onewindow.platform.calendar.CalendarYear}: statutory holidays and make-up working days), which
 * service-catalog maintains and every service caches; {@link dev.onewindow.platform.calendar.BundledCalendars} ships
 * the State Council arrangements known at build time. {@link dev.onewindow.platform.calendar.WorkClock} is the
 * deadline clock (docs/domain.md, "Deadline clock") that cases, work orders, rectifications, share requests and supervision orders embed.
 *
 * <p>Everything here is plain Java (no Spring), immutable and thread-safe.
 */
package dev.onewindow.platform.calendar;
