package dev.onewindow.catalog.calendar;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CalendarYearRepository extends MongoRepository<CalendarYearRecord, Integer> {
}
